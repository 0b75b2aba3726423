"""The performance book's fixtures: Leicester's seeded book, one indicator owned by `agency_lead` at `agency`."""

import pytest
from django.utils import timezone

from performance import periods
from testdata.performance import indicator, leicester_book, make_owner


@pytest.fixture
def book(db):
    return leicester_book()


@pytest.fixture
def owned(book, agency_lead, agency, la_officer):
    """Leicester's indicator 15 (first-time entrants, a quarterly count), owned by the agency's lead."""
    item = indicator("15", book)
    make_owner(item, agency_lead, agency, assigned_by=la_officer)
    return item


@pytest.fixture
def last_quarter():
    """The last quarter that has ended today (so its return may be sent, and is late once past the 15th)."""
    return periods.last_ended(periods.QUARTERLY, timezone.localdate())
