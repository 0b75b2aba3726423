"""performance.periods: financial-year periods and due dates (the 15th of the month after the period ends)."""

from datetime import date

import pytest

from performance import periods
from performance.periods import MONTHLY, QUARTERLY, YEARLY, Period


def test_a_quarter_is_due_on_the_15th_of_the_month_after_it_ends():
    q1 = periods.periods_in_year(QUARTERLY, "2026-27")[0]
    assert (q1.start, q1.end, q1.due_on) == (date(2026, 4, 1), date(2026, 6, 30), date(2026, 7, 15))
    assert q1.label == "Q1 2026-27" and q1.year == "2026-27"
    q4 = periods.periods_in_year(QUARTERLY, "2026-27")[3]
    assert (q4.start, q4.end, q4.due_on, q4.label) == (
        date(2027, 1, 1),
        date(2027, 3, 31),
        date(2027, 4, 15),
        "Q4 2026-27",
    )


def test_a_year_has_twelve_months_four_quarters_one_year_each_in_order():
    months = periods.periods_in_year(MONTHLY, 2026)
    assert len(months) == 12 and months[0].start == date(2026, 4, 1) and months[-1].end == date(2027, 3, 31)
    assert months[0].label == "April 2026" and months[-1].label == "March 2027"
    assert months[9].due_on == date(2027, 2, 15)  # January 2027 is due in February
    assert all(a.end.toordinal() + 1 == b.start.toordinal() for a, b in zip(months, months[1:], strict=False))
    assert len(periods.periods_in_year(QUARTERLY, 2026)) == 4
    (year,) = periods.periods_in_year(YEARLY, "2026-27")
    assert (year.start, year.end, year.due_on, year.label) == (
        date(2026, 4, 1),
        date(2027, 3, 31),
        date(2027, 4, 15),
        "2026-27",
    )


def test_december_is_due_in_january_of_the_next_calendar_year():
    december = periods.period_containing(MONTHLY, date(2026, 12, 9))
    assert (december.start, december.end, december.due_on) == (date(2026, 12, 1), date(2026, 12, 31), date(2027, 1, 15))


@pytest.mark.parametrize(
    "frequency,day,start",
    [
        (MONTHLY, date(2027, 2, 28), date(2027, 2, 1)),
        (QUARTERLY, date(2027, 3, 31), date(2027, 1, 1)),
        (QUARTERLY, date(2026, 4, 1), date(2026, 4, 1)),
        (YEARLY, date(2027, 3, 31), date(2026, 4, 1)),
        (YEARLY, date(2027, 4, 1), date(2027, 4, 1)),
    ],
)
def test_the_period_containing_a_day(frequency, day, start):
    assert periods.period_containing(frequency, day).start == start


def test_only_a_real_period_start_names_a_period():
    assert periods.period_starting(QUARTERLY, date(2026, 7, 1)).label == "Q2 2026-27"
    with pytest.raises(ValueError):
        periods.period_starting(QUARTERLY, date(2026, 8, 1))
    with pytest.raises(ValueError):
        periods.period_containing("weekly", date(2026, 8, 1))


def test_next_previous_and_a_year_before():
    q1 = periods.period_starting(QUARTERLY, date(2026, 4, 1))
    assert q1.previous().label == "Q4 2025-26" and q1.next().label == "Q2 2026-27"
    assert q1.same_period_a_year_before().label == "Q1 2025-26"
    january = periods.period_starting(MONTHLY, date(2027, 1, 1))
    assert january.previous().start == date(2026, 12, 1) and january.same_period_a_year_before().start == date(
        2026, 1, 1
    )


def test_ended_and_late_turn_on_today():
    q1 = periods.period_starting(QUARTERLY, date(2026, 4, 1))
    assert not q1.has_ended(date(2026, 6, 30)) and q1.has_ended(date(2026, 7, 1))
    assert not q1.is_late(date(2026, 7, 15)) and q1.is_late(date(2026, 7, 16))
    assert periods.last_ended(QUARTERLY, date(2026, 7, 1)) == q1
    assert periods.last_ended(QUARTERLY, date(2026, 6, 30)).label == "Q4 2025-26"


def test_outstanding_is_every_ended_period_after_the_latest_submitted():
    today = date(2026, 12, 2)
    assert [p.label for p in periods.outstanding(QUARTERLY, None, today)] == ["Q2 2026-27"]  # a new owner: the last one
    assert [p.label for p in periods.outstanding(QUARTERLY, date(2025, 10, 1), today)] == [
        "Q4 2025-26",
        "Q1 2026-27",
        "Q2 2026-27",
    ]
    assert periods.outstanding(QUARTERLY, date(2026, 7, 1), today) == []
    assert [p.label for p in periods.outstanding(MONTHLY, date(2026, 9, 1), today)] == ["October 2026", "November 2026"]


def test_year_of():
    assert periods.year_of(date(2027, 3, 31)) == "2026-27" and periods.year_of(date(2027, 4, 1)) == "2027-28"
    assert Period(date(2027, 1, 1), date(2027, 1, 31), MONTHLY).short_label == "Jan 2027"
