"""Build the demo partnership. Safe to run again: it updates rather than duplicates."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.models import Organisation
from portal.seeding import demo_seeders


class Command(BaseCommand):
    help = "Load believable demo data (localities, organisations, demo accounts and each feature's records)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never on a live partnership's database)."
        )
        parser.add_argument(
            "--if-new", action="store_true", help="Do nothing if the database already has organisations (make run)."
        )

    def handle(self, *args, force=False, if_new=False, **options):
        if if_new and Organisation.objects.exists():
            self.stdout.write("The database already has data; demo data not loaded again.")
            return
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo data with DEBUG off: this looks like a live site. Use --force if you are sure."
            )
        with transaction.atomic():
            # Each app's demo.py registers its seeder with the order it needs (see portal.seeding).
            for seed in demo_seeders():
                seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
