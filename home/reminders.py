"""Offer review reminders: the organisation's people are emailed a month before the offer's review date
and again once it has passed (home.rules.review_reminder_kind). Each is recorded (OfferReminderSent) before
it is sent, in one transaction, so a rerun or a second worker never sends it twice; a failed send is rolled
back and tried again on the next run."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from home import rules
from home.models import OfferPage, OfferReminderSent
from portal.permissions import offers as offer_permissions


@dataclass
class ReminderRun:
    emails_sent: int = 0
    without_people: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def send_offer_review_reminders(today, window_days=rules.REVIEW_REMINDER_DAYS) -> ReminderRun:
    run = ReminderRun()
    offers = (
        OfferPage.objects.live()
        .filter(organisation__status="active", review_date__isnull=False)
        .filter(review_date__lte=today + timedelta(days=window_days))
        .select_related("organisation")
        .order_by("pk")
    )
    sent = set(OfferReminderSent.objects.filter(offer__in=offers).values_list("offer_id", "review_date", "kind"))
    for offer in offers:
        kind = rules.review_reminder_kind(offer.review_date, today, window_days)
        if kind is None or (offer.pk, offer.review_date, kind) in sent:
            continue
        recipients = sorted(offer_permissions.offer_editors(offer.organisation).values_list("email", flat=True))
        if not recipients:
            run.without_people.append(offer.organisation)
            continue
        try:
            with transaction.atomic():
                OfferReminderSent.objects.create(
                    offer=offer, review_date=offer.review_date, kind=kind, recipients="\n".join(recipients)
                )
                _email(offer, kind, recipients).send()
        except IntegrityError:
            continue  # another run recorded (and sent) it at the same moment
        except OSError as error:
            run.failed.append((offer.organisation, error))
            continue
        run.emails_sent += 1
    return run


def _email(offer, kind, recipients):
    base = settings.SITE_BASE_URL.rstrip("/")
    body = render_to_string(
        "home/email/review_reminder.txt",
        {
            "offer": offer,
            "overdue": kind == "overdue",
            "page_link": base + offer.url,
            "edit_link": base + f"/admin/pages/{offer.pk}/edit/",
            "PARTNERSHIP_NAME": settings.PARTNERSHIP_NAME,
        },
    )
    when = "is overdue" if kind == "overdue" else f"is due by {offer.review_date:%-d %B %Y}"
    return EmailMessage(
        subject=f"Review of {offer.organisation.name}'s Early Help offer {when}", body=body, to=recipients
    )
