"""EHA principle case-file audits.

A *framework* is a partnership's set of principles (Leicester's seven EHA principles by default), stored as
rows and versioned by the framework kit (portal/frameworks.py): once an audit has used a version, that
version never changes; a change is a new version, and every audit keeps the version it was judged against.

A *case audit* records, for one case from the case system, whether each principle was in place, an overall
judgement, what went well and what must improve, and actions for the lead practitioner. It holds only a
case reference: never a child's or family's name, date of birth or address (see `caseaudits.privacy`).

A second LA officer *moderates* a sample of audits; their judgement is the one reports count.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from caseaudits.choices import Finding
from caseaudits.privacy import validate_case_reference, validate_free_text
from caseaudits.rules import report_quarter
from portal.concurrency import VersionedModel
from portal.frameworks import FrameworkPart, VersionedFramework
from portal.judgements import Judgement
from portal.models import Locality, Organisation


class Framework(VersionedFramework):
    """One version of a partnership's set of principles (frozen once audits use it: portal/frameworks.py)."""

    partnership = models.CharField(max_length=100, help_text="Whose principles these are, e.g. Leicester.")

    used_by = ("audits",)

    class Meta(VersionedFramework.Meta):
        pass


class Principle(FrameworkPart):
    """One principle of a framework version. `code` is stable across versions, so trends can span them."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="principles")
    number = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=60)
    title = models.CharField(max_length=120, help_text="Short, for table headings and import columns.")
    description = models.TextField(blank=True, help_text="The principle in full, shown to auditors as a hint.")

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="caseaudits_principle_number"),
            models.UniqueConstraint(fields=["framework", "code"], name="caseaudits_principle_code"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class CaseAudit(VersionedModel):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="audits")
    case_reference = models.CharField(
        max_length=30,
        validators=[validate_case_reference],
        help_text="The reference from the case system. Never a name, a date of birth or an address.",
    )
    lead_agency = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="led_case_audits",
        verbose_name="lead practitioner's agency",
    )
    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="case_audits")
    eha_start_date = models.DateField("EHA start date")
    audit_date = models.DateField()
    # The UK financial-year quarter of the audit date, kept so reports can GROUP BY it (set in save()).
    financial_year = models.PositiveSmallIntegerField(editable=False)
    quarter = models.PositiveSmallIntegerField(editable=False)
    auditor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_audits")
    overall_judgement = models.CharField(max_length=30, choices=Judgement.choices)
    strengths = models.TextField(blank=True, validators=[validate_free_text])
    areas_for_development = models.TextField(blank=True, validators=[validate_free_text])
    sampled_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the audit was drawn into the moderation sample."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-audit_date", "case_reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["case_reference", "audit_date"],
                name="caseaudits_one_audit_per_case_day",
                violation_error_message="This case already has an audit on this date.",
            )
        ]
        indexes = [
            models.Index(fields=["financial_year", "quarter"], name="caseaudits_quarter_idx"),
            models.Index(fields=["lead_agency", "financial_year"], name="caseaudits_agency_year_idx"),
        ]

    def __str__(self):
        return f"Case {self.case_reference}, audited {self.audit_date:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        period = report_quarter(self.audit_date)
        self.financial_year, self.quarter = period.start_year, period.quarter
        super().save(*args, **kwargs)

    @property
    def period(self):
        return report_quarter(self.audit_date)


class PrincipleFinding(models.Model):
    """Whether one principle was in place in the audited case, with the evidence for saying so."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="findings")
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT, related_name="findings")
    finding = models.CharField(max_length=20, choices=Finding.choices)
    evidence = models.TextField(blank=True, validators=[validate_free_text])

    class Meta:
        ordering = ["principle__number"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "principle"], name="caseaudits_one_finding_per_principle")
        ]

    def __str__(self):
        return f"{self.principle.title}: {self.get_finding_display()}"


class AuditAction(VersionedModel):
    """Something the lead practitioner must do, by a date; their agency records the progress."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField("action", validators=[validate_free_text])
    due_date = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    progress_note = models.TextField(blank=True, validators=[validate_free_text])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.description


class Moderation(models.Model):
    """A second officer's review of an audit. Never edited: one moderation per audit, by someone else."""

    audit = models.OneToOneField(CaseAudit, on_delete=models.CASCADE, related_name="moderation")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agrees = models.BooleanField()
    judgement = models.CharField(
        max_length=30, choices=Judgement.choices, help_text="The moderated judgement: the one reports count."
    )
    reason = models.TextField(blank=True, validators=[validate_free_text])
    moderated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(agrees=True) | ~Q(reason=""), name="caseaudits_disagreement_has_reason")
        ]

    def __str__(self):
        return f"Moderation of {self.audit}"
