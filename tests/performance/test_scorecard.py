"""The board's scorecard: its figures, ratings, directions and exceptions, the filters, who sees what, and
a fixed number of queries whatever the size of the book."""

from datetime import timedelta

import pytest

from performance import periods
from performance import scorecard as board
from performance.models import IndicatorSet
from performance.rules import Rating
from testdata.performance import indicator, make_return
from testdata.scorecards import build_scorecard
from tests.performance.board_data import QUARTERS, TODAY, YEAR, board_book  # noqa: F401 (board_book is a fixture)


def rows_by_ref(card):
    return {row.reference: row for row in card.rows}


def test_each_indicator_has_its_latest_figure_target_rating_and_direction(board_book, agency_lead):
    card = board.scorecard(board_book, YEAR, TODAY)
    rows = rows_by_ref(card)
    assert (rows["4"].latest.text, rows["4"].target_text, rows["4"].rating) == ("60%", "70%", Rating.RED)
    assert rows["4"].vs_previous.label == "Improving" and rows["4"].vs_year_before.label == "Improving"
    assert (rows["1"].rating, rows["1"].vs_previous.label) == (Rating.GREEN, "Worsening")
    assert (rows["10"].rating, rows["10"].vs_previous.label) == (Rating.AMBER, "Worsening")
    assert (rows["13"].rating, rows["13"].vs_previous.label) == (Rating.GREEN, "Improving")
    assert (rows["20"].rating, rows["20"].target_text) == (Rating.NOT_RATED, "No target")
    assert rows["20"].vs_previous.label == "Not comparable"  # a count with no direction moved: neither better nor worse
    assert rows["4"].narrative == f"4 in {QUARTERS[-1].label}."
    assert rows["4"].owner.user == agency_lead and rows["2"].owner is None
    assert rows["2"].latest is None and rows["2"].rating == Rating.NOT_RATED  # no returns: no figure, never a guess
    assert [p.text for p in rows["4"].points if p.value is not None] == ["50%", "52%", "54%", "56%", "58%", "60%"]


def test_exceptions_are_red_or_worsening_twice_and_head_the_rows(board_book):
    card = board.scorecard(board_book, YEAR, TODAY)
    assert [row.reference for row in card.exceptions] == ["1", "4"]
    assert [row.reference for row in card.rows[:2]] == ["1", "4"]
    assert not rows_by_ref(card)["10"].exception  # worse once only


def test_filters_by_theme_rating_exceptions_and_together(board_book):
    shown = lambda **f: [row.reference for row in board.scorecard(board_book, YEAR, TODAY, **f).shown]  # noqa: E731
    assert set(shown(theme="Thrive")) == {"4", "5", "13"}
    assert shown(rating="red") == ["4"]
    assert shown(rating="amber") == ["10"]
    assert shown(exceptions_only=True) == ["1", "4"]
    assert shown(theme="Thrive", exceptions_only=True) == ["4"]
    assert shown(theme="Support", rating="red") == []
    card = board.scorecard(board_book, YEAR, TODAY, theme="Thrive")
    assert [theme for theme, _ in card.themes] == ["Thrive"]
    assert dict(card.rating_counts)[Rating.RED] == 1


def test_a_locality_shows_its_own_figures_and_says_which_are_city_wide(board_book, north):
    card = board.scorecard(board_book, YEAR, TODAY, locality=north)
    rows = rows_by_ref(card)
    assert rows["1"].latest.text == "18%" and rows["1"].locality_note == ""
    assert rows["4"].latest.text == "60%" and rows["4"].locality_note == "City-wide figure only"


def test_drafts_never_reach_the_scorecard(board_book, agency_lead):
    item = indicator("13", board_book)
    item.returns.filter(period_start=QUARTERS[-1].start).delete()
    make_return(item, QUARTERS[-1], value=10, user=agency_lead, submitted=False)
    row = rows_by_ref(board.scorecard(board_book, YEAR, TODAY))["13"]
    assert row.latest.value == 85 and row.latest.period == QUARTERS[-2]


def test_closed_periods_only_hides_a_period_until_its_return_was_due(board_book):
    on_due_date = QUARTERS[-1].due_on
    partners = rows_by_ref(board.scorecard(board_book, YEAR, on_due_date, closed_only=True))
    the_board = rows_by_ref(board.scorecard(board_book, YEAR, on_due_date))
    assert the_board["4"].latest.period == QUARTERS[-1]
    assert partners["4"].latest is None or partners["4"].latest.period == QUARTERS[-2]
    after = rows_by_ref(board.scorecard(board_book, YEAR, on_due_date + timedelta(days=1), closed_only=True))
    assert after["4"].latest.period == QUARTERS[-1]


def test_columns_are_the_years_periods_with_each_figure_rated_in_its_cell(board_book):
    card = board.scorecard(board_book, YEAR, TODAY)
    in_year = [q for q in QUARTERS if q.year == YEAR]
    assert card.columns == in_year
    row = rows_by_ref(card)["4"]
    assert [row.cells[q].text for q in in_year] == ["50%", "52%", "54%", "56%", "58%", "60%"][-len(in_year) :]
    assert all(row.cell_ratings[q] == Rating.RED for q in in_year)


def test_default_year_is_that_of_the_latest_figure(board_book):
    assert board.default_year(board_book, TODAY) == YEAR
    empty = IndicatorSet.objects.create(slug="empty", title="Empty", partnership="Test")
    assert board.default_year(empty, TODAY) == periods.year_of(TODAY)


@pytest.mark.parametrize("count, years", [(5, 1), (100, 5)])
def test_a_fixed_number_of_queries_whatever_the_size(db, count, years, agency, agency_lead, django_assert_num_queries):
    """5 indicators x 12 months, and 100 x 60 months (6,000 returns): the same queries."""
    first_year = periods.last_ended(periods.MONTHLY, TODAY).start.year - years
    book = build_scorecard(count, years + 1, first_year=first_year, user=agency_lead, organisation=agency)
    year = board.default_year(book, TODAY)
    with django_assert_num_queries(3):  # indicators with owners, returns, targets
        card = board.scorecard(book, year, TODAY)
    assert len(card.rows) == count and all(row.latest for row in card.rows)
    with django_assert_num_queries(4):  # and the locality values
        board.scorecard(book, year, TODAY, locality=agency.locality)


# --- The page, role by role -----------------------------------------------------------------------------


def test_who_sees_the_scorecard(board_book, everyone, client_for):
    expected = {
        "anonymous": 302,  # asked to sign in: the set is not public
        "no_role": 403,
        "admin": 200,
        "la_officer": 200,
        "board_member": 200,
        "school_lead": 200,  # partners: closed periods
        "agency_lead": 200,
    }
    for role, status in expected.items():
        response = client_for(everyone[role]).get("/performance/")
        assert response.status_code == status, role
    assert "/accounts/login/" in client_for(None).get("/performance/")["Location"]


def test_the_board_reads_every_submitted_return_and_partners_closed_periods(
    board_book, board_member, school_lead, client_for
):
    board_page = client_for(board_member).get("/performance/").content.decode()
    assert "Figures are the owners' submitted returns; drafts are not shown." in board_page
    partner_page = client_for(school_lead).get("/performance/").content.decode()
    assert "You are seeing closed periods only" in partner_page
    closed = QUARTERS[-1].due_on < TODAY
    assert (f"4 in {QUARTERS[-1].label}." in partner_page) is closed
    assert f"4 in {QUARTERS[-1].label}." in board_page


def test_a_public_set_is_open_to_anyone_for_closed_periods(board_book, client_for):
    board_book.is_public = True
    board_book.save(update_fields=["is_public"])
    page = client_for(None).get("/performance/")
    assert page.status_code == 200
    assert "You are seeing closed periods only" in page.content.decode()


def test_the_page_puts_exceptions_first_with_words_for_rag_and_direction(board_book, board_member, client_for):
    page = client_for(board_member).get("/performance/").content.decode()
    exceptions = page.index('id="exceptions"')
    assert exceptions < page.index('id="theme-1"')
    head = page[exceptions : page.index('id="theme-1"')]
    assert "1 Primary school persistent absence rate" in head and "4 Improvement in family wellbeing" in head
    assert "10 Raising the Participation Age" not in head
    assert '<strong class="tag tag--rag-red" title="Worse than target by more than the tolerance">Red</strong>' in page
    assert '<span class="travel__arrow" aria-hidden="true">↓</span> Worsening' in page
    assert "Not rated" in page and "Exceptions" in page


def test_filters_narrow_the_page_and_keep_the_choice(board_book, board_member, client_for):
    page = client_for(board_member).get("/performance/", {"theme": "Thrive", "rag": "red"}).content.decode()
    assert "Showing 1 of 27 indicators" in page
    assert '<option value="Thrive" selected>' in page and '<option value="red" selected>' in page
    assert "Clear the filters" in page
    only = client_for(board_member).get("/performance/", {"exceptions": "on"}).content.decode()
    assert "Showing 2 of 27 indicators" in only


@pytest.mark.parametrize(
    "query",
    [
        {"year": "not-a-year"},
        {"year": "2018-20"},
        {"rag": "purple"},
        {"theme": "<script>"},
        {"locality": "nowhere"},
        {"set": "no-such-set"},
        {"exceptions": "maybe", "page": "x"},
        {"year": "1999-00", "rag": "", "theme": ""},
    ],
)
def test_bad_filter_values_never_give_a_500(board_book, board_member, client_for, query):
    response = client_for(board_member).get("/performance/", query)
    assert response.status_code == 200
    page = response.content.decode()
    if any(key in query and query[key] for key in ("year", "rag", "theme", "locality")):
        assert "Some filters could not be used" in page and "<script>" not in page.split("<main", 1)[-1]
    for path in ("/performance/print/", "/performance/scorecard.xlsx"):
        assert client_for(board_member).get(path, query).status_code == 200


def test_the_print_view_is_a4_landscape_with_every_indicator(board_book, board_member, client_for):
    page = client_for(board_member).get("/performance/print/").content.decode()
    assert "print-view" in page and page.count("<tr>") >= 27
    css = open("static/performance/scorecard.css").read()
    assert "@page { size: A4 landscape" in css


def test_the_page_runs_a_fixed_number_of_queries(
    db, agency, agency_lead, board_member, client_for, django_assert_max_num_queries
):
    first_year = periods.last_ended(periods.MONTHLY, TODAY).start.year - 2
    book = build_scorecard(30, 3, first_year=first_year, user=agency_lead, organisation=agency, slug="thirty")
    client = client_for(board_member)
    client.get("/performance/", {"set": book.slug})  # warm the session and caches
    with django_assert_max_num_queries(20) as small:
        client.get("/performance/", {"set": book.slug})
    build_scorecard(120, 3, first_year=first_year, user=agency_lead, organisation=agency, slug="hundred-twenty")
    with django_assert_max_num_queries(20) as large:
        client.get("/performance/", {"set": "hundred-twenty"})
    assert len(small.captured_queries) == len(large.captured_queries)


def test_doncasters_scorecard_loads_from_its_file_and_reads_on_the_page(
    db, board_member, client_for, agency, agency_lead
):
    """A second set, with sub-measures (3.1 a-d) and a computed 4.5, needs no code to show."""
    from io import StringIO

    from django.core.management import call_command

    from portal import frameworks

    path = frameworks.kind("indicators").examples / "doncaster-performance-scorecard.json"
    call_command("load_indicator_set", str(path), stdout=StringIO())
    doncaster = IndicatorSet.objects.get(slug="doncaster-performance-scorecard")
    sub = doncaster.indicators.get(reference="3.1a")
    make_return(sub, QUARTERS[-1], value=4.5, user=agency_lead, narrative="Allocation within a week.")
    page = client_for(board_member).get("/performance/", {"set": doncaster.slug}).content.decode()
    assert f"{doncaster.title}, {YEAR}" in page
    assert "4.5 days" in page and "Allocation within a week." in page
    assert "Quality measures</h2>" in page
    assert client_for(board_member).get(f"/performance/indicators/{sub.pk}/").content.decode().count("Part of") == 1


def test_the_board_dashboard_lists_the_scorecards_exceptions(board_book, board_member, la_officer, client_for):
    html = client_for(board_member).get("/dashboard/").content.decode()
    section = html.split(f"Performance by exception, {YEAR}", 1)[1]
    card = board.scorecard(board_book, YEAR, TODAY)
    for row in card.exceptions:
        assert f"{row.reference} {row.indicator.name}"[:40] in section.replace("&gt;", ">")
    assert "The performance scorecard" in section
    assert "Performance by exception" not in client_for(la_officer).get("/dashboard/").content.decode()
