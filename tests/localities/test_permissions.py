"""Role x view for the locality partnership pages: the LA manages every partnership, the chair edits their
own partnership's work, the board reads every partnership and its submitted reports, members read theirs.
A refusal is a sign-in redirect, 403 or 404, never a 500, and a draft's words never reach anyone else."""

import pytest

from localities.models import QuarterlyReport
from portal.permissions import localities as can
from testdata.localities import make_budget, make_report

LOGIN = 302
DRAFT_TEXT = "Draft words only the chair and the LA may read"
SUBMITTED_TEXT = "What the partnership told the board"

VIEWS = [
    "index",
    "detail",
    "report_draft",
    "report_submitted",
    "settings",
    "create",
    "add_priority",
    "add_initiative",
    "budget",
]

ALL_OK = dict.fromkeys(VIEWS, 200)
ANONYMOUS = dict.fromkeys(VIEWS, LOGIN)
# Neither chairs nor sits on North's partnership: the pages of North's partnership are not confirmed to exist.
OUTSIDER = dict(
    index=403,
    detail=404,
    report_draft=404,
    report_submitted=404,
    settings=403,
    create=403,
    add_priority=404,
    add_initiative=404,
    budget=404,
)
READER = dict(
    index=200,
    detail=200,
    report_draft=404,
    report_submitted=200,
    settings=403,
    create=403,
    add_priority=403,
    add_initiative=403,
    budget=403,
)
MATRIX = {
    "anonymous": ANONYMOUS,
    "admin": ALL_OK,
    "la_officer": ALL_OK,
    "board_member": READER,
    "chair": dict(READER, report_draft=200, add_priority=200, add_initiative=200),
    # Chairs South's partnership: may use the pages, never North's.
    "other_chair": dict(OUTSIDER, index=200),
    "school_lead": READER,  # the school is a member organisation of North's partnership
    "school_editor": READER,
    "other_school_lead": OUTSIDER,  # same locality, but its school does not sit on the partnership
    "agency_lead": OUTSIDER,
    "agency_editor": OUTSIDER,
    "no_role": OUTSIDER,
}
MAY_READ_DRAFT = {"admin", "la_officer", "chair"}


@pytest.fixture
def pages(north_partnership, south_partnership, this_quarter, last_quarter):
    make_budget(north_partnership, this_quarter.start_year)
    draft = make_report(north_partnership, this_quarter, narrative=DRAFT_TEXT)
    submitted = make_report(
        north_partnership, last_quarter, narrative=SUBMITTED_TEXT, status=QuarterlyReport.Status.SUBMITTED
    )
    base = "/localities/north/"
    return {
        "index": "/localities/",
        "detail": base,
        "report_draft": f"{base}reports/{draft.slug}/",
        "report_submitted": f"{base}reports/{submitted.slug}/",
        "settings": f"{base}settings/",
        "create": "/localities/new/",
        "add_priority": f"{base}priorities/new/",
        "add_initiative": f"{base}initiatives/new/",
        "budget": f"{base}budget/",
    }


@pytest.fixture
def people(everyone, chair, other_chair):
    return dict(everyone, chair=chair, other_chair=other_chair)


@pytest.mark.parametrize("role", list(MATRIX))
def test_role_by_view(role, people, pages, client_for):
    client = client_for(people[role])
    for view, url in pages.items():
        response = client.get(url)
        expected = MATRIX[role][view]
        assert response.status_code != 500, (role, view)
        if expected == LOGIN:
            assert response.status_code == 302 and "login" in response["Location"], (role, view)
        else:
            assert response.status_code == expected, (role, view, response.status_code)
        content = response.content.decode()
        if role not in MAY_READ_DRAFT:
            assert DRAFT_TEXT not in content, (role, view)
        if expected == 200 and view == "report_submitted":
            assert SUBMITTED_TEXT in content
        if expected == 200 and view == "detail":
            assert "North Early Help Locality Partnership" in content


@pytest.mark.parametrize("role", ["board_member", "school_lead"])
def test_readers_see_only_submitted_reports_in_the_list(role, people, pages, client_for, this_quarter, last_quarter):
    content = client_for(people[role]).get(pages["detail"]).content.decode()
    assert last_quarter.label in content
    assert this_quarter.label not in content.split("Quarterly reports to the board")[1]


def test_the_chair_never_sees_case_level_records(chair, north_partnership, client_for):
    response = client_for(chair).get("/case-audits/")
    assert response.status_code in (302, 403, 404)


def test_posting_as_a_reader_changes_nothing(people, pages, client_for, north_partnership):
    response = client_for(people["board_member"]).post(pages["add_priority"], {"title": "Mine", "target": "x"})
    assert response.status_code == 403
    assert not north_partnership.priorities.exists()


def test_the_rules_name_the_report_stages_by_their_stored_values():
    assert (can.DRAFT, can.SUBMITTED) == (QuarterlyReport.Status.DRAFT, QuarterlyReport.Status.SUBMITTED)


def test_visible_reports_keeps_drafts_to_their_chair(people, pages, north_partnership):
    reports = QuarterlyReport.objects.all()
    assert can.visible_reports(people["chair"], reports).count() == 2
    assert can.visible_reports(people["la_officer"], reports).count() == 2
    assert list(can.visible_reports(people["board_member"], reports).values_list("status", flat=True)) == ["submitted"]
    assert list(can.visible_reports(people["school_lead"], reports).values_list("status", flat=True)) == ["submitted"]
    assert not can.visible_reports(people["other_chair"], reports).exists()
    assert not can.visible_reports(people["anonymous"], reports).exists()
