"""The dashboards: the LA's next meeting whose pack is not issued (needs action within 14 days), the
board member's latest issued pack; and the demo meetings, seeded idempotently."""

from datetime import timedelta

from django.utils import timezone

from board import services
from board.demo import seed_board
from board.models import Meeting
from portal.dashboard import needs_action, sections_for


def _board_section(user, title):
    return next(s for s in sections_for(user) if s.title == title)


def test_a_pack_not_issued_within_14_days_needs_the_officers_action(la_officer, meeting, today):
    Meeting.objects.filter(pk=meeting.pk).update(date=today + timedelta(days=14))
    section = _board_section(la_officer, "Board meetings")
    assert [i.tag for i in section.items] == ["Pack not issued"]
    assert [item.text for _, item in needs_action([section])] == [
        f"Next meeting: Partnership board, {today + timedelta(days=14):%-d %B %Y}"
    ]


def test_a_pack_not_issued_further_off_does_not_ask_yet(la_officer, meeting):
    section = _board_section(la_officer, "Board meetings")
    assert section.items[0].tag == "Pack not issued" and not needs_action([section])


def test_an_issued_pack_asks_nothing(la_officer, meeting, today):
    Meeting.objects.filter(pk=meeting.pk).update(date=today + timedelta(days=3))
    services.add_section(meeting, "overview")
    services.issue_pack(meeting, la_officer)
    section = _board_section(la_officer, "Board meetings")
    assert section.items[0].tag == "Pack issued" and not needs_action([section])


def test_the_board_member_sees_the_latest_issued_pack(board_member, la_officer, meeting, last_meeting):
    assert _board_section(board_member, "Board packs").items == []
    services.add_section(last_meeting, "overview")
    services.issue_pack(last_meeting, la_officer)
    items = _board_section(board_member, "Board packs").items
    assert [i.text for i in items] == [f"Latest pack: Previous board, {last_meeting.date:%-d %B %Y}"]
    assert items[0].url == f"/board/meetings/{last_meeting.pk}/pack/print/"


def test_other_roles_get_no_board_section(school_lead):
    titles = [s.title for s in sections_for(school_lead)]
    assert "Board meetings" not in titles and "Board packs" not in titles


def test_the_demo_seeds_an_issued_meeting_and_one_in_preparation_idempotently(la_officer):
    seed_board()
    seed_board()
    last, upcoming = Meeting.objects.order_by("date")
    assert Meeting.objects.count() == 2
    assert last.is_issued and last.follow_ups.count() == 2 and last.agenda.count() == 5
    assert timezone.localtime(last.issued_at).date() == last.date - timedelta(days=7)  # sent out before it
    assert not upcoming.is_issued and upcoming.kind == "deep_dive" and upcoming.theme == "Adolescent mental health"
    assert upcoming.agenda.count() == 3 and upcoming.sections.count() == 3


def test_each_demo_chair_reads_their_own_locality_in_the_issued_pack(la_officer, client_for):
    from localities import demo as localities_demo
    from portal.models import Locality, User

    for name in ("North West", "Central"):
        Locality.objects.get_or_create(name=name)
    localities_demo.seed()
    seed_board()
    last = Meeting.objects.filter(issued_at__isnull=False).get()
    own, other = sorted(last.locality_snapshot)[:2]
    chair = User.objects.get(email=localities_demo.chair_email(Locality.objects.get(slug=own)))
    page = client_for(chair).get(f"/board/meetings/{last.pk}/pack/locality/{own}/")
    assert page.status_code == 200 and last.locality_snapshot[own]["title"] in page.content.decode()
    assert client_for(chair).get(f"/board/meetings/{last.pk}/pack/locality/{other}/").status_code == 404
