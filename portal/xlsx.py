"""Board-ready spreadsheets with xlsxwriter.

`ReportWorkbook` gives every export the same look (bold header row, frozen panes, RAG fills) and writes
every text cell as text, so a value such as "=HYPERLINK(...)" or "+44..." typed into the portal can never
become a formula in the board's copy of Excel (formula injection).

It also sets every sheet up for printing, once, here, so no export can forget: A4, landscape when the
columns are wider than a portrait page, fitted to one page wide (as many pages long as it needs), the
heading rows repeated on each page, and a header and footer giving the sheet's title, the date it was
exported and "Page 2 of 5". The layout is worked out from what the export wrote (its title, its heading
row and column widths) when the workbook closes.
"""

import io
from dataclasses import dataclass
from datetime import date, datetime

import xlsxwriter
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from portal.rag import RAG_XLSX_COLOURS, Rag

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PORTRAIT_WIDTH = 95  # Excel column-width units that fit across A4 portrait at the default margins
DEFAULT_WIDTH = 9.14  # Excel's width for a column nobody sized
RAG_BY_VALUE = {rag.value: rag for rag in Rag}  # Rag.values builds its list anew on every call: once per cell


@dataclass
class PrintLayout:
    """What a sheet's print set-up needs to know, gathered as the export writes it."""

    title: str
    heading_rows: tuple | None = None  # (first, last) repeated at the top of each printed page
    widths: tuple = ()
    wide: bool = False  # landscape whatever the widths say

    @property
    def landscape(self):
        return self.wide or sum(self.widths) > PORTRAIT_WIDTH


def _header_text(text):
    """Excel header/footer text: '&' starts a code there, so a literal one is doubled; 255 characters at most."""
    return str(text).replace("&", "&&")[:120]


class ReportWorkbook:
    """A workbook written to memory or a file. Use as a context manager or call close()."""

    def __init__(self, target=None, *, constant_memory=False):
        self.buffer = io.BytesIO() if target is None else None
        self.workbook = xlsxwriter.Workbook(
            target if target is not None else self.buffer,
            {"constant_memory": constant_memory, "strings_to_formulas": False, "strings_to_urls": False},
        )
        add = self.workbook.add_format
        self.formats = {
            "title": add({"bold": True, "font_size": 14}),
            "header": add({"bold": True, "bg_color": "#DEE0E2", "border": 1, "text_wrap": True, "valign": "top"}),
            "text": add({"text_wrap": True, "valign": "top", "border": 1}),
            "number": add({"border": 1, "valign": "top"}),
            "percent": add({"num_format": "0%", "border": 1, "valign": "top"}),
            "date": add({"num_format": "dd/mm/yyyy", "border": 1, "valign": "top"}),
        }
        self.layouts = {}  # sheet name -> PrintLayout
        self.exported_on = timezone.localdate()
        for rag, (font, fill) in RAG_XLSX_COLOURS.items():
            self.formats[f"rag:{rag.value}"] = add(
                {"bold": True, "font_color": font, "bg_color": fill, "border": 1, "valign": "top"}
            )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def add_sheet(self, name):
        sheet = self.workbook.add_worksheet(safe_sheet_name(name))
        self.layouts[sheet.name] = PrintLayout(title=str(name))
        return sheet

    def _layout(self, sheet):
        return self.layouts.setdefault(sheet.name, PrintLayout(title=sheet.name))

    def write_title(self, sheet, row, text):
        sheet.write_string(row, 0, str(text), self.formats["title"])
        if row == 0:
            self._layout(sheet).title = str(text)

    def write_header(self, sheet, row, headings, widths=None):
        sized = []
        for col, heading in enumerate(headings):
            sheet.write_string(row, col, str(heading), self.formats["header"])
            width = (widths[col] if col < len(widths) else widths[-1]) if widths else DEFAULT_WIDTH
            if widths:
                sheet.set_column(col, col, width)
            sized.append(width)
        sheet.freeze_panes(row + 1, 0)
        layout = self._layout(sheet)
        if layout.heading_rows is None:  # the first heading row is the one each printed page repeats
            layout.heading_rows, layout.widths = (row, row), tuple(sized)

    def write_summary(self, title, figures, notes=()):
        """A "Summary" sheet, the one a board reader opens first: the title, the headline figures as
        label / value rows, then what to read them with. Call it before adding the detail sheets, so it
        comes first in the workbook."""
        sheet = self.add_sheet("Summary")
        self.write_title(sheet, 0, title)
        self.write_header(sheet, 2, ["What", "Figure"], widths=[60, 30])
        row = 3
        for label, value in figures:
            self.write(sheet, row, 0, label)
            self.write(sheet, row, 1, value)
            row += 1
        for note in notes:
            row += 1
            self.write(sheet, row, 0, note)
        return sheet

    def _set_up_printing(self, sheet):
        layout = self._layout(sheet)
        sheet.set_paper(9)  # A4
        if layout.landscape:
            sheet.set_landscape()
        else:
            sheet.set_portrait()
        sheet.fit_to_pages(1, 0)  # one page wide, as many long as the rows need
        sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
        if layout.heading_rows is not None:
            sheet.repeat_rows(*layout.heading_rows)
        exported = f"Exported {self.exported_on:%-d %B %Y}"
        sheet.set_header(f"&L&B{_header_text(layout.title)}&R{_header_text(exported)}")
        sheet.set_footer(f"&L{_header_text(settings.PARTNERSHIP_NAME)}&CPage &P of &N")

    def write(self, sheet, row, col, value, fmt=None):
        """Write one value by its type; text is always written as text."""
        if type(value) is str and value:  # the common case first: exports write tens of thousands of these
            sheet.write_string(row, col, value, self.formats[fmt or "text"])
        elif value is None or value == "":
            sheet.write_blank(row, col, None, self.formats.get(fmt or "text"))
        elif isinstance(value, bool):
            sheet.write_string(row, col, "Yes" if value else "No", self.formats["text"])
        elif isinstance(value, (int, float)):
            sheet.write_number(row, col, value, self.formats[fmt or "number"])
        elif isinstance(value, datetime):
            sheet.write_datetime(row, col, value.replace(tzinfo=None), self.formats["date"])
        elif isinstance(value, date):
            sheet.write_datetime(row, col, datetime(value.year, value.month, value.day), self.formats["date"])
        else:
            sheet.write_string(row, col, str(value), self.formats[fmt or "text"])

    def write_row(self, sheet, row, values):
        for col, value in enumerate(values):
            self.write(sheet, row, col, value)

    def print_setup(self, sheet, *, title, header_rows=(0, 0), printed_on=None, landscape=True):
        """For a sheet laid out by hand (no write_header): its title, the heading rows each printed page
        repeats, the date to print, and landscape. The set-up itself is the same as every sheet's, made
        when the workbook closes (_set_up_printing)."""
        layout = self._layout(sheet)
        layout.title, layout.heading_rows, layout.wide = str(title), tuple(header_rows), landscape
        if printed_on:
            self.exported_on = printed_on

    def write_rag(self, sheet, row, col, rag, text=None):
        """A RAG cell: the word in the cell, the colour as fill."""
        rag = RAG_BY_VALUE.get(rag, Rag.NOT_STARTED)
        sheet.write_string(row, col, str(text or rag.label), self.formats[f"rag:{rag.value}"])

    def close(self):
        for sheet in self.workbook.worksheets():
            self._set_up_printing(sheet)
        self.workbook.close()

    def getvalue(self) -> bytes:
        return self.buffer.getvalue()


def safe_sheet_name(name: str) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in str(name)).strip("'")
    return cleaned[:31] or "Sheet"


def neutralise_formula(value: str) -> str:
    """For CSV and other plain-text exports: prefix a quote so spreadsheet software shows text."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value


def xlsx_response(report: ReportWorkbook, filename: str) -> HttpResponse:
    response = HttpResponse(report.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
