"""Dashboards: an action's lead sees their actions, overdue first, and an overdue one needs their action; the
LA sees the plan's overdue count, the same number as the plan page."""

from datetime import timedelta

from django.utils import timezone

from portal.dashboard import needs_action, sections_for
from strategy import selectors
from testdata.strategy import make_action


def _section(user, title):
    return next((s for s in sections_for(user) if s.title.startswith(title)), None)


def test_a_lead_sees_their_actions_overdue_first(plan, agency_lead, board_member, add_action):
    today = timezone.localdate()
    add_action(
        plan,
        "agency",
        due_date=today + timedelta(days=30),
        description="Later one",
        rag="amber",
    )
    add_action(
        plan,
        "agency",
        due_date=today - timedelta(days=3),
        description="Late one",
        rag="red",
    )
    sections = sections_for(agency_lead)
    mine = next(s for s in sections if s.title == "Your strategy actions")
    assert [i.text for i in mine.items] == ["Late one", "Later one"]
    assert [i.tag for i in mine.items] == ["Overdue", "Amber"]
    assert [item.text for _, item in needs_action(sections) if item.text in ("Late one", "Later one")] == ["Late one"]
    assert _section(board_member, "Your strategy actions") is None


def test_the_la_sees_the_overdue_count_from_the_plans_figures(plan, overdue_action, action, la_officer, school_lead):
    section = _section(la_officer, "Strategy action plan 2026-27")
    figures = selectors.plan_figures(plan, timezone.localdate())
    assert section.total == len(figures.overdue) == 1
    assert section.items[0].text == overdue_action.description
    assert _section(school_lead, "Strategy action plan") is None


def test_the_la_reads_its_own_overdue_actions_in_the_plans_card_not_a_second_one(plan, la_officer, agency):
    mine = make_action(
        plan, lead_user=la_officer, lead_organisation=agency, due_date=timezone.localdate() - timedelta(days=1)
    )
    assert _section(la_officer, "Your strategy actions") is None
    assert [i.text for i in _section(la_officer, "Strategy action plan 2026-27").items] == [mine.description]
