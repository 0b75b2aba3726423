"""Scheduling a meeting, its agenda and its decisions: validated forms, typed input kept, stale edits refused."""

from datetime import timedelta

from board.models import AgendaItem, FollowUp, Meeting


def _date(prefix, day):
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def test_an_officer_schedules_a_deep_dive(client_for, la_officer, today):
    when = today + timedelta(days=30)
    response = client_for(la_officer).post(
        "/board/meetings/new/",
        {"title": "Deep dive board", "kind": "deep_dive", "theme": "Adolescent mental health", **_date("date", when)},
    )
    meeting = Meeting.objects.get(title="Deep dive board")
    assert response.status_code == 302 and response.url == f"/board/meetings/{meeting.pk}/"
    assert (meeting.date, meeting.kind, meeting.theme, meeting.created_by) == (
        when,
        "deep_dive",
        "Adolescent mental health",
        la_officer,
    )
    page = client_for(la_officer).get(response.url).content.decode()
    assert "Deep dive: Adolescent mental health" in page


def test_a_deep_dive_needs_a_theme_and_keeps_what_was_typed(client_for, la_officer):
    response = client_for(la_officer).post(
        "/board/meetings/new/",
        {
            "title": "Typed title",
            "kind": "deep_dive",
            "theme": "",
            "date-day": "31",
            "date-month": "2",
            "date-year": "2027",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the theme of the deep dive." in page
    assert "Enter a real date." in page
    assert 'value="Typed title"' in page
    assert "There is a problem" in page
    assert not Meeting.objects.exists()


def test_a_business_meeting_keeps_no_theme(client_for, la_officer, today):
    client_for(la_officer).post(
        "/board/meetings/new/",
        {"title": "Business", "kind": "business", "theme": "Left over", **_date("date", today)},
    )
    assert Meeting.objects.get(title="Business").theme == ""


def test_a_stale_edit_is_refused_and_keeps_the_input(client_for, la_officer, meeting):
    seen = meeting.version
    Meeting.objects.filter(pk=meeting.pk).update(version=seen + 1)
    response = client_for(la_officer).post(
        f"/board/meetings/{meeting.pk}/edit/",
        {"title": "My new title", "kind": "business", "version": seen, **_date("date", meeting.date)},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved changes" in page
    assert 'value="My new title"' in page
    meeting.refresh_from_db()
    assert meeting.title == "Partnership board"


def test_agenda_items_are_added_in_order(client_for, la_officer, meeting):
    client = client_for(la_officer)
    client.post(f"/board/meetings/{meeting.pk}/agenda/add/", {"title": "Welcome", "presenter": "Chair"})
    client.post(f"/board/meetings/{meeting.pk}/agenda/add/", {"title": "Scorecard", "paper": "Q2 scorecard"})
    assert list(meeting.agenda.values_list("order", "title")) == [(1, "Welcome"), (2, "Scorecard")]
    bad = client.post(f"/board/meetings/{meeting.pk}/agenda/add/", {"title": "", "presenter": "Kept presenter"})
    assert (
        "Enter the title of the agenda item." in bad.content.decode()
        and 'value="Kept presenter"' in bad.content.decode()
    )
    assert AgendaItem.objects.count() == 2


def test_a_decision_is_recorded_with_owner_and_due_date(client_for, la_officer, meeting, today):
    client = client_for(la_officer)
    due = today + timedelta(days=40)
    response = client.post(
        f"/board/meetings/{meeting.pk}/follow-ups/add/",
        {"kind": "action", "text": "Write to every school", "owner": "Sam Lead", **_date("due_date", due)},
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.owner, follow_up.due_date, follow_up.meeting) == ("Sam Lead", due, meeting)
    bad = client.post(f"/board/meetings/{meeting.pk}/follow-ups/add/", {"kind": "action", "text": "No owner"})
    page = bad.content.decode()
    assert "Enter who owns it." in page and "Enter the date it is due." in page and "No owner" in page


def test_bad_ids_are_404_not_500(client_for, la_officer, meeting):
    client = client_for(la_officer)
    assert client.get("/board/meetings/999999/").status_code == 404
    assert client.get("/board/meetings/999999/pack/print/").status_code == 404
    assert client.post(f"/board/meetings/{meeting.pk}/sections/99999/remove/").status_code == 404
    assert client.post(f"/board/meetings/{meeting.pk}/sections/add/", {"source": "no_such_kind"}).status_code == 200
