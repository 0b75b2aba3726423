"""manage.py export_case_audits --out FILE [--year 2018-19] [--framework SLUG]: the board's quarterly report."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from caseaudits.exports import write_quarterly_report
from caseaudits.models import Framework
from caseaudits.selectors import quarterly_report
from portal.periods import financial_quarter, parse_financial_year
from portal.xlsx import ReportWorkbook


class Command(BaseCommand):
    help = (
        "Write the quarterly EHA principles report for one financial year to an xlsx file: one row per principle "
        "with a column per quarter, plus judgements, moderation and breakdowns by lead agency and locality."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="The .xlsx file to write.")
        parser.add_argument("--year", help="Financial year such as 2018-19 (default: the current financial year).")
        parser.add_argument("--framework", help="Slug of the principle set (default: the current set).")

    def handle(self, *args, out, year=None, framework=None, **options):
        if year:
            try:
                start_year = parse_financial_year(year)
            except ValueError as problem:
                raise CommandError(str(problem)) from None
        else:
            start_year = financial_quarter(timezone.localdate()).start_year
        if framework and not Framework.objects.filter(slug=framework).exists():
            raise CommandError(f"There is no principle set with the slug '{framework}'.")
        report = quarterly_report(start_year, framework)
        with ReportWorkbook(out, constant_memory=True) as workbook:
            write_quarterly_report(report, workbook)
        self.stdout.write(
            f"Wrote the {report.year_label} report ({report.audits_in_year} audits, {report.framework_title}) to {out}."
        )
