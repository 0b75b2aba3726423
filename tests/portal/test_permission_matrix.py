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
        "board_overview": "/board/overview/",
        "strategy": "/strategy/",
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
        board_overview=LOGIN,
        admin_localities=LOGIN,
        strategy=LOGIN,
    ),
    "admin": dict(
        dashboard=200,
        own_org=200,
        own_org_contact=200,
        admin_orgs=200,
        admin_org_edit=200,
        admin_import=200,
        board_overview=200,
        admin_localities=200,
        strategy=200,
    ),
    "la_officer": dict(
        dashboard=200,
        own_org=200,
        own_org_contact=200,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        board_overview=200,
        admin_localities=403,
        strategy=200,
    ),
    "board_member": dict(
        dashboard=200,
        own_org=404,
        own_org_contact=404,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        board_overview=200,
        admin_localities=403,
        strategy=200,
    ),
    "school_lead": dict(
        dashboard=200,
        own_org=200,
        own_org_contact=200,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        board_overview=403,
        admin_localities=403,
        strategy=403,
    ),
    "school_editor": dict(
        dashboard=200,
        own_org=200,
        own_org_contact=200,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        board_overview=403,
        admin_localities=403,
        strategy=403,
    ),
    "other_school_lead": dict(
        dashboard=200,
        own_org=404,
        own_org_contact=404,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        board_overview=403,
        admin_localities=403,
        strategy=403,
    ),
    "agency_lead": dict(
        dashboard=200,
        own_org=404,
        own_org_contact=404,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        board_overview=403,
        admin_localities=403,
        strategy=403,
    ),
    "no_role": dict(
        dashboard=200,
        own_org=404,
        own_org_contact=404,
        admin_orgs=403,
        admin_org_edit=403,
        admin_import=403,
        board_overview=403,
        admin_localities=403,
        strategy=403,
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


# The locality partnerships' list (tests/localities/test_permissions.py walks every page, chairs included):
# the LA and the board read every partnership; anyone else only those they chair or sit on (none here).
LOCALITIES = {
    "anonymous": LOGIN,
    "admin": 200,
    "la_officer": 200,
    "board_member": 200,
    "school_lead": 403,
    "school_editor": 403,
    "other_school_lead": 403,
    "agency_lead": 403,
    "agency_editor": 403,
    "no_role": 403,
}


@pytest.mark.parametrize("role", list(LOCALITIES))
def test_locality_partnerships_by_role(role, everyone, client_for):
    response = client_for(everyone[role]).get("/localities/")
    if LOCALITIES[role] == LOGIN:
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == LOCALITIES[role], (role, response.status_code)
    if response.status_code == 200:
        assert "Locality partnerships" in response.content.decode()


# The board's meetings (tests/board/test_meeting_permissions.py walks every page, drafts and issued packs):
# LA officers schedule meetings and assemble packs; board members read the issued packs; no one else.
BOARD_MEETINGS = {
    "anonymous": LOGIN,
    "admin": 200,
    "la_officer": 200,
    "board_member": 200,
    "school_lead": 403,
    "school_editor": 403,
    "other_school_lead": 403,
    "agency_lead": 403,
    "agency_editor": 403,
    "no_role": 403,
}


@pytest.mark.parametrize("role", list(BOARD_MEETINGS))
def test_board_meetings_by_role(role, everyone, client_for):
    response = client_for(everyone[role]).get("/board/meetings/")
    if BOARD_MEETINGS[role] == LOGIN:
        assert response.status_code == 302 and "login" in response["Location"]
    else:
        assert response.status_code == BOARD_MEETINGS[role], (role, response.status_code)
    if response.status_code == 200:
        assert "<h1>Board meetings</h1>" in response.content.decode()
