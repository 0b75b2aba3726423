"""The reads the scorecard and the owners' pages share: right answers, in a fixed number of queries whatever
the size of the book (pinned at two sizes)."""

from datetime import date

import pytest

from performance import periods, selectors
from performance.models import Return
from testdata.performance import build_book, make_return

TODAY = date(2027, 5, 20)  # March 2027 (the last month of the built years) was due on 15 April


@pytest.mark.parametrize("count,years", [(3, 1), (20, 2)])
def test_returns_and_latest_in_one_query_each(count, years, agency_lead, agency, django_assert_num_queries):
    book = build_book(count, years, first_year=2027 - years, user=agency_lead, organisation=agency)
    indicators = list(book.indicators.all())
    with django_assert_num_queries(1):
        history = selectors.returns_for(indicators, submitted_only=True)
    assert len(history) == count and all(len(rows) == 12 * years for rows in history.values())
    assert [r.period_start for r in history[indicators[0].pk]] == sorted(
        r.period_start for r in history[indicators[0].pk]
    )
    with django_assert_num_queries(1):
        latest = selectors.latest_submitted(book.indicators.all())
    assert {r.period_start for r in latest.values()} == {date(2027, 3, 1)}
    with django_assert_num_queries(1):
        assert len(selectors.owners_of(indicators)) == count
    with django_assert_num_queries(3):
        owed = selectors.outstanding_returns(TODAY)
    # Every indicator owes April 2027, due on 15 May: late by the 20th.
    assert len(owed) == count and all(o.period.label == "April 2027" and o.is_late for o in owed)


def test_latest_submitted_skips_drafts(owned, agency_lead, last_quarter):
    make_return(owned, last_quarter.previous(), value=5, user=agency_lead)
    make_return(owned, last_quarter, submitted=False)
    (latest,) = selectors.latest_submitted([owned]).values()
    assert latest.period_start == last_quarter.previous().start
    assert selectors.returns_for([owned], submitted_only=True)[owned.pk] == [latest]
    assert len(selectors.returns_for([owned])[owned.pk]) == 2


def test_outstanding_for_one_owner_late_first(owned, book, agency_lead, la_officer, agency):
    from testdata.performance import indicator, make_owner

    other = indicator("17", book)  # yearly
    make_owner(other, la_officer, agency)
    today = date(2026, 12, 2)
    mine = selectors.outstanding_returns(today, owner=agency_lead)
    assert [(o.indicator.reference, o.period.label, o.is_late) for o in mine] == [("15", "Q2 2026-27", True)]
    everyone = selectors.outstanding_returns(today)
    assert [o.indicator.reference for o in everyone] == ["17", "15"]  # 17: 2025-26, due 15 April 2026
    assert everyone[0].period == periods.period_starting("yearly", date(2025, 4, 1))
    make_return(owned, periods.period_starting("quarterly", date(2026, 7, 1)), value=3, user=agency_lead)
    assert selectors.outstanding_returns(today, owner=agency_lead) == []
    assert Return.objects.count() == 1
