"""The plan's pure rules: overdue, the RAG at a moment, carrying forward, years and quarters."""

from datetime import date, datetime

import pytest

from portal.rag import Rag
from strategy import rules

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("due", "rag", "overdue"),
    [
        (date(2026, 12, 1), Rag.RED, True),
        (date(2026, 12, 1), Rag.AMBER, True),
        (date(2026, 12, 1), Rag.NOT_STARTED, True),
        (date(2026, 12, 1), Rag.GREEN, False),  # completed is never overdue
        (date(2026, 12, 2), Rag.RED, False),  # due today: not yet
        (date(2027, 1, 1), Rag.NOT_STARTED, False),
        (None, Rag.RED, False),
    ],
)
def test_overdue_is_a_passed_due_date_and_not_green(due, rag, overdue):
    assert rules.is_overdue(due, rag, TODAY) is overdue


def test_open_actions_are_those_not_green():
    assert [r for r in rules.RAG_ORDER if rules.is_open(r)] == [Rag.RED, Rag.AMBER, Rag.NOT_STARTED]


def test_the_rag_at_a_moment_is_the_latest_update_by_then_else_the_starting_rag():
    updates = [(datetime(2026, 8, 1), Rag.RED), (datetime(2026, 5, 1), Rag.AMBER), (datetime(2026, 11, 1), Rag.GREEN)]
    assert rules.rag_at(Rag.NOT_STARTED, updates, datetime(2026, 4, 30)) == Rag.NOT_STARTED
    assert rules.rag_at(Rag.NOT_STARTED, updates, datetime(2026, 6, 1)) == Rag.AMBER
    assert rules.rag_at(Rag.NOT_STARTED, updates, datetime(2026, 9, 30)) == Rag.RED
    assert rules.rag_at(Rag.NOT_STARTED, updates, datetime(2026, 12, 1)) == Rag.GREEN
    assert rules.rag_at(Rag.AMBER, [], datetime(2026, 12, 1)) == Rag.AMBER


def test_counts_keep_every_rag_in_one_order():
    assert rules.rag_counts(["green", "red", "red"]) == {"red": 2, "amber": 0, "green": 1, "not_started": 0}
    assert list(rules.rag_counts([])) == ["red", "amber", "green", "not_started"]


def test_years_and_quarters():
    assert rules.next_year("2025-26") == "2026-27"
    assert rules.previous_year("2026-27") == "2025-26"
    assert rules.is_year("2026-27") and not rules.is_year("2026-28") and not rules.is_year("x")
    assert rules.last_quarter_ended(TODAY).label == "Q2 2026-27"
    assert rules.last_quarter_ended(date(2026, 4, 1)).label == "Q4 2025-26"
    assert rules.last_quarter_ended(date(2026, 4, 1)).last_day == date(2026, 3, 31)
