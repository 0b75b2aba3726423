"""Load a partnership's pledges from a JSON file as a new version (see pledges/framework_files.py)."""

from django.core.management.base import BaseCommand, CommandError

from pledges.framework_files import PledgeFileError, read_pledge_set
from pledges.services import load_pledge_set


class Command(BaseCommand):
    help = "Load pledges from a JSON file as a new version and make it the one partners sign."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON file, e.g. pledges/frameworks/leicester-2016.json.")
        parser.add_argument(
            "--not-current", action="store_true", help="Load it without making it the version partners sign."
        )

    def handle(self, *args, file, not_current=False, **options):
        try:
            data = read_pledge_set(file)
        except PledgeFileError as problem:
            raise CommandError(str(problem)) from None
        pledge_set, created = load_pledge_set(data, make_current=not not_current)
        state = "loaded" if created else "already loaded; nothing changed"
        current = " It is the current version partners sign." if pledge_set.is_current else ""
        self.stdout.write(f"{pledge_set}: {len(data['pledges'])} pledges {state}.{current}")
