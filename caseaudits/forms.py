"""Forms for recording, moderating and following up case-file audits, and for choosing what to report."""

from django import forms
from django.utils import timezone

from caseaudits.choices import Finding
from caseaudits.models import AuditAction, CaseAudit
from caseaudits.privacy import case_reference_hint, normalise_case_reference, validate_free_text
from caseaudits.rules import dates_problem
from portal.concurrency import VersionedFormMixin
from portal.dates import DayMonthYearField, PastDayMonthYearField
from portal.judgements import Judgement
from portal.models import Locality, Organisation
from portal.periods import financial_quarter, financial_year_label
from portal.permissions import la_officers

NO_PERSONAL_DATA = (
    "Describe people by their role (for example 'mother'), never by name; no dates of birth or addresses."
)


def finding_field_names(principle):
    return f"finding_{principle.code}", f"evidence_{principle.code}"


class AuditChecksMixin:
    """The checks an audit gets however it arrives (typed in or imported)."""

    def clean_case_reference(self):
        return normalise_case_reference(self.cleaned_data["case_reference"])

    def clean(self):
        cleaned = super().clean()
        for field, message in dates_problem(
            cleaned.get("eha_start_date"), cleaned.get("audit_date"), timezone.localdate()
        ).items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class AuditForm(AuditChecksMixin, VersionedFormMixin, forms.ModelForm):
    """An audit and its finding for every principle of its framework version."""

    class Meta:
        model = CaseAudit
        fields = [
            "case_reference",
            "lead_agency",
            "locality",
            "eha_start_date",
            "audit_date",
            "auditor",
            "strengths",
            "areas_for_development",
        ]
        field_classes = {"eha_start_date": PastDayMonthYearField, "audit_date": PastDayMonthYearField}
        widgets = {
            "strengths": forms.Textarea(attrs={"rows": 4}),
            "areas_for_development": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"lead_agency": "Lead practitioner's agency", "locality": "Family's locality"}
        help_texts = {"strengths": NO_PERSONAL_DATA, "areas_for_development": NO_PERSONAL_DATA}
        error_messages = {
            "case_reference": {"required": "Enter the case reference from the case system."},
            "lead_agency": {"required": "Choose the lead practitioner's agency."},
            "locality": {"required": "Choose the family's locality."},
            "eha_start_date": {"required": "Enter the date the EHA started.", "invalid": "Enter a real date."},
            "audit_date": {"required": "Enter the date of the audit.", "invalid": "Enter a real date."},
            "auditor": {"required": "Choose who carried out the audit."},
        }

    def __init__(self, *args, framework, principles, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework, self.principles = framework, principles
        self.fields[
            "case_reference"
        ].help_text = f"From the case system: {case_reference_hint()}. Never a name, a date of birth or an address."
        self.fields["case_reference"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})
        for name, queryset, empty_label in (
            ("lead_agency", Organisation.objects.active(), "Choose an organisation"),
            ("locality", Locality.objects.all(), "Choose a locality"),
            ("auditor", la_officers(), "Choose an LA officer"),
        ):
            self.fields[name].queryset, self.fields[name].empty_label = queryset, empty_label
        existing = {f.principle_id: f for f in self.instance.findings.all()} if self.instance.pk else {}
        for principle in principles:
            finding_name, evidence_name = finding_field_names(principle)
            recorded = existing.get(principle.pk)
            self.fields[finding_name] = forms.ChoiceField(
                label=f"{principle.number}. {principle.title}",
                help_text=principle.description,
                choices=Finding.choices,
                widget=forms.RadioSelect,
                initial=recorded.finding if recorded else None,
                error_messages={"required": f"Choose whether '{principle.title}' was met."},
            )
            self.fields[evidence_name] = forms.CharField(
                label=f"Evidence: {principle.title}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                validators=[validate_free_text],
                initial=recorded.evidence if recorded else "",
            )
        self.fields["overall_judgement"] = forms.ChoiceField(
            label="Overall judgement",
            choices=Judgement.choices,
            widget=forms.RadioSelect,
            initial=self.instance.overall_judgement or None,
            error_messages={"required": "Choose the overall judgement."},
        )
        # The error summary lists problems in the order of the sections ("version" is hidden and goes last).
        self.order_fields([field.name for _, fields in self.sections() for field in fields])

    def sections(self):
        """The visible fields under the headings of the paper form: the case, the principles, the overall view."""
        case_fields, overall_fields = self.Meta.fields[:6], ["overall_judgement", *self.Meta.fields[6:]]
        return [
            ("The case", [self[name] for name in case_fields]),
            ("The principles", [self[name] for name in self._principle_field_names()]),
            ("Overall", [self[name] for name in overall_fields]),
        ]

    def _principle_field_names(self):
        return [name for principle in self.principles for name in finding_field_names(principle)]

    def findings(self):
        """{principle: (finding, evidence)} from the cleaned data."""
        result = {}
        for principle in self.principles:
            finding_name, evidence_name = finding_field_names(principle)
            result[principle] = (self.cleaned_data[finding_name], self.cleaned_data[evidence_name])
        return result

    def save(self, commit=True):
        self.instance.overall_judgement = self.cleaned_data["overall_judgement"]
        return super().save(commit=commit)


class ModerationForm(forms.Form):
    agrees = forms.TypedChoiceField(
        choices=[("yes", "Yes, I agree"), ("no", "No, I reach a different judgement")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you agree with the overall judgement."},
    )
    judgement = forms.ChoiceField(
        label="Your judgement",
        choices=[("", "Choose a judgement"), *Judgement.choices],
        required=False,
        help_text="Only if you disagree.",
    )
    reason = forms.CharField(
        label="Reason for the different judgement",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[validate_free_text],
        help_text="Only if you disagree. " + NO_PERSONAL_DATA,
    )

    # The audit's version the moderator read: a correction saved since then refuses the moderation.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        self.audit = audit
        self.fields["version"].initial = audit.version
        self.fields["agrees"].label = f"Do you agree that the case is {audit.get_overall_judgement_display().lower()}?"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("agrees") is False:
            judgement = cleaned.get("judgement")
            if not judgement:
                self.add_error("judgement", "Choose your judgement.")
            elif judgement == self.audit.overall_judgement:
                self.add_error("judgement", "Choose a judgement different from the auditor's, or say you agree.")
            if not cleaned.get("reason") and "reason" not in self.errors:
                self.add_error("reason", "Give the reason for your different judgement.")
        return cleaned


class ActionForm(VersionedFormMixin, forms.ModelForm):
    """What the lead practitioner must do, and by when (LA officers)."""

    class Meta:
        model = AuditAction
        fields = ["description", "due_date"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"due_date": DayMonthYearField}
        labels = {"description": "Action for the lead practitioner", "due_date": "Due date"}
        help_texts = {"description": NO_PERSONAL_DATA}
        error_messages = {
            "description": {"required": "Enter the action."},
            "due_date": {"required": "Enter the date the action is due.", "invalid": "Enter a real date."},
        }

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        self.audit = audit

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < self.audit.audit_date:
            raise forms.ValidationError(
                f"The due date must be on or after the audit date ({self.audit.audit_date:%d/%m/%Y})."
            )
        return due


class ActionProgressForm(VersionedFormMixin, forms.ModelForm):
    """The lead agency's record of what has been done."""

    class Meta:
        model = AuditAction
        fields = ["progress_note", "completed_on"]
        widgets = {"progress_note": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"completed_on": PastDayMonthYearField}
        labels = {"progress_note": "Progress", "completed_on": "Date completed"}
        help_texts = {
            "progress_note": NO_PERSONAL_DATA,
            "completed_on": "Leave empty while the action is still open.",
        }
        error_messages = {"completed_on": {"invalid": "Enter a real date."}}

    def clean_completed_on(self):
        completed = self.cleaned_data["completed_on"]
        if completed and completed > timezone.localdate():
            raise forms.ValidationError("The date completed must be today or in the past.")
        if completed and completed < self.instance.audit.audit_date:
            raise forms.ValidationError("The date completed must be on or after the audit date.")
        return completed


def year_choices(years):
    return [(financial_year_label(year), financial_year_label(year)) for year in years]


class AuditFilterForm(forms.Form):
    """Narrow the list of audits (GET; every field optional)."""

    reference = forms.CharField(label="Case reference", required=False)
    year = forms.ChoiceField(label="Financial year", required=False)
    quarter = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "All quarters")] + [(q, f"Q{q}") for q in (1, 2, 3, 4)],
    )
    lead_agency = forms.ModelChoiceField(
        label="Lead agency", required=False, queryset=Organisation.objects.none(), empty_label="All agencies"
    )
    locality = forms.ModelChoiceField(required=False, queryset=Locality.objects.all(), empty_label="All localities")
    judgement = forms.ChoiceField(required=False, choices=[("", "All judgements"), *Judgement.choices])
    moderation = forms.ChoiceField(
        required=False,
        choices=[("", "Any"), ("sampled", "In the sample, awaiting moderation"), ("moderated", "Moderated")],
    )

    def __init__(self, *args, years, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "All years"), *year_choices(years)]
        self.fields["lead_agency"].queryset = agencies


class ReportForm(forms.Form):
    """Which financial year (and which principle set, where more than one has audits) to report."""

    year = forms.ChoiceField(label="Financial year")
    framework = forms.ChoiceField(label="Principle set", required=False)
    principle = forms.SlugField(label="Also chart", required=False)

    def __init__(self, *args, years, frameworks, **kwargs):
        super().__init__(*args, **kwargs)
        current_year = financial_quarter(timezone.localdate()).start_year
        self.fields["year"].choices = year_choices(sorted(set(years) | {current_year}, reverse=True))
        self.fields["year"].initial = financial_year_label(current_year)
        self.fields["framework"].choices = frameworks
