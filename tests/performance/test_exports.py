"""The scorecard's spreadsheet and `export_scorecard`: laid out like a board scorecard, printable, and
carrying the same figures as the page."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils.html import escape
from openpyxl import load_workbook

from performance import scorecard as board
from performance.scorecard_export import headings, row_values
from testdata.performance import indicator
from tests.performance.board_data import QUARTERS, TODAY, YEAR, board_book  # noqa: F401 (board_book is a fixture)

HEADER_ROW = 4  # 1-based, as Excel counts


def sheet_of(content):
    return load_workbook(io.BytesIO(content)).active


def rows_of(sheet):
    """{reference: [cell values]} for the indicator rows (theme rows have no second column)."""
    found = {}
    for cells in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if cells[1]:
            found[str(cells[0])] = ["" if v is None else v for v in cells]
    return found


@pytest.fixture
def download(board_book, board_member, client_for):
    response = client_for(board_member).get("/performance/scorecard.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="leicester-performance-book-scorecard-{YEAR}.xlsx"'
    return sheet_of(response.content)


def test_a_row_per_indicator_a_column_per_period_and_the_same_figures_as_the_scorecard(download, board_book):
    card = board.scorecard(board_book, YEAR, TODAY)
    assert [c.value for c in download[HEADER_ROW]] == headings(card)
    rows = rows_of(download)
    assert len(rows) == len(card.rows) == 27
    for row in card.rows:
        assert rows[row.reference] == row_values(card, row), row.reference
    in_year = [q for q in QUARTERS if q.year == YEAR]
    assert [q.short_label for q in in_year] == headings(card)[4 : 4 + len(in_year)]
    assert rows["4"][4 + len(in_year) - 1] == "60%"  # the latest period's cell
    assert rows["4"][-6:-1] == ["60%", "Red", "Improving", "Improving", "Yes"]


def test_rag_cells_are_filled_and_hold_their_words(download):
    by_ref = {str(row[0].value): row for row in download.iter_rows(min_row=HEADER_ROW + 1) if row[1].value}
    rag = headings_index(download, "RAG")
    red, amber, green = by_ref["4"][rag], by_ref["10"][rag], by_ref["13"][rag]
    assert (red.value, red.fill.fgColor.rgb[-6:]) == ("Red", "B10E1E")
    assert (amber.value, amber.fill.fgColor.rgb[-6:]) == ("Amber", "FFBF47")
    assert (green.value, green.fill.fgColor.rgb[-6:]) == ("Green", "00703C")
    assert by_ref["20"][rag].value == "Not rated"
    latest_period = by_ref["4"][headings_index(download, "Latest") - 1]
    assert latest_period.value == "60%" and latest_period.fill.fgColor.rgb[-6:] == "B10E1E"  # the period's own RAG


def headings_index(sheet, name):
    return [c.value for c in sheet[HEADER_ROW]].index(name)


def test_frozen_headings_and_print_set_up(download):
    assert download.freeze_panes == f"C{HEADER_ROW + 1}"  # the headings and the indicator's name stay in view
    setup = download.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    assert download.sheet_properties.pageSetUpPr.fitToPage and setup.fitToHeight == 0  # as many pages tall as needed
    assert setup.fitToWidth in (None, 1)  # one page wide (Excel leaves out its default of 1)
    assert download.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"  # the header row repeats on each page
    assert download.oddHeader.left.text == f"&BLeicester Early Help performance book: performance scorecard {YEAR}"
    assert download.oddHeader.right.text == f"Exported {TODAY:%-d %B %Y}"
    assert download.oddFooter.center.text == "Page &P of &N"  # the partnership on the left


def test_the_page_and_the_download_agree(board_book, board_member, client_for, download):
    page = client_for(board_member).get("/performance/print/").content.decode()
    rows = rows_of(download)
    for reference in ("1", "4", "10", "13", "20"):
        latest, target = rows[reference][-6], rows[reference][3]
        name = escape(indicator(reference, board_book).name)
        row_html = page.split(f'<th scope="row">{name}</th>', 1)[1].split("</tr>", 1)[0]
        assert f"<td>{latest}<span" in row_html and f"<td>{target}</td>" in row_html, reference


def test_a_narrative_that_looks_like_a_formula_stays_text(board_book, board_member, client_for):
    item = indicator("4", board_book)
    item.returns.filter(period_start=QUARTERS[-1].start).update(narrative='=HYPERLINK("http://evil.example","x")')
    sheet = sheet_of(client_for(board_member).get("/performance/scorecard.xlsx").content)
    assert rows_of(sheet)["4"][-1] == '=HYPERLINK("http://evil.example","x")'
    cell = next(r for r in sheet.iter_rows(min_row=HEADER_ROW + 1) if str(r[0].value) == "4")[-1]
    assert cell.data_type == "s"


def test_export_scorecard_writes_the_same_figures(board_book, board_member, client_for, tmp_path):
    out = tmp_path / "board-pack.xlsx"
    call_command("export_scorecard", out=str(out), year=YEAR, set_slug=board_book.slug, stdout=io.StringIO())
    written = load_workbook(out).active
    downloaded = sheet_of(client_for(board_member).get("/performance/scorecard.xlsx", {"year": YEAR}).content)
    assert list(written.iter_rows(values_only=True)) == list(downloaded.iter_rows(values_only=True))


def test_export_scorecard_defaults_and_reports(board_book, tmp_path):
    output = io.StringIO()
    call_command("export_scorecard", out=str(tmp_path / "s.xlsx"), stdout=output)
    assert f"Wrote 27 indicators of {board_book.title} for {YEAR}" in output.getvalue()
    assert "(2 exceptions)" in output.getvalue()


@pytest.mark.parametrize(
    "options, message",
    [({"year": "2026/27"}, "is not a financial year like 2026-27"), ({"set_slug": "nope"}, "no indicator set 'nope'")],
)
def test_export_scorecard_refuses_bad_arguments(db, tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_scorecard", out=str(tmp_path / "s.xlsx"), **options)
