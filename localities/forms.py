"""Forms for the locality partnerships. Every one that edits a stored record carries its version, so an edit
from a stale copy is refused and what was typed is kept (portal.concurrency)."""

from decimal import Decimal, InvalidOperation

from django import forms

from portal.concurrency import VersionedFormMixin
from portal.dates import DayMonthYearField
from portal.models import Locality, Organisation, User

from .models import Budget, Initiative, LocalityPartnership, Priority, QuarterlyReport


class MoneyField(forms.DecimalField):
    """Pounds and pence: "£10,000", "10000" and "2,450.50" are all read; never negative, at most 2 places."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 10)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "class": "input--width-10"})
        self.error_messages["invalid"] = "Enter an amount in pounds and pence, like 2,450.50"

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("£", "").replace(",", "").strip()
        try:
            return super().to_python(value)
        except InvalidOperation:  # pragma: no cover - DecimalField already answers "invalid"
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class PartnershipForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = LocalityPartnership
        fields = ["locality", "chair", "purpose", "member_organisations", "member_people"]
        labels = {"member_organisations": "Member organisations", "member_people": "Members (people)"}
        error_messages = {
            "locality": {"required": "Choose the locality the partnership serves."},
            "chair": {"required": "Choose the partnership's chair."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        taken = LocalityPartnership.objects.exclude(pk=self.instance.pk).values("locality_id")
        self.fields["locality"].queryset = Locality.objects.exclude(pk__in=taken)
        people = User.objects.filter(is_active=True).order_by("last_name", "first_name")
        self.fields["chair"].queryset = people
        self.fields["chair"].label_from_instance = _person
        self.fields["member_people"].queryset = people
        self.fields["member_people"].label_from_instance = _person
        self.fields["member_organisations"].queryset = Organisation.objects.filter(
            status=Organisation.Status.ACTIVE
        ).order_by("name")
        if self.instance.pk:
            # A partnership stays with its locality; the LA closes one and opens another instead.
            self.fields.pop("locality")


def _person(user):
    return f"{user.get_full_name() or user.email} ({user.email})"


class PriorityForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Priority
        fields = ["title", "target"]
        error_messages = {
            "title": {"required": "Enter the priority."},
            "target": {"required": "Enter what the partnership means to achieve."},
        }


class BudgetForm(VersionedFormMixin, forms.ModelForm):
    allocated = MoneyField(label="Allocated (£)", error_messages={"required": "Enter the amount allocated."})
    spend_by = DayMonthYearField(label="To be spent by", required=False)

    class Meta:
        model = Budget
        fields = ["allocated", "spend_by"]


class InitiativeForm(VersionedFormMixin, forms.ModelForm):
    spent = MoneyField(
        label="Spent so far (£)", initial=Decimal("0"), error_messages={"required": "Enter the amount spent so far."}
    )

    class Meta:
        model = Initiative
        fields = ["name", "description", "spent", "outcome"]
        error_messages = {"name": {"required": "Enter the name of the initiative."}}


class ReportForm(VersionedFormMixin, forms.ModelForm):
    """The chair's draft: saving keeps it a draft; submitting freezes it (localities.services)."""

    class Meta:
        model = QuarterlyReport
        fields = ["narrative"]
        labels = {"narrative": "The chair's narrative"}
        help_texts = {
            "narrative": "What the partnership did this quarter, what changed for families, and what it asks of "
            "the board. The figures below are added by the portal."
        }


class CorrectionForm(VersionedFormMixin, forms.ModelForm):
    reason = forms.CharField(
        label="Why is the report being corrected?", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    class Meta:
        model = QuarterlyReport
        fields = ["narrative", "reason"]
        labels = {"narrative": "The chair's narrative, corrected"}

    def clean_narrative(self):
        narrative = self.cleaned_data["narrative"]
        if not narrative.strip():
            raise forms.ValidationError("A submitted report keeps a narrative: write the corrected one.")
        return narrative
