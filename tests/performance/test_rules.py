"""The scorecard's rules: RAG against target, direction of travel, and "by exception"."""

from datetime import date
from decimal import Decimal

import pytest

from performance.rules import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NO_DIRECTION,
    Rating,
    Travel,
    direction,
    is_exception,
    movement,
    rag,
    travel,
    worsening_run,
    year_before,
)

G, A, R, N = Rating.GREEN, Rating.AMBER, Rating.RED, Rating.NOT_RATED


@pytest.mark.parametrize(
    "value, target, tolerance, expected",
    [
        (90, 80, 5, G),  # better than target
        (80, 80, 5, G),  # on target is Green
        (79.9, 80, 5, A),  # just below target
        (75.1, 80, 5, A),
        (75, 80, 5, A),  # exactly the tolerance below is still Amber
        (74.9, 80, 5, R),  # just beyond the tolerance
        (0, 80, 5, R),
        (79, 80, 0, R),  # no tolerance: anything worse than target is Red
        (79, 80, None, R),  # a missing tolerance is none
        (80, 80, None, G),
        (75.1, 80, 4.9, A),  # exactly the tolerance in decimals (in floats 80 - 75.1 is 4.900000000000006)
        (Decimal("75.0"), Decimal("80.0"), Decimal("5.0"), A),
        (75, 80, -5, A),  # a negative tolerance is read as its size
        (-3, -5, 1, G),  # negative figures (a change) rate the same way
        (-7, -5, 1, R),
    ],
)
def test_rag_when_higher_is_better(value, target, tolerance, expected):
    assert rag(value, target, tolerance, HIGHER_IS_BETTER) == expected


@pytest.mark.parametrize(
    "value, target, tolerance, expected",
    [
        (10, 20, 2, G),  # better (lower) than target
        (20, 20, 2, G),  # on target
        (20.1, 20, 2, A),  # just worse
        (22, 20, 2, A),  # exactly the tolerance above is Amber
        (22.01, 20, 2, R),  # just beyond
        (0, 20, 2, G),  # zero is the best a lower-is-better count can be
        (21, 20, 0, R),
        (21, 20, None, R),
    ],
)
def test_rag_when_lower_is_better(value, target, tolerance, expected):
    assert rag(value, target, tolerance, LOWER_IS_BETTER) == expected


@pytest.mark.parametrize(
    "value, target, tolerance, polarity",
    [
        (None, 80, 5, HIGHER_IS_BETTER),  # no value
        (80, None, 5, HIGHER_IS_BETTER),  # no target
        (None, None, None, LOWER_IS_BETTER),
        (80, 80, 5, NO_DIRECTION),  # no direction: never rated, whatever the numbers
        (10, 80, 5, NO_DIRECTION),
        (80, 80, 5, ""),  # an unknown polarity is treated as no direction, never guessed
        (80, 80, 5, None),
    ],
)
def test_not_rated_without_value_target_or_direction(value, target, tolerance, polarity):
    assert rag(value, target, tolerance, polarity) == N


def test_ratings_have_words_for_every_value():
    assert [r.label for r in Rating] == ["Red", "Amber", "Green", "Not rated"]


@pytest.mark.parametrize(
    "current, previous, polarity, expected",
    [
        (60, 50, HIGHER_IS_BETTER, Travel.IMPROVING),
        (40, 50, HIGHER_IS_BETTER, Travel.WORSENING),
        (50, 50, HIGHER_IS_BETTER, Travel.NO_CHANGE),
        (60, 50, LOWER_IS_BETTER, Travel.WORSENING),
        (40, 50, LOWER_IS_BETTER, Travel.IMPROVING),
        (50, 50, LOWER_IS_BETTER, Travel.NO_CHANGE),
        (50.0, Decimal("50"), LOWER_IS_BETTER, Travel.NO_CHANGE),  # 50.0 and 50 are the same figure
        (50.01, 50, HIGHER_IS_BETTER, Travel.IMPROVING),  # the smallest change counts
        (0, 0, HIGHER_IS_BETTER, Travel.NO_CHANGE),
        (None, 50, HIGHER_IS_BETTER, Travel.NOT_COMPARABLE),  # no value this period
        (50, None, HIGHER_IS_BETTER, Travel.NOT_COMPARABLE),  # none to compare with
        (None, None, LOWER_IS_BETTER, Travel.NOT_COMPARABLE),
        (60, 50, NO_DIRECTION, Travel.NOT_COMPARABLE),  # moved, but neither way is better
        (40, 50, NO_DIRECTION, Travel.NOT_COMPARABLE),
        (50, 50, NO_DIRECTION, Travel.NO_CHANGE),  # unchanged is unchanged, direction or not
    ],
)
def test_direction_of_travel(current, previous, polarity, expected):
    assert travel(current, previous, polarity) == expected


@pytest.mark.parametrize(
    "current, previous, expected", [(2, 1, "up"), (1, 2, "down"), (1, 1, "level"), (None, 1, None), (1, None, None)]
)
def test_movement_is_known_without_a_direction(current, previous, expected):
    assert movement(current, previous) == expected


def test_direction_gives_words_and_a_decorative_arrow():
    worse = direction(40, 50, HIGHER_IS_BETTER)
    assert (worse.label, worse.arrow) == ("Worsening", "↓")
    better = direction(40, 50, LOWER_IS_BETTER)
    assert (better.label, better.arrow) == ("Improving", "↓")  # down, and down is better
    assert (direction(5, 5, NO_DIRECTION).label, direction(5, 5, NO_DIRECTION).arrow) == ("No change", "→")
    assert (direction(None, 5, HIGHER_IS_BETTER).label, direction(None, 5, HIGHER_IS_BETTER).arrow) == (
        "Not comparable",
        "",
    )
    assert direction(6, 5, NO_DIRECTION).arrow == "↑"  # the arrow still shows the movement


@pytest.mark.parametrize(
    "values, polarity, expected",
    [
        ([], HIGHER_IS_BETTER, 0),
        ([50], HIGHER_IS_BETTER, 0),
        ([50, 40], HIGHER_IS_BETTER, 1),
        ([50, 40, 30], HIGHER_IS_BETTER, 2),
        ([60, 50, 40, 30], HIGHER_IS_BETTER, 3),
        ([30, 40, 30], HIGHER_IS_BETTER, 1),  # improved, then worsened
        ([50, 40, 40], HIGHER_IS_BETTER, 0),  # the latest period did not change: the run is over
        ([50, None, 30], HIGHER_IS_BETTER, 0),  # a gap ends the run
        ([50, 40, None], HIGHER_IS_BETTER, 0),
        ([30, 40, 50], LOWER_IS_BETTER, 2),  # rising is worsening when lower is better
        ([50, 40, 30], LOWER_IS_BETTER, 0),
        ([50, 40, 30], NO_DIRECTION, 0),  # no direction never worsens
    ],
)
def test_worsening_run(values, polarity, expected):
    assert worsening_run(values, polarity) == expected


@pytest.mark.parametrize(
    "rating, values, polarity, expected",
    [
        (R, [80, 80], HIGHER_IS_BETTER, True),  # Red is always an exception
        (R, [], HIGHER_IS_BETTER, True),
        (G, [90, 85, 82], HIGHER_IS_BETTER, True),  # Green, but worsening two periods running
        (A, [90, 85, 82], HIGHER_IS_BETTER, True),
        (G, [90, 85], HIGHER_IS_BETTER, False),  # worsening once is not yet an exception
        (A, [85, 80, 82], HIGHER_IS_BETTER, False),
        (G, [10, 12, 14], LOWER_IS_BETTER, True),
        (G, [14, 12, 10], LOWER_IS_BETTER, False),
        (N, [10, 12, 14], NO_DIRECTION, False),  # neither Red nor worsening
        (N, [None, None, None], HIGHER_IS_BETTER, False),
        (A, [90, None, 85, 82], HIGHER_IS_BETTER, False),  # one worsening after a gap
    ],
)
def test_by_exception(rating, values, polarity, expected):
    assert is_exception(rating, values, polarity) is expected


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2026, 4, 1), date(2025, 4, 1)),
        (date(2026, 1, 1), date(2025, 1, 1)),
        (date(2024, 2, 29), date(2023, 2, 28)),  # a leap day falls back to the 28th
    ],
)
def test_year_before(day, expected):
    assert year_before(day) == expected
