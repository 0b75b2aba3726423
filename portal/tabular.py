"""All-or-nothing imports from CSV or XLSX.

Councils keep lists in spreadsheets; an import reads one, validates every row with a Django form, and
saves nothing unless every row is valid. Errors name the spreadsheet row (the header is row 1) and the
column, so the person can fix the file and try again.
"""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from portal.xlsx import neutralise_formula

PROGRESS_EVERY = 500  # rows between progress reports: often enough for a bar, rare enough to cost nothing


class FileProblem(ValueError):
    """The file as a whole cannot be read (wrong type, too big, no header, too many rows)."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        where = f"Row {self.row}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    created: int = 0
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def normalise_header(text) -> str:
    # A leading quote is how spreadsheet users (and template_csv) keep a heading such as "=..." as text.
    return "_".join(str(text or "").strip().lstrip("'").lower().replace("-", " ").split())


def check_upload(uploaded, *, max_bytes=None):
    """Refuse a file of the wrong type or size at once, before it is stored for a background import."""
    max_bytes = max_bytes or settings.IMPORT_MAX_BYTES
    name = (getattr(uploaded, "name", "") or "").lower()
    size = getattr(uploaded, "size", None)
    if size is not None and size > max_bytes:
        raise FileProblem(f"The file is {size // 1024} KB; the largest accepted is {max_bytes // 1024} KB.")
    if not name.endswith((".csv", ".xlsx")):
        raise FileProblem("Choose a CSV file (.csv) or an Excel workbook (.xlsx).")


def read_table(uploaded, *, max_bytes=None, max_rows=None):
    """Rows of an uploaded .csv or .xlsx file as (row number, {normalised header: text}) pairs.

    Blank rows are skipped; cell values come back as stripped strings (dates as YYYY-MM-DD).
    """
    max_rows = max_rows or settings.IMPORT_MAX_ROWS
    check_upload(uploaded, max_bytes=max_bytes)
    name = (getattr(uploaded, "name", "") or "").lower()
    rows = _csv_rows(uploaded) if name.endswith(".csv") else _xlsx_rows(uploaded)

    try:
        header = next(rows)
    except StopIteration:
        raise FileProblem("The file is empty: the first row should hold the column headings.") from None
    headings = [normalise_header(h) for h in header]
    if not any(headings):
        raise FileProblem("The first row should hold the column headings.")
    table = []
    for number, values in enumerate(rows, start=2):
        cells = [_text(v) for v in values]
        if not any(cells):
            continue
        if len(table) >= max_rows:
            raise FileProblem(f"The file has more than {max_rows} rows; split it into smaller files.")
        table.append((number, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headings) if h}))
    return headings, table


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "hour"):  # datetime from Excel
        value = value.date()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _csv_rows(uploaded):
    raw = uploaded.read()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise FileProblem("The CSV file could not be read: save it as UTF-8 and try again.")
    if "\x00" in text:
        raise FileProblem("This does not look like a CSV file: save it as CSV (comma separated) and try again.")
    return iter(csv.reader(io.StringIO(text)))


def _xlsx_rows(uploaded):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a file that is not really xlsx
        raise FileProblem("The Excel file could not be read: save it as an Excel workbook (.xlsx).") from None
    return iter(workbook.worksheets[0].iter_rows(values_only=True))


class _SharedFields(dict):
    """A form class's fields, shared by the forms of an import instead of deep-copied into each.

    Django copies every field into every form so that one form may change its own; an import's row
    forms are only validated, never rendered or changed, and the copying was most of a row's time. A
    form may still add or drop fields in its __init__ (its dict is its own); it must not change one.
    """

    def __deepcopy__(self, memo):
        return dict(self)


def _row_form_class(form_class):
    row_form_class = type(form_class.__name__, (form_class,), {})
    row_form_class.base_fields = _SharedFields(row_form_class.base_fields)  # after the metaclass sets them
    return row_form_class


def import_rows(table, *, form_class, columns, save=None, save_all=None, form_kwargs=None, progress=None):
    """Validate every row, then save all of them in one transaction, or none.

    table     (row number, data) pairs from read_table
    form_class  a Django form; its field names are the normalised column headings
    columns   {field name: column heading as people see it}, for messages
    save_all  called once with every valid form, inside the transaction: writes them in bulk, so the
              queries of an import do not grow with its rows (see portal.bulk_writes)
    save      or: called with each valid form, inside the transaction
    progress  optional: called with (rows checked, rows in all) every PROGRESS_EVERY rows (a job's progress bar)
    """
    result = ImportResult()
    forms = []
    form_class = _row_form_class(form_class)
    for checked, (number, data) in enumerate(table):
        if progress is not None and checked % PROGRESS_EVERY == 0:
            progress(checked, len(table))
        form = form_class(data=data, **(form_kwargs or {}))
        if form.is_valid():
            forms.append(form)
            continue
        for field_name, messages in form.errors.items():
            column = columns.get(field_name, "" if field_name == "__all__" else field_name)
            for message in messages:
                result.errors.append(RowError(number, column, message))
    if not table:
        result.errors.append(RowError(2, "", "There are no rows to import under the headings."))
    if progress is not None:
        progress(len(table), len(table))
    if result.errors:
        return result
    with transaction.atomic():
        if save_all is not None:
            save_all(forms)
            result.created = len(forms)
        else:
            for form in forms:
                save(form)
                result.created += 1
    return result


def check_headings(headings, columns, required):
    """Refuse a file whose header row lacks a required column, naming the missing ones."""
    missing = [columns.get(name, name) for name in required if name not in headings]
    if missing:
        raise FileProblem(
            "The first row is missing the column(s): " + ", ".join(missing) + ". Download the template to see "
            "the expected headings."
        )


def template_csv(columns) -> str:
    """A header row people can fill in; headings that spreadsheet software would run as formulas kept as text."""
    out = io.StringIO()
    csv.writer(out).writerow([neutralise_formula(heading) for heading in columns.values()])
    return out.getvalue()
