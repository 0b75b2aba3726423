"""Email indicator owners about late performance returns. Schedule it daily: it never repeats a chase for
the same return and due date (see performance.services.chase_late_returns)."""

from performance import selectors, services
from portal.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = "Email each late performance return's owner, once per return per due date."

    def handle(self, *args, today=None, **options):
        run_date = self.run_date(today)
        run = services.chase_late_returns(run_date, selectors.outstanding_returns(run_date, late_only=True))
        self.stdout.write(f"Sent {run.emails_sent} chase email(s) covering {run.returns} late return(s).")
        for indicator in run.without_owner:
            self.stdout.write(f"No owner with an email address for {indicator.reference} {indicator.name}.")
        for user, error in run.failed:
            self.stderr.write(f"Could not send to {user.email} ({error}); it will be tried again next run.")
