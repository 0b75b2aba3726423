"""Writes: loading a pledge set, signing, and sending review reminders."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from pledges import rules
from pledges.models import ReminderSent
from pledges.selectors import reviews_calling_for_reminders
from portal.models import Membership


@transaction.atomic
@dataclass
class ReminderRun:
    emails_sent: int = 0
    reviews: int = 0  # reviews reminded about in this run
    without_lead: list = field(default_factory=list)  # organisations with reviews due but no lead account
    failed: list = field(default_factory=list)  # (organisation, error) where the mail server refused


def send_pledge_reminders(today, window_days=rules.REMINDER_WINDOW_DAYS) -> ReminderRun:
    """Email each organisation's lead(s) once about each review coming due and once when it is overdue.

    Safe to run daily, and twice in a day: what was sent is recorded per (organisation, pledge, review
    date, kind), in the same transaction as the sending, so a failed send is retried next run and a second
    run (or a second server running it at the same moment) sends nothing new. An organisation with no lead
    account is reported and reminded once a lead is added.
    """
    run = ReminderRun()
    pending = defaultdict(list)
    for record, kind in reviews_calling_for_reminders(today, window_days):
        pending[record.organisation].append((record, kind))
    if not pending:
        return run
    org_ids = [o.pk for o in pending]
    already = set(
        ReminderSent.objects.filter(organisation_id__in=org_ids).values_list(
            "organisation_id", "pledge_id", "review_date", "kind"
        )
    )
    leads = defaultdict(list)
    for org_id, email in (
        Membership.objects.filter(organisation_id__in=org_ids, role=Membership.Role.LEAD, user__is_active=True)
        .order_by("user__email")
        .values_list("organisation_id", "user__email")
    ):
        leads[org_id].append(email)

    for organisation, items in pending.items():
        items = [(r, kind) for r, kind in items if (organisation.pk, r.pledge_id, r.review_date, kind) not in already]
        if not items:
            continue
        if not leads[organisation.pk]:
            run.without_lead.append(organisation)
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.bulk_create(
                    ReminderSent(
                        organisation=organisation,
                        pledge=record.pledge,
                        review_date=record.review_date,
                        kind=kind,
                        recipients="\n".join(leads[organisation.pk]),
                    )
                    for record, kind in items
                )
                _reminder_email(organisation, items, leads[organisation.pk]).send()
        except IntegrityError:
            continue  # another run recorded (and sent) these at the same moment
        except OSError as error:
            run.failed.append((organisation, error))
            continue
        run.emails_sent += 1
        run.reviews += len(items)
    return run


def _reminder_email(organisation, items, recipients):
    overdue = [r for r, kind in items if kind == "overdue"]
    due_soon = [r for r, kind in items if kind == "due_soon"]
    parts = []
    if overdue:
        parts.append(f"{len(overdue)} overdue")
    if due_soon:
        parts.append(f"{len(due_soon)} due soon")
    link = settings.SITE_BASE_URL.rstrip("/") + reverse("pledges:organisation", args=[organisation.slug])
    body = render_to_string(
        "pledges/email/reminder.txt",
        {
            "organisation": organisation,
            "overdue": overdue,
            "due_soon": due_soon,
            "link": link,
            "PARTNERSHIP_NAME": settings.PARTNERSHIP_NAME,
        },
    )
    return EmailMessage(
        subject=f"Partnership pledge reviews for {organisation.name}: {' and '.join(parts)}",
        body=body,
        to=recipients,
    )
