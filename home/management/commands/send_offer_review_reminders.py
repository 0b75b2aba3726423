"""Email each organisation's people once a month before their offer's review date, and once when it has
passed. Schedule it daily: it never repeats a reminder (see home.reminders)."""

from home import rules
from home.reminders import send_offer_review_reminders
from portal.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = "Email each organisation's people once before their offer's review date and once when it passes."

    def handle(self, *args, today=None, **options):
        run_date = self.run_date(today)
        run = send_offer_review_reminders(run_date, rules.REVIEW_REMINDER_DAYS)
        self.stdout.write(f"Sent {run.emails_sent} offer review reminder email(s).")
        for organisation in run.without_people:
            self.stdout.write(f"Nobody to remind at {organisation.name}: add an editor to send its reminders.")
        for organisation, error in run.failed:
            self.stderr.write(f"Could not send to {organisation.name} ({error}); it will be tried again next run.")
