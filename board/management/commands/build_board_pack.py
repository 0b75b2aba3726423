"""Write a meeting's board pack to a file: the workbook for a .xlsx name, the print document for .html."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from board.meeting_views import render_pack
from board.models import Meeting
from board.pack_xlsx import write_pack
from board.selectors import pack_sections


class Command(BaseCommand):
    help = "Write a board meeting's pack: --out pack.xlsx (the workbook) or --out pack.html (the print document)."

    def add_arguments(self, parser):
        parser.add_argument("--meeting", type=int, required=True, help="The meeting's id.")
        parser.add_argument("--out", required=True, help="The file to write: .xlsx or .html.")

    def handle(self, *args, meeting, out, **options):
        path = Path(out)
        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".html"):
            raise CommandError(f"Cannot write a pack as {suffix or 'a file with no extension'}: use .xlsx or .html.")
        found = Meeting.objects.filter(pk=meeting).first()
        if found is None:
            raise CommandError(f"There is no meeting with id {meeting}.")
        if suffix == ".xlsx":
            write_pack(found, pack_sections(found, timezone.localdate()), target=str(path))
        else:
            path.write_text(render_pack(found), encoding="utf-8")
        state = "issued" if found.is_issued else "draft (not issued)"
        self.stdout.write(f"Wrote the {state} pack for {found} to {path}")
