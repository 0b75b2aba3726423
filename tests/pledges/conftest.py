"""Fixtures for pledge tests: the current (migrated) Leicester pledge set and helpers to put organisations
into a given state."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from home.selectors import OfferStatus
from pledges.models import PledgeSet, PledgeStatus, Signature, Status


@pytest.fixture
def pledge_set(db):
    """Leicester's five pledges, seeded by migration 0002."""
    return PledgeSet.objects.current()


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def set_status(pledge_set):
    """set_status(org, number, status, review_in_days=None, reason="") -> PledgeStatus."""

    def make(organisation, number, status, review_in_days=None, reason=""):
        review = timezone.localdate() + timedelta(days=review_in_days) if review_in_days is not None else None
        record, _ = PledgeStatus.objects.update_or_create(
            organisation=organisation,
            pledge=pledge_set.pledges.get(number=number),
            defaults={"status": status, "review_date": review, "not_applicable_reason": reason},
        )
        return record

    return make


@pytest.fixture
def sign(pledge_set):
    def make(organisation, name="Pat Signer", role="Chief Executive", statement=""):
        return Signature.objects.create(
            organisation=organisation,
            pledge_set=pledge_set,
            signatory_name=name,
            signatory_role=role,
            signed_on=date(2024, 5, 1),
            statement=statement,
        )

    return make


@pytest.fixture
def offers(monkeypatch):
    """Replace the offers feature's contract with chosen statuses: offers[org_id] = OfferStatus(...)."""
    chosen = {}

    def fake(organisation_ids, *, published_at=True):
        return {i: chosen.get(i, OfferStatus(organisation_id=i)) for i in organisation_ids}

    monkeypatch.setattr("pledges.selectors.offer_statuses", fake)
    return chosen


MET, IN_PROGRESS, NOT_STARTED, NOT_APPLICABLE = (
    Status.MET,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.NOT_APPLICABLE,
)
