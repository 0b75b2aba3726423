"""Load a suggested-provision checklist (another partnership's, or a revision of the current one)."""

from django.core.management.base import BaseCommand, CommandError

from home.checklist_loader import ChecklistFileError, load_checklist, read_checklist


class Command(BaseCommand):
    help = (
        "Load the offer checklist in a JSON file (see home/checklists/leicester-2019.json for the format). "
        "A loaded checklist is never changed: a revision needs a new slug."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The JSON file.")
        parser.add_argument(
            "--make-current", action="store_true", help="Editors see this checklist from now on."
        )

    def handle(self, *args, path, make_current=False, **options):
        try:
            checklist = load_checklist(read_checklist(path), make_current=make_current)
        except ChecklistFileError as problem:
            raise CommandError(str(problem)) from problem
        sections = checklist.sections.all()
        items = sum(section.items.count() for section in sections)
        self.stdout.write(
            f"Loaded “{checklist.name}” ({checklist.slug}): {len(sections)} sections, {items} suggestions"
            + (". It is now the current checklist." if make_current else ". The current checklist is unchanged.")
        )
