#!/usr/bin/env python
"""How fast are the commitments city-wide view and the matrix export at 500 and 5,000 schools?

Builds the schools (each with a year's audit: 9 outcome records, 25 actions) in a throwaway SQLite
database, then times, as an LA officer through the Django test client:
  - the city-wide view (first page of the matrix, counts and filters computed over every school),
  - the same view filtered to Red schools with overdue actions,
  - the xlsx export of the whole matrix (the page's download, and `manage.py export_commitments`).
Each figure is the median of --repeat runs, with the number of database queries.

  .venv/bin/python bench/commitments_bench.py                 # 500 and 5,000 schools
  .venv/bin/python bench/commitments_bench.py --sizes 500 20000
  .venv/bin/python bench/commitments_bench.py \
      --database-url postgres://postgres@127.0.0.1:5432/bench_commitments
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="School counts (ascending).")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per measurement (the median is shown).")
    parser.add_argument(
        "--database-url", help="Use this (empty, throwaway) database instead of a temporary SQLite file."
    )
    return parser.parse_args()


def timed(repeat, call):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            result = call()
            times.append(time.perf_counter() - start)
    return statistics.median(times), len(queries.captured_queries), result


def main():
    args = parse_args()
    workdir = tempfile.mkdtemp(prefix="commitments-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from audits.models import Framework
    from portal.models import Organisation, User
    from portal.periods import academic_year
    from testdata.audits import build_city

    print(f"Database: {os.environ['DATABASE_URL']}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"Migrated in {time.perf_counter() - started:.1f}s")
    today = timezone.localdate()
    year = academic_year(today)
    framework = Framework.objects.get(is_current=True)
    officer = User.objects.create_user("bench.officer@example.org", "bench-password-123", partnership_role="la_officer")
    client = Client()
    client.force_login(officer)

    print(
        f"{'schools':>8} {'build':>8} {'view':>9} {'queries':>8} {'filtered':>9} {'export':>9} {'queries':>8} "
        f"{'command':>9} {'xlsx':>9}"
    )
    for size in sorted(args.sizes):
        started = time.perf_counter()
        missing = size - Organisation.objects.schools().count()
        if missing > 0:
            build_city(missing, framework, year, today, seed=size)
        build = time.perf_counter() - started

        client.get("/audits/city/")  # warm up
        view, view_queries, response = timed(args.repeat, lambda: client.get("/audits/city/"))
        assert response.status_code == 200
        filtered, _, response = timed(args.repeat, lambda: client.get("/audits/city/?rag=red&overdue=on"))
        assert response.status_code == 200
        export, export_queries, response = timed(args.repeat, lambda: client.get("/audits/city/export/"))
        assert response.status_code == 200
        out = Path(workdir) / f"matrix-{size}.xlsx"
        command, _, _ = timed(
            args.repeat, lambda out=out: call_command("export_commitments", "--out", str(out), stdout=io.StringIO())
        )
        print(
            f"{size:>8} {build:>7.1f}s {view * 1000:>7.0f}ms {view_queries:>8} {filtered * 1000:>7.0f}ms "
            f"{export * 1000:>7.0f}ms {export_queries:>8} {command * 1000:>7.0f}ms {out.stat().st_size // 1024:>7}KB"
        )


if __name__ == "__main__":
    main()
