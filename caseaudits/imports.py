"""Bulk import of audits from the spreadsheets LAs keep today (CSV or XLSX), all or nothing.

One row per audit. The columns follow the current principle set: each principle has a column for its
finding (Met / Partly met / Not met / Not applicable) and one for the evidence. Every row is checked with
the same rules as the form (privacy, dates, names of agencies, localities and auditors); if any row has
a problem nothing is imported and each problem is named by row and column.
"""

from django import forms

from caseaudits.choices import Finding
from caseaudits.forms import AuditChecksMixin
from caseaudits.models import AuditAction, CaseAudit, Framework, PrincipleFinding
from caseaudits.privacy import case_reference_hint, validate_case_reference, validate_free_text
from caseaudits.rules import report_quarter
from portal.bulk_writes import BATCH, create_all
from portal.judgements import Judgement
from portal.models import Locality, Organisation
from portal.permissions import la_officers
from portal.tabular import check_headings, import_rows, normalise_header, read_table, template_xlsx

ACTION_SLOTS = 3
BASE_COLUMNS = {
    "case_reference": "Case reference",
    "lead_agency": "Lead agency",
    "locality": "Locality",
    "eha_start_date": "EHA start date",
    "audit_date": "Audit date",
    "auditor": "Auditor email",
}
REQUIRED = [*BASE_COLUMNS, "overall_judgement"]

# Other ways people write the scales in their spreadsheets.
FINDING_ALIASES = {"n/a": Finding.NOT_APPLICABLE, "na": Finding.NOT_APPLICABLE, "partly": Finding.PARTLY_MET}
JUDGEMENT_ALIASES = {"ri": Judgement.REQUIRES_IMPROVEMENT}


def import_columns(principles):
    """{form field name: column heading} for a principle set, in the template's order."""
    columns = dict(BASE_COLUMNS)
    for principle in principles:
        columns[f"finding_{principle.code}"] = principle.title
        columns[f"evidence_{principle.code}"] = f"{principle.title} evidence"
    columns.update(
        {
            "overall_judgement": "Overall judgement",
            "strengths": "Strengths",
            "areas_for_development": "Areas for development",
        }
    )
    for slot in range(1, ACTION_SLOTS + 1):
        columns[f"action_{slot}"] = f"Action {slot}"
        columns[f"action_{slot}_due"] = f"Action {slot} due date"
    return columns


def required_columns(principles):
    return [*REQUIRED, *(f"finding_{principle.code}" for principle in principles)]


def parse_choice(raw, choices, aliases=None):
    """A stored value from a value, a label or an alias, in any letter case; None if none fits."""
    text = " ".join((raw or "").replace("_", " ").split()).lower()
    lookup = {**(aliases or {})}
    for value, label in choices:
        lookup[value.replace("_", " ")] = value
        lookup[label.lower()] = value
    return lookup.get(text)


def lookup_key(text):
    """Names match whatever the letter case, spacing or kind of dash ("Advice Point - South")."""
    return " ".join(str(text).replace("\u2013", "-").replace("\u2014", "-").split()).lower()


def _labels(choices):
    return ", ".join(label for _, label in choices)


class AuditRowForm(AuditChecksMixin, forms.Form):
    """One spreadsheet row. Lookups (agencies, localities, auditors, audits already recorded) come in."""

    case_reference = forms.CharField(max_length=30, validators=[validate_case_reference])
    lead_agency = forms.CharField()
    locality = forms.CharField()
    eha_start_date = forms.DateField()
    audit_date = forms.DateField()
    auditor = forms.CharField()
    overall_judgement = forms.CharField()
    strengths = forms.CharField(required=False, validators=[validate_free_text])
    areas_for_development = forms.CharField(required=False, validators=[validate_free_text])

    def __init__(self, *args, principles, lookups, seen, **kwargs):
        super().__init__(*args, **kwargs)
        self.principles, self.lookups, self.seen = principles, lookups, seen

    @classmethod
    def for_principles(cls, principles):
        """The row form of a principle set: a finding and an evidence column for each principle, and the
        action slots, declared once for a file rather than made again for every row's form."""
        fields = {}
        for principle in principles:
            fields[f"finding_{principle.code}"] = forms.CharField()
            fields[f"evidence_{principle.code}"] = forms.CharField(required=False, validators=[validate_free_text])
        for slot in range(1, ACTION_SLOTS + 1):
            fields[f"action_{slot}"] = forms.CharField(required=False, validators=[validate_free_text])
            fields[f"action_{slot}_due"] = forms.DateField(required=False)
        return type(cls.__name__, (cls,), fields)

    def _lookup(self, name, kind, hint):
        raw = self.cleaned_data[name].strip()
        found = self.lookups[name].get(lookup_key(raw))
        if found is None:
            raise forms.ValidationError(f"There is no {kind} '{raw}'. {hint}")
        return found

    def clean_lead_agency(self):
        return self._lookup(
            "lead_agency", "active organisation called", "Use the organisation's name as the portal shows it."
        )

    def clean_locality(self):
        names = ", ".join(sorted({loc.name for loc in self.lookups["locality"].values()}))
        return self._lookup("locality", "locality called", f"Use one of: {names}.")

    def clean_auditor(self):
        return self._lookup(
            "auditor", "LA quality-assurance officer with the email", "Give the auditor's portal email."
        )

    def clean_overall_judgement(self):
        value = parse_choice(self.cleaned_data["overall_judgement"], Judgement.choices, JUDGEMENT_ALIASES)
        if value is None:
            raise forms.ValidationError(f"Enter one of: {_labels(Judgement.choices)}.")
        return value

    def clean(self):
        cleaned = super().clean()
        for principle in self.principles:
            name = f"finding_{principle.code}"
            if name in cleaned:
                value = parse_choice(cleaned[name], Finding.choices, FINDING_ALIASES)
                if value is None:
                    self.add_error(name, f"Enter one of: {_labels(Finding.choices)}.")
                else:
                    cleaned[name] = value
        self._check_actions(cleaned)
        self._check_not_recorded_twice(cleaned)
        return cleaned

    def _check_actions(self, cleaned):
        for slot in range(1, ACTION_SLOTS + 1):
            action, due = cleaned.get(f"action_{slot}"), cleaned.get(f"action_{slot}_due")
            if action and not due and f"action_{slot}_due" not in self.errors:
                self.add_error(f"action_{slot}_due", "Enter the date this action is due, as YYYY-MM-DD or DD/MM/YYYY.")
            elif due and not action and f"action_{slot}" not in self.errors:
                self.add_error(f"action_{slot}", "Enter the action, or leave its due date empty.")
            elif due and cleaned.get("audit_date") and due < cleaned["audit_date"]:
                self.add_error(f"action_{slot}_due", "The due date must be on or after the audit date.")

    def _check_not_recorded_twice(self, cleaned):
        reference, audit_date = cleaned.get("case_reference"), cleaned.get("audit_date")
        if not reference or not audit_date:
            return
        key = (reference, audit_date)
        if key in self.lookups["existing"]:
            self.add_error("case_reference", f"Case {reference} already has an audit dated {audit_date:%d/%m/%Y}.")
        elif key in self.seen:
            self.add_error(
                "case_reference", f"Case {reference} on {audit_date:%d/%m/%Y} is also on row {self.seen[key]}."
            )
        else:
            self.seen[key] = self.data["__row__"]

    def audit(self, *, framework, recorded_by):
        """The audit this row describes, not yet saved, with its period set as CaseAudit.save would."""
        data = self.cleaned_data
        audit = CaseAudit(
            framework=framework,
            recorded_by=recorded_by,
            **{name: data[name] for name in [*BASE_COLUMNS, "overall_judgement", "strengths", "areas_for_development"]},
        )
        period = report_quarter(audit.audit_date)
        audit.financial_year, audit.quarter = period.start_year, period.quarter
        return audit

    def findings(self, audit):
        data = self.cleaned_data
        return [
            PrincipleFinding(
                audit=audit,
                principle=principle,
                finding=data[f"finding_{principle.code}"],
                evidence=data[f"evidence_{principle.code}"],
            )
            for principle in self.principles
        ]

    def actions(self, audit):
        data = self.cleaned_data
        return [
            AuditAction(audit=audit, description=data[f"action_{slot}"], due_date=data[f"action_{slot}_due"])
            for slot in range(1, ACTION_SLOTS + 1)
            if data[f"action_{slot}"]
        ]


def save_audits(row_forms, *, framework, recorded_by):
    """Every row's audit, findings and actions in bulk inserts (the audits with their audit-trail entries,
    as one-by-one saves would write), in a number of queries that does not grow with the rows."""
    audits = create_all(CaseAudit, [form.audit(framework=framework, recorded_by=recorded_by) for form in row_forms])
    PrincipleFinding.objects.bulk_create(
        [finding for form, audit in zip(row_forms, audits, strict=True) for finding in form.findings(audit)],
        batch_size=BATCH,
    )
    AuditAction.objects.bulk_create(
        [action for form, audit in zip(row_forms, audits, strict=True) for action in form.actions(audit)],
        batch_size=BATCH,
    )
    return audits


def _lookups(table):
    """Everything rows are checked against, fetched once for the whole file."""
    references = {data.get("case_reference", "").strip().upper() for _, data in table}
    return {
        "lead_agency": {lookup_key(org.name): org for org in Organisation.objects.active()},
        "locality": {
            lookup_key(key): locality for locality in Locality.objects.all() for key in (locality.name, locality.slug)
        },
        "auditor": {lookup_key(user.email): user for user in la_officers()},
        "existing": set(
            CaseAudit.objects.filter(case_reference__in=references).values_list("case_reference", "audit_date")
        ),
    }


def import_audits(uploaded_file, *, framework, recorded_by, progress=None):
    """Import every row of the file against `framework`, or none. Raises portal.tabular.FileProblem."""
    principles = list(framework.principles.order_by("number"))
    columns = import_columns(principles)
    headings, table = read_table(uploaded_file)
    by_heading = {normalise_header(heading): name for name, heading in columns.items()}
    check_headings(
        headings,
        {normalise_header(heading): heading for heading in columns.values()},
        [normalise_header(columns[name]) for name in required_columns(principles)],
    )
    rows = [
        (number, {**{by_heading[h]: value for h, value in data.items() if h in by_heading}, "__row__": number})
        for number, data in table
    ]
    return import_rows(
        rows,
        form_class=AuditRowForm.for_principles(principles),
        columns=columns,
        save_all=lambda row_forms: save_audits(row_forms, framework=framework, recorded_by=recorded_by),
        form_kwargs={"principles": principles, "lookups": _lookups(rows), "seen": {}},
        progress=progress,
    )


def run_import_job(job, stored_file):
    """The case-file audit import as a background job (portal.jobs), against the framework it was started with."""
    framework = Framework.objects.get(pk=job.params["framework"])
    return import_audits(stored_file, framework=framework, recorded_by=job.owner, progress=job.report)


def template_workbook(principles, workbook):
    """An xlsx template: the headings to fill in, a drop-down of the allowed values where a column has them
    (the agencies, localities, findings and judgements the import accepts), and guidance on each column."""
    columns = import_columns(principles)
    findings = [label for _, label in Finding.choices]
    choices = {
        "lead_agency": list(Organisation.objects.active().order_by("name").values_list("name", flat=True)),
        "locality": list(Locality.objects.order_by("name").values_list("name", flat=True)),
        "overall_judgement": [label for _, label in Judgement.choices],
        **{f"finding_{principle.code}": findings for principle in principles},
    }
    template_xlsx(
        workbook,
        sheet_name="Audits",
        columns=columns,
        required=required_columns(principles),
        choices=choices,
        guidance={name: column_guidance(name) for name in columns},
    )


def column_guidance(name):
    if name == "case_reference":
        return f"The case system's reference: {case_reference_hint()}. Never a name, date of birth or address."
    if name in ("eha_start_date", "audit_date") or name.endswith("_due"):
        return "A date, as YYYY-MM-DD or DD/MM/YYYY."
    if name == "lead_agency":
        return "The lead practitioner's agency: choose it from the drop-down list (the Lists sheet)."
    if name == "locality":
        return "The family's locality: choose it from the drop-down list (the Lists sheet)."
    if name == "auditor":
        return "The email the auditor signs in to the portal with (an LA quality-assurance officer)."
    if name == "overall_judgement":
        return f"One of: {_labels(Judgement.choices)} (or RI)."
    if name.startswith("finding_"):
        return f"One of: {_labels(Finding.choices)} (or N/A)."
    return "Optional text. Describe people by their role, never by name; no dates of birth or addresses."
