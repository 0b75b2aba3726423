"""Every sheet of every export prints: A4, fitted to one page wide, landscape when wide, the heading row
repeated on each page, a header with the sheet's title and the export date, a footer with the page number.

The set-up is made once, in portal.xlsx; this reads every download and export command back with openpyxl
(the same list as the formula-injection check), so an export that bypassed the helper would fail here.
"""

import io

import openpyxl

from portal.xlsx import PORTRAIT_WIDTH, ReportWorkbook
from tests.security.test_abusive_exports import exports, polluted  # noqa: F401 (fixtures)


def _sheets(content):
    return openpyxl.load_workbook(io.BytesIO(content)).worksheets


def _width(sheet):
    """The sheet's sized columns, in Excel's width units (openpyxl groups equal neighbours into one)."""
    return sum(d.width * (d.max - d.min + 1) for d in sheet.column_dimensions.values() if d.width and d.min)


def test_every_sheet_of_every_export_is_set_up_for_printing(exports):  # noqa: F811
    assert len(exports) >= 12
    for name, content in exports.items():
        for sheet in _sheets(content):
            where = f"{name}, sheet {sheet.title!r}"
            setup = sheet.page_setup
            assert setup.paperSize == 9, f"{where}: not A4"
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, f"{where}: not fitted to the page"
            assert (setup.fitToWidth or 1) == 1 and setup.fitToHeight == 0, f"{where}: not one page wide"
            width = _width(sheet)  # Excel stores a little padding on each width, so judge clear cases only
            if width > 1.2 * PORTRAIT_WIDTH:
                assert setup.orientation == "landscape", f"{where}: portrait, yet {width} wide"
            elif width < 0.8 * PORTRAIT_WIDTH:
                assert setup.orientation == "portrait", f"{where}: landscape, yet only {width} wide"
            assert sheet.oddHeader.left.text.strip("&B"), f"{where}: no title in the page header"
            assert sheet.oddHeader.right.text.startswith("Exported "), f"{where}: no date in the page header"
            assert sheet.oddFooter.center.text == "Page &P of &N", f"{where}: no page number"
            if sheet.freeze_panes:  # a sheet with a heading row repeats its first one on every printed page
                last_heading = int("".join(filter(str.isdigit, sheet.freeze_panes))) - 1
                assert sheet.print_title_rows, f"{where}: headings not repeated"
                repeated = int(sheet.print_title_rows.split(":")[0].strip("$"))
                assert repeated <= last_heading, f"{where}: repeats row {repeated}, below its headings"


def test_the_header_names_the_sheet_by_its_title_and_a_wide_sheet_turns_landscape():
    report = ReportWorkbook()
    narrow = report.add_sheet("Summary")
    report.write_title(narrow, 0, "Commitments audit: Oak Tree & Birch, 2025/26")
    report.write_header(narrow, 2, ["Commitment", "RAG rating"], widths=[60, 16])
    wide = report.add_sheet("Matrix")
    report.write_header(wide, 0, ["School"] + [f"Commitment {n}" for n in range(1, 8)], widths=[38, 18])
    report.close()
    summary, matrix = _sheets(report.getvalue())
    assert summary.page_setup.orientation == "portrait" and matrix.page_setup.orientation == "landscape"
    # "&" starts a code in an Excel header, so the title's own ampersand is doubled, and Excel shows one.
    assert summary.oddHeader.left.text == "&BCommitments audit: Oak Tree && Birch, 2025/26"
    assert matrix.oddHeader.left.text == "&BMatrix" and matrix.print_title_rows == "$1:$1"
    assert summary.print_title_rows == "$3:$3"
