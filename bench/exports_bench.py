"""Benchmark: the offer register and pledge compliance xlsx exports against raw xlsxwriter writing the same cells.

    .venv/bin/python bench/exports_bench.py                     # 10,000 organisations, throwaway SQLite
    .venv/bin/python bench/exports_bench.py --organisations 1000 --repeat 3
    .venv/bin/python bench/exports_bench.py --database-url postgres://postgres@127.0.0.1:5432/bench_exports

Each organisation has a published offer; two in three have signed the current pledges and most have a
status for most pledges (testdata/pledges.py). The product is the whole request of the role that
downloads the export (an LA officer's GET /offer-register/offers.xlsx and /pledges/matrix.xlsx through the
test client: routing, middleware, the reads and the workbook). Above EXPORT_BACKGROUND_ROWS rows the portal
builds the same workbook on a worker (portal/exports.py); the benchmark raises that limit so the request
builds it, which is the work the worker does. The floor is the same cells of every sheet, read once
beforehand from the product's own file, written by a bare xlsxwriter workbook in constant-memory mode (no
formats, no reads): what any export of these cells must at least cost. Medians of --repeat.
"""

from common import against_target, argument_parser, bench_database, median_seconds, raw_xlsx, sheets_of

EXPORTS = [("offer-register", "/offer-register/offers.xlsx"), ("pledges", "/pledges/matrix.xlsx")]


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--organisations", type=int, default=10000, help="Organisations with a published offer.")
    parser.add_argument("--repeat", type=int, default=5, help="Runs of each, the median is printed (default 5).")
    return parser.parse_args()


def measure(client, url, repeat):
    """(product s, floor s, rows, queries) for one export."""
    from django.db import connection

    def download():
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return response.content

    sheets = sheets_of(download())
    queries = []  # counted by a wrapper: the test client's request_started empties connection.queries

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        download()
    product = median_seconds(repeat, download)
    floor = median_seconds(repeat, lambda: raw_xlsx(sheets))
    return product, floor, sum(len(cells) for _name, cells in sheets), len(queries)


def main():
    args = parse_args()
    with bench_database(args.database_url, "exports"):
        from django.db import connection
        from django.test import Client, override_settings
        from django.utils import timezone

        from home.bulk import create_published_offers
        from portal.models import Organisation, User
        from testdata.pledges import add_pledge_positions

        done = 0
        while done < args.organisations:
            chunk = min(2000, args.organisations - done)
            create_published_offers(chunk, label=f"Export{done}")
            done += chunk
        add_pledge_positions(Organisation.objects.values_list("pk", flat=True), timezone.localdate())
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        officer = User.objects.create_user(email="officer@bench.example", password="x", partnership_role="la_officer")
        client = Client()
        client.force_login(officer)

        print(f"\nExports against raw xlsxwriter writing the same cells (medians of {args.repeat})")
        print(f"{'export':<16} {'rows':>7} {'product s':>10} {'floor s':>8} {'ratio':>6} {'queries':>8}")
        ratios = []
        with override_settings(EXPORT_BACKGROUND_ROWS=args.organisations + 1):
            for name, url in EXPORTS:
                product, floor, rows, queries = measure(client, url, args.repeat)
                print(f"{name:<16} {rows:>7} {product:>10.2f} {floor:>8.2f} {product / floor:>6.1f} {queries:>8}")
                ratios.append((name, product / floor))
        print()
        for name, ratio in ratios:
            what = f"{name} xlsx of {args.organisations:,} organisations vs raw xlsxwriter"
            against_target(what, ratio, 2, size=args.organisations, at=10000)


if __name__ == "__main__":
    main()
