"""Benchmark: the board's partnership overview at 500 schools and 100,000 case-file audits, beside the
feature pages it summarises (the schools' city view, the quarterly case-file report, the scorecard).

    .venv/bin/python bench/overview_bench.py                       # 500 schools, 100,000 audits
    .venv/bin/python bench/overview_bench.py --schools 100 --audits 10000 --repeat 3
    .venv/bin/python bench/overview_bench.py --database-url postgres://postgres@127.0.0.1:5432/bench_overview

The overview reads each feature's own selector, so its time is roughly the sum of theirs; the queries
column shows it stays a fixed handful whatever the size. With --database-url the database must be empty or
throwaway: the benchmark migrates it and fills it.
"""

import time
from datetime import date

from common import argument_parser, bench_database, median_seconds


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--audits", type=int, default=100_000, help="Case-file audits, over this financial year.")
    parser.add_argument("--repeat", type=int, default=5)
    return parser.parse_args()


def build(schools, audits):
    from django.utils import timezone

    from audits.models import Framework
    from portal.models import Locality, Organisation, User
    from portal.periods import academic_year, financial_year_start
    from testdata.audits import build_city
    from testdata.caseaudits import build_case_audits

    today = timezone.localdate()
    build_city(schools, Framework.objects.get(is_current=True), academic_year(today), today)
    officer = User.objects.create_user(email="bench-officer@example.org", partnership_role="la_officer")
    year_start = date(financial_year_start(today), 4, 1)
    build_case_audits(
        audits,
        localities=list(Locality.objects.all()),
        lead_agencies=list(Organisation.objects.all()[:40]),
        auditor=officer,
        first_day=year_start,
        days=max((today - year_start).days, 1),
    )
    board = User.objects.create_user(email="bench-board@example.org", partnership_role="board_member")
    return today, officer, board


def timed(repeat, call):
    """(median seconds, queries of one call)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        call()
    return median_seconds(repeat, call), len(queries.captured_queries)


def main():
    args = parse_args()
    with bench_database(args.database_url, "overview"):
        from django.db import connection

        started = time.perf_counter()
        today, officer, board = build(args.schools, args.audits)
        print(
            f"Built {args.schools} schools and {args.audits} case-file audits in {time.perf_counter() - started:.1f} s"
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        from audits.selectors import city_view
        from board.overview_views import overview_sections
        from caseaudits.selectors import quarterly_report
        from performance import scorecard as board_scorecard
        from portal.models import Locality
        from portal.periods import academic_year, financial_quarter

        locality = Locality.objects.first()
        indicator_set = board_scorecard.current_set()
        year = board_scorecard.default_year(indicator_set, today)
        runs = [
            ("overview-la-officer", lambda: overview_sections(officer, today)),
            ("overview-board-member", lambda: overview_sections(board, today)),
            ("overview-one-locality", lambda: overview_sections(board, today, locality)),
            ("city-view", lambda: city_view(board, academic_year(today), today)),
            ("case-file-report", lambda: quarterly_report(financial_quarter(today).start_year)),
            ("scorecard", lambda: board_scorecard.scorecard(indicator_set, year, today)),
        ]
        print(f"At {args.schools} schools and {args.audits} case-file audits, the median of {args.repeat} runs:")
        print(f"{'read':<26} {'seconds':>9} {'queries':>8}")
        for name, call in runs:
            seconds, queries = timed(args.repeat, call)
            print(f"{name:<26} {seconds:>9.3f} {queries:>8}")


if __name__ == "__main__":
    main()
