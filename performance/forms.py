"""Forms of the performance book: a return (value checked against its unit), an owner, a target."""

from django import forms

from performance import units
from performance.figures import check_figures
from performance.models import Return
from portal.concurrency import VersionedFormMixin
from portal.models import Membership, Organisation
from portal.periods import parse_financial_year

UNIT_HINTS = {
    units.PERCENTAGE: "A percentage between 0 and 100, e.g. 79.2. Or leave it empty and give the numerator and "
    "denominator: the percentage is worked out from them.",
    units.COUNT: "A whole number, 0 or more.",
    units.RATE_PER_1000: "A rate per 1,000, not negative, e.g. 4.6. Or give the numerator and denominator.",
    units.RATE_PER_10000: "A rate per 10,000, not negative, e.g. 312.5. Or give the numerator and denominator.",
    units.AVERAGE_DAYS: "An average number of days, not negative, e.g. 12.5. Or give the total days and the "
    "number of cases.",
    units.SCORE: "A score, e.g. 3.25.",
}


class ReturnForm(VersionedFormMixin, forms.ModelForm):
    """One period's return. Locality fields are added for indicators broken down by locality; a correction
    of a submitted return also asks why."""

    class Meta:
        model = Return
        fields = ["value", "numerator", "denominator", "narrative", "data_quality_note"]
        labels = {"data_quality_note": "Data-quality note"}
        help_texts = {
            "narrative": "What changed, why, and what is being done. The board reads this beside the figure.",
            "data_quality_note": "Anything the board should know about the figure: estimates, late data, a "
            "changed definition.",
        }
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 6}),
            "data_quality_note": forms.Textarea(attrs={"rows": 3}),
            "value": forms.TextInput(attrs={"inputmode": "decimal", "class": "input--width-10"}),
            "numerator": forms.TextInput(attrs={"inputmode": "numeric", "class": "input--width-10"}),
            "denominator": forms.TextInput(attrs={"inputmode": "numeric", "class": "input--width-10"}),
        }

    def __init__(self, *args, localities=(), correcting=False, **kwargs):
        super().__init__(*args, **kwargs)
        indicator = self.instance.indicator
        self.unit = indicator.unit
        self.fields["value"].label = f"Value ({indicator.get_unit_display().lower()})"
        self.fields["value"].help_text = UNIT_HINTS[self.unit]
        if not units.takes_fraction(self.unit):
            del self.fields["numerator"], self.fields["denominator"]
        elif self.unit == units.AVERAGE_DAYS:
            self.fields["numerator"].label, self.fields["denominator"].label = "Total days", "Number of cases"
        self.localities = list(localities)
        existing = {}
        if self.instance.pk:
            existing = {lv.locality_id: lv.value for lv in self.instance.locality_values.all()}
        for locality in self.localities:
            self.fields[self.locality_field(locality)] = forms.DecimalField(
                label=locality.name,
                required=False,
                max_digits=14,
                decimal_places=2,
                initial=existing.get(locality.pk),
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "input--width-10"}),
            )
        self.correcting = correcting
        if correcting:
            self.fields["reason"] = forms.CharField(
                label="Why is it being corrected?",
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Kept with the correction and shown on the return, e.g. 'Late recorded cases added'.",
                error_messages={"required": "Say why the return is being corrected."},
            )

    @staticmethod
    def locality_field(locality):
        return f"locality_{locality.pk}"

    def locality_fields(self):
        return [self[self.locality_field(locality)] for locality in self.localities]

    def main_fields(self):
        """The figures, narrative and note (the localities and a correction's reason are placed apart)."""
        return [
            field
            for field in self
            if not field.name.startswith("locality_") and field.name != "reason" and not field.is_hidden
        ]

    def clean(self):
        data = super().clean()
        if not {"value", "numerator", "denominator"} & set(self.errors):
            data["value"], problems = check_figures(
                self.unit, data.get("value"), data.get("numerator"), data.get("denominator")
            )
            for name, message in problems:
                self.add_error(name, message)
        for locality in self.localities:
            name = self.locality_field(locality)
            if (message := units.value_problem(self.unit, data.get(name))) and name not in self.errors:
                self.add_error(name, message)
        return data

    def locality_values(self):
        return {locality: self.cleaned_data.get(self.locality_field(locality)) for locality in self.localities}


class OwnerForm(forms.Form):
    """The indicator's owner: a person at an organisation (one of their memberships)."""

    membership = forms.ModelChoiceField(
        label="Owner",
        queryset=Membership.objects.none(),
        help_text="The person who sends this indicator's returns, and the organisation they send them for.",
        error_messages={"required": "Choose the person who will own this indicator."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = (
            Membership.objects.filter(user__is_active=True, organisation__status=Organisation.Status.ACTIVE)
            .select_related("user", "organisation")
            .order_by("organisation__name", "user__first_name", "user__last_name")
        )
        self.fields["membership"].label_from_instance = lambda m: (
            f"{m.user.get_full_name() or m.user.email}, {m.organisation.name}"
        )


class TargetForm(forms.Form):
    year = forms.CharField(
        label="Financial year",
        max_length=7,
        help_text="April to March, e.g. 2026-27.",
        error_messages={"required": "Enter the financial year, e.g. 2026-27."},
    )
    target = forms.DecimalField(max_digits=14, decimal_places=2, error_messages={"required": "Enter the target."})
    tolerance = forms.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=0,
        initial=0,
        help_text="How far on the wrong side of the target still counts as Amber rather than Red.",
        error_messages={"required": "Enter the tolerance (0 for none)."},
    )

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean_year(self):
        year = self.cleaned_data["year"].strip()
        try:
            parse_financial_year(year)
        except ValueError:
            raise forms.ValidationError("Enter a financial year like 2026-27.") from None
        return year

    def clean_target(self):
        target = self.cleaned_data["target"]
        if message := units.value_problem(self.unit, target):
            raise forms.ValidationError(message)
        return target
