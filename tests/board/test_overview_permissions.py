"""Who may read the overview, role by role, and what a board member never sees there (a case-level record)."""

import pytest

from caseaudits.models import CaseAudit

pytestmark = pytest.mark.django_db

MAY_READ = {"admin", "la_officer", "board_member"}


@pytest.mark.parametrize(
    "role",
    [
        "anonymous",
        "admin",
        "la_officer",
        "board_member",
        "school_lead",
        "school_editor",
        "other_school_lead",
        "agency_lead",
        "agency_editor",
        "no_role",
    ],
)
def test_role_by_role(partnership, everyone, client_for, role):
    response = client_for(everyone[role]).get("/board/overview/")
    if role == "anonymous":
        assert response.status_code == 302 and "login" in response["Location"]
    elif role in MAY_READ:
        assert response.status_code == 200
        assert "Partnership overview" in response.content.decode()
        assert "Schools that have started their audit" in response.content.decode()
    else:
        assert response.status_code == 403
        assert "Offers published" not in response.content.decode()


def test_a_board_member_sees_no_case_level_record(partnership, board_member, client_for):
    content = client_for(board_member).get("/board/overview/").content.decode()
    for audit in CaseAudit.objects.all():
        assert audit.case_reference not in content
        assert f"/case-audits/{audit.pk}/" not in content
    assert "/case-audits/reports/" in content  # the aggregate report, which the board may read


def test_a_board_member_is_not_linked_to_pages_they_may_not_open(partnership, board_member, client_for):
    response = client_for(board_member).get("/board/overview/")
    offers = next(s for s, _ in response.context["sections"] if s.key == "offers")
    assert offers.url == ""  # the register is the LA's; the figures are still shown
    assert offers.figure("Offers published").value == 2
    assert "/offer-register/" not in response.content.decode()


def test_every_link_on_the_overview_opens_for_the_reader(partnership, everyone, client_for):
    for role in ("la_officer", "board_member"):
        client = client_for(everyone[role])
        response = client.get("/board/overview/")
        urls = {s.url for s, _ in response.context["sections"] if s.url}
        urls |= {f.url for s, _ in response.context["sections"] for f in s.figures if f.url}
        for url in urls:
            assert client.get(url).status_code == 200, (role, url)
