"""Load a schools commitments framework from a JSON file as a new version (another partnership's, or a
revision of Leicester's). Stored versions never change; audits keep the version they started from."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from audits.framework_data import FrameworkFileError, create_framework, read_framework_file


class Command(BaseCommand):
    help = "Load a commitments framework from a JSON file (see audits/frameworks/ for the format)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The framework's JSON file.")
        parser.add_argument(
            "--not-current", action="store_true", help="Store it without making new audits start from it."
        )

    def handle(self, *args, file, not_current=False, **options):
        try:
            data = read_framework_file(file)
        except FrameworkFileError as problem:
            raise CommandError(str(problem)) from None
        with transaction.atomic():
            framework = create_framework(data, make_current=not not_current)
        outcomes = sum(len(c["outcomes"]) for c in data["commitments"])
        self.stdout.write(
            f"Loaded {framework}: {len(data['commitments'])} commitments, {outcomes} outcomes"
            f"{'' if not_current else '; new audits start from it'}."
        )
