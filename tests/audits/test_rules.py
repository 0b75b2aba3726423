"""The audit tool's pure rules: overdue, RAG roll-up per commitment and per school, academic years."""

import itertools
from datetime import date
from types import SimpleNamespace

import pytest

from audits.rules import (
    CommitmentFacts,
    action_facts,
    commitment_rag,
    is_answered,
    is_overdue,
    outcome_facts,
    parse_academic_year,
    previous_academic_year,
    school_rag,
    trained_staff_outcome_met,
)
from portal.rag import Rag

TODAY = date(2026, 11, 22)
R, A, G, N = Rag.RED, Rag.AMBER, Rag.GREEN, Rag.NOT_STARTED


@pytest.mark.parametrize(
    "due, rag, expected",
    [
        (None, A, False),  # no date: never overdue
        (None, N, False),
        (date(2026, 11, 22), A, False),  # due today: not yet
        (date(2026, 11, 23), R, False),  # due tomorrow
        (date(2026, 11, 21), A, True),  # yesterday and not green
        (date(2026, 11, 21), R, True),
        (date(2026, 11, 21), N, True),
        (date(2026, 11, 21), G, False),  # completed: never overdue
        (date(2020, 1, 1), G, False),
    ],
)
def test_is_overdue(due, rag, expected):
    assert is_overdue(due, rag, TODAY) is expected


@pytest.mark.parametrize(
    "facts, expected",
    [
        (CommitmentFacts(outcomes=3), N),  # nothing recorded
        (CommitmentFacts(), N),  # an empty commitment
        (CommitmentFacts(outcomes=3, outcomes_answered=1), A),  # an answer (even "No") is a start
        (CommitmentFacts(outcomes=3, actions_recorded=1), A),  # an action rated or dated is a start
        (CommitmentFacts(outcomes=3, outcomes_complete=3, outcomes_answered=3), G),
        (CommitmentFacts(outcomes=3, outcomes_complete=2, outcomes_answered=3), A),
        (CommitmentFacts(outcomes=3, outcomes_complete=3, outcomes_answered=3, actions_recorded=1, actions_red=1), R),
        (
            CommitmentFacts(
                outcomes=3, outcomes_complete=3, outcomes_answered=3, actions_recorded=1, actions_overdue=1
            ),
            R,
        ),
        (CommitmentFacts(outcomes=3, actions_recorded=2, actions_red=1), R),
        (CommitmentFacts(outcomes=3, actions_recorded=1, actions_overdue=1), R),
        (CommitmentFacts(outcomes=0, actions_recorded=1), A),  # no outcomes: never green
    ],
)
def test_commitment_rag_examples(facts, expected):
    assert commitment_rag(facts) == expected


def _possible_facts():
    """Every consistent combination of small counts (complete <= answered <= outcomes; red, overdue <= recorded)."""
    for outcomes in range(3):
        for complete, answered in itertools.product(range(outcomes + 1), repeat=2):
            if complete > answered:
                continue
            for recorded in range(3):
                for red, overdue in itertools.product(range(recorded + 1), repeat=2):
                    yield CommitmentFacts(outcomes, complete, answered, recorded, red, overdue)


def test_commitment_rag_exhaustively():
    cases = list(_possible_facts())
    assert len(cases) > 100
    for facts in cases:
        rag = commitment_rag(facts)
        nothing = not facts.outcomes_answered and not facts.actions_recorded
        trouble = facts.actions_red or facts.actions_overdue
        all_complete = facts.outcomes and facts.outcomes_complete == facts.outcomes
        if nothing:
            assert rag == N, facts
        elif trouble:
            assert rag == R, facts
        elif all_complete:
            assert rag == G, facts
        else:
            assert rag == A, facts


def test_school_rag_exhaustively_over_four_commitments():
    for rags in itertools.product([R, A, G, N], repeat=4):
        result = school_rag(rags)
        if all(r == N for r in rags):
            assert result == N
        elif R in rags:
            assert result == R
        elif all(r == G for r in rags):
            assert result == G
        else:
            assert result == A, rags


def test_school_rag_edge_cases():
    assert school_rag([]) == N
    assert school_rag(["green"]) == G  # accepts stored values
    assert school_rag([G, N]) == A  # one commitment not started keeps a school from green


def test_facts_from_rows_and_sum():
    actions = [
        SimpleNamespace(rag=R, due_date=None),
        SimpleNamespace(rag=A, due_date=date(2026, 1, 1)),  # overdue
        SimpleNamespace(rag=G, due_date=date(2026, 1, 1)),  # done: not overdue
        SimpleNamespace(rag=N, due_date=None),  # not recorded
        SimpleNamespace(rag=N, due_date=date(2027, 1, 1)),  # dated: recorded
    ]
    records = [
        SimpleNamespace(complete=True, details="", achieved_on=None, review_date=None),
        SimpleNamespace(complete=False, details="", achieved_on=None, review_date=None),
        SimpleNamespace(complete=None, details="Mr Smith", achieved_on=None, review_date=None),
        SimpleNamespace(complete=None, details="", achieved_on=None, review_date=None),
    ]
    facts = outcome_facts(records) + action_facts(actions, TODAY)
    assert facts == CommitmentFacts(
        outcomes=4, outcomes_complete=1, outcomes_answered=3, actions_recorded=4, actions_red=1, actions_overdue=1
    )


@pytest.mark.parametrize(
    "record, answered",
    [
        (dict(complete=None, details="", achieved_on=None, review_date=None), False),
        (dict(complete=False, details="", achieved_on=None, review_date=None), True),
        (dict(complete=None, details="x", achieved_on=None, review_date=None), True),
        (dict(complete=None, details="", achieved_on=TODAY, review_date=None), True),
        (dict(complete=None, details="", achieved_on=None, review_date=TODAY), True),
    ],
)
def test_is_answered(record, answered):
    assert is_answered(SimpleNamespace(**record)) is answered


@pytest.mark.parametrize(
    "staff, met",
    [
        ([], False),
        ([dict(part_a_on=TODAY, part_b_on=None, login_received=True)], False),
        ([dict(part_a_on=TODAY, part_b_on=TODAY, login_received=False)], False),
        ([dict(part_a_on=None, part_b_on=TODAY, login_received=True)], False),
        ([dict(part_a_on=TODAY, part_b_on=TODAY, login_received=True)], True),
        (
            [
                dict(part_a_on=None, part_b_on=None, login_received=False),
                dict(part_a_on=TODAY, part_b_on=TODAY, login_received=True),
            ],
            True,
        ),
    ],
)
def test_trained_staff_outcome_met(staff, met):
    assert trained_staff_outcome_met([SimpleNamespace(**s) for s in staff]) is met


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025/26", "2025/26"),
        (" 2026/27 ", "2026/27"),
        ("1999/00", "1999/00"),
        ("2025/27", None),
        ("2025-26", None),
        ("25/26", None),
        ("", None),
        (None, None),
        ("2025/26x", None),
    ],
)
def test_parse_academic_year(text, expected):
    assert parse_academic_year(text) == expected


def test_previous_academic_year():
    assert previous_academic_year("2026/27") == "2025/26"
    assert previous_academic_year("2000/01") == "1999/00"
