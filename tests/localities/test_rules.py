"""The pure rules: budget totals in exact pence, a report's state through the quarter, quarters in URLs."""

from datetime import date
from decimal import Decimal

import pytest

from localities import rules
from portal.periods import FinancialQuarter

Q3 = FinancialQuarter(2018, 3)  # October to December 2018


def test_budget_totals_keep_pence_exactly():
    totals = rules.budget_totals(Decimal("10000.00"), [Decimal("3450.10"), Decimal("2875.20"), None])
    assert (totals.allocated, totals.spent, totals.remaining) == (
        Decimal("10000.00"),
        Decimal("6325.30"),
        Decimal("3674.70"),
    )
    assert not totals.overspent


def test_an_overspend_shows_below_zero():
    totals = rules.budget_totals(Decimal("100"), [Decimal("150.50")])
    assert totals.remaining == Decimal("-50.50") and totals.overspent


def test_no_initiatives_leaves_it_all_remaining():
    assert rules.budget_totals(Decimal("10000"), []).remaining == Decimal("10000")


@pytest.mark.parametrize(
    "today, submitted, state",
    [
        (date(2018, 9, 30), False, rules.NOT_YET),
        (date(2018, 10, 1), False, rules.DUE),
        (date(2018, 12, 31), False, rules.DUE),
        (date(2019, 1, 1), False, rules.OVERDUE),
        (date(2019, 1, 1), True, rules.SUBMITTED),
        (date(2018, 10, 5), True, rules.SUBMITTED),
    ],
)
def test_report_state(today, submitted, state):
    assert rules.report_state(Q3, submitted, today) == state


def test_every_state_has_words_and_a_colour():
    for state in (rules.DUE, rules.OVERDUE, rules.SUBMITTED, rules.NOT_YET):
        assert rules.STATE_TEXT[state] and rules.STATE_COLOUR[state]


def test_figures_are_read_as_at_the_quarters_end_or_today():
    assert rules.figures_as_at(Q3, date(2019, 5, 1)) == date(2018, 12, 31)
    assert rules.figures_as_at(Q3, date(2018, 11, 2)) == date(2018, 11, 2)


def test_previous_quarter_crosses_the_financial_year():
    assert rules.previous_quarter(FinancialQuarter(2019, 1)) == FinancialQuarter(2018, 4)
    assert rules.previous_quarter(Q3) == FinancialQuarter(2018, 2)


def test_quarter_slugs_round_trip():
    assert rules.quarter_slug(Q3) == "2018-q3"
    assert rules.parse_quarter("2018-q3") == Q3
    assert rules.parse_quarter("2018-Q3") == Q3


@pytest.mark.parametrize("text", ["", "2018", "2018-q5", "2018-q0", "18-q1", "2018-q", "x-q1", "2018-q3-q4"])
def test_anything_else_is_not_a_quarter(text):
    with pytest.raises(ValueError):
        rules.parse_quarter(text)
