"""Write the city-wide commitments matrix (all schools x the commitments) to an xlsx file, for board packs."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from audits.exports import city_matrix_workbook
from audits.rules import parse_academic_year
from audits.selectors import city_view
from portal.periods import academic_year


class Command(BaseCommand):
    help = "Export the schools Early Help commitments matrix for an academic year (default: the current one)."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="Where to write the .xlsx file.")
        parser.add_argument("--year", help="Academic year such as 2025/26 (default: the current academic year).")

    def handle(self, *args, out, year=None, **options):
        today = timezone.localdate()
        if year is None:
            year = academic_year(today)
        elif parse_academic_year(year) is None:
            raise CommandError(f"{year!r} is not an academic year like 2025/26.")
        view = city_view(None, year, today)  # the local authority's whole picture
        city_matrix_workbook(view, out)
        self.stdout.write(
            f"Wrote {len(view.rows)} schools for {year} to {out} "
            f"({view.engaged} audits started, {view.submitted} submitted)."
        )
