"""The board's test book, shared by the scorecard, export and indicator-page tests (import `board_book`)."""

from decimal import Decimal

import pytest
from django.utils import timezone

from performance import periods
from performance.models import LocalityValue
from testdata.performance import indicator, leicester_book, make_owner, make_return, make_target

TODAY = timezone.localdate()


def last_quarters(count, today=TODAY):
    """The `count` quarters that have ended by today, oldest first."""
    quarter, found = periods.last_ended(periods.QUARTERLY, today), []
    for _ in range(count):
        found.insert(0, quarter)
        quarter = quarter.previous()
    return found


QUARTERS = last_quarters(6)
YEAR = QUARTERS[-1].year


@pytest.fixture
def board_book(db, agency, agency_lead, north):
    """Leicester's book with six quarters of returns for five indicators:
    1  lower is better, 10% rising to 15% (target 20%): Green, but worse two periods running -> exception
    4  higher is better, 50% rising to 60% (target 70% +- 5): Red -> exception; improving
    10 higher is better, 80% then 78% (target 80% +- 3): Amber, worse once: not an exception
    13 higher is better, 90% latest (target 85%): Green, improving
    20 a count with no direction and no target: Not rated
    """
    leicester = leicester_book()
    series = {
        "1": [10, 11, 12, 13, 14, 15],
        "4": [50, 52, 54, 56, 58, 60],
        "10": [80, 80, 80, 80, 80, 78],
        "13": [70, 72, 74, 80, 85, 90],
        "20": [120, 130, 125, 140, 150, 160],
    }
    targets = {"1": (20, 2), "4": (70, 5), "10": (80, 3), "13": (85, 0)}
    for reference, values in series.items():
        item = indicator(reference, leicester)
        make_owner(item, agency_lead, agency)
        for quarter, value in zip(QUARTERS, values):
            make_return(item, quarter, value=value, user=agency_lead, narrative=f"{reference} in {quarter.label}.")
        if reference in targets:
            make_target(item, YEAR, *targets[reference])
    latest_1 = indicator("1", leicester).returns.get(period_start=QUARTERS[-1].start)
    LocalityValue.objects.create(return_record=latest_1, locality=north, value=Decimal("18"))
    return leicester
