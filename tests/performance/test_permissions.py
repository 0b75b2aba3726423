"""Who sees what in the performance book, role by role (portal/permissions/performance.py).

The owner is `agency_lead` (at the agency); `agency_editor` is at the same organisation but does not own
the indicator, so owning is personal, not organisational. Refusals are a sign-in redirect, 403 or 404 (a
draft's existence is not confirmed), never a 500, and never the draft's words.
"""

import pytest
from django.urls import reverse

from performance.models import Return
from portal.permissions import performance as can
from testdata.people import ROLES
from testdata.performance import make_return

LOGIN = "login"
DRAFT_TEXT = "Draft words only the owner and the LA may read"
SUBMITTED_TEXT = "Submitted words the board reads"

MANAGERS = {"admin", "la_officer"}
OWNER = {"agency_lead"}
SIGNED_IN_WITH_ROLE = {
    "admin",
    "la_officer",
    "board_member",
    "school_lead",
    "school_editor",
    "other_school_lead",
    "agency_lead",
    "agency_editor",
}


def expected(role, view):
    if role == "anonymous":
        return LOGIN
    if view == "index":
        return 200 if role in SIGNED_IN_WITH_ROLE else 403
    if view in ("set_owners", "assign_owner", "set_target", "late"):
        return 200 if role in MANAGERS else 403
    if view in ("bulk", "bulk_template"):
        return 200 if role in MANAGERS | OWNER else 403
    if view == "draft_return":
        return 200 if role in MANAGERS | OWNER else (403 if role == "no_role" else 404)
    if view == "submitted_return":
        return 200 if role in MANAGERS | OWNER | {"board_member"} else (403 if role == "no_role" else 404)
    raise AssertionError(view)


@pytest.fixture
def urls(owned, book, last_quarter, agency_lead):
    make_return(owned, last_quarter, submitted=False, narrative=DRAFT_TEXT)
    make_return(owned, last_quarter.previous(), value=40, user=agency_lead, narrative=SUBMITTED_TEXT)
    return {
        "index": reverse("performance:index"),
        "set_owners": reverse("performance:set_owners", args=[book.pk]),
        "assign_owner": reverse("performance:assign_owner", args=[owned.pk]),
        "set_target": reverse("performance:set_target", args=[owned.pk]),
        "late": reverse("performance:late"),
        "bulk": reverse("performance:bulk", args=[book.pk]),
        "bulk_template": reverse("performance:bulk_template", args=[book.pk]),
        "draft_return": reverse("performance:return", args=[owned.pk, last_quarter.start.isoformat()]),
        "submitted_return": reverse("performance:return", args=[owned.pk, last_quarter.previous().start.isoformat()]),
    }


@pytest.mark.parametrize("role", ROLES)
def test_role_by_view(role, everyone, urls, client_for):
    client = client_for(everyone[role])
    for view, url in urls.items():
        want = expected(role, view)
        response = client.get(url)
        assert response.status_code != 500, (role, view)
        if want == LOGIN:
            assert response.status_code == 302 and "login" in response["Location"], (role, view)
        else:
            assert response.status_code == want, (role, view, response.status_code)
        content = response.content.decode(errors="replace")
        if view == "draft_return" and want == 200:
            assert DRAFT_TEXT in content
        if role not in MANAGERS | OWNER:
            assert DRAFT_TEXT not in content, (role, view)
        if view == "submitted_return" and want == 200:
            assert SUBMITTED_TEXT in content and "Revisions" in content


@pytest.mark.parametrize("role", ROLES)
def test_only_the_owner_and_the_la_may_write_a_return(role, everyone, owned, last_quarter, client_for):
    url = reverse("performance:return", args=[owned.pk, last_quarter.start.isoformat()])
    response = client_for(everyone[role]).post(
        url, {"value": "12", "narrative": "x", "action": "submit", "version": "0"}
    )
    may = role in MANAGERS | OWNER
    if role == "anonymous":
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code in ((302,) if may else (403, 404)), (role, response.status_code)
    assert Return.objects.filter(status="submitted").exists() is may


@pytest.mark.parametrize("role", ROLES)
def test_only_the_la_may_assign_owners_and_chase(role, everyone, owned, agency_editor, agency, client_for):
    from portal.models import Membership

    membership = Membership.objects.get(user=agency_editor, organisation=agency)
    client = client_for(everyone[role])
    client.post(reverse("performance:assign_owner", args=[owned.pk]), {"membership": membership.pk})
    owned.refresh_from_db()
    assert (owned.owner.user == agency_editor) is (role in MANAGERS)
    response = client.post(reverse("performance:chase"))
    assert response.status_code == (302 if role in MANAGERS | {"anonymous"} else 403)


def test_the_board_reads_submitted_returns_and_never_drafts(board_member, owned, last_quarter, agency_lead):
    draft = make_return(owned, last_quarter, submitted=False)
    submitted = make_return(owned, last_quarter.previous(), value=3, user=agency_lead)
    visible = can.visible_returns(board_member, Return.objects.all())
    assert list(visible) == [submitted] and draft not in visible


def test_partners_and_the_public_read_only_closed_periods_of_the_scorecard(everyone):
    for role, user in everyone.items():
        closed_only = can.scorecard_closed_periods_only(user)
        assert closed_only is (role not in ("admin", "la_officer", "board_member")), role
    assert not can.can_view_scorecard(None) and can.can_view_scorecard(None, set_is_public=True)
    assert not can.can_view_scorecard(everyone["no_role"])
    assert can.can_view_scorecard(everyone["school_editor"])


def test_the_rules_name_the_returns_own_statuses():
    assert (can.DRAFT, can.SUBMITTED) == (Return.Status.DRAFT, Return.Status.SUBMITTED)


@pytest.mark.parametrize("role", ROLES)
def test_the_header_offers_the_performance_section_to_those_who_may_use_it(role, everyone):
    from portal.navigation import sections_for

    user = everyone[role]
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    sections = {s.label: s for s in sections_for(user)}
    assert ("Performance" in sections) is (role in SIGNED_IN_WITH_ROLE), role
    if "Performance" in sections:
        labels = [page.label for page in sections["Performance"].pages]
        assert labels[:2] == ["Scorecard", "Performance book"]
        assert ("Late returns" in labels) is (role in MANAGERS)
