"""The Schools Early Help Commitments audit tool, and the LA's offer quality visits.

Two kinds of record live here:

- The *framework* (the four commitments, the outcomes each one tracks, the actions suggested for each
  outcome) is data, versioned: `Framework` -> `Commitment` -> `Outcome` -> `SuggestedAction`. A framework
  that an audit has used is frozen by the framework kit (portal/frameworks.py); a revision is
  loaded as a new version, and every audit keeps the version it was started from.
- The *audit* is one school's self-assessment for one academic year: an `OutcomeRecord` per outcome
  (complete, details, date, review date), an action plan of `Action` rows with RAG ratings (every change of
  rating is kept as a `RagChange`), and the table of `TrainedStaff` for the case-recording commitment.
  Everything people edit is a `VersionedModel`, so a stale save is refused rather than silently applied.

`OfferVisit` is a local-authority officer's visit to a school to check the quality of its Early Help offer.
"""

from django.conf import settings
from django.db import models

from portal.concurrency import VersionedModel
from portal.frameworks import FrameworkPart, VersionedFramework
from portal.judgements import Judgement, is_good_or_better
from portal.models import Organisation
from portal.rag import Rag
from portal.tracking import EditTracked


class Framework(VersionedFramework):
    """One version of a partnership's set of school commitments (frozen once audits use it: portal/frameworks.py)."""

    used_by = ("audits",)

    class Meta(VersionedFramework.Meta):
        pass


class Commitment(FrameworkPart):
    framework_path = "framework"

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="commitments")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=80, help_text="For table headings, e.g. 'DSL responsible'.")
    guidance = models.TextField(blank=True, help_text="Advice shown to schools at this step.")

    class Meta:
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="audits_commitment_unique_number")]

    def __str__(self):
        return f"Commitment {self.number}: {self.title}"

    @property
    def step_name(self):
        return f"commitment-{self.number}"


class Outcome(FrameworkPart):
    """An outcome a school records as achieved (the seed's "Outcomes Achieved" rows)."""

    class Kind(models.TextChoices):
        STANDARD = "standard", "Complete yes/no, with details and dates"
        TRAINED_STAFF = "trained_staff", "Met when a listed member of staff has finished both training parts"
        OFFER_PUBLISHED = "offer_published", "Cannot be complete while the school's offer is unpublished"
        NAMED_LEAD = "named_lead", "Complete exactly when the school's designated lead is recorded (pledge 1)"

    framework_path = "commitment.framework"

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="outcomes")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=400)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STANDARD)
    details_label = models.CharField(max_length=150, blank=True, help_text="Leave empty to not ask for details.")
    details_hint = models.CharField(max_length=300, blank=True)
    details_required = models.BooleanField(default=False, help_text="Details must be given to mark it complete.")
    date_label = models.CharField(max_length=150, blank=True, help_text="Leave empty to not ask for a date.")
    asks_review_date = models.BooleanField(default=True)

    class Meta:
        ordering = ["commitment", "position"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "position"], name="audits_outcome_unique_position")
        ]

    def __str__(self):
        return self.text

    @property
    def is_recorded_by_hand(self):
        """Trained-staff outcomes are worked out from the staff table, not ticked."""
        return self.kind != self.Kind.TRAINED_STAFF


class SuggestedAction(FrameworkPart):
    framework_path = "outcome.commitment.framework"

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="suggested_actions")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=400)

    class Meta:
        ordering = ["outcome", "position"]

    def __str__(self):
        return self.text


class AuditQuerySet(models.QuerySet):
    def for_year(self, academic_year):
        return self.filter(academic_year=academic_year)

    def submitted(self):
        return self.filter(status=Audit.Status.SUBMITTED)


class Audit(VersionedModel):
    """One school's commitments audit for one academic year.

    `version` moves on whenever any part of the audit is saved, so a submission made from a stale
    check-your-answers page is refused.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="commitment_audits")
    academic_year = models.CharField(max_length=7, help_text="For example 2026/27.")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="audits")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    carried_forward_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="carried_forward_to"
    )
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-academic_year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "academic_year"], name="audits_one_audit_per_school_year")
        ]
        indexes = [models.Index(fields=["academic_year", "status"])]

    def __str__(self):
        return f"{self.organisation} – {self.academic_year}"

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED


class EditedRecord(VersionedModel, EditTracked):
    """A part of an audit people edit: who saved it last, and when, to tell a second editor what changed."""

    class Meta:
        abstract = True


class OutcomeRecord(EditedRecord):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="outcome_records")
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="records")
    complete = models.BooleanField(null=True, blank=True, help_text="Empty until the school answers.")
    details = models.TextField(blank=True)
    achieved_on = models.DateField(null=True, blank=True)
    review_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["outcome__commitment__number", "outcome__position"]
        constraints = [models.UniqueConstraint(fields=["audit", "outcome"], name="audits_one_record_per_outcome")]

    def __str__(self):
        return f"{self.outcome} ({self.audit})"


class Action(EditedRecord):
    """A row of the action plan. Schools add, amend and delete them; suggested actions start the plan."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="actions")
    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="actions")
    outcome = models.ForeignKey(
        Outcome,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        help_text="The outcome this action works towards.",
    )
    description = models.TextField()
    due_date = models.DateField("by when", null=True, blank=True)
    owner = models.CharField("who", max_length=200, blank=True)
    rag = models.CharField("RAG rating", max_length=20, choices=Rag.choices, default=Rag.NOT_STARTED)
    notes = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    carried_forward_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="carried_forward_to"
    )

    class Meta:
        ordering = ["commitment__number", "position", "pk"]
        indexes = [models.Index(fields=["audit", "commitment"])]

    def __str__(self):
        return self.description


class RagChange(models.Model):
    """One change of an action's RAG rating. Kept when the action is deleted, with its description."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="rag_changes")
    action = models.ForeignKey(Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="rag_changes")
    action_description = models.TextField()
    from_rag = models.CharField(max_length=20, choices=Rag.choices, blank=True, help_text="Empty for a new action.")
    to_rag = models.CharField(max_length=20, choices=Rag.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.action_description}: {self.from_rag or 'new'} -> {self.to_rag}"


class TrainedStaff(EditedRecord):
    """A member of staff trained in the Early Help case-recording module (commitment 2's table)."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="trained_staff")
    name = models.CharField(max_length=150)
    part_a_on = models.DateField("attended part A", null=True, blank=True)
    part_b_on = models.DateField("attended part B", null=True, blank=True)
    login_received = models.BooleanField(default=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name_plural = "trained staff"

    def __str__(self):
        return self.name

    @property
    def fully_trained(self):
        return bool(self.part_a_on and self.part_b_on and self.login_received)


class SectionProgress(models.Model):
    """When a commitment of an audit was last saved, and by whom (the wizard's progress, kept in the database)."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="sections")
    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="+")
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    saved_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "commitment"], name="audits_one_progress_per_section")]


class WizardPosition(models.Model):
    """The wizard step a person was last on, so they resume there from any device or app server."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="wizard_positions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    step = models.CharField(max_length=50)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "user"], name="audits_one_position_per_person")]


class AuditComment(models.Model):
    """A local-authority officer's comment on a school's audit; the school and the board can read it."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="comments")
    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leave empty for a comment on the whole audit.",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Comment on {self.audit} by {self.author}"


class OfferVisit(VersionedModel):
    """An LA officer's visit to a school to check the quality and content of its Early Help offer."""

    Judgement = Judgement  # the partnership's four-point scale (portal.judgements), as OfferVisit.Judgement

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="offer_visits")
    visited_on = models.DateField("date of visit")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="offer_visits",
        help_text="The officer who made the visit.",
    )
    judgement = models.CharField("judgement of the offer's quality", max_length=30, choices=Judgement.choices)
    notes = models.TextField(blank=True)
    agreed_actions = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-visited_on", "-pk"]

    def __str__(self):
        return f"Offer quality visit to {self.organisation}, {self.visited_on:%d %B %Y}"

    @property
    def good_or_better(self):
        return is_good_or_better(self.judgement)
