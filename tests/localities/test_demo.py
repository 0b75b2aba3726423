"""The demo's six locality partnerships: a chair who signs in, members, the three city-wide targets, a
£10,000 budget with spend, last quarter's report submitted and this quarter's in draft; seeding twice
changes nothing."""

from decimal import Decimal

import pytest
from django.test import Client

from localities import demo as locality_demo
from localities import selectors
from localities.models import Initiative, LocalityPartnership, Priority, QuarterlyReport, ReportRevision
from portal import demo as core_demo
from portal.demo import DEMO_PASSWORD


@pytest.fixture
def demo_data(db):
    core_demo.seed()
    locality_demo.seed()


def _counts():
    return [m.objects.count() for m in (LocalityPartnership, Priority, Initiative, QuarterlyReport, ReportRevision)]


def test_seeding_twice_changes_nothing(demo_data):
    before = _counts()
    locality_demo.seed()
    assert _counts() == before


def test_six_partnerships_each_with_a_chair_who_signs_in(demo_data):
    partnerships = list(LocalityPartnership.objects.select_related("chair", "locality"))
    assert len(partnerships) == 6
    for partnership in partnerships:
        assert partnership.chair.email == f"chair.{partnership.locality.slug}@example.org"
        client = Client()
        assert client.login(username=partnership.chair.email, password=DEMO_PASSWORD)
        assert partnership.member_organisations.exists()


def test_priorities_budget_and_reports(demo_data):
    from django.utils import timezone

    from localities import rules

    this = rules.current_quarter(timezone.localdate())
    last = rules.previous_quarter(this)
    for partnership in LocalityPartnership.objects.all():
        titles = [p.title for p in partnership.priorities.filter(year=this.start_year)]
        assert titles == ["School readiness", "Domestic abuse: healthy relationships", "Adolescent mental health"]
        budget = selectors.budget_of(partnership, this.start_year)
        totals = selectors.budget_totals(budget)
        assert totals.allocated == Decimal("10000.00") and Decimal("0") < totals.spent < totals.allocated
        assert {"Get Up and Go", "Earn & Learn"} <= {i.name for i in budget.initiatives.all()}
        reports = {(r.year, r.quarter): r for r in partnership.reports.all()}
        assert reports[(last.start_year, last.quarter)].is_submitted
        assert reports[(last.start_year, last.quarter)].revisions.count() == 1
        assert not reports[(this.start_year, this.quarter)].is_submitted
