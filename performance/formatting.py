"""How a value is shown, for each unit: one place, so the scorecard, exports and forms say the same.

- a percentage with its numerator and denominator to the nearest whole number, as they say it: "79% (42 of 53)";
  without them to one decimal place at most, as owners type them: "14.9%", "15%" (a small change in a rate
  such as persistent absence matters to the board);
- a count as a whole number with thousands separators: "1,204";
- a rate to one decimal place: "4.6 per 1,000";
- an average number of days to one decimal place: "12.5 days";
- a score to two decimal places at most, without trailing zeros: "3.25", "4".
No value is "No figure".
"""

from decimal import ROUND_HALF_UP, Decimal

from performance import units

NO_FIGURE = "No figure"


def _rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number(value: Decimal, places: int) -> str:
    """A number with thousands separators, to `places` decimal places."""
    return f"{_rounded(Decimal(value), places):,.{places}f}"


def _trimmed(value: Decimal, places: int) -> str:
    """To `places` decimal places at most, without trailing zeros: 3.50 -> "3.5", 4.00 -> "4"."""
    return number(value, places).rstrip("0").rstrip(".")


def format_value(unit: str, value, numerator=None, denominator=None) -> str:
    if value is None:
        return NO_FIGURE
    value = Decimal(value)
    if unit == units.PERCENTAGE:
        has_fraction = numerator is not None and denominator is not None
        text = f"{number(value, 0) if has_fraction else _trimmed(value, 1)}%"
    elif unit == units.COUNT:
        return number(value, 0)
    elif unit == units.RATE_PER_1000:
        text = f"{number(value, 1)} per 1,000"
    elif unit == units.RATE_PER_10000:
        text = f"{number(value, 1)} per 10,000"
    elif unit == units.AVERAGE_DAYS:
        text = f"{number(value, 1)} days"
    else:
        return _trimmed(value, 2)
    if numerator is not None and denominator is not None:
        text += f" ({numerator:,} of {denominator:,})"
    return text


def format_return(return_record) -> str:
    """A return's value as shown everywhere: `format_value` with its indicator's unit."""
    return format_value(
        return_record.indicator.unit, return_record.value, return_record.numerator, return_record.denominator
    )
