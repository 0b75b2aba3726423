"""The strategy action plan: a partnership's objectives (a framework), a year's plan under them, and actions.

An *objective set* is a framework (portal/frameworks.py): Leicester's Support / Strengthen / Thrive
objectives by default, Doncaster's four objectives and Stoke-on-Trent's four themes as files. Once a plan
uses a version it is frozen; a revision is a new version.

A *plan* covers one financial year ("2026-27") under one version. Under each objective it holds the
partnership's *response* (text) and the *actions*. An action has a lead (a person and an organisation), a
due date and a RAG rating (portal.rag). Its RAG changes only through a *progress update* (who, when, the
narrative and the RAG it set), which is never edited or deleted: the updates are the action's history, and
the figures "as at the end of last quarter" are worked out from them. An action carried into next year's
plan points at the one it came from (`carried_from`), so its history goes with it.
"""

from django.conf import settings
from django.db import models

from portal.concurrency import VersionedModel
from portal.frameworks import FrameworkPart, VersionedFramework
from portal.models import Organisation
from portal.rag import Rag


class ObjectiveSet(VersionedFramework):
    """One version of a partnership's objectives (or themes). Frozen once a plan uses it."""

    partnership = models.CharField(max_length=100, help_text="Whose strategy this is, e.g. Leicester.")
    item_label = models.CharField(
        max_length=30, default="objective", help_text='What the strategy calls each one: "objective" or "theme".'
    )

    used_by = ("plans",)

    class Meta(VersionedFramework.Meta):
        pass


class Objective(FrameworkPart):
    """One objective (or theme) in the seed's own words; `theme` groups Leicester's under Support and so on."""

    objective_set = models.ForeignKey(ObjectiveSet, on_delete=models.CASCADE, related_name="objectives")
    reference = models.CharField(max_length=20, help_text='Stable across versions, e.g. "S1" or "1".')
    theme = models.CharField(max_length=100, blank=True, help_text='The heading it sits under, e.g. "Support".')
    title = models.TextField(help_text="The objective as the strategy words it.")
    order = models.PositiveIntegerField()

    framework_path = "objective_set"

    class Meta:
        ordering = ["objective_set", "order"]
        constraints = [
            models.UniqueConstraint(fields=["objective_set", "reference"], name="strategy_objective_reference"),
        ]

    def __str__(self):
        return f"{self.reference}. {self.title}"


class Plan(VersionedModel):
    """A year's action plan, under one version of the objectives."""

    year = models.CharField(max_length=7, unique=True, help_text='A financial year, e.g. "2026-27".')
    objective_set = models.ForeignKey(ObjectiveSet, on_delete=models.PROTECT, related_name="plans")
    started_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_plans"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return f"Strategy action plan {self.year}"


class ObjectiveResponse(VersionedModel):
    """'What is our partnership response?' for one objective in one plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="responses")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("Partnership response", blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "objective"], name="strategy_one_response")]


class Action(VersionedModel):
    """'What future actions will we take?': one action, its lead, due date and RAG."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="strategy_actions", verbose_name="Lead"
    )
    lead_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="strategy_actions", verbose_name="Lead organisation"
    )
    due_date = models.DateField()
    # The current RAG: the latest update's, else `initial_rag` (kept here so lists and counts need no history).
    rag = models.CharField("RAG", max_length=12, choices=Rag.choices, default=Rag.NOT_STARTED)
    # The RAG it started with: not started for a new action, the RAG it had for a carried one.
    initial_rag = models.CharField(max_length=12, choices=Rag.choices, default=Rag.NOT_STARTED)
    carried_from = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="carried_to")
    recommendation = models.ForeignKey(
        "maturity.ActionItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategy_actions",
        help_text="The maturity round's recommendation this action answers.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["objective__order", "due_date", "pk"]
        constraints = [
            # Carrying forward is idempotent: an action reaches a given plan once.
            models.UniqueConstraint(fields=["plan", "carried_from"], name="strategy_carried_once"),
        ]

    def __str__(self):
        return self.description[:80]


class ProgressUpdate(models.Model):
    """A dated progress note with the RAG it set. Never overwritten: a correction is a later update."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()
    narrative = models.TextField()
    rag = models.CharField("RAG", max_length=12, choices=Rag.choices)
    rag_before = models.CharField(max_length=12, choices=Rag.choices)

    class Meta:
        ordering = ["written_at", "pk"]

    def save(self, *args, **kwargs):
        if self.pk is not None and type(self).objects.filter(pk=self.pk).exists():
            raise ValueError("A progress update is never changed; add a new one.")
        super().save(*args, **kwargs)


class EvidenceLink(models.Model):
    """A link to where the work can be seen (a published document, a report)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField("Link", max_length=500)
    label = models.CharField("What it shows", max_length=200)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
