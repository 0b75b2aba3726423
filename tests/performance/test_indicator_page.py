"""An indicator's own page: its whole history (chart and table), every narrative, every revision; who may
see it; a fixed number of queries however long the history."""

from decimal import Decimal

import pytest
from django.utils import timezone

from performance import periods
from performance.models import ReturnRevision
from testdata.performance import indicator
from testdata.scorecards import build_scorecard
from tests.performance.board_data import QUARTERS, TODAY, YEAR, board_book  # noqa: F401 (board_book is a fixture)


def url(item):
    return f"/performance/indicators/{item.pk}/"


@pytest.fixture
def corrected(board_book, la_officer):
    """Indicator 4's latest return, corrected from 60% to 62% with a reason (revision 2)."""
    item = indicator("4", board_book)
    record = item.returns.get(period_start=QUARTERS[-1].start)
    record.value = Decimal("62")
    record.save()
    ReturnRevision.objects.create(
        return_record=record,
        number=2,
        value=Decimal("62"),
        narrative=record.narrative,
        reason="Two families' surveys arrived late.",
        changed_by=la_officer,
        changed_at=timezone.now(),
    )
    return item


def test_the_whole_history_with_every_narrative(board_book, board_member, client_for):
    item = indicator("4", board_book)
    page = client_for(board_member).get(url(item)).content.decode()
    for quarter, value in zip(QUARTERS, [50, 52, 54, 56, 58, 60]):
        assert f'<th scope="row">{quarter.label}</th>\n    <td data-label="Figure">{value}%' in page
        assert f"4 in {quarter.label}." in page
    assert page.index(QUARTERS[-1].label) < page.index(f'<th scope="row">{QUARTERS[0].label}</th>')  # newest first
    assert '<title id="history-title">4 Improvement in family wellbeing' in page  # the chart, with the table below
    assert "Percentage, higher is better, reported quarterly" in page
    assert '<td data-label="Target">70%</td>' in page  # this year's target beside this year's figures


def test_every_revision_is_shown_and_the_old_value_kept(corrected, board_member, client_for):
    page = client_for(board_member).get(url(corrected)).content.decode()
    assert "2 revisions" in page
    assert "<strong>Submitted</strong>" in page and ": 60%" in page  # the first submission's value, kept
    assert "<strong>Corrected</strong>" in page and ": 62%" in page
    assert "“Two families&#x27; surveys arrived late.”" in page


def test_who_sees_an_indicator(board_book, everyone, client_for):
    item = indicator("4", board_book)
    expected = {"anonymous": 302, "no_role": 403, "la_officer": 200, "board_member": 200, "school_lead": 200}
    for role, status in expected.items():
        assert client_for(everyone[role]).get(url(item)).status_code == status, role
    assert client_for(everyone["board_member"]).get("/performance/indicators/999999/").status_code == 404


def test_partners_see_closed_periods_and_the_public_no_names(corrected, school_lead, client_for):
    partner = client_for(school_lead).get(url(corrected)).content.decode()
    assert "You are seeing closed periods only" in partner
    assert (f'<th scope="row">{QUARTERS[-1].label}</th>' in partner) is (QUARTERS[-1].due_on < TODAY)
    corrected.indicator_set.is_public = True
    corrected.indicator_set.save(update_fields=["is_public"])
    public = client_for(None).get(url(corrected)).content.decode()
    assert f'<th scope="row">{QUARTERS[-2].label}</th>' in public
    assert "revisions" not in public and "Officer Tester" not in public  # who corrected what is not public


def test_a_computed_indicator_says_so(board_book, board_member, client_for):
    page = client_for(board_member).get(url(indicator("QA2", board_book))).content.decode()
    assert "computed by the portal from its own records" in page


def test_an_indicator_with_no_figures_says_so(board_book, board_member, client_for):
    page = client_for(board_member).get(url(indicator("2", board_book))).content.decode()
    assert "No figures have been submitted for this indicator yet." in page


def test_a_fixed_number_of_queries_however_long_the_history(
    db, agency, agency_lead, board_member, client_for, django_assert_max_num_queries
):
    """One year of monthly returns, and five: the same queries."""
    client, counts = client_for(board_member), []
    for years in (1, 5):
        first_year = periods.last_ended(periods.MONTHLY, TODAY).start.year - years
        book = build_scorecard(
            2, years + 1, first_year=first_year, user=agency_lead, organisation=agency, slug=f"b{years}"
        )
        item = book.indicators.order_by("order").first()
        client.get(url(item))
        with django_assert_max_num_queries(12) as counted:
            response = client.get(url(item))
        assert response.content.decode().count('<tr>\n    <th scope="row">') >= 12 * years
        counts.append(len(counted.captured_queries))
    assert counts[0] == counts[1]
