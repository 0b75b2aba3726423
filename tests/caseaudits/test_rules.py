"""The pure rules the reports rest on: quarters, shares, judgements, actions, samples, dates."""

from datetime import date

import pytest

from caseaudits.rules import (
    ActionState,
    Share,
    action_state,
    dates_problem,
    final_judgement,
    previous_quarter,
    principle_share,
    report_quarter,
    sample_size,
    trim_empty_quarters,
    whole_percent,
)
from portal.judgements import Judgement, is_good_or_better
from portal.periods import FinancialQuarter


@pytest.mark.parametrize(
    "day, label",
    [
        (date(2018, 3, 31), "Q4 2017-18"),  # the last day of a financial year
        (date(2018, 4, 1), "Q1 2018-19"),  # the first day of the next
        (date(2018, 6, 30), "Q1 2018-19"),
        (date(2018, 7, 1), "Q2 2018-19"),
        (date(2018, 9, 30), "Q2 2018-19"),
        (date(2018, 10, 1), "Q3 2018-19"),
        (date(2018, 12, 31), "Q3 2018-19"),  # calendar year end stays in the same financial year
        (date(2019, 1, 1), "Q4 2018-19"),
        (date(2019, 3, 31), "Q4 2018-19"),
        (date(2020, 2, 29), "Q4 2019-20"),  # leap day
        (date(2024, 2, 29), "Q4 2023-24"),
        (date(2000, 2, 29), "Q4 1999-00"),  # century leap year, and the year label wraps
        (date(1999, 12, 31), "Q3 1999-00"),
        (date(2000, 1, 1), "Q4 1999-00"),
        (date(2026, 11, 22), "Q3 2026-27"),
    ],
)
def test_an_audit_is_reported_in_the_financial_quarter_of_its_audit_date(day, label):
    assert report_quarter(day).label == label


def test_a_leap_year_q4_ends_on_29_february_plus_a_month():
    q4 = report_quarter(date(2020, 2, 29))
    assert (q4.first_day, q4.last_day) == (date(2020, 1, 1), date(2020, 3, 31))
    assert report_quarter(date(2019, 2, 28)).last_day == date(2019, 3, 31)


def test_every_day_of_a_year_falls_in_exactly_the_quarter_whose_bounds_hold_it():
    day = date(2023, 4, 1)
    while day <= date(2024, 3, 31):  # a leap financial year
        quarter = report_quarter(day)
        assert quarter.first_day <= day <= quarter.last_day and quarter.start_year == 2023
        day = date.fromordinal(day.toordinal() + 1)


@pytest.mark.parametrize(
    "met, total, expected",
    [(42, 53, 79), (18, 30, 60), (24, 38, 63), (0, 5, 0), (5, 5, 100), (1, 3, 33), (2, 3, 67), (0, 0, None)],
)
def test_whole_percent(met, total, expected):
    assert whole_percent(met, total) == expected


def test_whole_percent_rounds_like_the_percent_filter():
    from portal.templatetags.portal_tags import percent

    for met, total in [(1, 8), (5, 8), (1, 200), (3, 8), (7, 16)]:
        assert percent(met, total).startswith(f"{whole_percent(met, total)}%")


def test_a_share_adds_up_and_gives_its_fraction_for_spreadsheets():
    total = Share(18, 30) + Share(42, 53)
    assert total == Share(60, 83)
    assert Share(42, 53).percent == 79 and Share(42, 53).fraction == 0.79
    assert Share().percent is None and Share().fraction is None


def test_partly_met_counts_against_a_principle_and_not_applicable_never_reaches_it():
    assert principle_share(met=6, partly_met=3, not_met=1) == Share(6, 10)
    assert principle_share(0, 0, 0) == Share(0, 0)


@pytest.mark.parametrize(
    "judgement, good",
    [
        (Judgement.OUTSTANDING, True),
        (Judgement.GOOD, True),
        (Judgement.REQUIRES_IMPROVEMENT, False),
        (Judgement.INADEQUATE, False),
    ],
)
def test_good_or_better(judgement, good):
    assert is_good_or_better(judgement) is good


def test_the_moderators_judgement_stands():
    assert final_judgement(Judgement.GOOD, None) == Judgement.GOOD
    assert final_judgement(Judgement.GOOD, Judgement.REQUIRES_IMPROVEMENT) == Judgement.REQUIRES_IMPROVEMENT


@pytest.mark.parametrize(
    "due, completed, today, state",
    [
        (date(2026, 11, 22), None, date(2026, 11, 22), ActionState.OPEN),  # due today is not overdue yet
        (date(2026, 11, 21), None, date(2026, 11, 22), ActionState.OVERDUE),
        (date(2026, 12, 1), None, date(2026, 11, 22), ActionState.OPEN),
        (date(2026, 11, 1), date(2026, 11, 20), date(2026, 11, 22), ActionState.DONE),  # done late is done
        (date(2026, 12, 1), date(2026, 11, 20), date(2026, 11, 22), ActionState.DONE),
    ],
)
def test_action_state(due, completed, today, state):
    assert action_state(due, completed, today) == state


@pytest.mark.parametrize(
    "audits, percent, size",
    [
        (0, 10, 0),
        (1, 10, 1),
        (9, 10, 1),
        (10, 10, 1),
        (11, 10, 2),
        (53, 10, 6),
        (100, 10, 10),
        (3, 100, 3),
        (5, 0, 0),
        (4, 150, 4),
    ],
)
def test_sample_size(audits, percent, size):
    assert sample_size(audits, percent) == size


@pytest.mark.parametrize(
    "quarter, before", [((2018, 1), (2017, 4)), ((2018, 2), (2018, 1)), ((2018, 4), (2018, 3)), ((2000, 1), (1999, 4))]
)
def test_previous_quarter(quarter, before):
    assert previous_quarter(FinancialQuarter(*quarter)) == FinancialQuarter(*before)
    assert previous_quarter(FinancialQuarter(*quarter)).next() == FinancialQuarter(*quarter)


def test_a_trend_drops_empty_quarters_at_either_end_but_keeps_gaps_inside():
    quarters = [FinancialQuarter(2017, q) for q in (1, 2, 3, 4)] + [FinancialQuarter(2018, q) for q in (1, 2, 3, 4)]
    counts = {quarters[4]: 30, quarters[6]: 38}
    assert trim_empty_quarters(quarters, counts) == quarters[4:7]
    assert trim_empty_quarters(quarters, {}) == []


@pytest.mark.parametrize(
    "start, audited, errors",
    [
        (date(2018, 1, 1), date(2018, 5, 1), {}),
        (date(2018, 5, 1), date(2018, 5, 1), {}),
        (date(2018, 6, 1), date(2018, 5, 1), {"audit_date": "The audit date must be on or after the EHA start date."}),
        (date(2018, 1, 1), date(2026, 11, 23), {"audit_date": "The audit date must be today or in the past."}),
        (
            date(2026, 12, 1),
            date(2026, 12, 2),
            {
                "eha_start_date": "The EHA start date must be today or in the past.",
                "audit_date": "The audit date must be today or in the past.",
            },
        ),
        (None, date(2018, 5, 1), {}),
    ],
)
def test_dates_problem(start, audited, errors):
    assert dates_problem(start, audited, date(2026, 11, 22)) == errors
