"""All-or-nothing imports from CSV or XLSX.

Councils keep lists in spreadsheets; an import reads one, validates every row with a Django form, and
saves nothing unless every row is valid. Errors name the spreadsheet row (the header is row 1) and the
column, so the person can fix the file and try again; a value that is not one of a column's choices is
answered with the choices. `template_xlsx` makes the file to fill in: the headings, a drop-down of the
allowed values in each column that has them, and a Guidance sheet, all taken from the same row form and
columns as the import, so the template and the check cannot disagree.
"""

import copy
import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from portal.collector import collector_paused
from portal.xlsx import PORTRAIT_WIDTH, neutralise_formula

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


def _clean_row_fields(form):
    """Django's Form._clean_fields without a BoundField for every cell: a row form is never rendered, so
    each value is read straight from its widget (as a BoundField reads it), then cleaned the same way.

    A field's own cleaning (Field.clean: conversion, required, validators) depends on nothing but the text,
    so a text already cleaned in the same column of the same file is not cleaned again: its outcome, the
    value or the error, is reused (kinds, phases, localities and addresses repeat down a sheet). The
    form's clean_<field> methods, which may look at the rest of the row, run for every row."""
    cleaned_texts = form._cleaned_texts
    for name, form_field in form.fields.items():
        try:
            if form_field.disabled or isinstance(form_field, forms.FileField):  # these read the initial value
                value = form_field._clean_bound_field(form[name])
            else:
                value = form_field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
                value = _clean_text(cleaned_texts.setdefault(name, {}), form_field, value)
            form.cleaned_data[name] = value
            clean_value = getattr(form, f"clean_{name}", None)
            if clean_value is not None:
                form.cleaned_data[name] = clean_value()
        except ValidationError as error:
            form.add_error(name, error)


def _clean_text(outcomes, form_field, text):
    if not isinstance(text, str):
        return form_field.clean(text)
    if text not in outcomes:
        try:
            outcomes[text] = (True, form_field.clean(text))
        except ValidationError as error:
            outcomes[text] = (False, error.error_list)
    ok, outcome = outcomes[text]
    if not ok:
        raise ValidationError(outcome)
    return outcome


def _row_form_class(form_class):
    """The form class of one import: its fields shared by every row's form, their choices listed once.

    A choice field made from a model field checks each value against a lazy iterator walked afresh every
    time; listed once here, a check is a loop over a list. (A model choice field's choices are a query and
    stay as they are.) The fields are copied first, so the form class itself is left untouched.
    """
    row_form_class = type(
        form_class.__name__, (form_class,), {"_clean_fields": _clean_row_fields, "_cleaned_texts": {}}
    )
    shared = {}
    for name, form_field in row_form_class.base_fields.items():  # after the metaclass sets them
        form_field = copy.deepcopy(form_field)
        if isinstance(form_field, forms.ChoiceField) and not isinstance(form_field, forms.ModelChoiceField):
            form_field.choices = list(form_field.choices)
        shared[name] = form_field
    row_form_class.base_fields = _SharedFields(shared)
    return row_form_class


def model_form_fields(model, names):
    """The form fields of these model fields, as a ModelForm makes them, each also holding its model
    field's own validators (a URN's format, say), which a ModelForm leaves to the model's full_clean.

    For the row form of an import that makes model instances: a plain form with these fields checks each
    value as a ModelForm and its model would, once. (Rules across fields are the model's clean(), which
    the row form calls; uniqueness it checks against lookups made once for the file.)"""
    fields = forms.fields_for_model(model, fields=names)
    for name, form_field in fields.items():
        model_validators = model._meta.get_field(name).validators
        form_field.validators = [
            *form_field.validators,
            *(v for v in model_validators if v not in form_field.validators),
        ]
    return fields


def import_rows(table, *, form_class, columns, save=None, save_all=None, form_kwargs=None, progress=None):
    """Validate every row, then save all of them in one transaction, or none.

    table     (row number, data) pairs from read_table
    form_class  a Django form; its field names are the normalised column headings
    columns   {field name: column heading as people see it}, for messages
    save_all  called once with every valid form, inside the transaction: writes them in bulk, so the
              queries of an import do not grow with its rows (see portal.bulk_writes)
    save      or: called with each valid form, inside the transaction
    progress  optional: called with (rows checked, rows in all) every PROGRESS_EVERY rows (a job's progress bar),
              and once more inside the transaction after the writes: a background job's attempt that has
              been superseded raises there, and its writes are undone (portal.jobs)
    """
    # An import keeps a form, its errors and a model instance for every row to the end (portal.collector).
    with collector_paused():
        return _import_rows(table, form_class, columns, save, save_all, form_kwargs, progress)


def _import_rows(table, form_class, columns, save, save_all, form_kwargs, progress):
    result = ImportResult()
    forms = []
    choices = {}  # a field's allowed values, read once per import (a model field's choices are a query)
    form_class = _row_form_class(form_class)
    for checked, (number, data) in enumerate(table):
        if progress is not None and checked % PROGRESS_EVERY == 0:
            progress(checked, len(table))
        # label_suffix given: a row form is never rendered, and Django would translate ":" for each one
        form = form_class(data=data, **{"label_suffix": "", **(form_kwargs or {})})
        if form.is_valid():
            forms.append(form)
            continue
        for field_name, errors in form.errors.as_data().items():
            column = columns.get(field_name, "" if field_name == "__all__" else field_name)
            for error in errors:
                result.errors.append(RowError(number, column, _row_message(form, field_name, column, error, choices)))
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
        if progress is not None:
            progress(len(table), len(table))
    return result


MAX_LISTED_CHOICES = 40  # beyond this a message points to the template's drop-down instead of listing all


def allowed_values(field) -> list[str]:
    """The values a form field accepts from a spreadsheet, as people write them (the labels); [] for free text."""
    if not hasattr(field, "choices"):
        return []
    values = []
    for value, label in field.choices:
        if isinstance(label, (list, tuple)):  # a group of choices
            values.extend(str(sub_label) for sub_value, sub_label in label if sub_value not in ("", None))
        elif value not in ("", None):
            values.append(str(label))
    return values


def _row_message(form, field_name, column, error, choices):
    """The form's message, in words a spreadsheet user can act on: a wrong choice names the right ones."""
    message = " ".join(error.messages)
    if error.code != "invalid_choice" or field_name not in form.fields:
        return message
    if field_name not in choices:
        choices[field_name] = allowed_values(form.fields[field_name])
    allowed = choices[field_name]
    typed = (error.params or {}).get("value", form.data.get(field_name, ""))
    if not allowed:
        return message
    if len(allowed) > MAX_LISTED_CHOICES:
        return f"'{typed}' is not one of the choices for {column}: choose one from the template's drop-down list."
    return f"'{typed}' is not one of the choices for {column}. Use one of: {', '.join(allowed)}."


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


def template_xlsx(workbook, *, sheet_name, columns, required=(), choices=None, guidance=None, rows=1000):
    """Write an import template into `workbook` (a portal.xlsx.ReportWorkbook).

    columns    {field name: heading}, in the file's order (the import's own columns)
    required   the field names a row must fill in
    choices    {field name: [allowed values]}: each becomes a drop-down on the first `rows` rows, its
               values on a "Lists" sheet (a drop-down typed inline may hold only 255 characters); take
               them from the row form with `allowed_values(form_class.base_fields[name])`
    guidance   {field name: what to enter}, written on the Guidance sheet beside each heading
    """
    choices, guidance, required = choices or {}, guidance or {}, set(required)
    sheet = workbook.add_sheet(sheet_name)
    workbook.write_header(sheet, 0, list(columns.values()), widths=[22])
    guide = workbook.add_sheet("Guidance")
    workbook.write_title(guide, 0, f"How to fill in the {sheet_name} sheet")
    guide.write_string(
        1, 0, "One row per record under the headings. Every row is checked before anything is saved: if any row "
        "has a problem, nothing is imported and each problem is listed by row and column."
    )  # fmt: skip
    workbook.write_header(guide, 3, ["Column", "Required", "What to enter", "Allowed values"], widths=[28, 10, 70, 50])
    lists = workbook.add_sheet("Lists") if choices else None
    list_column = 0
    for col, (name, heading) in enumerate(columns.items()):
        allowed = list(choices.get(name, []))
        what = guidance.get(name, "Optional." if name not in required else "")
        listed = ", ".join(allowed) if len(allowed) <= MAX_LISTED_CHOICES else "See the drop-down list."
        workbook.write_row(
            guide, 4 + col, [heading, "Yes" if name in required else "No", what, listed if allowed else ""]
        )
        if not allowed:
            continue
        lists.write_string(0, list_column, heading, workbook.formats["header"])
        lists.set_column(list_column, list_column, 30)
        for row, value in enumerate(allowed, start=1):
            lists.write_string(row, list_column, value)
        letter = _column_letter(list_column)
        sheet.data_validation(
            1,
            col,
            rows,
            col,
            {
                "validate": "list",
                "source": f"=Lists!${letter}$2:${letter}${len(allowed) + 1}",
                "input_title": heading[:32],
                "input_message": "Choose from the list.",
                "error_title": f"Not a choice for {heading}"[:32],
                "error_message": f"Choose one of the {heading} values from the list (see the Guidance sheet)."[:255],
            },
        )
        list_column += 1
    if lists:  # written column by column, so its print set-up is told how wide it is (30 units a list)
        workbook.print_setup(
            lists, title=f"Allowed values for the {sheet_name} sheet", landscape=list_column * 30 > PORTRAIT_WIDTH
        )
    return sheet


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
