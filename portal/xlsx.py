"""Board-ready spreadsheets with xlsxwriter.

`ReportWorkbook` gives every export the same look (bold header row, frozen panes, RAG fills) and writes
every text cell as text, so a value such as "=HYPERLINK(...)" or "+44..." typed into the portal can never
become a formula in the board's copy of Excel (formula injection).
"""

import io
from datetime import date, datetime

import xlsxwriter
from django.http import HttpResponse

from portal.rag import RAG_XLSX_COLOURS, Rag

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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
        for rag, (font, fill) in RAG_XLSX_COLOURS.items():
            self.formats[f"rag:{rag.value}"] = add(
                {"bold": True, "font_color": font, "bg_color": fill, "border": 1, "valign": "top"}
            )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def add_sheet(self, name):
        return self.workbook.add_worksheet(safe_sheet_name(name))

    def write_title(self, sheet, row, text):
        sheet.write_string(row, 0, str(text), self.formats["title"])

    def write_header(self, sheet, row, headings, widths=None):
        for col, heading in enumerate(headings):
            sheet.write_string(row, col, str(heading), self.formats["header"])
            if widths:
                sheet.set_column(col, col, widths[col] if col < len(widths) else widths[-1])
        sheet.freeze_panes(row + 1, 0)

    def write(self, sheet, row, col, value, fmt=None):
        """Write one value by its type; text is always written as text."""
        if value is None or value == "":
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

    def write_rag(self, sheet, row, col, rag, text=None):
        """A RAG cell: the word in the cell, the colour as fill."""
        rag = Rag(rag) if rag in Rag.values else Rag.NOT_STARTED
        sheet.write_string(row, col, str(text or rag.label), self.formats[f"rag:{rag.value}"])

    def close(self):
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
