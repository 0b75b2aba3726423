"""Benchmark: the offer register xlsx against raw xlsxwriter writing the same cells.

    .venv/bin/python bench/exports_bench.py                     # 10,000 organisations, throwaway SQLite
    .venv/bin/python bench/exports_bench.py --organisations 1000 --repeat 3
    .venv/bin/python bench/exports_bench.py --database-url postgres://postgres@127.0.0.1:5432/bench_exports

The product is the whole request an LA officer makes (GET /offer-register/offers.xlsx through the test
client: routing, middleware, the register's reads and the workbook). The floor is the same cells, read
once beforehand from the product's own file, written by a bare xlsxwriter workbook in constant-memory
mode (no formats, no reads): what any export of these cells must at least cost. Medians of --repeat.
"""

import io

from common import argument_parser, bench_database, median_seconds


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--organisations", type=int, default=10000, help="Organisations with a published offer.")
    parser.add_argument("--repeat", type=int, default=5, help="Runs of each, the median is printed (default 5).")
    return parser.parse_args()


def raw_xlsx(cells):
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True})
    sheet = workbook.add_worksheet("Offer register")
    for row, values in enumerate(cells):
        for col, value in enumerate(values):
            if value is not None:
                sheet.write(row, col, value)
    workbook.close()
    return buffer.getvalue()


def main():
    args = parse_args()
    with bench_database(args.database_url, "exports"):
        from django.db import connection
        from django.test import Client
        from openpyxl import load_workbook

        from home.bulk import create_published_offers
        from portal.models import User

        done = 0
        while done < args.organisations:
            chunk = min(2000, args.organisations - done)
            create_published_offers(chunk, label=f"Export{done}")
            done += chunk
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        officer = User.objects.create_user(email="officer@bench.example", password="x", partnership_role="la_officer")
        client = Client()
        client.force_login(officer)

        def register():
            response = client.get("/offer-register/offers.xlsx")
            assert response.status_code == 200, response.status_code
            return response.content

        content = register()
        sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
        cells = [list(row) for row in sheet.iter_rows(values_only=True)]
        queries = []  # counted by a wrapper: the test client's request_started empties connection.queries

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            register()
        product = median_seconds(args.repeat, register)
        floor = median_seconds(args.repeat, lambda: raw_xlsx(cells))

        print(f"\nExports against raw xlsxwriter writing the same cells (medians of {args.repeat})")
        print(f"{'export':<16} {'rows':>7} {'product s':>10} {'floor s':>8} {'ratio':>6} {'queries':>8}")
        print(
            f"{'offer-register':<16} {len(cells):>7} {product:>10.2f} {floor:>8.2f} {product / floor:>6.1f}"
            f" {len(queries):>8}"
        )


if __name__ == "__main__":
    main()
