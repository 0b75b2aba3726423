"""Restore a backup zip made by backup_portal into a freshly migrated database."""

from django.core.management.base import BaseCommand, CommandError

from portal.backup import RestoreRefused, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by backup_portal. Run `migrate` on the empty database first."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The zip written by backup_portal")
        parser.add_argument("--force", action="store_true", help="Restore even though the database holds data")

    def handle(self, *args, backup, force=False, **options):
        try:
            counts = restore_backup(backup, force=force)
        except RestoreRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(f"Restored {sum(counts.values())} records of {len(counts)} kinds from {backup}.")
