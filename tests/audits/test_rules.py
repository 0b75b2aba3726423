"""The audit tool's pure rules: overdue, RAG roll-up per commitment and per school, academic years."""

import itertools
from datetime import date
from types import SimpleNamespace

import pytest

from audits import rules
from audits.rules import (
    OFFER_OUTCOME_KIND,
    CommitmentFacts,
    action_facts,
    commitment_rag,
    is_answered,
    is_overdue,
    offer_outcome_complete,
    outcome_facts,
    parse_academic_year,
    previous_academic_year,
    school_rag,
    trained_staff_outcome_met,
)
from home import rules as offer_rules
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


def facts(outcomes=3, complete=0, answered=None, actions=0, started=0, red=0, overdue=0):
    """CommitmentFacts in the roll-up's terms (answered defaults to complete; recorded to started)."""
    return CommitmentFacts(
        outcomes=outcomes,
        outcomes_complete=complete,
        outcomes_answered=complete if answered is None else answered,
        actions_recorded=started,
        actions_red=red,
        actions_overdue=overdue,
        actions=actions,
        actions_started=started,
    )


@pytest.mark.parametrize(
    "example, expected",
    [
        (facts(), N),  # nothing recorded
        (CommitmentFacts(), N),  # an empty commitment
        (facts(answered=3), N),  # answers of "No" are not work started
        (facts(actions=3), N),  # every suggested action Not started: visible as Not started
        (facts(actions=3, started=1), A),  # an action rated is work started
        (facts(complete=1, answered=3), A),  # an outcome complete is work started
        (facts(complete=3), G),
        (facts(complete=3, actions=2, started=2), G),
        # The two the seed's key got wrong before:
        (facts(complete=3, actions=3, started=3, red=1), G),  # an optional Red action: achieved, not at risk
        (facts(complete=3, actions=3, started=1, red=1), A),  # ...but two actions still not started
        (facts(complete=3, actions=3), A),  # outcomes complete, every action Not started: not Green
        (facts(complete=3, actions=1, overdue=1), A),
        (facts(complete=2, actions=2, started=2, red=1), R),  # an outcome still to achieve, at risk
        (facts(actions=2, overdue=1), R),  # a planned action past its date is at risk, started or not
        (facts(outcomes=0, actions=1, started=1), A),  # no outcomes: never green
    ],
)
def test_commitment_rag_examples(example, expected):
    assert commitment_rag(example) == expected


def _possible_facts():
    """Every consistent combination of small counts (complete <= outcomes; started <= actions; red <= started;
    overdue <= actions)."""
    for outcomes in range(3):
        for complete in range(outcomes + 1):
            for actions in range(4):
                for started in range(actions + 1):
                    for red, overdue in itertools.product(range(started + 1), range(actions + 1)):
                        yield facts(outcomes, complete, None, actions, started, red, overdue)


def test_commitment_rag_exhaustively():
    cases = list(_possible_facts())
    assert len(cases) > 200
    for case in cases:
        rag = commitment_rag(case)
        achieved = case.outcomes > 0 and case.outcomes_complete == case.outcomes
        at_risk = case.actions_red > 0 or case.actions_overdue > 0
        untouched = case.actions_started < case.actions
        if achieved:
            assert rag == (A if untouched else G), case  # an achieved outcome is never at risk
        elif at_risk:
            assert rag == R, case
        elif case.outcomes_complete == 0 and case.actions_started == 0:
            assert rag == N, case
        else:
            assert rag == A, case


def test_the_rule_in_words_covers_every_rating_once():
    from audits.rules import COMMITMENT_RAG_RULE

    assert [rag for rag, _ in COMMITMENT_RAG_RULE] == [G, A, R, N]
    assert all(text.endswith(".") for _, text in COMMITMENT_RAG_RULE)


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
        outcomes=4,
        outcomes_complete=1,
        outcomes_answered=3,
        actions_recorded=4,
        actions_red=1,
        actions_overdue=1,
        actions=5,
        actions_started=3,
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


@pytest.mark.parametrize("state", offer_rules.STATES, ids=lambda s: s.key)
def test_the_offer_outcome_follows_the_offer(state):
    """Commitment 3's "offer is published" is complete only while the offer is published and in date."""
    assert offer_outcome_complete(state) is (state == offer_rules.PUBLISHED)


@pytest.mark.parametrize("answer", [True, False, None])
@pytest.mark.parametrize("state", offer_rules.STATES, ids=lambda s: s.key)
def test_outcome_facts_take_the_offer_outcome_from_the_offer_not_the_answer(answer, state):
    offer = SimpleNamespace(
        outcome=SimpleNamespace(kind=OFFER_OUTCOME_KIND),
        complete=answer,
        details="",
        achieved_on=None,
        review_date=None,
    )
    other = SimpleNamespace(
        outcome=SimpleNamespace(kind="yes_no"), complete=True, details="", achieved_on=None, review_date=None
    )
    result = outcome_facts([offer, other], state)
    published = state == offer_rules.PUBLISHED
    assert result.outcomes_complete == 1 + published
    assert result.outcomes_answered == 1 + (published or answer is not None)
    # Without the offer's state (no offer known), the typed answer counts as before.
    assert outcome_facts([offer, other]).outcomes_complete == 1 + bool(answer)


def test_the_offer_outcome_kind_is_the_models():
    from audits.models import Outcome

    assert Outcome.Kind.OFFER_PUBLISHED == OFFER_OUTCOME_KIND


# --- Commitment 1's named DSL follows the designated-lead record (pledge 1) ----------------------------


def test_the_named_lead_outcome_is_complete_exactly_when_the_lead_is_recorded():
    assert rules.named_lead_outcome_complete(True) is True
    assert rules.named_lead_outcome_complete(False) is False


@pytest.mark.parametrize("typed", [True, False, None])
def test_the_named_lead_outcome_ignores_the_typed_answer(typed):
    lead_outcome = SimpleNamespace(
        outcome=SimpleNamespace(kind=rules.NAMED_LEAD_OUTCOME_KIND),
        complete=typed,
        details="",
        achieved_on=None,
        review_date=None,
    )
    assert rules.outcome_facts([lead_outcome], lead_recorded=True).outcomes_complete == 1
    assert rules.outcome_facts([lead_outcome], lead_recorded=False).outcomes_complete == 0
    # Not told about the record (no school context), the typed answer stands.
    assert rules.outcome_facts([lead_outcome]).outcomes_complete == (1 if typed else 0)


def test_the_named_lead_kind_is_the_models():
    from audits.models import Outcome

    assert Outcome.Kind.NAMED_LEAD == rules.NAMED_LEAD_OUTCOME_KIND
