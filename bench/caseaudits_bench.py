"""Benchmark: the quarterly EHA principles report and its xlsx export at 10,000 and 100,000 audits.

    .venv/bin/python bench/caseaudits_bench.py                    # 10k and 100k, throwaway SQLite
    .venv/bin/python bench/caseaudits_bench.py --sizes 10000,250000
    .venv/bin/python bench/caseaudits_bench.py --database-url postgres://postgres@127.0.0.1:5432/bench_caseaudits

The audits (seven findings each, one in ten moderated) are spread over two financial years, so the report
also has a year of trend before it. The database is built in steps: the figures for 100,000 come from
adding 90,000 to the first 10,000. With --database-url the database must be empty or throwaway: the
benchmark migrates it and fills it.
"""

import random
import time
from datetime import date, timedelta

from common import argument_parser, bench_database


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--sizes", default="10000,100000", help="Comma-separated audit counts, ascending.")
    return parser.parse_args()


def reference_data():
    from portal.models import Locality, Organisation, User

    localities = [Locality.objects.get_or_create(name=f"Locality {n}", slug=f"locality-{n}")[0] for n in range(1, 7)]
    agencies = [
        Organisation.objects.get_or_create(
            name=f"Bench agency {n}", defaults={"kind": "agency", "slug": f"bench-agency-{n}"}
        )[0]
        for n in range(1, 41)
    ]
    officers = [
        User.objects.get_or_create(email=f"bench{n}@example.org", defaults={"partnership_role": "la_officer"})[0]
        for n in (1, 2)
    ]
    return localities, agencies, officers


def add_audits(start, count, localities, agencies, officers, rng, batch=5000):
    """Insert audits start..start+count-1 with their findings and some moderations, in batches."""
    from caseaudits.models import CaseAudit, Framework, Moderation, PrincipleFinding
    from caseaudits.rules import report_quarter

    framework = Framework.objects.get(is_current=True)
    principles = list(framework.principles.all())
    findings = ["met"] * 7 + ["partly_met"] * 2 + ["not_met", "not_applicable"]
    judgements = ["outstanding", "good", "good", "requires_improvement", "inadequate"]
    first_day = date(2017, 4, 1)
    for offset in range(start, start + count, batch):
        audits = []
        for n in range(offset, min(offset + batch, start + count)):
            audit_date = first_day + timedelta(days=rng.randrange(730))
            period = report_quarter(audit_date)
            audits.append(
                CaseAudit(
                    framework=framework,
                    case_reference=f"EHA-{n + 1:07d}",
                    lead_agency=agencies[n % len(agencies)],
                    locality=localities[n % len(localities)],
                    eha_start_date=audit_date - timedelta(days=90),
                    audit_date=audit_date,
                    financial_year=period.start_year,
                    quarter=period.quarter,
                    auditor=officers[n % 2],
                    overall_judgement=rng.choice(judgements),
                )
            )
        CaseAudit.objects.bulk_create(audits)  # sets the primary keys on SQLite and PostgreSQL alike
        PrincipleFinding.objects.bulk_create(
            (PrincipleFinding(audit=a, principle=p, finding=rng.choice(findings)) for a in audits for p in principles),
            batch_size=5000,
        )
        Moderation.objects.bulk_create(
            Moderation(
                audit=a,
                moderator=officers[1 - officers.index(a.auditor)],
                agrees=(agrees := rng.random() < 0.8),
                judgement=a.overall_judgement if agrees else "inadequate",
                reason="" if agrees else "Bench.",
            )
            for a in audits
            if rng.random() < 0.1
        )


def measure(size, out_dir):
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from caseaudits.selectors import quarterly_report

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        report = quarterly_report(2018, trend_principle="action-plan")
    report_seconds = time.perf_counter() - started
    path = out_dir / f"report-{size}.xlsx"
    started = time.perf_counter()
    call_command("export_case_audits", "--out", str(path), "--year", "2018-19", stdout=StringIO())
    export_seconds = time.perf_counter() - started
    return report, len(queries.captured_queries), report_seconds, export_seconds, path.stat().st_size


def main():
    args = parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    with bench_database(args.database_url, "caseaudits") as tmp:
        from django.db import connection

        localities, agencies, officers = reference_data()
        rng = random.Random(2018)
        print(
            f"{'audits':>8} {'insert s':>9} {'report s':>9} {'queries':>8} "
            f"{'export s':>9} {'xlsx KB':>8}  2018-19 audits"
        )
        done = 0
        for size in sizes:
            started = time.perf_counter()
            add_audits(done, size - done, localities, agencies, officers, rng)
            insert_seconds = time.perf_counter() - started
            done = size
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            report, queries, report_seconds, export_seconds, xlsx_bytes = measure(size, tmp)
            print(
                f"{size:>8} {insert_seconds:>9.1f} {report_seconds:>9.2f} {queries:>8} {export_seconds:>9.2f}"
                f" {xlsx_bytes // 1024:>8}  {report.audits_in_year}"
            )


if __name__ == "__main__":
    main()
