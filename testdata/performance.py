"""Builders for the performance book: owners, targets and returns (with their revisions), and a large book."""

from datetime import datetime, time
from decimal import Decimal

from django.utils import timezone

from performance import periods
from performance.models import Indicator, IndicatorOwner, IndicatorSet, Return, ReturnRevision, Target

LEICESTER = "leicester-performance-book"


def leicester_book():
    """The default set, as the seed migration stores it."""
    return IndicatorSet.objects.get(slug=LEICESTER, version=1)


def indicator(reference, indicator_set=None):
    return Indicator.objects.get(indicator_set=indicator_set or leicester_book(), reference=reference)


def make_owner(indicator, user, organisation, *, assigned_by=None):
    owner, _ = IndicatorOwner.objects.update_or_create(
        indicator=indicator, defaults={"user": user, "organisation": organisation, "assigned_by": assigned_by}
    )
    return owner


def make_target(indicator, year, target, tolerance=0):
    return Target.objects.create(indicator=indicator, year=year, target=Decimal(target), tolerance=Decimal(tolerance))


def _moment(day):
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def make_return(indicator, period, *, value=None, user=None, submitted=True, submitted_on=None, **fields):
    """A return for `period` (a performance.periods.Period), submitted (with its first revision) unless told."""
    if value is not None:
        value = Decimal(value)
    record = Return.objects.create(
        indicator=indicator,
        period_start=period.start,
        period_end=period.end,
        due_on=period.due_on,
        value=value,
        status=Return.Status.SUBMITTED if submitted else Return.Status.DRAFT,
        submitted_by=user if submitted else None,
        submitted_at=_moment(submitted_on or period.due_on) if submitted else None,
        **fields,
    )
    if submitted:
        ReturnRevision.objects.create(
            return_record=record,
            number=1,
            value=value,
            numerator=record.numerator,
            denominator=record.denominator,
            narrative=record.narrative,
            data_quality_note=record.data_quality_note,
            changed_by=user,
            changed_at=record.submitted_at,
        )
    return record


def quarter(year_label, number):
    """The quarterly period: quarter(\"2026-27\", 1) is April to June 2026."""
    return periods.periods_in_year(periods.QUARTERLY, year_label)[number - 1]


def build_book(count, years, *, frequency=periods.MONTHLY, first_year=2022, user, organisation, slug="large-book"):
    """A set of `count` indicators, each owned by `user`, with a submitted return every period for `years`
    financial years from `first_year` (100 x 5 monthly = 6,000 returns), built in bulk."""
    book = IndicatorSet.objects.create(slug=slug, title=f"A book of {count}", partnership="Test")
    themes = ["Support", "Strengthen", "Thrive"]
    indicators = Indicator.objects.bulk_create(
        Indicator(
            indicator_set=book,
            reference=str(n),
            name=f"Indicator {n}",
            theme=themes[n % 3],
            unit="percentage",
            polarity="higher_is_better" if n % 2 else "lower_is_better",
            frequency=frequency,
            order=n,
        )
        for n in range(1, count + 1)
    )
    IndicatorOwner.objects.bulk_create(
        IndicatorOwner(indicator=item, user=user, organisation=organisation) for item in indicators
    )
    returns = []
    for item in indicators:
        for year in range(first_year, first_year + years):
            for index, period in enumerate(periods.periods_in_year(frequency, year)):
                returns.append(
                    Return(
                        indicator=item,
                        period_start=period.start,
                        period_end=period.end,
                        due_on=period.due_on,
                        status=Return.Status.SUBMITTED,
                        value=Decimal(50 + (item.order * 7 + index * 3 + year) % 40),
                        narrative="Steady.",
                        submitted_by=user,
                        submitted_at=_moment(period.due_on),
                    )
                )
    Return.objects.bulk_create(returns, batch_size=1000)
    return book


__all__ = ["leicester_book", "indicator", "make_owner", "make_target", "make_return", "quarter", "build_book"]
