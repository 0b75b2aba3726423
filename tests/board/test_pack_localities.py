"""A locality partnership's chair reads their own locality's section of an issued pack, frozen with it, and
nothing else of the pack."""

import pytest

from board import services
from portal.dashboard import sections_for
from testdata.localities import make_partnership


@pytest.fixture
def chair(school_lead, north, south, meeting):
    make_partnership(north, chair=school_lead)
    make_partnership(south)
    services.add_section(meeting, "locality_reports")
    services.add_section(meeting, "paper", title="Board-only paper", text="Board-only text")
    return school_lead


def test_the_chair_reads_their_own_locality_once_issued(client_for, chair, la_officer, meeting):
    client = client_for(chair)
    url = f"/board/meetings/{meeting.pk}/pack/locality/north/"
    assert client.get(url).status_code == 404  # not issued yet
    services.issue_pack(meeting, la_officer)
    meeting.refresh_from_db()
    assert set(meeting.locality_snapshot) == {"north", "south"}
    page = client.get(url).content.decode()
    assert "Locality partnership reports: North" in page and "Board-only" not in page
    assert "Back to the meeting" not in page
    assert client.get(f"/board/meetings/{meeting.pk}/pack/locality/south/").status_code == 404
    assert client.get(f"/board/meetings/{meeting.pk}/pack/print/").status_code == 403
    assert client.get(f"/board/meetings/{meeting.pk}/pack/locality/nowhere/").status_code == 404


def test_the_pack_readers_read_every_locality(client_for, chair, la_officer, board_member, other_school_lead, meeting):
    services.issue_pack(meeting, la_officer)
    for user, status in ((la_officer, 200), (board_member, 200), (other_school_lead, 404)):
        assert client_for(user).get(f"/board/meetings/{meeting.pk}/pack/locality/south/").status_code == status


def test_the_chairs_dashboard_links_to_their_locality(chair, la_officer, meeting):
    services.issue_pack(meeting, la_officer)
    section = next(s for s in sections_for(chair) if s.title == "Your locality in the board pack")
    assert [i.url for i in section.items] == [f"/board/meetings/{meeting.pk}/pack/locality/north/"]
