"""Write the pledge compliance matrix to an xlsx file: one row per active organisation, one column per pledge."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from xlsxwriter.exceptions import FileCreateError

from pledges import selectors
from pledges.exports import write_matrix
from pledges.models import PledgeSet
from portal.models import Organisation
from portal.xlsx import ReportWorkbook


class Command(BaseCommand):
    help = "Export the pledge compliance matrix (every active organisation x every pledge) to an .xlsx file."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="The .xlsx file to write.")
        parser.add_argument(
            "--pledge-set", type=int, help="The id of the pledge set to report on (default: the current one)."
        )

    def handle(self, *args, out, pledge_set=None, **options):
        chosen = PledgeSet.objects.filter(pk=pledge_set).first() if pledge_set else selectors.current_pledge_set()
        if chosen is None:
            raise CommandError("There is no such pledge set." if pledge_set else "No pledges have been loaded yet.")
        today = timezone.localdate()
        matrix = selectors.compliance_matrix(Organisation.objects.active(), chosen, today, for_export=True)
        try:
            with ReportWorkbook(out, constant_memory=True) as report:
                write_matrix(report, matrix, today)
        except (OSError, FileCreateError) as error:
            raise CommandError(f"Cannot write {out}: {error}.") from None
        self.stdout.write(f"Wrote {matrix.count} organisations x {len(matrix.pledges)} pledges to {out}.")
