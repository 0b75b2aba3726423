"""Offer review reminders: a month before the review date and once it has passed, one email per offer per
date however often the daily command runs; links to the address the portal is served on."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from home import rules
from home.models import OfferReminderSent
from testdata.offers import make_offer

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(
    "days_to_review, kind",
    [(31, None), (30, "due_soon"), (1, "due_soon"), (0, "due_soon"), (-1, "overdue"), (-400, "overdue")],
)
def test_the_reminder_rule(days_to_review, kind):
    assert rules.review_reminder_kind(TODAY + timedelta(days=days_to_review), TODAY) == kind
    assert rules.review_reminder_kind(None, TODAY) is None


@pytest.fixture
def due_offer(school, school_editor, offer_index):
    return make_offer(school, review_date=TODAY + timedelta(days=20))


def test_a_month_before_and_once_passed_one_email_each_however_often_it_runs(due_offer, school_editor, settings):
    settings.SITE_BASE_URL = "https://earlyhelp.example.org"
    for _ in range(3):
        call_command("send_offer_review_reminders", today=TODAY.isoformat())
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert school_editor.email in email.to
    assert "is due by 21 June 2026" in email.subject
    assert f"https://earlyhelp.example.org/admin/pages/{due_offer.pk}/edit/" in email.body
    assert "https://earlyhelp.example.org/offers/" in email.body
    later = (TODAY + timedelta(days=10)).isoformat()
    call_command("send_offer_review_reminders", today=later)
    assert len(mail.outbox) == 1  # still the same due-soon reminder
    passed = (TODAY + timedelta(days=21)).isoformat()
    for _ in range(2):
        call_command("send_offer_review_reminders", today=passed)
    assert len(mail.outbox) == 2 and "is overdue" in mail.outbox[1].subject
    kinds = set(OfferReminderSent.objects.values_list("kind", "review_date"))
    assert kinds == {("due_soon", due_offer.review_date), ("overdue", due_offer.review_date)}


def test_a_new_review_date_gets_its_own_reminders(due_offer, school_editor):
    call_command("send_offer_review_reminders", today=TODAY.isoformat())
    due_offer.review_date = TODAY + timedelta(days=300)
    due_offer.save_revision().publish()
    call_command("send_offer_review_reminders", today=(TODAY + timedelta(days=280)).isoformat())
    assert len(mail.outbox) == 2


def test_a_failed_send_is_tried_again_next_run(due_offer, school_editor, monkeypatch):
    from django.core.mail import EmailMessage

    def broken(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMessage, "send", broken)
    call_command("send_offer_review_reminders", today=TODAY.isoformat())
    assert not OfferReminderSent.objects.exists()
    monkeypatch.undo()
    call_command("send_offer_review_reminders", today=TODAY.isoformat())
    assert len(mail.outbox) == 1


def test_drafts_and_far_reviews_get_nothing(school, school_editor, agency, agency_editor, offer_index):
    make_offer(school, state="draft", review_date=TODAY)
    make_offer(agency, review_date=TODAY + timedelta(days=90))
    call_command("send_offer_review_reminders", today=TODAY.isoformat())
    assert mail.outbox == []


def test_a_bad_date_is_a_clear_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--today must be a date"):
        call_command("send_offer_review_reminders", today="tomorrow")


def test_development_links_follow_the_port(monkeypatch):
    import importlib

    import environ

    monkeypatch.setenv("PORT", "8123")
    monkeypatch.delenv("SITE_BASE_URL", raising=False)
    env = environ.Env()
    assert env("SITE_BASE_URL", default=f"http://127.0.0.1:{env('PORT', default='8000')}") == "http://127.0.0.1:8123"
    base = importlib.import_module("portal.settings.base")
    source = open(base.__file__).read()
    assert "default=f\"http://127.0.0.1:{env('PORT', default='8000')}\"" in source


def test_sync_site_keeps_wagtails_site_record_in_step(db, settings):
    from wagtail.models import Site

    settings.SITE_BASE_URL = "https://earlyhelp.example.org"
    call_command("sync_site")
    call_command("sync_site")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("earlyhelp.example.org", 443)
    settings.SITE_BASE_URL = "http://127.0.0.1:8123"
    call_command("sync_site")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
