"""Write the board's performance scorecard to an xlsx file, for scheduled board packs."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from performance import scorecard as board
from performance.scorecard_export import scorecard_workbook
from portal.periods import financial_year_label, parse_financial_year


class Command(BaseCommand):
    help = "Export the board's performance scorecard (every submitted return) for a financial year."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="Where to write the .xlsx file.")
        parser.add_argument("--year", help="Financial year such as 2026-27 (default: the year of the latest figures).")
        parser.add_argument("--set", dest="set_slug", help="The indicator set's slug (default: the current set).")

    def handle(self, *args, out, year=None, set_slug=None, **options):
        today = timezone.localdate()
        indicator_set = board.set_for(set_slug)
        if indicator_set is None:
            raise CommandError(f"There is no indicator set {set_slug!r}." if set_slug else "There is no current set.")
        if year is None:
            year = board.default_year(indicator_set, today)
        else:
            try:
                year = financial_year_label(parse_financial_year(year))
            except ValueError as error:
                raise CommandError(f"{year!r} is not a financial year like 2026-27.") from error
        card = board.scorecard(indicator_set, year, today)  # the board's view: every submitted return
        scorecard_workbook(card, out)
        self.stdout.write(
            f"Wrote {len(card.rows)} indicators of {indicator_set.title} for {year} to {out} "
            f"({len(card.exceptions)} exceptions)."
        )
