"""The demo's services: agencies list free and paid services, self-referral and referral only, one closed."""

import pytest
from django.core.management import call_command

from home.models import OfferPage, OfferService

pytestmark = pytest.mark.django_db


def test_the_demo_agencies_say_what_they_offer(client):
    call_command("seed_demo", "--force", stdout=open("/dev/null", "w"))
    live = OfferService.objects.filter(page__in=OfferPage.objects.live())
    assert live.filter(cost="free").exists() and live.filter(cost="paid").exists()
    assert live.filter(self_referral=True).exists()
    assert live.filter(self_referral=False, drop_in=False, professional_referral=True).exists()
    assert live.filter(temporarily_closed=True).count() == 1
    arts = OfferPage.objects.live().get(title="Soft Touch Arts")
    html = client.get(arts.url).content.decode()
    assert "Creative wellbeing sessions" in html and "music, art and film-making" in html
    assert "Temporarily closed" in html
    assert "arts" in arts.summary.lower()
    # Other partners' summaries are their own.
    others = OfferPage.objects.live().exclude(organisation__kind="school").values_list("summary", flat=True)
    assert len(set(others)) == len(others)
    listing = client.get("/offers/?q=art&free=on").content.decode()
    assert "Soft Touch Arts" in listing and "Service:</span>" in listing
