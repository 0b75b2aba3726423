"""Fixtures for the commitments audit tests.

The test database runs the migrations, so Leicester's framework (version 1, current) is there.
  audit          the `school`'s audit for this academic year, started by its lead from the suggested actions
  other_audit    `other_school`'s audit for this year (its people, and only they, may see it)
  offer_published / offer_unpublished   pin what home.selectors.offer_statuses reports
"""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from audits import selectors, services
from audits.models import Framework
from home import selectors as offers
from portal.periods import academic_year


@pytest.fixture
def this_year():
    return academic_year(timezone.localdate())


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def framework(db):
    return Framework.objects.get(is_current=True)


@pytest.fixture
def audit(school, school_lead, framework, this_year):
    return services.start_audit(school, this_year, school_lead)


@pytest.fixture
def other_audit(other_school, other_school_lead, framework, this_year):
    return services.start_audit(other_school, this_year, other_school_lead)


def _pin_offers(monkeypatch, published):
    def fake(organisation_ids):
        return {
            pk: offers.OfferStatus(
                organisation_id=pk,
                exists=True,
                published=published,
                last_published_at=datetime(2026, 10, 5, 9, 30, tzinfo=UTC) if published else None,
                url=f"/offers/school-{pk}/" if published else "",
            )
            for pk in organisation_ids
        }

    monkeypatch.setattr(offers, "offer_statuses", fake)
    # Every school is taken to have an offer page; the roll-ups ask the offers feature only about those.
    monkeypatch.setattr(
        selectors, "_with_an_offer_page", lambda audits: list(audits.values_list("organisation_id", flat=True))
    )


@pytest.fixture
def offer_published(monkeypatch):
    _pin_offers(monkeypatch, True)


@pytest.fixture
def offer_unpublished(monkeypatch):
    _pin_offers(monkeypatch, False)
