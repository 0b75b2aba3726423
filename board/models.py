"""Board meetings, their agendas, their packs and what the board decided.

A meeting's pack is a list of sections, each of a kind from portal.board_pack. Until the pack is issued it
is built live from the features' selectors; issuing stores every section's blocks (`Meeting.snapshot`) with
the time and the officer, and from then on the pack is read from the snapshot only, so later changes to
the data never alter what the board was sent.
"""

from django.conf import settings
from django.db import models

from portal.concurrency import VersionedModel


class Meeting(VersionedModel):
    class Kind(models.TextChoices):
        BUSINESS = "business", "Business meeting"
        DEEP_DIVE = "deep_dive", "Deep dive"

    date = models.DateField("Date of the meeting")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.BUSINESS)
    theme = models.CharField("Theme of the deep dive", max_length=200, blank=True)
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The freeze: filled once, when the pack is issued.
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    snapshot = models.JSONField(null=True, blank=True)  # [{"key", "title", "blocks"}] as issued
    # A locality chair reads only their own locality's report: each locality's blocks, frozen at the issue
    # too, when the pack has a locality reports section ({locality slug: {"title", "blocks"}}).
    locality_snapshot = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.date:%-d %B %Y})"

    @property
    def is_issued(self):
        return self.issued_at is not None


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    presenter = models.CharField(max_length=200, blank=True)
    paper = models.CharField("Paper", max_length=300, blank=True, help_text="The paper that goes with the item.")

    class Meta:
        ordering = ["order", "pk"]


class PackSection(models.Model):
    """One section of a meeting's pack: a kind from portal.board_pack, with its option or, for a paper,
    the text written in the portal."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField()
    kind = models.CharField(max_length=40)
    option = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["order", "pk"]


class FollowUp(models.Model):
    """A decision or an action from a meeting, with who owns it and when it is due."""

    class Kind(models.TextChoices):
        DECISION = "decision", "Decision"
        ACTION = "action", "Action"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ACTION)
    text = models.TextField("What was decided or agreed")
    owner = models.CharField("Owner", max_length=200, help_text="The person who will see it through.")
    due_date = models.DateField("Due date")
    done = models.BooleanField(default=False)
    # When the board's action became a strategy action-plan action: it is then followed up there.
    strategy_action = models.ForeignKey(
        "strategy.Action", on_delete=models.SET_NULL, null=True, blank=True, related_name="board_follow_ups"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
