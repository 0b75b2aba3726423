"""Locality partnership fixtures: North's partnership chaired by `chair`, with `school` as a member
organisation (so its people are members) and South's chaired by `other_chair`; a test overview provider
whose figure a test can change, to see that a submitted report keeps the figure it had."""

import pytest
from django.utils import timezone

from localities import rules
from portal import overview
from portal.overview import Figure, OverviewSection
from testdata.localities import make_partnership
from testdata.people import make_user


@pytest.fixture
def chair(db):
    return make_user("chair.north@test.example")


@pytest.fixture
def other_chair(db):
    return make_user("chair.south@test.example")


@pytest.fixture
def north_partnership(north, chair, school):
    return make_partnership(north, chair=chair, organisations=[school])


@pytest.fixture
def south_partnership(south, other_chair):
    return make_partnership(south, chair=other_chair)


@pytest.fixture
def this_quarter():
    return rules.current_quarter(timezone.localdate())


@pytest.fixture
def last_quarter(this_quarter):
    return rules.previous_quarter(this_quarter)


class _Provider:
    """An overview provider for the tests: one figure per locality, whose value the test sets."""

    def __init__(self):
        self.value = 7
        self.scopes = []

    def __call__(self, scope):
        self.scopes.append(scope)
        name = scope.locality.name if scope.locality is not None else "the partnership"
        return OverviewSection(
            key="test_offers",
            title=f"Test offers in {name}",
            url="/offers/",
            period="This term",
            previous_period="Last term",
            figures=[Figure("Offers published", self.value, previous=5)],
            note="A provider registered by the tests.",
        )


@pytest.fixture
def provider():
    """Registered for the test only: other providers may be registered too, so tests look for its key."""
    registered = _Provider()
    overview.section(order=1)(registered)
    yield registered
    overview._providers[:] = [pair for pair in overview._providers if pair[1] is not registered]
