"""performance.units (what a value may be), performance.figures (the check both forms use) and
performance.formatting (how a value is shown)."""

from decimal import Decimal as D

import pytest

from performance import units
from performance.figures import check_figures
from performance.formatting import NO_FIGURE, format_value


@pytest.mark.parametrize(
    "unit,value,ok",
    [
        ("percentage", D("0"), True),
        ("percentage", D("100"), True),
        ("percentage", D("100.01"), False),
        ("percentage", D("-0.5"), False),
        ("count", D("0"), True),
        ("count", D("12"), True),
        ("count", D("12.5"), False),
        ("count", D("-1"), False),
        ("rate_per_1000", D("0"), True),
        ("rate_per_1000", D("-0.1"), False),
        ("rate_per_10000", D("312.5"), True),
        ("rate_per_10000", D("-3"), False),
        ("average_days", D("12.5"), True),
        ("average_days", D("-1"), False),
        ("score", D("-2.5"), True),
        ("score", D("1e13"), False),
    ],
)
def test_a_value_is_checked_against_its_unit(unit, value, ok):
    assert (units.value_problem(unit, value) is None) is ok


def test_the_messages_say_what_is_allowed():
    assert units.value_problem("percentage", D("120")) == "A percentage must be between 0 and 100."
    assert units.value_problem("count", D("1.5")) == "A count must be a whole number, 0 or more."
    assert units.value_problem("rate_per_1000", D("-1")) == "A rate cannot be negative."
    assert units.value_problem("percentage", None) is None


def test_numerator_and_denominator_give_the_value():
    assert check_figures("percentage", None, 42, 53) == (D("79.25"), [])
    assert check_figures("rate_per_1000", None, 46, 10000) == (D("4.60"), [])
    assert check_figures("rate_per_10000", None, 1250, 40000) == (D("312.50"), [])
    assert check_figures("average_days", None, 250, 20) == (D("12.50"), [])


def test_a_typed_value_must_agree_with_its_fraction_to_its_last_digit():
    assert check_figures("percentage", D("79"), 42, 53) == (D("79"), [])
    assert check_figures("percentage", D("79.2"), 42, 53) == (D("79.2"), [])
    value, problems = check_figures("percentage", D("80"), 42, 53)
    assert problems == [
        ("value", "42 of 53 gives 79.2%: correct the value, or leave it empty to use the worked-out figure.")
    ]


@pytest.mark.parametrize(
    "unit,numerator,denominator,problem",
    [
        ("percentage", 54, 53, ("numerator", "For a percentage the numerator cannot be more than the denominator.")),
        ("percentage", 5, 0, ("denominator", "The denominator must be more than 0.")),
        ("percentage", 5, None, ("denominator", "Enter the denominator as well as the numerator, or neither.")),
        ("percentage", None, 5, ("numerator", "Enter the numerator as well as the denominator, or neither.")),
        ("count", 5, 10, ("numerator", "A count or a score has no numerator and denominator: leave both empty.")),
        ("rate_per_1000", 12, 10, None),
    ],
)
def test_fraction_problems(unit, numerator, denominator, problem):
    assert units.fraction_problem(unit, numerator, denominator) == problem


@pytest.mark.parametrize(
    "unit,value,numerator,denominator,text",
    [
        ("percentage", D("79.25"), 42, 53, "79% (42 of 53)"),
        ("percentage", D("10.4"), None, None, "10.4%"),
        ("percentage", D("14.96"), None, None, "15%"),
        ("percentage", D("100.00"), None, None, "100%"),
        ("count", D("1204"), None, None, "1,204"),
        ("rate_per_1000", D("4.6"), None, None, "4.6 per 1,000"),
        ("rate_per_10000", D("312.45"), None, None, "312.5 per 10,000"),
        ("average_days", D("12.5"), 250, 20, "12.5 days (250 of 20)"),
        ("score", D("3.50"), None, None, "3.5"),
        ("score", D("4.00"), None, None, "4"),
        ("score", D("-0.25"), None, None, "-0.25"),
        ("percentage", None, None, None, NO_FIGURE),
    ],
)
def test_a_value_is_shown_in_its_unit(unit, value, numerator, denominator, text):
    assert format_value(unit, value, numerator, denominator) == text
