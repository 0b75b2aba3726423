"""Load a maturity framework (or a new version of one) from a JSON file."""

from django.core.management.base import BaseCommand, CommandError

from maturity.framework_loader import FrameworkFileError, load_framework, read_framework_file


class Command(BaseCommand):
    help = (
        "Load a maturity framework from a JSON file (see maturity/frameworks/ for examples). "
        "A version already used by a round is never changed: leave 'version' out to add a revision."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the framework's JSON file.")

    def handle(self, *args, file, **options):
        try:
            result = load_framework(read_framework_file(file))
        except FileNotFoundError as missing:
            raise CommandError(f"There is no file at {file}.") from missing
        except FrameworkFileError as problem:
            raise CommandError("The framework was not loaded:\n- " + "\n- ".join(problem.problems)) from problem
        self.stdout.write(self.style.SUCCESS(str(result)))
