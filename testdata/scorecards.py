"""A board scorecard at scale: `build_book` (testdata.performance) with a target and tolerance for every
indicator in every year, for the query-count tests and the benchmark."""

from decimal import Decimal

from performance import periods
from performance.models import Target
from portal.periods import financial_year_label
from testdata.performance import build_book


def build_scorecard(count, years, *, frequency=periods.MONTHLY, first_year=2022, user, organisation, slug="large-book"):
    """`count` indicators x `years` financial years of submitted returns, each indicator with a target of
    70 (tolerance 5) every year, so the ratings spread across Red, Amber and Green."""
    book = build_book(
        count, years, frequency=frequency, first_year=first_year, user=user, organisation=organisation, slug=slug
    )
    Target.objects.bulk_create(
        Target(indicator=indicator, year=financial_year_label(year), target=Decimal(70), tolerance=Decimal(5))
        for indicator in book.indicators.all()
        for year in range(first_year, first_year + years)
    )
    return book
