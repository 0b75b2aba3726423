"""Email indicator owners about late performance returns. Schedule it daily: it never repeats a chase for
the same return and due date (see performance.services.chase_late_returns)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from performance import selectors, services


class Command(BaseCommand):
    help = "Email each late performance return's owner, once per return per due date."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Run as if today were this date (YYYY-MM-DD); for checking a schedule.")

    def handle(self, *args, today=None, **options):
        try:
            run_date = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(f"--today must be a date like 2026-07-16, not {today!r}.") from None
        run = services.chase_late_returns(run_date, selectors.outstanding_returns(run_date, late_only=True))
        self.stdout.write(f"Sent {run.emails_sent} chase email(s) covering {run.returns} late return(s).")
        for indicator in run.without_owner:
            self.stdout.write(f"No owner with an email address for {indicator.reference} {indicator.name}.")
        for user, error in run.failed:
            self.stderr.write(f"Could not send to {user.email} ({error}); it will be tried again next run.")
