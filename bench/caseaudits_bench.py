"""Benchmark: the quarterly EHA principles report against the bare SQL aggregate of its figures, and its xlsx export.

    .venv/bin/python bench/caseaudits_bench.py                    # 10k and 100k, throwaway SQLite
    .venv/bin/python bench/caseaudits_bench.py --sizes 10000,250000
    .venv/bin/python bench/caseaudits_bench.py --database-url postgres://postgres@127.0.0.1:5432/bench_caseaudits

The audits (seven findings each, one in ten moderated) are spread over two financial years, so the report
also has a year of trend before it. The database is built in steps: the figures for 100,000 come from
adding 90,000 to the first 10,000. With --database-url the database must be empty or throwaway: the
benchmark migrates it and fills it.

The product is `caseaudits.selectors.quarterly_report` for 2018-19 (outside any `one_read()`, so computed
afresh each time). The floor is the bare SQL aggregate of the same figures: three GROUP BY queries on a raw
cursor (findings by quarter, principle, lead agency and locality; audits by quarter, final judgement, lead
agency and locality; moderations by quarter) and the principles' and names' lookups, summed into the
report's figures with plain dictionaries. The two sets of figures are compared before anything is timed.
Medians of --repeat.
"""

import random
import time
from datetime import date, timedelta

from common import against_target, argument_parser, bench_database, median_seconds


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--sizes", default="10000,100000", help="Comma-separated audit counts, ascending.")
    parser.add_argument("--repeat", type=int, default=5, help="Runs of the report and its floor (default 5).")
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


TREND = "action-plan"


def figures(report):
    """The report's figures as plain tuples, to compare with the floor's."""

    def pair(share):
        return share.met, share.total

    def breakdown(rows):
        return [(r.name, r.audits, r.good_or_better.met, [pair(s) for s in r.principles]) for r in rows]

    return {
        "audits": list(report.audits),
        "principles": {row.code: [pair(s) for s in row.quarters] for row in report.principles},
        "all_principles": [pair(s) for s in report.all_principles],
        "good_or_better": [pair(s) for s in report.good_or_better],
        "judgements": [counts for _label, counts, _year in report.judgements],
        "moderation": [pair(s) for s in report.moderation],
        "by_agency": breakdown(report.by_agency),
        "by_locality": breakdown(report.by_locality),
        "trend": [[pair(s) for s in series.shares] for series in report.trend],
    }


def bare_aggregate(start_year):
    """The report's figures from bare GROUP BY queries on a raw cursor: the floor."""
    from django.db import connection

    years = (start_year - 1, start_year)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.id, p.code, p.number, p.framework_id FROM caseaudits_principle p"
            " JOIN caseaudits_framework f ON f.id = p.framework_id"
            " WHERE f.slug = (SELECT slug FROM caseaudits_framework WHERE is_current ORDER BY version DESC LIMIT 1)"
        )
        principles = cursor.fetchall()
        code_of = {pk: code for pk, code, _number, _framework in principles}
        codes = [code for _pk, code, _number, _f in sorted(principles, key=lambda p: p[2])]
        codes = list(dict.fromkeys(codes))
        frameworks = sorted({framework for *_rest, framework in principles})
        marks = ", ".join(["%s"] * len(code_of))
        fw_marks = ", ".join(["%s"] * len(frameworks))
        cursor.execute(
            "SELECT a.financial_year, a.quarter, f.principle_id, a.lead_agency_id, a.locality_id,"
            " SUM(CASE WHEN f.finding = 'met' THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN f.finding IN ('met', 'partly_met', 'not_met') THEN 1 ELSE 0 END)"
            " FROM caseaudits_principlefinding f JOIN caseaudits_caseaudit a ON a.id = f.audit_id"
            f" WHERE f.principle_id IN ({marks}) AND a.financial_year IN (%s, %s)"
            " GROUP BY a.financial_year, a.quarter, f.principle_id, a.lead_agency_id, a.locality_id",
            [*code_of, *years],
        )
        findings = cursor.fetchall()
        cursor.execute(
            "SELECT a.financial_year, a.quarter, COALESCE(m.judgement, a.overall_judgement), a.lead_agency_id,"
            " a.locality_id, COUNT(*) FROM caseaudits_caseaudit a"
            " LEFT JOIN caseaudits_moderation m ON m.audit_id = a.id"
            f" WHERE a.framework_id IN ({fw_marks}) AND a.financial_year IN (%s, %s)"
            " GROUP BY a.financial_year, a.quarter, COALESCE(m.judgement, a.overall_judgement), a.lead_agency_id,"
            " a.locality_id",
            [*frameworks, *years],
        )
        audits = cursor.fetchall()
        cursor.execute(
            "SELECT a.quarter, COUNT(*), SUM(CASE WHEN m.agrees THEN 1 ELSE 0 END) FROM caseaudits_moderation m"
            f" JOIN caseaudits_caseaudit a ON a.id = m.audit_id WHERE a.framework_id IN ({fw_marks})"
            " AND a.financial_year = %s GROUP BY a.quarter",
            [*frameworks, start_year],
        )
        moderation = {quarter: (agreed, moderated) for quarter, moderated, agreed in cursor.fetchall()}
        cursor.execute("SELECT id, name FROM portal_organisation")
        agency_names = dict(cursor.fetchall())
        cursor.execute("SELECT id, name FROM portal_locality")
        locality_names = dict(cursor.fetchall())

    def add(table, key, met, total):
        old = table.get(key, (0, 0))
        table[key] = (old[0] + met, old[1] + total)

    quarters = [(start_year, q) for q in (1, 2, 3, 4)]
    all_quarters = [(start_year - 1, q) for q in (1, 2, 3, 4)] + quarters
    by_quarter, by_agency, by_locality = {}, {}, {}
    for year, quarter, principle, agency, locality, met, total in findings:
        code = code_of[principle]
        add(by_quarter, (code, (year, quarter)), met, total)
        add(by_quarter, ("*", (year, quarter)), met, total)
        if year == start_year:
            add(by_agency, (agency, code), met, total)
            add(by_locality, (locality, code), met, total)
    good = {"outstanding", "good"}
    counted, judged, agencies, localities = {}, {}, {}, {}
    for year, quarter, final, agency, locality, n in audits:
        add(counted, (year, quarter), n if final in good else 0, n)
        judged[(year, quarter), final] = judged.get(((year, quarter), final), 0) + n
        if year == start_year:
            add(agencies, agency, n if final in good else 0, n)
            add(localities, locality, n if final in good else 0, n)

    def breakdown(totals, shares, names):
        rows = [
            (names.get(pk, ""), total, met, [shares.get((pk, code), (0, 0)) for code in codes])
            for pk, (met, total) in totals.items()
        ]
        return sorted(rows, key=lambda row: row[0])

    filled = [i for i, q in enumerate(all_quarters) if counted.get(q, (0, 0))[1]]
    trend_quarters = all_quarters[filled[0] : filled[-1] + 1] if filled else []
    trend = [
        [by_quarter.get(("*", q), (0, 0)) for q in trend_quarters],
        [counted.get(q, (0, 0)) for q in trend_quarters],
    ]
    if TREND in codes:
        trend.append([by_quarter.get((TREND, q), (0, 0)) for q in trend_quarters])
    return {
        "audits": [counted.get(q, (0, 0))[1] for q in quarters],
        "principles": {code: [by_quarter.get((code, q), (0, 0)) for q in quarters] for code in codes},
        "all_principles": [by_quarter.get(("*", q), (0, 0)) for q in quarters],
        "good_or_better": [counted.get(q, (0, 0)) for q in quarters],
        "judgements": [
            [judged.get((q, value), 0) for q in quarters]
            for value in ("outstanding", "good", "requires_improvement", "inadequate")
        ],
        "moderation": [moderation.get(q, (0, 0)) for _y, q in quarters],
        "by_agency": breakdown(agencies, by_agency, agency_names),
        "by_locality": breakdown(localities, by_locality, locality_names),
        "trend": trend,
    }


def measure(size, out_dir, repeat):
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    from caseaudits.selectors import quarterly_report

    report = quarterly_report(2018, trend_principle=TREND)
    expected = bare_aggregate(2018)
    assert figures(report) == expected, "the report's figures differ from the bare aggregate's"
    queries = []  # counted by a wrapper, as in bench/exports_bench.py

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        quarterly_report(2018, trend_principle=TREND)
    product = median_seconds(repeat, lambda: quarterly_report(2018, trend_principle=TREND))
    floor = median_seconds(repeat, lambda: bare_aggregate(2018))
    path = out_dir / f"report-{size}.xlsx"
    started = time.perf_counter()
    call_command("export_case_audits", "--out", str(path), "--year", "2018-19", stdout=StringIO())
    export_seconds = time.perf_counter() - started
    return report, len(queries), product, floor, export_seconds, path.stat().st_size


def main():
    args = parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    with bench_database(args.database_url, "caseaudits") as tmp:
        from django.db import connection

        localities, agencies, officers = reference_data()
        rng = random.Random(2018)
        print(f"\nThe quarterly report against the bare SQL aggregate of its figures (medians of {args.repeat})")
        print(
            f"{'audits':>8} {'insert s':>9} {'report s':>9} {'floor s':>8} {'ratio':>6} {'queries':>8} "
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
            report, queries, product, floor, export_seconds, xlsx_bytes = measure(size, tmp, args.repeat)
            print(
                f"{size:>8} {insert_seconds:>9.1f} {product:>9.2f} {floor:>8.2f} {product / floor:>6.1f} {queries:>8}"
                f" {export_seconds:>9.2f} {xlsx_bytes // 1024:>8}  {report.audits_in_year}"
            )
        print()
        against_target(
            f"case-file quarterly report at {size:,} audits vs the bare aggregate",
            product / floor,
            2,
            size=size,
            at=100000,
        )


if __name__ == "__main__":
    main()
