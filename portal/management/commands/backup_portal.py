"""Back up every table and uploaded file into one zip (see portal/backup.py)."""

from django.core.management.base import BaseCommand

from portal.backup import create_backup


class Command(BaseCommand):
    help = "Write a backup zip of the whole portal: all data and all uploaded files."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="The zip file to write, e.g. backups/portal-2026-11-22.zip")

    def handle(self, *args, out, **options):
        counts = create_backup(out)
        self.stdout.write(f"Backed up {sum(counts.values())} records of {len(counts)} kinds to {out}.")
