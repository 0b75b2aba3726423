"""Bulk returns: a spreadsheet of the person's indicators x the periods still owed, filled in and uploaded.

The template has a row per indicator and open period (performance.selectors.outstanding_returns, and drafts
already started), the indicator's reference and the period's start identifying it. Uploading checks every
row with the same figures check as the return form (performance.figures) and saves all of them or none
(portal.tabular), naming each problem by row and column. A row left without a value, numerator,
denominator or narrative is skipped; a row for a return already submitted is refused (correct it on its page,
giving the reason). Locality breakdowns are entered on each return's page.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.db import transaction
from django.utils import timezone

from portal import tabular
from portal.permissions import performance as can
from portal.xlsx import ReportWorkbook, xlsx_response

from . import periods, selectors
from .figures import check_figures
from .models import Indicator, Return, ReturnRevision

COLUMNS = {
    "reference": "Reference",
    "indicator": "Indicator",
    "unit": "Unit",
    "period": "Period",
    "period_start": "Period start",
    "due_on": "Due on",
    "value": "Value",
    "numerator": "Numerator",
    "denominator": "Denominator",
    "narrative": "Narrative",
    "data_quality_note": "Data-quality note",
}
REQUIRED = ("reference", "period_start", "value")
ROW_NUMBER = "_row"  # the spreadsheet row, given to each row's form so a repeated period names both rows


def writable_indicators(user, indicator_set) -> dict[str, Indicator]:
    """{reference: indicator} of the set's typed indicators the person may send returns for (one query)."""
    indicators = Indicator.objects.filter(indicator_set=indicator_set, computed="").select_related("owner")
    return {
        i.reference: i
        for i in indicators.order_by("order")
        if can.can_write_return(user, getattr(getattr(i, "owner", None), "user_id", None))
    }


def template_rows(user, indicator_set, today):
    """(indicator, period, draft or None) for every open period of the person's indicators in the set."""
    writable = writable_indicators(user, indicator_set)
    owed = selectors.outstanding_returns(today, indicator_set=indicator_set)
    return [(o.indicator, o.period, o.return_record) for o in owed if o.indicator.reference in writable]


def template_response(user, indicator_set, today):
    report = ReportWorkbook()
    sheet = report.add_sheet("Returns")
    report.write_header(sheet, 0, list(COLUMNS.values()), widths=[10, 50, 14, 14, 12, 12, 10, 12, 12, 60, 40])
    for row, (indicator, period, draft) in enumerate(template_rows(user, indicator_set, today), start=1):
        values = [
            indicator.reference,
            indicator.name,
            indicator.get_unit_display(),
            period.label,
            period.start.isoformat(),
            period.due_on.isoformat(),
            float(draft.value) if draft and draft.value is not None else None,
            draft.numerator if draft else None,
            draft.denominator if draft else None,
            draft.narrative if draft else "",
            draft.data_quality_note if draft else "",
        ]
        report.write_row(sheet, row, values)
    report.close()
    return xlsx_response(report, f"{indicator_set.slug}-returns-{today.isoformat()}.xlsx")


class UploadForm(forms.Form):
    file = forms.FileField(
        label="The filled-in template",
        help_text="The Excel workbook (.xlsx) downloaded from this page, or the same columns as CSV.",
        error_messages={"required": "Choose the file to upload."},
    )
    action = forms.ChoiceField(
        label="What to do with the figures",
        choices=[("draft", "Save them as drafts, to check before submitting"), ("submit", "Submit them to the board")],
        initial="draft",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to save drafts or submit."},
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            tabular.check_upload(uploaded)
        except tabular.FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return uploaded


def _decimal(text):
    try:
        return Decimal(text.replace(",", "").replace("%", "").strip())
    except InvalidOperation:
        return None


class RowForm(forms.Form):
    """One row of the upload."""

    reference = forms.CharField(error_messages={"required": "Give the indicator's reference."})
    period_start = forms.DateField(
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"required": "Give the period start.", "invalid": "Give a date like 2026-04-01."},
    )
    value = forms.CharField(required=False)
    numerator = forms.IntegerField(required=False, error_messages={"invalid": "Give a whole number."})
    denominator = forms.IntegerField(required=False, error_messages={"invalid": "Give a whole number."})
    narrative = forms.CharField(required=False)
    data_quality_note = forms.CharField(required=False)

    def __init__(self, *args, indicators, returns, today, seen, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators, self.returns, self.today, self.seen = indicators, returns, today, seen

    def clean(self):
        data = super().clean()
        self.skip = not any(self.data.get(name) for name in ("value", "numerator", "denominator", "narrative"))
        if self.skip or self.errors:
            return data
        indicator = self.indicators.get(data["reference"].strip())
        if indicator is None:
            self.add_error("reference", "Not one of your indicators in this set.")
            return data
        try:
            period = periods.period_starting(indicator.frequency, data["period_start"])
        except ValueError:
            self.add_error("period_start", f"No {indicator.get_frequency_display().lower()} period starts then.")
            return data
        if not period.has_ended(self.today):
            self.add_error("period_start", f"{period.label} has not ended yet.")
            return data
        key = (indicator.pk, period.start)
        if key in self.seen:
            self.add_error("period_start", f"{period.label} of {indicator.reference} is also on row {self.seen[key]}.")
            return data
        self.seen[key] = self.data.get(ROW_NUMBER)
        existing = self.returns.get(key)
        if existing is not None and existing.is_submitted:
            self.add_error(
                "period_start", f"{period.label} is already submitted: correct it on its page, giving the reason."
            )
            return data
        value = None
        if data["value"]:
            value = _decimal(data["value"])
            if value is None:
                self.add_error("value", "Give a number, e.g. 79.2.")
                return data
        value, problems = check_figures(indicator.unit, value, data.get("numerator"), data.get("denominator"))
        for name, message in problems:
            self.add_error(name, message)
        if value is None and not problems:
            self.add_error("value", "Give the value (or the numerator and denominator).")
        data.update(indicator=indicator, period=period, value=value, existing=existing)
        return data


@dataclass
class UploadResult:
    ok: bool
    errors: list
    saved: int = 0
    submitted: bool = False

    @property
    def summary(self):
        done = "submitted" if self.submitted else "saved as drafts"
        return f"{self.saved} return(s) {done}."


def upload(uploaded, *, indicator_set, user, today, submit) -> UploadResult:
    """Check every row, then save them all (drafts, or submitted with their first revision) or none."""
    try:
        headings, table = tabular.read_table(uploaded)
        tabular.check_headings(headings, COLUMNS, REQUIRED)
    except tabular.FileProblem as problem:
        return UploadResult(ok=False, errors=[str(problem)])
    indicators = writable_indicators(user, indicator_set)
    returns = {(r.indicator_id, r.period_start): r for r in Return.objects.filter(indicator__in=indicators.values())}
    for number, data in table:
        data[ROW_NUMBER] = number
    saved = []

    def save_all(row_forms):
        rows = [form.cleaned_data for form in row_forms if not form.skip]
        if rows:
            _save_rows(rows, user=user, submit=submit)
        saved.extend(rows)

    try:
        result = tabular.import_rows(
            table,
            form_class=RowForm,
            columns=COLUMNS,
            save_all=save_all,
            form_kwargs={"indicators": indicators, "returns": returns, "today": today, "seen": {}},
        )
    except tabular.FileProblem as problem:
        return UploadResult(ok=False, errors=[str(problem)])
    if not result.ok:
        return UploadResult(ok=False, errors=[str(e) for e in result.errors])
    if not saved:
        return UploadResult(ok=False, errors=["No row has a value: fill in the Value column and upload again."])
    return UploadResult(ok=True, errors=[], saved=len(saved), submitted=submit)


@transaction.atomic
def _save_rows(rows, *, user, submit):
    now = timezone.now()
    status = Return.Status.SUBMITTED if submit else Return.Status.DRAFT
    new, changed = [], []
    for row in rows:
        record = row["existing"] or Return(
            indicator=row["indicator"],
            period_start=row["period"].start,
            period_end=row["period"].end,
            due_on=row["period"].due_on,
        )
        record.value, record.numerator, record.denominator = row["value"], row.get("numerator"), row.get("denominator")
        record.narrative, record.data_quality_note = row.get("narrative", ""), row.get("data_quality_note", "")
        record.status, record.updated_by = status, user
        if submit:
            record.submitted_by, record.submitted_at = user, now
        (changed if record.pk else new).append(record)
    Return.objects.bulk_create(new)
    fields = ["value", "numerator", "denominator", "narrative", "data_quality_note", "status", "updated_by"]
    for record in changed:
        # One conditional update each: a return submitted meanwhile (or edited on its page) is not overwritten.
        claimed = Return.objects.filter(pk=record.pk, version=record.version, status=Return.Status.DRAFT).update(
            version=record.version + 1,
            submitted_by=record.submitted_by,
            submitted_at=record.submitted_at,
            updated_at=now,
            **{name: getattr(record, name) for name in fields},
        )
        if not claimed:
            raise tabular.FileProblem(f"{record} was changed by someone else meanwhile: download a new template.")
    if submit:
        saved = new + changed
        ReturnRevision.objects.bulk_create(
            ReturnRevision(
                return_record_id=r.pk,
                number=1,
                value=r.value,
                numerator=r.numerator,
                denominator=r.denominator,
                narrative=r.narrative,
                data_quality_note=r.data_quality_note,
                changed_by=user,
                changed_at=now,
            )
            for r in saved
        )
