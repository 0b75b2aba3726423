"""Benchmark: building and issuing a board pack at 500 schools and 100,000 case-file audits, beside the feature
pages it summarises (the commitments city view and the quarterly case-file report).

    .venv/bin/python bench/board_pack_bench.py                        # 500 schools, 100,000 audits
    .venv/bin/python bench/board_pack_bench.py --schools 100 --audits 10000

The pack has every section a business meeting's pack has: the overview, scorecard exceptions, the quarterly
case-file report, the commitments summary, the actions from the last meeting and a paper. "build" is the
live preview (every section's blocks), "issue" the freeze (build and store), "xlsx" and "print" the two
documents read from the frozen snapshot.
"""

import random
import time
from datetime import timedelta

from common import argument_parser, bench_database


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--audits", type=int, default=100000)
    return parser.parse_args()


def add_case_audits(count, today, batch=5000):
    """`count` audits with a finding per principle, over this financial year and the last."""
    from caseaudits.models import CaseAudit, Framework, PrincipleFinding
    from caseaudits.rules import report_quarter
    from portal.models import Locality, Organisation, User

    rng = random.Random(15)
    framework = Framework.objects.get(is_current=True)
    principles = list(framework.principles.all())
    localities = list(Locality.objects.all())
    agencies = [
        Organisation.objects.get_or_create(
            name=f"Pack agency {n}", defaults={"kind": "agency", "slug": f"pack-agency-{n}"}
        )[0]
        for n in range(10)
    ]
    officer = User.objects.get_or_create(email="pack-bench@example.org", defaults={"partnership_role": "la_officer"})[0]
    for offset in range(0, count, batch):
        audits = []
        for n in range(offset, min(offset + batch, count)):
            day = today - timedelta(days=rng.randrange(700))
            period = report_quarter(day)
            audits.append(
                CaseAudit(
                    framework=framework,
                    case_reference=f"PACK-{n:07d}",
                    lead_agency=agencies[n % len(agencies)],
                    locality=localities[n % len(localities)],
                    eha_start_date=day - timedelta(days=90),
                    audit_date=day,
                    financial_year=period.start_year,
                    quarter=period.quarter,
                    auditor=officer,
                    overall_judgement=rng.choice(["outstanding", "good", "requires_improvement", "inadequate"]),
                )
            )
        CaseAudit.objects.bulk_create(audits)
        PrincipleFinding.objects.bulk_create(
            (
                PrincipleFinding(audit=a, principle=p, finding=rng.choice(["met", "partly_met", "not_met"]))
                for a in audits
                for p in principles
            ),
            batch_size=5000,
        )
    return officer


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def main():
    args = parse_args()
    with bench_database(args.database_url, "board-pack") as folder:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone

        from audits.models import Framework
        from audits.selectors import city_view
        from board import selectors, services
        from board.meeting_views import render_pack
        from board.models import Meeting
        from board.pack_xlsx import write_pack
        from caseaudits.selectors import quarterly_report
        from portal.periods import academic_year, financial_quarter
        from testdata.audits import build_city

        today = timezone.localdate()
        started = time.perf_counter()
        build_city(args.schools, Framework.objects.get(is_current=True), academic_year(today), today)
        officer = add_case_audits(args.audits, today)
        print(
            f"Built {args.schools} schools and {args.audits} case-file audits in {time.perf_counter() - started:.1f} s"
        )

        last = Meeting.objects.create(title="Last board", date=today - timedelta(days=90), kind="business")
        for n in range(20):
            last.follow_ups.create(text=f"Action {n}", owner="Owner", due_date=today + timedelta(days=n))
        meeting = Meeting.objects.create(title="Bench board", date=today + timedelta(days=10), kind="business")
        for kind in ("last_actions", "overview", "scorecard_exceptions", "caseaudits_report", "commitments_summary"):
            services.add_section(meeting, kind)
        services.add_section(meeting, "paper", title="Paper", text="Text.\n\n" * 20)

        _, city_seconds = timed(lambda: city_view(None, academic_year(today), today))
        _, report_seconds = timed(lambda: quarterly_report(financial_quarter(today).start_year))
        with CaptureQueriesContext(connection) as queries:
            _, build_seconds = timed(lambda: selectors.build_pack(meeting, today))
        _, issue_seconds = timed(lambda: services.issue_pack(meeting, officer))
        sections = selectors.pack_sections(meeting, today)
        path = folder / "pack.xlsx"
        _, xlsx_seconds = timed(lambda: write_pack(meeting, sections, target=str(path)))
        html, print_seconds = timed(lambda: render_pack(meeting))
        print(f"{'what':<32} {'seconds':>8}")
        print(f"{'city view (page selector)':<32} {city_seconds:>8.2f}")
        print(f"{'quarterly report (selector)':<32} {report_seconds:>8.2f}")
        print(f"{'pack build (live preview)':<32} {build_seconds:>8.2f}")
        print(f"{'pack issue (build and freeze)':<32} {issue_seconds:>8.2f}")
        print(f"{'pack xlsx (from the snapshot)':<32} {xlsx_seconds:>8.2f}")
        print(f"{'pack print (from the snapshot)':<32} {print_seconds:>8.2f}")
        print(
            f"Pack build: {len(queries.captured_queries)} queries; {len(sections)} sections; "
            f"xlsx {path.stat().st_size // 1024} KB; print {len(html) // 1024} KB"
        )


if __name__ == "__main__":
    main()
