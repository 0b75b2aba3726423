"""Writes to the performance book: owners, targets, returns (draft, submit, correct) and the daily chase.

A submission and each correction of a return is kept as a `ReturnRevision` (who, when, why); the return
itself carries the latest figures so the scorecard reads one row per period. A stale save (someone else
saved the return after you opened it) raises `StaleEditError`, handled by `save_unless_stale` in the view.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from performance import periods
from performance.models import ChaseEmail, IndicatorOwner, LocalityValue, Return, ReturnRevision, Target
from portal.concurrency import StaleEditError

DRAFT, SUBMIT, CORRECT = "draft", "submit", "correct"


class ReturnRefused(Exception):
    """The return cannot be saved this way; the message says why, for the person (beside `field`, if any)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def assign_owner(indicator, *, user, organisation, by) -> IndicatorOwner:
    """Make `user` (a person at `organisation`) the indicator's owner, replacing any owner before them."""
    if not user.memberships.filter(organisation=organisation).exists():
        raise ReturnRefused(
            f"{user.get_full_name() or user.email} is not a member of {organisation.name}.", "membership"
        )
    owner, _ = IndicatorOwner.objects.update_or_create(
        indicator=indicator, defaults={"user": user, "organisation": organisation, "assigned_by": by}
    )
    return owner


def set_target(indicator, *, year, target, tolerance, by) -> Target:
    periods.parse_financial_year(year)
    record, _ = Target.objects.update_or_create(
        indicator=indicator, year=year, defaults={"target": target, "tolerance": tolerance, "updated_by": by}
    )
    return record


def new_return(indicator, period) -> Return:
    """An unsaved draft for a period no return has been started for."""
    return Return(
        indicator=indicator, period_start=period.start, period_end=period.end, due_on=period.due_on, status=DRAFT
    )


def _locality_snapshot(values):
    return {locality.name: str(value) for locality, value in values.items() if value is not None}


@transaction.atomic
def save_return(form, *, user, action, locality_values=None, reason="") -> Return:
    """Save a return form: keep it as a draft, submit it, or correct a submitted one (a new revision).

    `locality_values` is {Locality: Decimal or None}. Raises ReturnRefused (e.g. submitting with no value,
    or a draft save of a submitted return) and StaleEditError (someone saved it meanwhile).
    """
    record = form.instance
    was_submitted = record.pk is not None and record.status == Return.Status.SUBMITTED
    if action == DRAFT and was_submitted:
        raise ReturnRefused("This return has been submitted: correct it instead, giving the reason.")
    if action == CORRECT and not was_submitted:
        raise ReturnRefused("Only a submitted return can be corrected.")
    if action in (SUBMIT, CORRECT) and form.cleaned_data.get("value") is None:
        raise ReturnRefused("Enter the value before submitting the return.", "value")
    if action == CORRECT and not reason.strip():
        raise ReturnRefused("Say why the return is being corrected.", "reason")
    now = timezone.now()
    record = form.save(commit=False)
    record.updated_by = user
    if action == SUBMIT:
        record.status, record.submitted_by, record.submitted_at = Return.Status.SUBMITTED, user, now
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        # Someone started this period's return after this form was opened.
        raise StaleEditError("return created meanwhile") from None
    if locality_values is not None:
        record.locality_values.all().delete()
        LocalityValue.objects.bulk_create(
            LocalityValue(return_record=record, locality=locality, value=value)
            for locality, value in locality_values.items()
            if value is not None
        )
    if action in (SUBMIT, CORRECT):
        number = (record.revisions.aggregate(last=Max("number"))["last"] or 0) + 1
        ReturnRevision.objects.create(
            return_record=record,
            number=number,
            value=record.value,
            numerator=record.numerator,
            denominator=record.denominator,
            narrative=record.narrative,
            data_quality_note=record.data_quality_note,
            locality_values=_locality_snapshot(locality_values or {}),
            reason=reason.strip() if action == CORRECT else "",
            changed_by=user,
            changed_at=now,
        )
    return record


# --------------------------------------------------------------------------------------------------
# The daily chase


@dataclass
class ChaseRun:
    emails_sent: int = 0
    returns: int = 0
    without_owner: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def chase_late_returns(today: date, outstanding) -> ChaseRun:
    """Email each late return's owner once per due date. Safe to run daily, and twice in a day: a chase is
    recorded per (return, due date) in the same transaction as the sending, so a failed send is tried again
    next run and a second run (or a second server at the same moment) sends nothing new.

    `outstanding` is what `selectors.outstanding_returns(today)` answers; only the late ones are chased.
    """
    run = ChaseRun()
    late = [item for item in outstanding if item.is_late]
    if not late:
        return run
    records = {}
    for item in late:
        record = item.return_record
        if record is None:  # a period nobody has started: its draft is the thing chased
            record, _ = Return.objects.get_or_create(
                indicator=item.indicator,
                period_start=item.period.start,
                defaults={"period_end": item.period.end, "due_on": item.period.due_on},
            )
        records[record.pk] = (record, item)
    already = set(ChaseEmail.objects.filter(return_record_id__in=records).values_list("return_record_id", "due_on"))
    by_owner = {}
    for record, item in records.values():
        if (record.pk, record.due_on) in already:
            continue
        owner = getattr(item.indicator, "owner", None)
        if owner is None or not owner.user.is_active or not owner.user.email:
            run.without_owner.append(item.indicator)
            continue
        by_owner.setdefault(owner.user, []).append((record, item))
    for user, items in by_owner.items():
        try:
            with transaction.atomic():
                ChaseEmail.objects.bulk_create(
                    ChaseEmail(return_record=record, due_on=record.due_on, sent_to=user.email, sent_at=timezone.now())
                    for record, _ in items
                )
                _chase_email(user, items, today).send()
        except IntegrityError:
            continue  # another run recorded (and sent) these at the same moment
        except OSError as error:
            run.failed.append((user, error))
            continue
        run.emails_sent += 1
        run.returns += len(items)
    return run


def _chase_email(user, items, today):
    base = settings.SITE_BASE_URL.rstrip("/")
    lines = [
        f"Dear {user.first_name or user.email},",
        "",
        f"These performance returns were due and have not been submitted (as at {today:%d %B %Y}):",
        "",
    ]
    for record, item in items:
        url = base + reverse("performance:return", args=[item.indicator.pk, item.period.start.isoformat()])
        lines.append(
            f"- {item.indicator.reference} {item.indicator.name}: {item.period.label}, due {record.due_on:%d %B %Y}"
        )
        lines.append(f"  {url}")
    lines += [
        "",
        "Please send the figure and its narrative, or tell the Early Help performance team if it cannot be "
        "supplied this period.",
        "",
        settings.PARTNERSHIP_NAME,
    ]
    count = len(items)
    subject = f"{count} performance return{'s' if count != 1 else ''} overdue"
    return EmailMessage(subject=subject, body="\n".join(lines), to=[user.email])
