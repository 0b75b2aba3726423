"""Email each organisation's people once a month before their offer's review date, and once when it has
passed. Schedule it daily: it never repeats a reminder (see home.reminders)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from home import rules
from home.reminders import send_offer_review_reminders


class Command(BaseCommand):
    help = "Email each organisation's people once before their offer's review date and once when it passes."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Run as if today were this date (YYYY-MM-DD); for checking a schedule.")

    def handle(self, *args, today=None, **options):
        try:
            run_date = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(f"--today must be a date like 2026-03-31, not {today!r}.") from None
        run = send_offer_review_reminders(run_date, rules.REVIEW_REMINDER_DAYS)
        self.stdout.write(f"Sent {run.emails_sent} offer review reminder email(s).")
        for organisation in run.without_people:
            self.stdout.write(f"Nobody to remind at {organisation.name}: add an editor to send its reminders.")
        for organisation, error in run.failed:
            self.stderr.write(f"Could not send to {organisation.name} ({error}); it will be tried again next run.")
