"""A meeting's action becomes a strategy action-plan action through strategy's form and service."""

from datetime import timedelta

from board.services import add_section
from portal.periods import financial_quarter
from strategy.models import Action
from testdata.strategy import make_plan


def test_an_action_becomes_a_strategy_action(client_for, la_officer, school_lead, school, last_meeting, meeting, today):
    plan = make_plan(financial_quarter(today).year_label)
    due = today + timedelta(days=50)
    follow_up = last_meeting.follow_ups.create(kind="action", text="Map CAMHS waiting times", owner="Ann", due_date=due)
    client = client_for(la_officer)
    url = f"/board/meetings/{last_meeting.pk}/follow-ups/{follow_up.pk}/strategy-action/"
    page = client.get(url).content.decode()
    assert "Map CAMHS waiting times" in page
    objective = plan.objective_set.objectives.order_by("order").first()
    response = client.post(
        url,
        {
            "objective": objective.pk,
            "description": "Map CAMHS waiting times",
            "lead_user": school_lead.pk,
            "lead_organisation": school.pk,
            "due_date-day": due.day,
            "due_date-month": due.month,
            "due_date-year": due.year,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    action = Action.objects.get()
    follow_up.refresh_from_db()
    assert follow_up.strategy_action == action and action.plan == plan and action.due_date == due
    # The next pack says where it is followed up now; it cannot be made twice.
    add_section(meeting, "last_actions")
    pack = client.get(f"/board/meetings/{meeting.pk}/pack/print/").content.decode()
    assert "In the strategy action plan" in pack
    assert client.get(url).status_code == 404


def test_only_officers_make_strategy_actions(client_for, board_member, last_meeting, today):
    follow_up = last_meeting.follow_ups.create(kind="action", text="X", owner="Ann", due_date=today)
    url = f"/board/meetings/{last_meeting.pk}/follow-ups/{follow_up.pk}/strategy-action/"
    assert client_for(board_member).get(url).status_code == 403


def test_without_a_plan_the_officer_is_told(client_for, la_officer, last_meeting, today):
    follow_up = last_meeting.follow_ups.create(kind="action", text="X", owner="Ann", due_date=today)
    response = client_for(la_officer).get(
        f"/board/meetings/{last_meeting.pk}/follow-ups/{follow_up.pk}/strategy-action/", follow=True
    )
    assert "There is no strategy action plan for this year yet" in response.content.decode()
