"""Forms for maturity rounds. Rating choices come from the round's framework (data), as rating codes."""

from django import forms

from portal.concurrency import VersionedFormMixin
from portal.dates import DayMonthYearField, PastDayMonthYearField

from . import rules
from .models import ActionItem, ContributorGroup, ContributorRating, Method, Round, StrandRating


class RatingField(forms.TypedChoiceField):
    """Radios for every rating on the framework's scale: each level, each pair of adjacent levels, or none."""

    def __init__(self, level_names, *, not_rated_label=rules.NOT_RATED_LABEL, **kwargs):
        choices = [
            (code, not_rated_label if code == rules.UNRATED else label)
            for code, label in rules.rating_choices(level_names)
        ]
        super().__init__(choices=choices, coerce=int, widget=forms.RadioSelect, **kwargs)


class PeriodMixin:
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The assessment must finish on or after the day it started.")
        return cleaned


class RoundCreateForm(PeriodMixin, forms.Form):
    framework = forms.ModelChoiceField(
        queryset=None,
        label="Framework",
        empty_label=None,
        help_text="Rounds keep the framework version they were rated against.",
    )
    title = forms.CharField(max_length=200, help_text="For example, Early Help self-assessment 2026.")
    period_start = PastDayMonthYearField(label="Assessment started")
    period_end = DayMonthYearField(
        label="Assessment finished (or will finish)", help_text="Used as the round's heading in comparisons."
    )

    def __init__(self, *args, frameworks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks
        self.fields["framework"].label_from_instance = lambda f: f"{f.title}, version {f.version}"


class RoundDetailsForm(PeriodMixin, VersionedFormMixin, forms.ModelForm):
    """The round's description: period, methods, who contributed and the summary of findings."""

    methods = forms.MultipleChoiceField(
        choices=Method.choices, widget=forms.CheckboxSelectMultiple, required=False, label="Methods used"
    )
    groups = forms.MultipleChoiceField(
        choices=ContributorGroup.Group.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Who contributed",
        help_text="Tick each group that took part; give numbers below where you know them.",
    )

    class Meta:
        model = Round
        fields = ["title", "period_start", "period_end", "methods", "methods_other", "contributors_at_least", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}
        field_classes = {"period_start": PastDayMonthYearField, "period_end": DayMonthYearField}
        help_texts = {
            "contributors_at_least": "If only an overall figure is known, for example 'at least 160'.",
            "methods_other": "Anything not in the list above.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        groups = {g.group: g.count for g in self.instance.contributor_groups.all()} if self.instance.pk else {}
        self.fields["groups"].initial = list(groups)
        for value, label in ContributorGroup.Group.choices:
            self.fields[f"count_{value}"] = forms.IntegerField(
                label=f"Number of contributors: {label.lower()}", min_value=0, required=False, initial=groups.get(value)
            )
        # The hidden version field goes last, after the contributor counts.
        self.fields["version"] = self.fields.pop("version")

    def contributor_counts(self):
        """{group: count or None} for every group that took part (a number implies it did)."""
        counts = {}
        for value, _ in ContributorGroup.Group.choices:
            count = self.cleaned_data.get(f"count_{value}")
            if value in self.cleaned_data.get("groups", []) or count is not None:
                counts[value] = count
        return counts


class StrandRatingForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = StrandRating
        fields = ["rating", "evidence", "strengths", "areas_for_development"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 5}) for name in ["evidence", "strengths", "areas_for_development"]
        }
        help_texts = {"evidence": "What the rating rests on: data, audits, what families, workers and boards said."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"] = RatingField(
            self.instance.round.framework.level_names,
            label="Agreed rating",
            help_text="A strand may sit between two adjacent levels, or be left unrated.",
        )


class ActionItemForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = [
            "number",
            "recommendation",
            "action",
            "responsible_lead",
            "due_date",
            "status",
            "strand",
            "progress_note",
        ]
        widgets = {
            "recommendation": forms.Textarea(attrs={"rows": 3}),
            "action": forms.Textarea(attrs={"rows": 3}),
            "progress_note": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"due_date": DayMonthYearField}
        labels = {"number": "Recommendation number", "strand": "Strand (optional)"}
        help_texts = {"responsible_lead": "A role or group, for example 'Director of Social Care and Early Help'."}

    def __init__(self, *args, round_, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        self.fields["strand"].queryset = round_.framework.strands.all()
        if not self.instance.pk:
            numbers = round_.action_items.values_list("number", flat=True)
            self.initial["number"] = max(numbers, default=0) + 1

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = self.round.action_items.filter(number=number).exclude(pk=self.instance.pk).exists()
        if taken:
            raise forms.ValidationError(f"Recommendation {number} already exists in this round; choose another number.")
        return number


class ContributionForm(VersionedFormMixin, forms.ModelForm):
    """One contributor's view of one strand (one form per strand on the page, prefixed by strand)."""

    class Meta:
        model = ContributorRating
        fields = ["rating", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}
        labels = {"comment": "Your comment"}

    def __init__(self, *args, strand, level_names, **kwargs):
        super().__init__(*args, prefix=f"strand-{strand.pk}", **kwargs)
        self.strand = strand
        self.fields["rating"] = RatingField(
            level_names,
            label=f"Your rating: {strand.name}",
            not_rated_label="I don't know / no view",
            required=False,
            empty_value=rules.UNRATED,
        )
        self.fields[
            "comment"
        ].help_text = "What you see in your work that supports your rating (up to 2,000 characters)."

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if len(comment) > 2000:
            raise forms.ValidationError(f"Keep your comment to 2,000 characters or fewer (it has {len(comment):,}).")
        return comment


class DecisionForm(forms.Form):
    """A status move: carries the round version the person saw."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class SignOffForm(DecisionForm):
    confirm = forms.BooleanField(
        label="The board has reviewed this self-assessment and agrees the ratings and action plan",
        error_messages={"required": "Confirm that the board has reviewed and agrees the self-assessment."},
    )
    note = forms.CharField(
        label="Note for the record",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the board meeting at which it was agreed.",
    )


class ReturnForm(DecisionForm):
    reason = forms.CharField(
        label="What needs to change",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what needs to change before the round comes back to the board."},
    )
