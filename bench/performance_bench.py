"""Benchmark: the board's performance scorecard, its xlsx export and an indicator's page at 100 indicators
x 5 years of monthly returns (6,000 returns), beside a near-empty scorecard through the same stack.

    .venv/bin/python bench/performance_bench.py                          # 100 x 5 years, throwaway SQLite
    .venv/bin/python bench/performance_bench.py --indicators 20 --years 2 --repeat 3
    .venv/bin/python bench/performance_bench.py --database-url postgres://postgres@127.0.0.1:5432/bench_performance

Each figure is the whole request a board member makes through the test client (routing, middleware,
permissions, the scorecard's reads, the template or the workbook). The floor is the same scorecard page
for a set of one indicator with no returns: what the page costs before there is anything to show.
Medians of --repeat; queries counted on one extra request.
"""

import time

from common import argument_parser, bench_database, median_seconds


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--indicators", type=int, default=100, help="Indicators in the set (default 100).")
    parser.add_argument("--years", type=int, default=5, help="Financial years of monthly returns (default 5).")
    parser.add_argument("--repeat", type=int, default=5, help="Requests of each, the median is printed (default 5).")
    return parser.parse_args()


def main():
    args = parse_args()
    with bench_database(args.database_url, "performance"):
        from django.db import connection
        from django.test import Client
        from django.utils import timezone

        from performance import periods
        from performance.models import Indicator, IndicatorSet, Return
        from portal.models import Organisation, User
        from testdata.scorecards import build_scorecard

        today = timezone.localdate()
        owner = User.objects.create_user(email="owner@bench.example", password="x")
        organisation = Organisation.objects.create(name="Bench Public Health", kind="agency", slug="bench-ph")
        started = time.perf_counter()
        last_year = int(periods.year_of(periods.last_ended(periods.MONTHLY, today).start)[:4])
        book = build_scorecard(
            args.indicators, args.years, first_year=last_year - args.years + 1, user=owner, organisation=organisation
        )
        empty = IndicatorSet.objects.create(slug="near-empty", title="Near-empty", partnership="Bench")
        Indicator.objects.create(indicator_set=empty, reference="1", name="One", theme="Support", unit="count", order=1)
        returns = Return.objects.filter(indicator__indicator_set=book).count()
        print(
            f"Built {args.indicators} indicators x {args.years} years: {returns} returns in "
            f"{time.perf_counter() - started:.1f} s"
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        board = User.objects.create_user(email="board@bench.example", password="x", partnership_role="board_member")
        client = Client()
        client.force_login(board)
        first = book.indicators.order_by("order").first()

        def get(path, **query):
            def call():
                response = client.get(path, query)
                assert response.status_code == 200, (path, response.status_code)
                return response

            return call

        pages = [
            ("scorecard", get("/performance/", set=book.slug)),
            ("export xlsx", get("/performance/scorecard.xlsx", set=book.slug)),
            ("print view", get("/performance/print/", set=book.slug)),
            ("indicator", get(f"/performance/indicators/{first.pk}/")),
            ("exceptions", get("/performance/", set=book.slug, exceptions="on")),
        ]
        floor_call = get("/performance/", set=empty.slug)
        floor_call()  # warm the session and caches once
        floor = median_seconds(args.repeat, floor_call)

        queries = []  # counted by a wrapper: the test client's request_started empties connection.queries

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        print(f"\nScorecard requests against a near-empty scorecard (medians of {args.repeat}, ms)")
        print(f"{'page':<12} {'returns':>8} {'product':>8} {'floor':>6} {'ratio':>6} {'queries':>8}")
        for name, call in pages:
            call()
            queries.clear()
            with connection.execute_wrapper(count):
                call()
            product = median_seconds(args.repeat, call)
            print(
                f"{name:<12} {returns:>8} {product * 1000:>8.0f} {floor * 1000:>6.0f} {product / floor:>6.1f}"
                f" {len(queries):>8}"
            )


if __name__ == "__main__":
    main()
