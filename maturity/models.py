"""Maturity self-assessment: frameworks (data, versioned), rounds, strand ratings, contributor views and
the action plan.

A *framework* (the Service Transformation Maturity Model, an Early Help System Guide, a Data Maturity
Model...) is a set of strands and an ordered set of levels. Frameworks are loaded as data
(`manage.py load_maturity_framework`, through the framework kit in portal/frameworks.py); once a round
has been rated against a version, that version is never changed: a revision is a new version of the same
framework (same `slug`), and strands keep a stable `key` across versions so that rounds on different
versions can still be compared.

A *round* is one partnership-wide self-assessment. Its status moves draft -> submitted -> signed off
(see `maturity.rules.TRANSITIONS`); the moves and every edit go through `maturity.services`, which
refuses to change a round that is no longer a draft.
"""

from django.conf import settings
from django.db import models

from portal.concurrency import VersionedModel
from portal.frameworks import FrameworkPart, VersionedFramework
from portal.tracking import EditTracked

from . import rules
from .rules import ActionStatus, Status


class Framework(VersionedFramework):
    """One version of a maturity framework (frozen once a round is rated against it: portal/frameworks.py)."""

    used_by = ("rounds",)

    class Meta(VersionedFramework.Meta):
        ordering = ["title", "-version"]

    @property
    def level_names(self):
        """Level names lowest first; uses prefetched levels when there are some."""
        return [level.name for level in self.levels.all()]

    def rating_label(self, code):
        return rules.rating_label(code, self.level_names)


class Level(FrameworkPart):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="levels")
    position = models.PositiveSmallIntegerField(help_text="1 for the lowest level.")
    name = models.CharField(max_length=60)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "position"]
        constraints = [models.UniqueConstraint(fields=["framework", "position"], name="maturity_level_position")]

    def __str__(self):
        return self.name


class Strand(FrameworkPart):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="strands")
    key = models.SlugField(max_length=80, help_text="Stable across versions, to compare rounds.")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, help_text="For chart legends and narrow columns.")
    summary = models.TextField(blank=True)
    scope = models.TextField(blank=True, help_text="The scope descriptors, one per line.")

    class Meta:
        ordering = ["framework", "position"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "key"], name="maturity_strand_key"),
            models.UniqueConstraint(fields=["framework", "position"], name="maturity_strand_position"),
        ]

    def __str__(self):
        return self.name

    @property
    def scope_items(self):
        return [line.strip() for line in self.scope.splitlines() if line.strip()]


class Method(models.TextChoices):
    DESKTOP_ANALYSIS = "desktop_analysis", "Desktop analysis"
    FOCUS_GROUPS = "focus_groups", "Focus groups"
    INTERVIEWS = "interviews", "Interviews"
    SURVEYS = "surveys", "Surveys"
    QUESTIONNAIRES = "questionnaires", "Questionnaires"
    CASE_AUDITS = "case_audits", "Case-file audits"
    PERFORMANCE_DATA = "performance_data", "Performance data"


class RoundQuerySet(models.QuerySet):
    def with_framework(self):
        return self.select_related("framework", "signed_off_by", "submitted_by", "started_from").prefetch_related(
            "framework__levels", "contributor_groups"
        )


class Round(VersionedModel):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="rounds")
    title = models.CharField(max_length=200)
    period_start = models.DateField("Assessment started")
    period_end = models.DateField("Assessment finished")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    open_to_contributors = models.BooleanField(default=False)
    methods = models.JSONField(default=list, blank=True)
    methods_other = models.CharField("Other methods", max_length=300, blank=True)
    contributors_at_least = models.PositiveIntegerField("Total contributors (at least)", null=True, blank=True)
    summary = models.TextField("Summary of findings", blank=True)
    started_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_rounds"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    sign_off_note = models.TextField(blank=True)
    returned_reason = models.TextField(blank=True, help_text="Why the board returned the round, if it did.")

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["period_end", "pk"]

    def __str__(self):
        return self.title

    @property
    def period_label(self):
        return rules.period_label(self.period_start, self.period_end)

    @property
    def heading(self):
        """The short column heading used in comparisons: the month the ratings were agreed."""
        return f"{self.period_end:%B %Y}"

    @property
    def is_draft(self):
        return self.status == Status.DRAFT

    @property
    def is_signed_off(self):
        return self.status == Status.SIGNED_OFF

    @property
    def accepting_contributions(self):
        return self.is_draft and self.open_to_contributors

    @property
    def status_colour(self):
        return rules.STATUS_COLOURS[self.status]

    @property
    def groups_in_order(self):
        """The groups that contributed, in the order of the choices (families first)."""
        order = ContributorGroup.Group.values
        return sorted(self.contributor_groups.all(), key=lambda g: order.index(g.group))

    @property
    def contributors_label(self):
        """'at least 160', '42', or '' when nobody was counted (uses prefetched contributor groups)."""
        total, is_minimum = rules.contributor_total(
            self.contributors_at_least, [g.count for g in self.contributor_groups.all()]
        )
        if not total:
            return ""
        return f"at least {total}" if is_minimum else str(total)

    @property
    def method_labels(self):
        labels = [Method(value).label for value in self.methods if value in Method.values]
        return labels + ([self.methods_other] if self.methods_other else [])


class ContributorGroup(models.Model):
    """Who contributed evidence to a round, by group; the count may be unknown."""

    class Group(models.TextChoices):
        FAMILIES = "families", "Families"
        FRONTLINE = "frontline", "Frontline workers"
        MANAGERS = "managers", "Managers of delivery services"
        SENIOR_MANAGERS = "senior_managers", "Senior managers"
        BOARDS = "boards", "Strategic boards"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="contributor_groups")
    group = models.CharField(max_length=20, choices=Group.choices)
    count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["round", "group"]
        constraints = [models.UniqueConstraint(fields=["round", "group"], name="maturity_contributor_group")]


class StrandRating(VersionedModel, EditTracked):
    """The partnership's agreed rating of one strand in one round, with its evidence."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ratings")
    strand = models.ForeignKey(Strand, on_delete=models.PROTECT, related_name="ratings")
    rating = models.PositiveSmallIntegerField(default=rules.UNRATED, help_text="A rating code (maturity.rules).")
    evidence = models.TextField("Evidence summary", blank=True)
    strengths = models.TextField(blank=True)
    areas_for_development = models.TextField(blank=True)

    class Meta:
        ordering = ["round", "strand__position"]
        constraints = [models.UniqueConstraint(fields=["round", "strand"], name="maturity_one_rating_per_strand")]

    def __str__(self):
        return f"{self.strand} — {self.round}"


class ContributorRating(VersionedModel):
    """One partner's view of one strand while the round was open to contributors."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="contributions")
    strand = models.ForeignKey(Strand, on_delete=models.PROTECT, related_name="contributions")
    contributor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(default=rules.UNRATED)
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["round", "strand__position", "updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["round", "strand", "contributor"], name="maturity_one_view_per_strand")
        ]


class ActionItem(VersionedModel):
    """A recommendation and the action agreed for it; open items carry into the next round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="action_items")
    number = models.PositiveSmallIntegerField(help_text="Shown as 'Recommendation N'.")
    recommendation = models.TextField()
    action = models.TextField("Agreed action", blank=True)
    responsible_lead = models.CharField(max_length=200)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    strand = models.ForeignKey(Strand, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    carried_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="carried_to"
    )
    progress_note = models.TextField(blank=True)

    class Meta:
        ordering = ["round", "number", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "number"], name="maturity_action_number")]

    def __str__(self):
        return f"Recommendation {self.number}"

    @property
    def status_colour(self):
        return rules.ACTION_STATUS_COLOURS[self.status]

    def is_overdue(self, today):
        return rules.is_overdue(self.due_date, self.status, today)
