"""Email organisation leads about pledge reviews coming due and overdue. Schedule it daily: it never repeats
a reminder (see pledges.services.send_pledge_reminders)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pledges import rules
from pledges.services import send_pledge_reminders


class Command(BaseCommand):
    help = "Email each organisation's lead(s) once about each pledge review coming due, and once when it is overdue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=rules.REMINDER_WINDOW_DAYS,
            help=f"How far ahead a review counts as coming due (default {rules.REMINDER_WINDOW_DAYS} days).",
        )
        parser.add_argument("--today", help="Run as if today were this date (YYYY-MM-DD); for checking a schedule.")

    def handle(self, *args, days, today=None, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        try:
            run_date = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(f"--today must be a date like 2026-03-31, not {today!r}.") from None
        run = send_pledge_reminders(run_date, window_days=days)
        self.stdout.write(f"Sent {run.emails_sent} reminder email(s) covering {run.reviews} review(s).")
        for organisation in run.without_lead:
            self.stdout.write(f"No lead account to remind at {organisation.name}: add one to send its reminders.")
        for organisation, error in run.failed:
            self.stderr.write(f"Could not send to {organisation.name} ({error}); it will be tried again next run.")
