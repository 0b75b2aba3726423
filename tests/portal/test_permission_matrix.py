"""Role x view matrix for the partnership core's pages.

Each cell is what the role must get: a status code and, for 200s, text that proves it is the right page.
Refusals are 302 to sign-in (anonymous), 403 or 404 — never 500, and never the organisation's data.
"""

import pytest

# The school's staff list is private to its people, the LA and administrators.
SCHOOL_PRIVATE_TEXT = "office@oak.example"
MAY_SEE_SCHOOL_PRIVATE = {"admin", "la_officer", "school_lead", "school_editor"}


def views(school):
    return {
        "dashboard": "/dashboard/",
        "own_org": f"/organisations/{school.slug}/",
        "own_org_contact": f"/organisations/{school.slug}/contact/",
        "admin_orgs": "/admin/organisation/",
        "admin_org_edit": f"/admin/organisation/edit/{school.pk}/",
        "admin_import": "/admin/organisations-import/",
        "admin_localities": "/admin/locality/",
    }


LOGIN = 302
# role -> view -> expected status
MATRIX = {
    "anonymous": dict(
        dashboard=LOGIN,
        own_org=LOGIN,
        own_org_contact=LOGIN,
        admin_orgs=LOGIN,
        admin_org_edit=LOGIN,
        admin_import=LOGIN,
        admin_localities=LOGIN,
    ),
    "admin": dict(
        dashboard=200,
        own_org=200,
        own_org_contact=200,
        admin_orgs=200,
        admin_org_edit=200,
        admin_import=200,
        admin_localities=200,
    ),
    "la_officer": dict(
        dashboard=200,
        own_org=200,
        own_org_contact=200,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        admin_localities=403,
    ),
    "board_member": dict(
        dashboard=200,
        own_org=404,
        own_org_contact=404,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        admin_localities=403,
    ),
    "school_lead": dict(
        dashboard=200,
        own_org=200,
        own_org_contact=200,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        admin_localities=403,
    ),
    "school_editor": dict(
        dashboard=200,
        own_org=200,
        own_org_contact=200,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        admin_localities=403,
    ),
    "other_school_lead": dict(
        dashboard=200,
        own_org=404,
        own_org_contact=404,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        admin_localities=403,
    ),
    "agency_lead": dict(
        dashboard=200,
        own_org=404,
        own_org_contact=404,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        admin_localities=403,
    ),
    "no_role": dict(
        dashboard=200,
        own_org=404,
        own_org_contact=404,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        admin_localities=403,
    ),
}


def _refused_by_wagtail(response):
    """Wagtail answers a signed-in person without admin access with a redirect to its login or a 403."""
    return (
        response.status_code == 403
        or (response.status_code == 302 and "/admin/login/" in response["Location"])
        or (response.status_code == 302 and response["Location"] in ("/admin/", "/"))
    )


@pytest.mark.parametrize("role", list(MATRIX))
def test_role_by_view(role, everyone, school, client_for):
    client = client_for(everyone[role])
    for view, url in views(school).items():
        expected = MATRIX[role][view]
        response = client.get(url)
        content = response.content.decode(errors="replace")
        assert response.status_code != 500, (role, view)
        if expected == 200:
            assert response.status_code == 200, (role, view, response.status_code)
        elif expected == LOGIN:
            assert response.status_code == 302 and "login" in response["Location"], (role, view)
        elif view.startswith("admin"):
            assert _refused_by_wagtail(response), (role, view, response.status_code)
        else:
            assert response.status_code == expected, (role, view, response.status_code)
        if role not in MAY_SEE_SCHOOL_PRIVATE:
            assert SCHOOL_PRIVATE_TEXT not in content, (role, view)


@pytest.mark.parametrize("role", ["admin", "la_officer", "school_lead", "school_editor"])
def test_organisation_page_shows_its_people_to_those_allowed(role, everyone, school, client_for):
    response = client_for(everyone[role]).get(f"/organisations/{school.slug}/")
    content = response.content.decode()
    assert school.name in content
    assert "Organisation lead (Designated Lead / DSL)" in content
    assert "Dsl Tester" in content
    assert "Office Tester" in content
