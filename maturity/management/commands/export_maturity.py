"""Write the comparison of maturity rounds to an Excel workbook, for the board pack."""

from django.core.management.base import BaseCommand, CommandError

from maturity import exports, selectors
from maturity.models import Framework, Round


class Command(BaseCommand):
    help = (
        "Export maturity self-assessment rounds side by side (one row per strand) to an .xlsx file. "
        "By default: every round of the current framework (the framework of the most recent round)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="The .xlsx file to write.")
        parser.add_argument("--framework", help="The framework's slug (e.g. stmm); every version is included.")
        parser.add_argument(
            "--round", type=int, action="append", dest="rounds", help="A round id; repeat to choose several."
        )

    def handle(self, *args, out, framework=None, rounds=None, **options):
        if framework is not None and not Framework.objects.filter(slug=framework).exists():
            raise CommandError(f"There is no framework '{framework}'.")
        chosen = selectors.rounds_to_compare(Round.objects.all(), framework, rounds)
        missing = set(rounds or []) - {r.pk for r in chosen}
        if missing:
            raise CommandError(
                f"These rounds are not in the framework exported: {', '.join(map(str, sorted(missing)))}."
            )
        if not chosen:
            raise CommandError("There are no rounds to export.")
        comparison = selectors.compare(chosen)
        exports.comparison_workbook(comparison, out)
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {len(comparison.rounds)} rounds and {len(comparison.rows)} strands to {out}.")
        )
