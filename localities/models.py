"""Locality partnerships: one per locality, with a chair, members, each year's priorities and budget, and
a quarterly report to the board whose figures are frozen when it is submitted."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import cached_property

from portal.concurrency import VersionedModel
from portal.periods import FinancialQuarter, financial_year_label

MONEY = {"max_digits": 10, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


class LocalityPartnership(VersionedModel):
    locality = models.OneToOneField("portal.Locality", on_delete=models.PROTECT, related_name="partnership")
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chaired_locality_partnerships",
        help_text="The person who chairs the partnership: they write its priorities, initiatives and reports.",
    )
    member_organisations = models.ManyToManyField(
        "portal.Organisation", blank=True, related_name="locality_partnerships"
    )
    member_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="locality_partnerships",
        help_text="Local professionals, community members and service users who sit on the partnership.",
    )
    purpose = models.TextField(blank=True, help_text="What the partnership is for, in a sentence or two.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["locality__name"]

    def __str__(self):
        return f"{self.locality.name} Early Help Locality Partnership"

    @property
    def name(self):
        return str(self)

    # The permission rules (portal.permissions.localities) read who sits on the partnership through these,
    # so the core never imports this app; each is one query, made once per object.
    @cached_property
    def member_user_ids(self):
        return set(self.member_people.values_list("pk", flat=True))

    @cached_property
    def member_organisation_ids(self):
        return set(self.member_organisations.values_list("pk", flat=True))


class Priority(VersionedModel):
    """One of the year's priorities and its target (e.g. the three city-wide targets of 2018-19)."""

    partnership = models.ForeignKey(LocalityPartnership, on_delete=models.CASCADE, related_name="priorities")
    year = models.PositiveIntegerField(help_text="The financial year it starts in (2018 for 2018-19).")
    title = models.CharField(max_length=200)
    target = models.TextField(help_text="What the partnership means to achieve by the end of the year.")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["year", "order", "pk"]
        verbose_name_plural = "priorities"

    def __str__(self):
        return self.title


class Budget(VersionedModel):
    partnership = models.ForeignKey(LocalityPartnership, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveIntegerField()
    allocated = models.DecimalField(**MONEY)
    spend_by = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["partnership", "year"], name="one_budget_a_year")]

    def __str__(self):
        return f"{self.partnership.locality.name} {financial_year_label(self.year)}"

    @property
    def year_label(self):
        return financial_year_label(self.year)


class Initiative(VersionedModel):
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="initiatives")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    spent = models.DecimalField(default=Decimal("0"), **MONEY)
    outcome = models.TextField(blank=True, help_text="What it achieved, so far or in the end.")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class QuarterlyReport(VersionedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    partnership = models.ForeignKey(LocalityPartnership, on_delete=models.CASCADE, related_name="reports")
    year = models.PositiveIntegerField()
    quarter = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    narrative = models.TextField(blank=True)
    # The overview's sections for the locality (OverviewSection.as_dict()) as they stood when submitted.
    figures = models.JSONField(default=list, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["partnership", "-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year", "quarter"], name="one_report_a_quarter"),
            models.CheckConstraint(condition=models.Q(quarter__gte=1, quarter__lte=4), name="quarter_1_to_4"),
        ]

    def __str__(self):
        return f"{self.partnership.locality.name}, {self.period.label}"

    @property
    def period(self):
        return FinancialQuarter(self.year, self.quarter)

    @property
    def slug(self):
        return f"{self.year}-q{self.quarter}"

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED


class ReportRevision(models.Model):
    """What was submitted, and each correction after it: who, when and why (the first has no reason)."""

    report = models.ForeignKey(QuarterlyReport, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    narrative = models.TextField()
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    made_at = models.DateTimeField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="one_revision_number")]
