"""How fast the public side of the offers stays as the number of published offers grows.

Prints the median time of the directory, a search (a word, an everyday word near a postcode sorted by
distance, and a misspelling), an offer page and the Open Referral services list at
each size (100 and 10,000 published offers by default), beside the time to serve a static file through the
same stack (Django's handler and WhiteNoise) and the sign-in page (the same middleware, a template, no
directory): the sign-in page is the floor a public page is measured against, and a second table gives
each page's ratio to it and to its own time at the smallest size (the directory's cost must not grow with
it). The warm-up request of each URL fills the shared cache, as the first visitor after a change does; the
URLs are then requested in turn, so the floor and the pages share the machine's load.

    .venv/bin/python bench/offers_bench.py                 # 100 and 10,000 offers
    .venv/bin/python bench/offers_bench.py --sizes 100,1000,50000 --repeat 50

It builds its data in a throwaway SQLite database (deleted afterwards unless --keep) and never touches
yours; after loading it runs ANALYZE, as any database in use keeps statistics (without them SQLite picks a
slow plan for the search's full-text join). Requests go through Django's test client: the full URL
routing, middleware and templates, without a network.
"""

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import against_target  # noqa: E402  (bench/ is the script's folder, on the path)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,10000", help="Published offers to measure at, comma-separated.")
    parser.add_argument("--repeat", type=int, default=25, help="Requests per measurement (the median is shown).")
    parser.add_argument("--keep", action="store_true", help="Keep the benchmark database and print its path.")
    parser.add_argument(
        "--database-url",
        help="Measure on this (empty, throwaway) database instead, e.g. postgres://postgres@127.0.0.1/offers_bench. "
        "It is migrated and filled; nothing is deleted afterwards, so a second run reuses its offers without "
        "building them again (each size is then at least the offers it holds: the table shows how many).",
    )
    return parser.parse_args()


def setup_django(database_url):
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = database_url
    import django
    from django.conf import settings

    django.setup()
    settings.WHITENOISE_USE_FINDERS = True  # serve /static/ from the source folders, no collectstatic needed
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]


def median_ms(client, urls, repeat):
    """The median milliseconds of each URL's requests, taken in turn (the floor's beside each page's), so
    that a change in the machine's load during the run weighs on the page and its floor alike."""
    for url in urls.values():
        client.get(url)  # warm: template loading, the site's root paths and the page's figures in the cache
    timings = {name: [] for name in urls}
    for _ in range(repeat):
        for name, url in urls.items():
            start = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            timings[name].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return {name: statistics.median(times) for name, times in timings.items()}


def main():
    args = parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    database = None if args.database_url else Path(tempfile.mkdtemp(prefix="offers-bench-")) / "bench.sqlite3"
    setup_django(args.database_url or f"sqlite:///{database}")

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from home.bulk import create_published_offers
    from home.models import OfferPage

    print(f"Building the benchmark database in {database or args.database_url} ...", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"  migrated in {time.perf_counter() - started:.1f} s", flush=True)

    client = Client()
    rows = []
    for size in sizes:
        missing = size - OfferPage.objects.live().count()
        started = time.perf_counter()
        created = 0
        while created < missing:
            chunk = min(2000, missing - created)
            create_published_offers(chunk, label=f"Bench{size}x{created}")
            created += chunk
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # table statistics, as a production database keeps them
        # What building the offers left in this process is set aside from the cycle collector: otherwise each
        # full collection during the measured requests walks it, a cost that grows with the directory here
        # but that no server, which never built the offers, pays.
        gc.collect()
        gc.freeze()
        print(
            f"  {size:>6} published offers ready ({time.perf_counter() - started:.1f} s to add {missing})", flush=True
        )
        size = OfferPage.objects.live().count()  # more than asked for on a reused database
        page = OfferPage.objects.live().order_by("pk").last()
        urls = {
            "static file": "/static/css/portal.css",
            "sign-in": "/accounts/login/",
            "directory": "/offers/",
            "search": "/offers/?q=bereavement",
            "search synonym": "/offers/?q=grief&postcode=LE4+6AB&sort=nearest",
            "search misspelt": "/offers/?q=bereavment",
            "offer page": page.url,
            "feed /services": "/api/openreferral/services",
        }
        rows.append((size, median_ms(client, urls, args.repeat)))

    names = list(rows[0][1])
    print()
    print(
        f"Median response time in milliseconds ({args.repeat} requests each, {connection.vendor}, Django test client)"
    )
    print(f"{'offers':>8} " + " ".join(f"{name:>15}" for name in names))
    for size, timings in rows:
        print(f"{size:>8} " + " ".join(f"{timings[name]:>15.1f}" for name in names))
    pages = ["directory", "search", "search synonym", "search misspelt", "offer page", "feed /services"]
    smallest = rows[0][1]
    print()
    print(
        "Each page against the sign-in page in the same run (x floor), and against its own time at the smallest "
        "size: as measured, and floor-adjusted (its x floor over its x floor then, which discounts a change in "
        "the machine's load between the two sizes)"
    )
    print(f"{'offers':>8} " + " ".join(f"{name + ' x':>17} {'vs ' + str(rows[0][0]):>7} {'adj':>5}" for name in pages))
    for size, timings in rows:
        cells = []
        for name in pages:
            ratio, before = timings[name] / timings["sign-in"], smallest[name] / smallest["sign-in"]
            cells.append(f"{ratio:>17.1f} {timings[name] / smallest[name]:>7.2f} {ratio / before:>5.2f}")
        print(f"{size:>8} " + " ".join(cells))
    if len(rows) > 1:
        print()
        size, timings = rows[-1]
        for name in pages:
            limit = 4 if name == "offer page" else 10
            against_target(
                f"{name} at {size:,} offers vs sign-in", timings[name] / timings["sign-in"], limit, size=size, at=10000
            )
            if name != "offer page":
                against_target(
                    f"{name} at {size:,} vs at {rows[0][0]:,} offers",
                    timings[name] / smallest[name],
                    1.5,
                    size=size,
                    at=10000,
                )
    if args.keep or database is None:
        print(f"\nThe database is kept: {database or args.database_url}")
    else:
        database.unlink(missing_ok=True)
        database.parent.rmdir()


if __name__ == "__main__":
    main()
