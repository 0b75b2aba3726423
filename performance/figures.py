"""A return's figures checked together: the value against its unit and against its numerator and denominator.

One check for the return form and the bulk upload (the rules themselves are in performance.units).
"""

from decimal import Decimal

from performance import units
from performance.formatting import format_value


def check_figures(unit: str, value: Decimal | None, numerator: int | None, denominator: int | None):
    """(the value to store, [(field, message)]): the value checked against its unit and against the
    numerator and denominator, or worked out from them when it is left empty. One check for the return
    form and the bulk upload."""
    problems = []
    problem = units.fraction_problem(unit, numerator, denominator)
    if problem:
        problems.append(problem)
    elif numerator is not None and denominator is not None:
        computed = units.value_from_fraction(unit, numerator, denominator)
        if value is None:
            value = computed
        elif not units.agrees_with_fraction(value, computed):
            exact = Decimal(numerator) * units.SCALE[unit] / Decimal(denominator)  # shown unrounded twice
            problems.append(
                (
                    "value",
                    f"{numerator} of {denominator} gives {format_value(unit, exact)}: correct the value, or "
                    "leave it empty to use the worked-out figure.",
                )
            )
    if not any(name == "value" for name, _ in problems) and (message := units.value_problem(unit, value)):
        problems.append(("value", message))
    return value, problems
