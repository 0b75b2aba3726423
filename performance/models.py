"""The partnership's performance book: indicator sets, their owners and targets, and the owners' returns.

An *indicator set* is a framework (portal/frameworks.py): Leicester's 23 indicators by default, Doncaster's
scorecard and Stoke-on-Trent's eleven measures as files. Once any return answers one of its indicators the
version is frozen (only `is_current` and `is_public` may still change); a revision is a new version.

Each indicator has one *owner* (a person at an organisation) who sends a *return* every period: the value,
optional numerator and denominator, a narrative and a data-quality note, and values per locality where the
indicator is broken down that way. A submitted return is corrected by a new *revision*; every submission
and correction is kept as a `ReturnRevision`, so the old value is never lost. `Return.value` is the latest.
A *chase* is recorded once per return per due date, so the daily chasing command is safe to rerun.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from portal.concurrency import VersionedModel
from portal.frameworks import FrameworkPart, VersionedFramework
from portal.models import Locality, Organisation

AMOUNT = {"max_digits": 14, "decimal_places": 2}


class Unit(models.TextChoices):
    PERCENTAGE = "percentage", "Percentage"
    COUNT = "count", "Count"
    RATE_PER_1000 = "rate_per_1000", "Rate per 1,000"
    RATE_PER_10000 = "rate_per_10000", "Rate per 10,000"
    AVERAGE_DAYS = "average_days", "Average days"
    SCORE = "score", "Score"


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
    LOWER_IS_BETTER = "lower_is_better", "Lower is better"
    NO_DIRECTION = "no_direction", "No direction"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    YEARLY = "yearly", "Yearly"


class IndicatorSet(VersionedFramework):
    """One version of a partnership's indicator set. Frozen once a return answers any of its indicators."""

    partnership = models.CharField(max_length=100, help_text="Whose performance book this is, e.g. Leicester.")
    is_public = models.BooleanField(
        default=False, help_text="The LA marks a set public: its scorecard of closed periods is then open to anyone."
    )

    # Returns hang off the indicators, so "in use" is a return on any of them.
    used_by = ("indicators__returns",)
    MUTABLE_WHEN_USED = frozenset({"is_current", "is_public"})

    class Meta(VersionedFramework.Meta):
        pass

    @property
    def name(self):
        return self.title


class Indicator(FrameworkPart):
    """One indicator (or sub-measure, with a parent) of a set version. `reference` is stable across versions."""

    indicator_set = models.ForeignKey(IndicatorSet, on_delete=models.CASCADE, related_name="indicators")
    reference = models.CharField(max_length=20, help_text='As the set numbers it, e.g. "3.1a" or "PI 7".')
    name = models.CharField(max_length=300)
    theme = models.CharField(max_length=200, help_text="The theme or group the board reads it under.")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="sub_measures")
    definition = models.TextField(blank=True)
    data_source = models.CharField(max_length=300, blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices)
    polarity = models.CharField(max_length=20, choices=Polarity.choices, default=Polarity.NO_DIRECTION)
    frequency = models.CharField(max_length=20, choices=Frequency.choices, default=Frequency.QUARTERLY)
    by_locality = models.BooleanField(default=False, help_text="Returns give a value for each locality too.")
    # Figures the portal holds itself (e.g. "caseaudits_good_or_better") are computed, never typed.
    computed = models.CharField(max_length=100, blank=True)
    order = models.PositiveIntegerField()

    framework_path = "indicator_set"

    class Meta:
        ordering = ["indicator_set", "order"]
        constraints = [
            models.UniqueConstraint(fields=["indicator_set", "reference"], name="performance_indicator_reference"),
            models.UniqueConstraint(fields=["indicator_set", "order"], name="performance_indicator_order"),
        ]

    def __str__(self):
        return f"{self.reference} {self.name}"

    @property
    def is_computed(self):
        return bool(self.computed)


class IndicatorOwner(models.Model):
    """The indicator's current owner: the person who sends its returns, and the organisation they send for."""

    indicator = models.OneToOneField(Indicator, on_delete=models.CASCADE, related_name="owner")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_indicators")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="owned_indicators")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.user} ({self.organisation}) owns {self.indicator.reference}"


class Target(models.Model):
    """What the board aims for in one financial year ("2026-27", April to March), and the tolerance around it."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.CharField(max_length=7, help_text='A financial year, e.g. "2026-27".')
    target = models.DecimalField(**AMOUNT)
    tolerance = models.DecimalField(**AMOUNT, default=0, help_text="How far from the target still counts as Amber.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="performance_one_target_a_year")]

    def __str__(self):
        return f"{self.indicator.reference} {self.year}: {self.target}"


class Return(VersionedModel):
    """One indicator's figure for one period. A draft is the owner's and the LA's; a submitted one the board's."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="returns")
    period_start = models.DateField()
    period_end = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    value = models.DecimalField(**AMOUNT, null=True, blank=True)
    numerator = models.PositiveIntegerField(null=True, blank=True)
    denominator = models.PositiveIntegerField(null=True, blank=True)
    narrative = models.TextField(blank=True, help_text="What changed, why, and what is being done.")
    data_quality_note = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "period_start"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period_start"], name="performance_one_return_a_period"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="performance_period_ends_after_start"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"], name="performance_return_due_idx"),
            models.Index(fields=["indicator", "status", "period_end"], name="performance_return_latest_idx"),
        ]

    def __str__(self):
        return f"{self.indicator.reference}, {self.period_start:%d/%m/%Y} to {self.period_end:%d/%m/%Y}"

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED


class LocalityValue(models.Model):
    """The return's figure for one locality (for indicators broken down by locality)."""

    return_record = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="locality_values")
    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(**AMOUNT)

    class Meta:
        ordering = ["locality__name"]
        constraints = [
            models.UniqueConstraint(fields=["return_record", "locality"], name="performance_one_value_a_locality")
        ]

    def __str__(self):
        return f"{self.locality}: {self.value}"


class ReturnRevision(models.Model):
    """A submission or correction of a return, as it was: never edited, never deleted.

    Revision 1 is the first submission; each correction adds the next, with the reason for it.
    """

    return_record = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    value = models.DecimalField(**AMOUNT, null=True, blank=True)
    numerator = models.PositiveIntegerField(null=True, blank=True)
    denominator = models.PositiveIntegerField(null=True, blank=True)
    narrative = models.TextField(blank=True)
    data_quality_note = models.TextField(blank=True)
    # {locality name: value as text}, as submitted: a copy, so a later correction cannot change it.
    locality_values = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True, help_text="Why it was corrected (empty for the first submission).")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["return_record", "number"]
        constraints = [models.UniqueConstraint(fields=["return_record", "number"], name="performance_revision_number")]

    def __str__(self):
        return f"Revision {self.number} of {self.return_record}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValidationError("A revision is never changed; correct the return to add a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("A revision is never deleted.")


class ChaseEmail(models.Model):
    """A reminder sent for a late return: at most one per return per due date (the daily chase may rerun)."""

    return_record = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="chases")
    due_on = models.DateField()
    sent_to = models.EmailField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["return_record", "due_on"], name="performance_one_chase_a_due_date")
        ]

    def __str__(self):
        return f"Chase for {self.return_record} (due {self.due_on:%d/%m/%Y})"
