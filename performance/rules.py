"""The performance book's rules, as small pure functions (no database, no clock).

RAG against target
------------------
An indicator's value is rated against the year's target and tolerance, in the indicator's direction:
  - Green      on target or better than it;
  - Amber      worse than target, but by no more than the tolerance (the boundary counts as Amber);
  - Red        worse than target by more than the tolerance;
  - Not rated  there is no value, no target, or the indicator has no direction (e.g. a count of contacts,
               where more is neither better nor worse).
"Better" is higher for higher-is-better indicators and lower for lower-is-better ones. A missing
tolerance is none: anything worse than target is Red.

Direction of travel
-------------------
A value is compared with another (the previous period's, or the same period a year before):
  - Improving       it moved the better way;
  - Worsening       it moved the worse way;
  - No change       it is the same;
  - Not comparable  either value is missing, or the indicator has no direction and the value moved.
The decorative arrow shows the movement itself (up, down, level), which is known even without a
direction; the words carry the meaning.

By exception
------------
The board reviews "by exception": an indicator is an exception when its latest value is Red, or when it
has worsened two periods running (the latest on the one before, and that one on the one before it).

Numbers are compared as decimals made from their text, so a value exactly at the tolerance is Amber
(in floating point 80 - 75.1 is 4.900000000000006, beyond a tolerance of 4.9).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models

HIGHER_IS_BETTER, LOWER_IS_BETTER, NO_DIRECTION = "higher_is_better", "lower_is_better", "no_direction"
POLARITIES = (HIGHER_IS_BETTER, LOWER_IS_BETTER, NO_DIRECTION)


class Rating(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    NOT_RATED = "not_rated", "Not rated"


RATING_MEANINGS = {
    Rating.RED: "Worse than target by more than the tolerance",
    Rating.AMBER: "Worse than target, within the tolerance",
    Rating.GREEN: "On target or better",
    Rating.NOT_RATED: "No value, no target, or no better direction",
}


class Travel(models.TextChoices):
    IMPROVING = "improving", "Improving"
    WORSENING = "worsening", "Worsening"
    NO_CHANGE = "no_change", "No change"
    NOT_COMPARABLE = "not_comparable", "Not comparable"


UP, DOWN, LEVEL = "up", "down", "level"
ARROWS = {UP: "↑", DOWN: "↓", LEVEL: "→"}  # decorative: the words say it


def _decimal(value):
    return None if value is None else Decimal(str(value))


def _sign(polarity) -> int:
    """+1 when higher is better, -1 when lower is, 0 when neither."""
    return {HIGHER_IS_BETTER: 1, LOWER_IS_BETTER: -1}.get(polarity, 0)


def rag(value, target, tolerance, polarity) -> Rating:
    """The value's rating against its target (see the module docstring)."""
    sign = _sign(polarity)
    if value is None or target is None or sign == 0:
        return Rating.NOT_RATED
    shortfall = (_decimal(target) - _decimal(value)) * sign  # how far worse than target; <= 0 is on or better
    if shortfall <= 0:
        return Rating.GREEN
    if shortfall <= abs(_decimal(tolerance or 0)):
        return Rating.AMBER
    return Rating.RED


def movement(current, previous) -> str | None:
    """up / down / level, or None when either value is missing."""
    if current is None or previous is None:
        return None
    current, previous = _decimal(current), _decimal(previous)
    return UP if current > previous else DOWN if current < previous else LEVEL


def travel(current, previous, polarity) -> Travel:
    """The direction of travel from `previous` to `current` (see the module docstring)."""
    moved = movement(current, previous)
    if moved is None:
        return Travel.NOT_COMPARABLE
    if moved == LEVEL:
        return Travel.NO_CHANGE
    sign = _sign(polarity)
    if sign == 0:
        return Travel.NOT_COMPARABLE
    return Travel.IMPROVING if (moved == UP) == (sign > 0) else Travel.WORSENING


def worsening_run(values, polarity) -> int:
    """How many periods running the series has worsened, counting back from its latest value.

    values   oldest first; None for a period with no value (which ends the run).
    """
    run = 0
    for newer, older in zip(reversed(values[1:]), reversed(values[:-1])):
        if travel(newer, older, polarity) != Travel.WORSENING:
            break
        run += 1
    return run


def is_exception(rating, values, polarity) -> bool:
    """Red, or worsening two periods running: what the board reviews first."""
    return rating == Rating.RED or worsening_run(values, polarity) >= 2


@dataclass(frozen=True)
class Direction:
    """A direction of travel as a page shows it: the words, and the arrow beside them (decorative)."""

    travel: Travel
    moved: str | None

    @property
    def label(self) -> str:
        return self.travel.label

    @property
    def arrow(self) -> str:
        return ARROWS.get(self.moved, "")


def direction(current, previous, polarity) -> Direction:
    return Direction(travel(current, previous, polarity), movement(current, previous))


def year_before(day):
    """The same day a year earlier (29 February falls back to the 28th): where a period's
    same-period-last-year comparison starts."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
