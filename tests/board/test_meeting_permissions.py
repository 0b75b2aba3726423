"""Role x view for board meetings and packs: LA officers manage everything; board members see every meeting
and its agenda but read issued packs only (a pack in preparation is a 404 to them); everyone else is
refused, never shown a pack."""

import pytest

from board import services

LOGIN = 302
MANAGERS = {"admin", "la_officer"}
READERS = MANAGERS | {"board_member"}


@pytest.fixture
def meetings(meeting, last_meeting, la_officer):
    services.add_section(last_meeting, "paper", title="Issued paper", text="Issued text")
    services.issue_pack(last_meeting, la_officer)
    services.add_section(meeting, "paper", title="Draft paper", text="Draft text")
    return {"issued": last_meeting, "draft": meeting}


def expected(role, view):
    if role == "anonymous":
        return LOGIN
    kind, _, which = view.partition(":")
    if kind == "manage":
        return 200 if role in MANAGERS else 403
    if role in MANAGERS:
        return 200
    if role != "board_member":
        return 403
    return 404 if which in ("draft_print", "draft_xlsx") else 200


VIEWS = {
    "read": lambda m: "/board/meetings/",
    "read:issued": lambda m: f"/board/meetings/{m['issued'].pk}/",
    "read:draft": lambda m: f"/board/meetings/{m['draft'].pk}/",
    "read:issued_print": lambda m: f"/board/meetings/{m['issued'].pk}/pack/print/",
    "read:draft_print": lambda m: f"/board/meetings/{m['draft'].pk}/pack/print/",
    "read:issued_xlsx": lambda m: f"/board/meetings/{m['issued'].pk}/pack/xlsx/",
    "read:draft_xlsx": lambda m: f"/board/meetings/{m['draft'].pk}/pack/xlsx/",
    "manage:new": lambda m: "/board/meetings/new/",
    "manage:edit": lambda m: f"/board/meetings/{m['draft'].pk}/edit/",
    "manage:agenda": lambda m: f"/board/meetings/{m['draft'].pk}/agenda/add/",
    "manage:follow_up": lambda m: f"/board/meetings/{m['draft'].pk}/follow-ups/add/",
}


@pytest.mark.parametrize("view", list(VIEWS))
def test_role_by_view(everyone, client_for, meetings, view):
    for role, user in everyone.items():
        response = client_for(user).get(VIEWS[view](meetings))
        assert response.status_code == expected(role, view), (role, view)
        body = response.content.decode() if response.get("Content-Type", "").startswith("text/html") else ""
        if role not in MANAGERS:
            assert "Draft paper" not in body and "Draft text" not in body, (role, view)
        if response.status_code == 200 and view == "read:issued_print":
            assert "Issued text" in body


def test_board_members_see_the_next_meeting_but_not_its_pack_in_preparation(
    client_for, board_member, la_officer, meetings
):
    member_page = client_for(board_member).get("/board/meetings/").content.decode()
    officer_page = client_for(la_officer).get("/board/meetings/").content.decode()
    assert "Previous board" in member_page and "Partnership board" in member_page and "In preparation" in member_page
    assert "Previous board" in officer_page and "Partnership board" in officer_page
    assert "Schedule a meeting" in officer_page and "Schedule a meeting" not in member_page
    draft = client_for(board_member).get(f"/board/meetings/{meetings['draft'].pk}/").content.decode()
    assert "The local authority is preparing the pack" in draft
    assert "Read or print the pack" not in draft and "Draft paper" not in draft and "Issue the pack" not in draft


@pytest.mark.parametrize("url", ["pack/issue/", "sections/add/"])
def test_only_officers_change_a_pack(everyone, client_for, meetings, url):
    draft = meetings["draft"]
    for role, user in everyone.items():
        if role in MANAGERS:
            continue
        response = client_for(user).post(f"/board/meetings/{draft.pk}/{url}", {"source": "overview"})
        assert response.status_code in (302, 403) and (role == "anonymous") == (response.status_code == 302)
    draft.refresh_from_db()
    assert not draft.is_issued and draft.sections.count() == 1


def test_a_board_member_reads_an_issued_pack_without_the_officers_controls(client_for, board_member, meetings):
    page = client_for(board_member).get(f"/board/meetings/{meetings['issued'].pk}/").content.decode()
    assert "Issue the pack" not in page and "Record a decision" not in page and "Read or print the pack" in page
