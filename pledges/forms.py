"""Forms for signing, pledge status, evidence and the matrix filters. Messages say what to do to fix them."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone

from pledges import rules
from pledges.models import (
    AccessRoutes,
    DesignatedLead,
    ImpactMeasure,
    ImpactReturn,
    PledgeStatus,
    Signature,
    Status,
    TrainingRecord,
    TrainingSummary,
)
from portal.concurrency import VersionedFormMixin
from portal.dates import DayMonthYearField, PastDayMonthYearField
from portal.models import Locality, Organisation
from portal.periods import financial_quarter


def _not_in_future(value, what):
    if value and value > timezone.localdate():
        raise forms.ValidationError(f"{what} must be today or in the past.")
    return value


class SignForm(forms.ModelForm):
    confirm = forms.BooleanField(
        label="I confirm that I am authorised to sign these pledges on behalf of my organisation",
        error_messages={"required": "Confirm that you are authorised to sign for your organisation."},
    )

    class Meta:
        model = Signature
        fields = ["signatory_name", "signatory_role", "signed_on", "statement"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 5})}
        field_classes = {"signed_on": PastDayMonthYearField}
        error_messages = {
            "signatory_name": {"required": "Enter the name of the person signing."},
            "signatory_role": {"required": "Enter the signatory's role."},
            "signed_on": {
                "required": "Enter the date the pledges were signed.",
                "invalid": "Enter a real date, for example 27 3 2025.",
            },
        }

    def clean_signed_on(self):
        return _not_in_future(self.cleaned_data.get("signed_on"), "The date signed")


class SignatureForm(VersionedFormMixin, forms.ModelForm):
    """Correct the signatory's details or the public statement after signing."""

    class Meta:
        model = Signature
        fields = ["signatory_name", "signatory_role", "statement"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 5})}
        error_messages = SignForm.Meta.error_messages


class StatusForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = PledgeStatus
        fields = ["status", "review_date", "not_applicable_reason", "notes"]
        widgets = {
            "status": forms.RadioSelect,
            "not_applicable_reason": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"review_date": DayMonthYearField}
        labels = {
            "status": "Where are you with this pledge?",
            "review_date": "Next review date",
            "not_applicable_reason": "If not applicable, why not?",
            "notes": "Progress notes",
        }
        help_texts = {
            "review_date": "Needed for In progress and Met. You will be reminded before it is due.",
            "not_applicable_reason": "Needed for Not applicable. For example: 'We commission services; the "
            "principles are written into our service specifications.'",
            "notes": "What you have done and what you will do next. The board can read this.",
        }
        error_messages = {"review_date": {"invalid": "Enter a real date, for example 31/03/2026."}}

    def clean(self):
        cleaned = super().clean()
        if "status" not in cleaned:
            return cleaned
        problems = rules.status_problems(
            cleaned["status"],
            cleaned.get("review_date"),
            cleaned.get("not_applicable_reason", ""),
            timezone.localdate(),
        )
        for field_name, message in problems.items():
            if field_name not in self.errors:
                self.add_error(field_name, message)
        if cleaned["status"] == Status.NOT_APPLICABLE:
            cleaned["review_date"] = None  # a pledge that does not apply has no review
        else:
            cleaned["not_applicable_reason"] = ""
        return cleaned


class DesignatedLeadForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = DesignatedLead
        fields = ["name", "role", "email", "phone"]
        labels = {"name": "Full name", "role": "Role", "email": "Email address", "phone": "Phone number"}
        error_messages = {
            "name": {"required": "Enter the designated lead's name."},
            "role": {"required": "Enter the designated lead's role."},
            "email": {
                "required": "Enter an email address partners can use.",
                "invalid": "Enter an email address like name@example.org.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model lets role and email be blank only for records migrated from a typed name; a person
        # recording the lead gives both.
        for name in ("role", "email"):
            self.fields[name].required = True


class TrainingSummaryForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = TrainingSummary
        fields = ["staff_in_roles", "staff_trained"]
        error_messages = {
            "staff_in_roles": {
                "required": "Enter how many staff are in Early Help roles.",
                "invalid": "Enter a whole number.",
            },
            "staff_trained": {"required": "Enter how many of them are trained.", "invalid": "Enter a whole number."},
        }

    def clean(self):
        cleaned = super().clean()
        in_roles, trained = cleaned.get("staff_in_roles"), cleaned.get("staff_trained")
        if in_roles is not None and trained is not None and trained > in_roles:
            self.add_error(
                "staff_trained", f"Staff trained cannot be more than the {in_roles} staff in Early Help roles."
            )
        return cleaned


class TrainingRecordForm(forms.ModelForm):
    class Meta:
        model = TrainingRecord
        fields = ["course", "date", "attendees"]
        field_classes = {"date": PastDayMonthYearField}
        error_messages = {
            "course": {"required": "Enter the name of the course."},
            "date": {
                "required": "Enter the date of the course.",
                "invalid": "Enter a real date, for example 27 3 2025.",
            },
            "attendees": {"required": "Enter how many staff attended.", "invalid": "Enter a whole number."},
        }

    def clean_date(self):
        return _not_in_future(self.cleaned_data.get("date"), "The date of the course")


class AccessRoutesForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AccessRoutes
        fields = ["for_staff", "for_service_users"]
        widgets = {
            "for_staff": forms.Textarea(attrs={"rows": 4}),
            "for_service_users": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "for_staff": {"required": "Describe how staff access Early Help."},
            "for_service_users": {"required": "Describe how children, young people and families access Early Help."},
        }


class ImpactMeasureForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ImpactMeasure
        fields = ["name", "description", "unit"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"name": "Measure"}
        error_messages = {"name": {"required": "Enter the name of the measure."}}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = ImpactMeasure.objects.filter(organisation=self.organisation, name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise forms.ValidationError(f"You already have a measure called '{name}'.")
        return name


def recent_quarters(today, count=8):
    """The current financial quarter and the ones before it, newest first, as form choices."""
    quarters = [financial_quarter(today)]
    while len(quarters) < count:
        quarters.append(financial_quarter(quarters[-1].first_day - timedelta(days=1)))
    return [(q.first_day.isoformat(), q.label) for q in quarters]


class ImpactReturnForm(forms.ModelForm):
    period_start = forms.TypedChoiceField(
        label="Period", help_text="The financial quarter the figure covers.", coerce=date.fromisoformat
    )

    class Meta:
        model = ImpactReturn
        fields = ["period_start", "value", "narrative"]
        widgets = {"narrative": forms.Textarea(attrs={"rows": 4})}
        labels = {"value": "Value"}
        error_messages = {
            "value": {
                "required": "Enter the figure for this period.",
                "invalid": "Enter a number, for example 42 or 61.5.",
            },
            "narrative": {"required": "Say what the figure shows."},
        }

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.fields["period_start"].choices = recent_quarters(timezone.localdate())
        self.fields["period_start"].error_messages["required"] = "Choose the period the figure covers."
        if measure.unit:
            self.fields["value"].help_text = f"In {measure.unit}."

    def clean_period_start(self):
        period_start = self.cleaned_data["period_start"]
        if ImpactReturn.objects.filter(measure=self.measure, period_start=period_start).exists():
            label = financial_quarter(period_start).label
            raise forms.ValidationError(f"There is already a return for {label}. Delete it first to replace it.")
        return period_start


class MatrixFilterForm(forms.Form):
    """The board's filters. Submitted by GET so a filtered matrix can be bookmarked and exported."""

    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "Any kind"), *Organisation.Kind.choices])
    sector = forms.ChoiceField(
        label="Sector", required=False, choices=[("", "Any sector"), *Organisation.Sector.choices]
    )
    locality = forms.ModelChoiceField(
        label="Locality",
        required=False,
        queryset=Locality.objects.all(),
        to_field_name="slug",
        empty_label="Any locality",
    )
    pledge = forms.TypedChoiceField(label="Pledge", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *Status.choices])
    review = forms.ChoiceField(
        label="Review",
        required=False,
        choices=[
            ("", "Any"),
            ("overdue", "Review overdue"),
            ("due_soon", f"Review due in {rules.REMINDER_WINDOW_DAYS} days"),
        ],
    )
    signed = forms.ChoiceField(
        label="Signed", required=False, choices=[("", "Signed or not"), ("yes", "Signed"), ("no", "Not signed")]
    )

    def __init__(self, *args, pledges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pledge"].choices = [("", "Any pledge")] + [(str(p.number), f"Pledge {p.number}") for p in pledges]
        self.fields["pledge"].help_text = "Status and review look at this pledge only."
