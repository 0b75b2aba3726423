"""The chair's "Your locality partnership" (this quarter's report due; last quarter's needs action while it is
not submitted) and the locality partnerships in the header's Board section for whoever may use them."""

import pytest

from board.navigation import board
from localities.dashboard import your_locality_partnership
from localities.models import QuarterlyReport
from portal.dashboard import needs_action
from testdata.localities import make_report


def test_last_quarters_unsubmitted_report_needs_the_chairs_action(north_partnership, chair, this_quarter, last_quarter):
    section = your_locality_partnership(chair)
    assert section.title == "Your locality partnership"
    assert [(i.text, i.tag, i.needs_action) for i in section.items] == [
        (f"{last_quarter.label} report to the board", "Overdue", True),
        (f"{this_quarter.label} report to the board", "Due this quarter", False),
    ]
    assert [item.text for _, item in needs_action([section])] == [f"{last_quarter.label} report to the board"]
    assert section.items[0].url == f"/localities/north/reports/{last_quarter.start_year}-q{last_quarter.quarter}/"


def test_once_submitted_only_this_quarters_report_is_listed(north_partnership, chair, this_quarter, last_quarter):
    make_report(north_partnership, last_quarter, narrative="Done", status=QuarterlyReport.Status.SUBMITTED)
    section = your_locality_partnership(chair)
    assert [(i.text, i.needs_action) for i in section.items] == [(f"{this_quarter.label} report to the board", False)]


def test_a_submitted_report_for_this_quarter_says_so(north_partnership, chair, this_quarter, last_quarter):
    for quarter in (last_quarter, this_quarter):
        make_report(north_partnership, quarter, narrative="Done", status=QuarterlyReport.Status.SUBMITTED)
    assert [i.tag for i in your_locality_partnership(chair).items] == ["Submitted"]


def test_another_localitys_report_is_not_the_chairs(north_partnership, south_partnership, chair):
    assert all("North" in item.detail for item in your_locality_partnership(chair).items)


@pytest.mark.parametrize("role", ["la_officer", "board_member", "no_role"])
def test_no_one_but_a_chair_or_member_has_the_section(role, everyone, north_partnership):
    assert your_locality_partnership(everyone[role]) is None


def test_the_dashboard_page_shows_it(north_partnership, chair, client_for, last_quarter):
    content = client_for(chair).get("/dashboard/").content.decode()
    assert "Your locality partnership" in content and f"{last_quarter.label} report to the board" in content


@pytest.mark.parametrize(
    "role, shown",
    [
        ("anonymous", False),
        ("admin", True),
        ("la_officer", True),
        ("board_member", True),
        ("chair", False),  # reaches it from the dashboard: the header asks no query of its own
        ("school_lead", False),
        ("other_school_lead", False),
        ("no_role", False),
    ],
)
def test_the_header_offers_localities_to_whoever_may_use_them(role, shown, everyone, chair, north_partnership, rf):
    from django.contrib.auth.models import AnonymousUser

    people = dict(everyone, chair=chair)
    user = people[role] or AnonymousUser()
    section = board(user)
    links = {link.label: link.url for link in section.pages} if section else {}
    assert (links.get("Locality partnerships") == "/localities/") == shown
    if shown:
        assert section.owns("/localities/north/reports/2026-q2/")  # the Board section's breadcrumbs and sub-pages


def test_a_member_who_does_not_chair_reaches_the_partnership_from_the_dashboard(
    north_partnership, school_lead, client_for
):
    content = client_for(school_lead).get("/dashboard/").content.decode()
    assert "Your locality partnership" in content and "You are a member" in content
    assert f'href="/localities/{north_partnership.locality.slug}/"' in content
    assert "report to the board" not in content  # the reports are the chair's to write
