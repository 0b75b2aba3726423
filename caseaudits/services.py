"""Writes: recording audits, moderating them, drawing the moderation sample, and following up actions.

Permission checks happen in the views (portal.permissions.caseaudits); the rules that protect the data
whoever calls (a moderator is never the auditor, a moderated audit is never changed, one moderation per
audit) are enforced here as well.
"""

import random

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from caseaudits.models import CaseAudit, Framework, Moderation, PrincipleFinding
from caseaudits.rules import sample_size
from caseaudits.selectors import quarter_sample_counts
from portal.concurrency import StaleEditError

DEFAULT_MODERATION_SAMPLE_PERCENT = 10


class AuditLocked(Exception):
    """The audit has been moderated, so what was moderated can no longer change."""


class ModerationRefused(Exception):
    """This person may not moderate this audit (they audited it, or it is already moderated)."""


def current_framework():
    return Framework.objects.filter(is_current=True).first()


def moderation_sample_percent() -> int:
    return getattr(settings, "CASE_AUDIT_MODERATION_SAMPLE_PERCENT", DEFAULT_MODERATION_SAMPLE_PERCENT)


def _lock(audit):
    """Lock the audit's row until the transaction ends; None if it has been deleted.

    Corrections, deletion and moderation all take this lock before their checks, so a moderation recorded at
    the same moment as a correction either waits for it and sees it, or is seen by it.
    """
    return CaseAudit.objects.select_for_update().filter(pk=audit.pk).first()


@transaction.atomic
def save_audit(form, *, recorded_by=None):
    """Save an AuditForm: the audit, then its finding for every principle. StaleEditError if it moved on."""
    audit = form.instance
    if audit.pk and (_lock(audit) is None or Moderation.objects.filter(audit=audit).exists()):
        raise AuditLocked
    if audit.pk is None:
        audit.framework = form.framework
        audit.recorded_by = recorded_by
    audit = form.save()
    for principle, (finding, evidence) in form.findings().items():
        PrincipleFinding.objects.update_or_create(
            audit=audit, principle=principle, defaults={"finding": finding, "evidence": evidence}
        )
    return audit


@transaction.atomic
def delete_audit(audit):
    if _lock(audit) is not None and Moderation.objects.filter(audit=audit).exists():
        raise AuditLocked
    audit.delete()


def moderate(audit, *, moderator, agrees, judgement, reason, version=None):
    """Record the second officer's view. The moderated judgement is the one reports count.

    `version` is the audit's version the moderator read (None: not checked); if the audit was corrected since,
    StaleEditError: they must read it again before judging it.
    """
    if audit.auditor_id == moderator.pk:
        raise ModerationRefused("You audited this case, so another officer must moderate it.")
    try:
        with transaction.atomic():
            current = _lock(audit)
            if current is None:
                raise ModerationRefused("This audit has been deleted.")
            if version is not None and current.version != version:
                raise StaleEditError(f"Case audit {audit.pk} changed since version {version}")
            return Moderation.objects.create(
                audit=current,
                moderator=moderator,
                agrees=agrees,
                judgement=current.overall_judgement if agrees else judgement,
                reason="" if agrees else reason,
            )
    except IntegrityError:
        raise ModerationRefused("Another officer has moderated this audit already.") from None


@transaction.atomic
def draw_moderation_sample(financial_year, quarter, *, percent=None, rng=None):
    """Top up a quarter's moderation sample to its target size with audits picked at random.

    Returns how many audits were added. Audits already sampled or moderated stay in the sample.
    """
    percent = moderation_sample_percent() if percent is None else percent
    counts = quarter_sample_counts(financial_year, quarter)
    wanted = sample_size(counts["audits"], percent) - counts["sampled"]
    if wanted <= 0:
        return 0
    audits = CaseAudit.objects.filter(financial_year=financial_year, quarter=quarter)
    candidates = list(audits.filter(sampled_at__isnull=True, moderation__isnull=True).values_list("pk", flat=True))
    chosen = (rng or random.SystemRandom()).sample(candidates, min(wanted, len(candidates)))
    return CaseAudit.objects.filter(pk__in=chosen).update(sampled_at=timezone.now())


def save_action(form, *, audit):
    form.instance.audit = audit
    return form.save()
