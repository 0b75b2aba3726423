"""What the Django benchmarks share: the checkout on the import path, their command line's common part, a
migrated database to measure on and the median of repeated runs.

A benchmark runs as a script (`python bench/x.py`), so bench/ is on the path and this module is imported as
`common`; importing it puts the checkout on the path too, so the project's packages and testdata/ import.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def argument_parser(doc, database_help="Use this database instead of a throwaway SQLite file."):
    """A parser described by the first line of the benchmark's docstring, with the --database-url every
    benchmark accepts (bench/run_all.py passes it to them all)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--database-url", help=database_help)
    return parser


def setup_django(database_url):
    """Django on the test settings and the given database, migrated."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


@contextmanager
def bench_database(database_url, prefix):
    """Django set up on `database_url`, or on a throwaway SQLite file removed afterwards, migrated; prints
    which database and how long the migration took, so every benchmark's output starts the same way."""
    with tempfile.TemporaryDirectory(prefix=f"{prefix}-bench-") as folder:
        url = database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        print(f"Database: {url.split('@')[-1]}")
        started = time.perf_counter()
        setup_django(url)
        print(f"Migrated in {time.perf_counter() - started:.1f} s")
        yield Path(folder)


def median_seconds(repeat, call):
    """The median wall-clock seconds of `repeat` calls."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def against_target(what, ratio, limit, *, size, at):
    """Print one of the issues' targets with the figure measured for it: a line starting "target", which
    bench/run_all.py gathers from every benchmark into one list at the end. A target is judged, met or
    missed, only at the size the issue set it for (`at`); a quicker, smaller run's ratio is shown unjudged,
    since a fixed cost weighs more on a small floor."""
    if size < at:
        verdict = f"not judged: the target is for {at:,}"
    else:
        verdict = "met" if ratio <= limit else "MISSED"
    print(f"target  {what:<64} {ratio:>6.2f}x  <= {limit:g}x  {verdict}")


def sheets_of(content):
    """An xlsx file's cells, [(sheet name, rows of values)]: what a raw-xlsxwriter floor writes again."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True)
    return [(sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]) for sheet in book.worksheets]


def raw_xlsx(sheets):
    """`sheets` [(name, rows of values)] written cell by cell by a bare constant-memory workbook, with no
    formats and no reads: what any export of these cells must at least cost."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True})
    for name, cells in sheets:
        sheet = workbook.add_worksheet(name)
        for row, values in enumerate(cells):
            for col, value in enumerate(values):
                if value is not None:
                    sheet.write(row, col, value)
    workbook.close()
    return buffer.getvalue()
