"""manage.py load_principles FILE.json [--current]: load a partnership's principle set as data."""

from django.core.management.base import BaseCommand, CommandError

from caseaudits.loading import FrameworkFileError, load_framework, read_framework_file

OUTCOMES = {
    "created": "loaded as revision {revision}",
    "unchanged": "already loaded as revision {revision}; nothing changed",
    "updated": "revision {revision} had not been used yet and was brought up to date",
    "revised": "loaded as revision {revision}: the earlier revision has been used by audits, which keep it",
}


class Command(BaseCommand):
    help = (
        "Load a set of EHA/case-file audit principles from a JSON file (see caseaudits/frameworks/ for examples). "
        "A set that audits have used is never changed: a changed file becomes a new revision."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the JSON file.")
        parser.add_argument(
            "--current", action="store_true", help="Judge new audits against this set from now on."
        )

    def handle(self, *args, file, current=False, **options):
        try:
            spec = read_framework_file(file)
        except FrameworkFileError as problem:
            raise CommandError(f"{file} was not loaded:\n{problem}") from None
        framework, outcome = load_framework(spec, make_current=current)
        self.stdout.write(
            f"{framework.title} ({framework.principles.count()} principles): "
            + OUTCOMES[outcome].format(revision=framework.revision)
            + "."
        )
        if framework.is_current:
            self.stdout.write("New audits are judged against this set.")
