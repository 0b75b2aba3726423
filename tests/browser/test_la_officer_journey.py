"""An LA quality-assurance officer's morning, in a real browser: the city-wide commitments picture filtered
to one locality's red schools, an offer quality visit recorded (with a mistake on the way), and the
quarterly case-file report run for a year and downloaded, its figures read back from the spreadsheet.
"""

import re
from datetime import timedelta

import openpyxl
from django.utils import timezone

from portal.demo import DEMO_PASSWORD
from tests.browser.forms_a11y import (
    assert_error_tied_to_field,
    assert_focus_visible,
    assert_tab_order,
    fill_date,
    fill_day,
)

SHARE = re.compile(r"^(?:(\d+)%|—) \((\d+) of (\d+)\)$")


def cell_texts(row):
    return [cell.strip() for cell in row.locator("th, td").all_inner_texts()]


def share_of(text):
    """'68% (15 of 22)' -> (68, 15, 22); '— (0 of 0)' -> (None, 0, 0)."""
    match = SHARE.match(text)
    assert match, f"not a share: {text!r}"
    percent, met, total = match.groups()
    return (int(percent) if percent else None, int(met), int(total))


def table_under(page, heading):
    """The rows of the table that follows the h2 `heading`: {row heading: [cells after it]}."""
    table = page.locator(f"xpath=//h2[normalize-space()='{heading}']/following::table[1]")
    rows = {}
    for row in table.locator("tbody tr, tfoot tr").all():
        texts = cell_texts(row)
        rows[texts[0]] = texts[1:]
    headings = cell_texts(table.locator("thead tr"))[1:]
    return headings, rows


def test_la_officer_filters_the_city_view_records_a_visit_and_downloads_the_quarterly_report(journey, tmp_path):
    from audits.models import OfferVisit

    officer = journey()
    officer.sign_in("qa.officer@example.org", DEMO_PASSWORD)
    page = officer.page
    officer.screenshot("dashboard")

    # The city-wide commitments view, narrowed to the North West's schools rated Red overall.
    page.get_by_role("link", name="City-wide view", exact=True).click()
    officer.check("city-view")
    everything = page.locator("#results").inner_text()
    total = int(re.search(r"of (\d+) schools", everything).group(1))
    page.get_by_label("Locality").select_option(label="North West")
    page.get_by_label("Overall RAG rating").select_option(label="Red")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/audits/city/?*rag=red*")
    officer.check("city-north-west-red")
    shown = int(re.search(r"Showing (\d+) of", page.locator("#results").inner_text()).group(1))
    rows = page.locator("table.matrix tbody tr")
    assert 0 < shown < total
    assert rows.count() == shown
    headings = cell_texts(page.locator("table.matrix thead tr"))
    locality, overall = headings.index("Locality"), headings.index("Overall")
    for row in rows.all():
        cells = cell_texts(row)
        assert cells[locality] == "North West" and cells[overall] == "Red", cells
    # The filters stay as chosen, so the person sees what the table shows.
    assert page.get_by_label("Locality").input_value() == "north-west"
    assert page.get_by_label("Overall RAG rating").input_value() == "red"

    # An offer quality visit, recorded from the city view.
    page.get_by_role("link", name="Record an offer quality visit").click()
    officer.check("visit-form")
    page.get_by_label("School", exact=True).select_option(label="Rushey Mead Primary School")
    assert_tab_order(
        page,
        page.get_by_label("School", exact=True),
        [
            "id_organisation",
            "id_visited_on",
            "id_visited_on-month",
            "id_visited_on-year",
            "id_officer",
            "id_judgement_0",
            "id_notes",
            "id_agreed_actions",
            "Save the visit",
        ],
    )
    # The blank choice a model field brings is not offered as a judgement.
    judgements = page.get_by_role("group", name="Judgement of the offer's quality").get_by_role("radio")
    assert [judgements.nth(n).get_attribute("value") for n in range(judgements.count())] == [
        "outstanding",
        "good",
        "requires_improvement",
        "inadequate",
    ]

    # A mistake: an impossible date and no judgement.
    fill_date(page, "id_visited_on", 30, 2, 2026)
    notes = "Offer page read with the DSL; the pathway to the EHA is clear, the parents' page needs work."
    page.get_by_label("Notes").fill(notes)
    page.get_by_role("button", name="Save the visit").click()
    page.wait_for_load_state()
    officer.check("visit-errors")
    assert page.title().startswith("Error:")
    assert_error_tied_to_field(
        page, "id_visited_on", "Enter date of visit as a real date, for example 27 3 2027.", follow_link=True
    )
    assert_focus_visible(page)
    assert_error_tied_to_field(
        page, "id_judgement_0", "Choose your judgement of the offer's quality.", follow_link=True
    )
    assert page.get_by_label("Notes").input_value() == notes  # what was typed is kept
    assert page.locator("#id_organisation option:checked").inner_text() == "Rushey Mead Primary School"

    visited_on = timezone.localdate() - timedelta(days=1)
    fill_day(page, "id_visited_on", visited_on)
    page.get_by_role("radio", name="Good").check()
    page.get_by_label("Actions agreed with the school").fill("Add a parents' page to the offer by half term.")
    page.get_by_role("button", name="Save the visit").click()
    page.wait_for_url(re.compile(r"/audits/visits/\d+/(#.*)?$"))  # the fragment of the error link stays
    officer.check("visit-recorded")
    assert page.get_by_role("status").inner_text() == "Visit to Rushey Mead Primary School recorded."
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == f"Rushey Mead Primary School, {visited_on.day} {visited_on:%B %Y}"
    summary = page.locator(".summary-list").inner_text()
    assert "Olu Adeyemi" in summary and "Good" in summary and notes in summary
    visit = OfferVisit.objects.get(pk=re.search(r"/visits/(\d+)/", page.url).group(1))
    assert (visit.organisation.name, visit.visited_on, visit.judgement, visit.recorded_by.email) == (
        "Rushey Mead Primary School",
        visited_on,
        "good",
        "qa.officer@example.org",
    )

    # The quarterly case-file report for 2018-19, shown and then downloaded.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    officer.check()
    page.get_by_role("link", name="Quarterly report").click()
    officer.check()
    page.get_by_label("Financial year").select_option("2018-19")
    page.get_by_role("button", name="Show the report").click()
    page.wait_for_url("**/case-audits/reports/?*year=2018-19*")
    officer.check("quarterly-report-2018-19")
    assert page.get_by_role("heading", level=1).inner_text() == "EHA principles, 2018-19"
    periods, principles = table_under(page, "Principles met, by quarter")
    assert periods == ["Q1 2018-19", "Q2 2018-19", "Q3 2018-19", "Q4 2018-19", "2018-19"]
    _, judgements_table = table_under(page, "Overall judgements and moderation")
    audited = [int(count) for count in principles.pop("Cases audited")]
    assert sum(audited[:4]) == audited[4] > 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the report (xlsx)").click()
    download = download_info.value
    assert download.suggested_filename == "eha-principles-2018-19.xlsx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    workbook = openpyxl.load_workbook(path, read_only=True)

    # Principles sheet: one row per principle, then "All principles"; each period as met, of, share.
    sheet = {row[0]: row[1:] for row in workbook["Principles"].iter_rows(min_row=5, values_only=True) if row[0]}
    assert list(sheet) == list(principles)
    for name, page_cells in principles.items():
        for period, text in enumerate(page_cells):
            percent, met, total = share_of(text)
            file_met, file_total, fraction = sheet[name][period * 3 : period * 3 + 3]
            assert (file_met, file_total) == (met, total), (name, periods[period])
            if percent is None:
                assert total == 0
            else:
                assert abs(fraction * 100 - percent) <= 0.5, (name, periods[period], fraction, percent)

    # Judgements sheet: the counts of audits and of each judgement per quarter, as on the page.
    counts = {
        row[0]: list(row[1:6])
        for row in workbook["Judgements and moderation"].iter_rows(min_row=4, max_row=8, values_only=True)
    }
    assert counts["Cases audited"] == audited
    for label in ("Outstanding", "Good", "Requires improvement", "Inadequate"):
        assert counts[label] == [int(count) for count in judgements_table[label]], label
    good_or_better = share_of(judgements_table["Good or better"][1])  # the second quarter, for one
    rates = {
        row[0]: row[1:]
        for row in workbook["Judgements and moderation"].iter_rows(min_row=11, values_only=True)
        if row[0]
    }
    assert tuple(rates["Good or better"][3:5]) == good_or_better[1:]
