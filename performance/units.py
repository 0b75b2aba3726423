"""What a value may be, for each unit an indicator is measured in.

The rule, in words:
- a percentage is between 0 and 100;
- a count is a whole number, 0 or more;
- a rate (per 1,000 or per 10,000) and an average number of days are not negative;
- a score may be any number (an Outcome Star change can fall);
- a numerator and denominator are whole numbers, the denominator more than 0; for a percentage the
  numerator is at most the denominator. They give the value of a percentage (100 x n / d), a rate
  (1,000 or 10,000 x n / d) or an average (n / d); a count or a score has no numerator and denominator.
  When both a value and a numerator and denominator are given, the value must agree with them (to within
  half of the last shown digit, so 79 agrees with 42 of 53).
"""

from decimal import ROUND_HALF_UP, Decimal

PERCENTAGE, COUNT, RATE_PER_1000, RATE_PER_10000, AVERAGE_DAYS, SCORE = (
    "percentage",
    "count",
    "rate_per_1000",
    "rate_per_10000",
    "average_days",
    "score",
)
SCALE = {PERCENTAGE: 100, RATE_PER_1000: 1000, RATE_PER_10000: 10000, AVERAGE_DAYS: 1}
TWO_PLACES = Decimal("0.01")
LARGEST = Decimal("999999999999.99")


def value_problem(unit: str, value: Decimal | None) -> str | None:
    """Why `value` cannot be a figure in `unit`, or None when it can (None itself: nothing to check)."""
    if value is None:
        return None
    if abs(value) > LARGEST:
        return "Enter a smaller number."
    if unit == PERCENTAGE and not (0 <= value <= 100):
        return "A percentage must be between 0 and 100."
    if unit == COUNT and (value < 0 or value != value.to_integral_value()):
        return "A count must be a whole number, 0 or more."
    if unit in (RATE_PER_1000, RATE_PER_10000) and value < 0:
        return "A rate cannot be negative."
    if unit == AVERAGE_DAYS and value < 0:
        return "An average number of days cannot be negative."
    return None


def takes_fraction(unit: str) -> bool:
    return unit in SCALE


def fraction_problem(unit: str, numerator: int | None, denominator: int | None) -> tuple[str, str] | None:
    """(field, message) when the numerator and denominator cannot stand, else None."""
    if numerator is None and denominator is None:
        return None
    if not takes_fraction(unit):
        return ("numerator", "A count or a score has no numerator and denominator: leave both empty.")
    if numerator is None:
        return ("numerator", "Enter the numerator as well as the denominator, or neither.")
    if denominator is None:
        return ("denominator", "Enter the denominator as well as the numerator, or neither.")
    if numerator < 0:
        return ("numerator", "The numerator cannot be negative.")
    if denominator <= 0:
        return ("denominator", "The denominator must be more than 0.")
    if unit == PERCENTAGE and numerator > denominator:
        return ("numerator", "For a percentage the numerator cannot be more than the denominator.")
    return None


def value_from_fraction(unit: str, numerator: int, denominator: int) -> Decimal:
    """The value a numerator and denominator give, to two decimal places (79.25 for 42 of 53)."""
    exact = Decimal(numerator) * SCALE[unit] / Decimal(denominator)
    return exact.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def agrees_with_fraction(value: Decimal, computed: Decimal) -> bool:
    """A typed value agrees with the computed one to within half of its own last digit (79 for 79.25)."""
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return abs(value - computed) <= Decimal(5) / (Decimal(10) ** (places + 1))
