"""Partnership pledges: the pledges themselves (versioned data), who signed them, and each organisation's
status and evidence against each pledge.

The pledges are a framework, so they are rows, not code: a `PledgeSet` is one version of the wording, seeded
by a migration (another set loads from a file like `pledges/frameworks/*.json`) and never edited once
anyone has signed it (a revision is a new version).
A `Signature` keeps the version it signed; a `PledgeStatus` belongs to one pledge of one version.

Evidence is about the organisation rather than one wording of a pledge (who the designated lead is, what
training staff had), so it hangs off the organisation and survives a revision of the pledges.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from portal.concurrency import VersionedModel
from portal.frameworks import FrameworkPart, VersionedFramework
from portal.models import Organisation
from portal.periods import financial_quarter
from portal.tracking import EditTracked


class Status(models.TextChoices):
    """Where an organisation is with one pledge. A pledge with no status row is Not started."""

    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    MET = "met", "Met"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class PledgeSet(VersionedFramework):
    """One version of a partnership's pledges, with the text that introduces and explains them (frozen once
    anyone signs it: portal/frameworks.py). `is_current`: the version new signatures sign."""

    introduction = models.TextField(help_text="What signatories declare, e.g. 'We, the undersigned, pledge…'.")
    commentary = models.TextField(blank=True, help_text="How the pledges apply to different kinds of partner.")

    used_by = ("signatures",)

    class Meta(VersionedFramework.Meta):
        ordering = ["title", "-version"]


class Pledge(FrameworkPart):
    """One pledge of a set, with the commentary shown to signatories."""

    class Evidence(models.TextChoices):
        """Which evidence the portal collects for this pledge; a partnership's own pledges may use 'notes'."""

        DESIGNATED_LEAD = "designated_lead", "The designated lead"
        TRAINING = "training", "Staff training"
        ACCESS = "access", "How staff and service users access Early Help"
        OFFER = "offer", "The published Early Help offer"
        IMPACT = "impact", "Impact measures and returns"
        NOTES = "notes", "Notes only"

    framework_path = "pledge_set"

    pledge_set = models.ForeignKey(PledgeSet, on_delete=models.CASCADE, related_name="pledges")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    commentary = models.TextField(blank=True)
    evidence = models.CharField(max_length=20, choices=Evidence.choices, default=Evidence.NOTES)

    class Meta:
        ordering = ["pledge_set", "number"]
        constraints = [models.UniqueConstraint(fields=["pledge_set", "number"], name="pledge_number_unique_in_set")]

    def __str__(self):
        return f"Pledge {self.number}: {self.title}"


class Signature(VersionedModel):
    """An organisation's signature of one version of the pledges, made by its lead."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="pledge_signatures")
    pledge_set = models.ForeignKey(PledgeSet, on_delete=models.PROTECT, related_name="signatures")
    signatory_name = models.CharField("Signatory's name", max_length=150)
    signatory_role = models.CharField(
        "Signatory's role", max_length=200, help_text="Their job title, for example 'Director of Public Health'."
    )
    signed_on = models.DateField("Date signed")
    statement = models.TextField(
        "Public statement",
        blank=True,
        max_length=1500,
        help_text="Shown with your signature on the public list of signatories. Leave empty for none.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "-signed_on"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "pledge_set"], name="one_signature_per_org_per_set")
        ]

    def __str__(self):
        return f"{self.organisation} signed {self.pledge_set} on {self.signed_on:%d %B %Y}"


class PledgeStatus(VersionedModel, EditTracked):
    """Where an organisation is with one pledge, and when it will next review it. Set by the lead."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="pledge_statuses")
    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="statuses")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    review_date = models.DateField(null=True, blank=True)
    not_applicable_reason = models.TextField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "pledge statuses"
        constraints = [models.UniqueConstraint(fields=["organisation", "pledge"], name="one_status_per_org_per_pledge")]

    def __str__(self):
        return f"{self.organisation}, pledge {self.pledge.number}: {self.get_status_display()}"


class DesignatedLead(VersionedModel, EditTracked):
    """Pledge 1: the named Designated Lead for Safeguarding and Early Help. Seen by signed-in partners only.

    The one record of an organisation's lead: the offer's sign-off and commitment 1 of the commitments audit
    read it rather than asking for the name again. Role and email may be blank only on records made from a
    name typed on an offer before this record was the source (migration home 0014); the form still asks for
    them, and such a record shows "details to confirm" until they are given.
    """

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="designated_lead")
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=200, blank=True, help_text="Their job title.")
    email = models.EmailField(blank=True, help_text="Where partners should contact them about Early Help.")
    phone = models.CharField(max_length=40, blank=True)

    @property
    def name_and_role(self):
        """How the lead is shown wherever they are named: "Ravi Lal, Deputy head and DSL"."""
        return f"{self.name}, {self.role}" if self.role else self.name

    @property
    def details_to_confirm(self):
        """A record made from a typed name still lacks the role or email the form asks for."""
        return not (self.role and self.email)

    def __str__(self):
        return f"{self.name}, {self.role} ({self.organisation})"


class TrainingSummary(VersionedModel, EditTracked):
    """Pledge 2: how many staff are in Early Help roles and how many of them are trained."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="training_summary")
    staff_in_roles = models.PositiveIntegerField(
        "Staff in Early Help roles",
        help_text="Staff who could act as Lead Practitioner or contribute to an Early Help Assessment.",
    )
    staff_trained = models.PositiveIntegerField("Of these, staff trained")

    class Meta:
        verbose_name_plural = "training summaries"


class TrainingRecord(models.Model):
    """Pledge 2: one training course and how many attended."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="training_records")
    course = models.CharField(max_length=200, help_text="For example 'Early Help Assessment and TAF training'.")
    date = models.DateField("Date of the course")
    attendees = models.PositiveIntegerField("Number of attendees", validators=[MinValueValidator(1)])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "course"]

    def __str__(self):
        return f"{self.course} ({self.date:%d %b %Y}, {self.attendees} attended)"


class AccessRoutes(VersionedModel, EditTracked):
    """Pledge 3: how staff, and the children and families the organisation works with, reach Early Help."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="access_routes")
    for_staff = models.TextField(
        "How staff access Early Help", help_text="For example: staff briefing, the intranet page, who to ask."
    )
    for_service_users = models.TextField(
        "How children, young people and families access Early Help",
        help_text="For example: leaflets, notice boards, the website, a named contact.",
    )

    class Meta:
        verbose_name_plural = "access routes"


class ImpactMeasure(VersionedModel):
    """Pledge 5: a measure the organisation defines to evidence the impact of its Early Help work."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="impact_measures")
    name = models.CharField(max_length=200, help_text="For example 'Families whose Rickter Scale scores improved'.")
    description = models.TextField(blank=True, help_text="How it is counted and where the figures come from.")
    unit = models.CharField(max_length=40, blank=True, help_text="For example 'families' or '%'.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="impact_measure_name_unique")]

    def __str__(self):
        return self.name


class ImpactReturn(models.Model):
    """Pledge 5: one periodic return to the board for a measure: a financial quarter, a value and a narrative."""

    measure = models.ForeignKey(ImpactMeasure, on_delete=models.CASCADE, related_name="returns")
    period_start = models.DateField(help_text="The first day of the financial quarter the return covers.")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    narrative = models.TextField(help_text="What the figure shows, and what is being done about it.")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure", "-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "period_start"], name="one_return_per_measure_per_period")
        ]

    @property
    def period_label(self) -> str:
        """'Q1 2018-19'."""
        return financial_quarter(self.period_start).label


class ReminderSent(models.Model):
    """A reminder already emailed about one review, so a daily run never sends it twice.

    The review date is part of the key: when the lead sets a new review date, that review gets its own
    reminders.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Review coming due"
        OVERDUE = "overdue", "Review overdue"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="+")
    review_date = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    recipients = models.TextField(help_text="The addresses it went to, one a line.")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "pledge", "review_date", "kind"], name="one_reminder_per_review_and_kind"
            )
        ]
