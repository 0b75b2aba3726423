"""Quarter and year arithmetic at the boundaries."""

from datetime import date

import pytest

from portal.periods import (
    FinancialQuarter,
    academic_year,
    financial_quarter,
    financial_year_label,
    financial_year_quarters,
    parse_financial_year,
)


@pytest.mark.parametrize(
    "day, label",
    [
        (date(2019, 3, 31), "Q4 2018-19"),
        (date(2019, 4, 1), "Q1 2019-20"),
        (date(2018, 6, 30), "Q1 2018-19"),
        (date(2018, 7, 1), "Q2 2018-19"),
        (date(2018, 9, 30), "Q2 2018-19"),
        (date(2018, 10, 1), "Q3 2018-19"),
        (date(2018, 12, 31), "Q3 2018-19"),
        (date(2019, 1, 1), "Q4 2018-19"),
        (date(2020, 2, 29), "Q4 2019-20"),  # leap day
        (date(1999, 12, 31), "Q3 1999-00"),  # century roll-over in the label
        (date(2000, 1, 1), "Q4 1999-00"),
    ],
)
def test_financial_quarter_of_a_day(day, label):
    assert financial_quarter(day).label == label


def test_quarter_first_and_last_days_cover_the_year_without_gaps():
    quarters = financial_year_quarters(2019)
    assert quarters[0].first_day == date(2019, 4, 1)
    assert quarters[3].last_day == date(2020, 3, 31)
    assert FinancialQuarter(2019, 4).first_day == date(2020, 1, 1)
    for earlier, later in zip(quarters, quarters[1:]):
        assert (later.first_day - earlier.last_day).days == 1
    assert FinancialQuarter(2019, 4).last_day == date(2020, 3, 31)


def test_next_quarter_rolls_into_the_next_financial_year():
    assert FinancialQuarter(2018, 4).next() == FinancialQuarter(2019, 1)
    assert FinancialQuarter(2018, 2).next() == FinancialQuarter(2018, 3)


def test_quarters_sort_chronologically():
    assert sorted([FinancialQuarter(2019, 1), FinancialQuarter(2018, 4), FinancialQuarter(2018, 1)]) == [
        FinancialQuarter(2018, 1),
        FinancialQuarter(2018, 4),
        FinancialQuarter(2019, 1),
    ]


def test_financial_year_labels_round_trip():
    assert financial_year_label(2018) == "2018-19"
    assert parse_financial_year("2018-19") == 2018
    assert parse_financial_year(" 1999-00 ") == 1999


@pytest.mark.parametrize("bad", ["2018-20", "2018/19", "18-19", "2018", "abcd-ef", ""])
def test_parse_financial_year_refuses_anything_else(bad):
    with pytest.raises(ValueError, match="is not a financial year"):
        parse_financial_year(bad)


@pytest.mark.parametrize(
    "day, label",
    [
        (date(2026, 8, 31), "2025/26"),
        (date(2026, 9, 1), "2026/27"),
        (date(2026, 11, 22), "2026/27"),
        (date(2000, 1, 15), "1999/00"),
    ],
)
def test_academic_year(day, label):
    assert academic_year(day) == label
