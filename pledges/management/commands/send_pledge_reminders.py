"""Email organisation leads about pledge reviews coming due and overdue. Schedule it daily: it never repeats
a reminder (see pledges.services.send_pledge_reminders)."""

from django.core.management.base import CommandError

from pledges import rules
from pledges.services import send_pledge_reminders
from portal.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = "Email each organisation's lead(s) once about each pledge review coming due, and once when it is overdue."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--days",
            type=int,
            default=rules.REMINDER_WINDOW_DAYS,
            help=f"How far ahead a review counts as coming due (default {rules.REMINDER_WINDOW_DAYS} days).",
        )

    def handle(self, *args, days, today=None, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        run_date = self.run_date(today)
        run = send_pledge_reminders(run_date, window_days=days)
        self.stdout.write(f"Sent {run.emails_sent} reminder email(s) covering {run.reviews} review(s).")
        for organisation in run.without_lead:
            self.stdout.write(f"No lead account to remind at {organisation.name}: add one to send its reminders.")
        for organisation, error in run.failed:
            self.stderr.write(f"Could not send to {organisation.name} ({error}); it will be tried again next run.")
