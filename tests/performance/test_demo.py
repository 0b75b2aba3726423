"""The performance book's demo data: owners at believable organisations, eight quarters, late returns,
Red figures, exceptions and a correction; Doncaster's scorecard as a second set; idempotent."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from performance import demo, periods, selectors
from performance.models import IndicatorOwner, IndicatorSet, Return, ReturnRevision, Target
from portal import demo as portal_demo
from portal.demo import DEMO_PASSWORD
from portal.models import User


@pytest.fixture
def demo_data(db):
    portal_demo.seed()
    demo.seed()
    return IndicatorSet.objects.get(slug="leicester-performance-book")


def counts():
    return [m.objects.count() for m in (IndicatorOwner, Return, ReturnRevision, Target, IndicatorSet)]


def test_seeding_twice_changes_nothing(demo_data):
    before = counts()
    demo.seed()
    assert counts() == before


def test_every_typed_indicator_has_an_owner_at_a_believable_organisation(demo_data):
    owners = {o.indicator.reference: o for o in IndicatorOwner.objects.select_related("indicator", "organisation")}
    assert len(owners) == 23 and not demo_data.indicators.filter(computed="", owner__isnull=True).exists()
    assert owners["15"].organisation.name == "Leicestershire Police – Leicester City"
    assert owners["17"].organisation.name == "Leicester City Council – Public Health"
    assert owners["18"].organisation.name == "Leicester Housing Options"
    assert owners["1"].user.email == demo.OWNER_EMAIL
    assert owners["1"].user.check_password(DEMO_PASSWORD)


def test_eight_quarters_of_returns_some_late_some_worsening_one_corrected(demo_data):
    today = timezone.localdate()
    last = periods.last_ended(periods.QUARTERLY, today)
    absence = Return.objects.filter(indicator__indicator_set=demo_data, indicator__reference="1", status="submitted")
    assert absence.count() == 8 and absence.order_by("-period_start").first().period_start == last.start
    assert all(r.narrative and r.locality_values.count() == 6 for r in absence)

    late = {o.indicator.reference for o in selectors.outstanding_returns(today, late_only=True)}
    if last.is_late(today):
        assert late == demo.LATE
    drafted = Return.objects.get(indicator__indicator_set=demo_data, indicator__reference="21", period_start=last.start)
    assert drafted.status == "draft"

    # Exceptions: alcohol and drug use falling (higher is better) two periods running.
    values = list(
        Return.objects.filter(indicator__indicator_set=demo_data, indicator__reference="5")
        .order_by("-period_start")
        .values_list("value", flat=True)[:3]
    )
    assert values[0] < values[1] < values[2]
    # A Red: infant mortality above target beyond its tolerance (lower is better).
    infant = Return.objects.filter(indicator__reference="17", indicator__indicator_set=demo_data).latest("period_start")
    target = Target.objects.get(indicator=infant.indicator, year=periods.year_of(infant.period_start))
    assert infant.value > target.target + target.tolerance

    corrected = Return.objects.get(
        indicator__indicator_set=demo_data, indicator__reference="15", period_start=last.previous().start
    )
    revisions = list(corrected.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2] and revisions[0].value == corrected.value - 3
    assert revisions[1].reason and revisions[1].value == corrected.value


def test_percentages_with_their_numerator_and_denominator(demo_data):
    record = Return.objects.filter(indicator__indicator_set=demo_data, indicator__reference="10").latest("period_start")
    assert record.value == (Decimal(record.numerator) * 100 / record.denominator).quantize(Decimal("0.01"))


def test_doncasters_scorecard_is_a_second_set(demo_data):
    assert IndicatorSet.objects.current() == demo_data
    assert IndicatorSet.objects.latest("doncaster-performance-scorecard").indicators.count() == 30


def test_the_demo_owner_signs_in_to_their_indicators(demo_data, client):
    owner = User.objects.get(email=demo.OWNER_EMAIL)
    assert client.login(email=owner.email, password=DEMO_PASSWORD)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Your indicators" in page
    page = client.get(reverse("performance:index")).content.decode()
    assert "Secondary school persistent absence rate" in page
    qa = User.objects.get(email=demo.QA_OFFICER)
    client.force_login(qa)
    assert "Late performance returns" in client.get(reverse("dashboard")).content.decode()
