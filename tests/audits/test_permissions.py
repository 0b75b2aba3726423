"""Who sees what, role by role, for every page of the audit tool: 200 with the right content, a redirect to
sign in, 403 (may read, may not change) or 404 (another organisation's record) - never a 500, never
another school's data."""

import pytest
from django.utils import timezone

from audits import services
from audits.models import OfferVisit
from testdata.people import ROLES

SCHOOL = "Oak Tree Primary School"


@pytest.fixture
def visit(school, la_officer):
    return OfferVisit.objects.create(
        organisation=school,
        visited_on=timezone.localdate(),
        officer=la_officer,
        judgement="good",
        notes="Offer easy to find",
        agreed_actions="Add outcomes for attendance",
    )


def expect(table):
    """Expand {"200": [...], "404": [...]} to a role -> status mapping covering every role."""
    mapping = {role: int(status) for status, roles in table.items() for role in roles}
    assert sorted(mapping) == sorted(ROLES), set(ROLES) ^ set(mapping)
    return mapping


IN_PROGRESS_READ = expect(
    {
        "302": ["anonymous"],
        "200": ["admin", "la_officer", "school_lead", "school_editor"],
        "404": ["board_member", "other_school_lead", "agency_lead", "agency_editor", "no_role"],
    }
)
IN_PROGRESS_EDIT = expect(
    {
        "302": ["anonymous"],
        "200": ["school_lead", "school_editor"],
        "403": ["admin", "la_officer"],
        "404": ["board_member", "other_school_lead", "agency_lead", "agency_editor", "no_role"],
    }
)


def check(response, role, expected, content=SCHOOL):
    assert response.status_code == expected, (role, response.status_code)
    body = response.content.decode(errors="replace") if response.get("Content-Type", "").startswith("text") else ""
    if expected == 302 and role == "anonymous":
        assert response.url.startswith("/accounts/login/")
    elif expected == 200 and body:
        assert content in body, role
    elif expected in (403, 404):
        assert SCHOOL not in body, role


@pytest.mark.parametrize("role", ROLES)
def test_in_progress_audit_pages(role, everyone, client_for, audit):
    client = client_for(everyone[role])
    action = audit.actions.first()
    check(client.get(f"/audits/{audit.pk}/"), role, IN_PROGRESS_READ[role], "Early Help commitments audit")
    export = client.get(f"/audits/{audit.pk}/action-plan.xlsx")
    assert export.status_code == IN_PROGRESS_READ[role]
    if export.status_code == 200:
        assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    check(client.get(f"/audits/{audit.pk}/steps/commitment-1/"), role, IN_PROGRESS_EDIT[role], "Save and continue")
    check(client.get(f"/audits/{audit.pk}/commitments/1/"), role, IN_PROGRESS_EDIT[role], "Save changes")
    check(client.get(f"/audits/{audit.pk}/actions/{action.pk}/"), role, IN_PROGRESS_EDIT[role], "Change an action")


COMMENT = expect(
    {
        "302": ["anonymous", "admin", "la_officer"],
        "403": ["school_lead", "school_editor"],
        "404": ["board_member", "other_school_lead", "agency_lead", "agency_editor", "no_role"],
    }
)


@pytest.mark.parametrize("role", ROLES)
def test_only_la_officers_comment(role, everyone, client_for, audit):
    response = client_for(everyone[role]).post(f"/audits/{audit.pk}/comments/", {"text": "Well done"})
    assert response.status_code == COMMENT[role]
    assert audit.comments.exists() is (role in ("admin", "la_officer"))


SUBMITTED_READ = expect(
    {
        "302": ["anonymous"],
        "200": ["admin", "la_officer", "board_member", "school_lead", "school_editor"],
        "404": ["other_school_lead", "agency_lead", "agency_editor", "no_role"],
    }
)


@pytest.mark.parametrize("role", ROLES)
def test_submitted_audit_is_read_by_the_board(role, everyone, client_for, audit, school_lead):
    services.submit_audit(audit, school_lead, audit.version)
    response = client_for(everyone[role]).get(f"/audits/{audit.pk}/")
    check(response, role, SUBMITTED_READ[role], "Submitted")
    if role == "board_member":
        page = response.content.decode()
        assert f"/audits/{audit.pk}/commitments/1/" not in page  # read-only: no change links
        assert "Add comment" not in page and "Continue the audit" not in page
    if role == "la_officer":
        assert "Add comment" in response.content.decode()


SCHOOL_PAGE = expect(
    {
        "302": ["anonymous"],
        "200": ["admin", "la_officer", "board_member", "school_lead", "school_editor"],
        "404": ["other_school_lead", "agency_lead", "agency_editor", "no_role"],
    }
)


@pytest.mark.parametrize("role", ROLES)
def test_school_page(role, everyone, client_for, audit, visit):
    response = client_for(everyone[role]).get(f"/audits/schools/{audit.organisation.slug}/")
    check(response, role, SCHOOL_PAGE[role])
    page = response.content.decode()
    if role in ("admin", "la_officer", "school_lead", "school_editor"):
        assert f"/audits/{audit.pk}/" in page and f"/audits/visits/{visit.pk}/" in page
    if role == "board_member":  # the audit is not submitted, and visits are the LA's and the school's
        assert f"/audits/{audit.pk}/" not in page and f"/audits/visits/{visit.pk}/" not in page


START = expect(
    {
        "302": ["anonymous"],
        "200": ["school_lead", "school_editor"],
        "403": ["admin", "la_officer", "board_member"],
        "404": ["other_school_lead", "agency_lead", "agency_editor", "no_role"],
    }
)


@pytest.mark.parametrize("role", ROLES)
def test_start_page(role, everyone, client_for, school, framework):
    check(client_for(everyone[role]).get(f"/audits/schools/{school.slug}/start/"), role, START[role], "Start the audit")


def test_start_is_only_for_schools(client_for, agency_lead, agency):
    assert client_for(agency_lead).get(f"/audits/schools/{agency.slug}/start/").status_code == 404


CITY = expect(
    {
        "302": ["anonymous"],
        "200": ["admin", "la_officer", "board_member"],
        "403": ["school_lead", "school_editor", "other_school_lead", "agency_lead", "agency_editor", "no_role"],
    }
)


@pytest.mark.parametrize("role", ROLES)
def test_city_view_and_export(role, everyone, client_for, audit):
    client = client_for(everyone[role])
    check(client.get("/audits/city/"), role, CITY[role], SCHOOL)
    export = client.get("/audits/city/export/")
    assert export.status_code == CITY[role]


INDEX = {
    "anonymous": "/accounts/login/",
    "admin": "/audits/city/",
    "la_officer": "/audits/city/",
    "board_member": "/audits/city/",
    "school_lead": "/audits/schools/oak-tree-primary-school/",
    "school_editor": "/audits/schools/oak-tree-primary-school/",
    "other_school_lead": "/audits/schools/birch-academy/",
    "agency_lead": 404,
    "agency_editor": 404,
    "no_role": 404,
}


@pytest.mark.parametrize("role", ROLES)
def test_index_sends_each_role_to_its_place(role, everyone, client_for):
    response = client_for(everyone[role]).get("/audits/")
    if INDEX[role] == 404:
        assert response.status_code == 404
    else:
        assert response.status_code == 302 and response.url.startswith(INDEX[role])


VISIT_LIST = expect(
    {
        "302": ["anonymous"],
        "200": ["admin", "la_officer", "school_lead", "school_editor", "other_school_lead"],
        "404": ["board_member", "agency_lead", "agency_editor", "no_role"],
    }
)
VISIT_READ = expect(
    {
        "302": ["anonymous"],
        "200": ["admin", "la_officer", "school_lead", "school_editor"],
        "404": ["board_member", "other_school_lead", "agency_lead", "agency_editor", "no_role"],
    }
)
VISIT_EDIT = expect(
    {
        "302": ["anonymous"],
        "200": ["admin", "la_officer"],
        "403": ["school_lead", "school_editor"],
        "404": ["board_member", "other_school_lead", "agency_lead", "agency_editor", "no_role"],
    }
)
VISIT_NEW = expect(
    {
        "302": ["anonymous"],
        "200": ["admin", "la_officer"],
        "403": [
            "board_member",
            "school_lead",
            "school_editor",
            "other_school_lead",
            "agency_lead",
            "agency_editor",
            "no_role",
        ],
    }
)


@pytest.mark.parametrize("role", ROLES)
def test_offer_visit_pages(role, everyone, client_for, visit):
    client = client_for(everyone[role])
    listing = client.get("/audits/visits/")
    assert listing.status_code == VISIT_LIST[role]
    if listing.status_code == 200:
        assert (SCHOOL in listing.content.decode()) is (role != "other_school_lead")
    check(client.get(f"/audits/visits/{visit.pk}/"), role, VISIT_READ[role], "Add outcomes for attendance")
    check(client.get(f"/audits/visits/{visit.pk}/edit/"), role, VISIT_EDIT[role], "Save the visit")
    new = client.get("/audits/visits/new/")
    assert new.status_code == VISIT_NEW[role]
    if role == "anonymous":
        assert new.url.startswith("/accounts/login/")
