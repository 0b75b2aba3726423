"""The base of the commands a scheduler runs daily (reminders, chases): `--today` runs one as if on another
day, so an LA can check what a schedule would send, and a bad date is a clear message, never a traceback."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class ScheduledCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--today", help="Run as if today were this date (YYYY-MM-DD); for checking a schedule.")

    def run_date(self, today) -> date:
        try:
            return date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(f"--today must be a date like 2026-03-31, not {today!r}.") from None
