"""Every benchmark of the project, one after the other, and all their figures together at the end.

    .venv/bin/python bench/run_all.py              # quick sizes, a few minutes, throwaway SQLite
    .venv/bin/python bench/run_all.py --full       # the sizes the issues name (much longer)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal .venv/bin/python bench/run_all.py
    .venv/bin/python bench/run_all.py --only offers,load --seconds 60 --users 20

Runs bench/offers_bench.py, commitments_bench.py, caseaudits_bench.py, imports_bench.py, exports_bench.py,
jobs_bench.py, privacy_bench.py, performance_bench.py, overview_bench.py, board_pack_bench.py and load.py as
they are (each prints its own figures as it goes) and then one table of every figure, followed by every
target an issue set, with the ratio measured for it and whether it was met (at the sizes the issues name only
with --full). Each benchmark gets its own empty database: a temporary SQLite file, or with DATABASE_URL a
PostgreSQL database <name>_bench_<benchmark> on that server, dropped afterwards. Exits non-zero if a
benchmark failed (the load run fails on any request error).
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from throwaway_db import describe, is_postgresql, throwaway_database

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass
class Benchmark:
    name: str
    script: str
    quick: list  # arguments for a run of a few minutes
    full: list  # arguments for the sizes the issue asked about (the script's defaults)
    output: list = field(default_factory=list)
    returncode: int | None = None
    seconds: float = 0.0


def benchmarks(args):
    load = ["--seconds", str(args.seconds), "--users", str(args.users)]
    return [
        Benchmark("offers", "offers_bench.py", ["--sizes", "100,1000", "--repeat", "10"], []),
        Benchmark("commitments", "commitments_bench.py", ["--sizes", "100", "500"], []),
        Benchmark("caseaudits", "caseaudits_bench.py", ["--sizes", "1000,10000"], []),
        Benchmark("imports", "imports_bench.py", ["--rows", "300", "--repeat", "3"], []),
        Benchmark("exports", "exports_bench.py", ["--organisations", "1000", "--repeat", "3"], []),
        Benchmark("jobs", "jobs_bench.py", ["--rows", "500", "--repeat", "1"], ["--rows", "50000", "--repeat", "1"]),
        Benchmark("privacy", "privacy_bench.py", [], []),
        Benchmark("performance", "performance_bench.py", ["--indicators", "30", "--years", "2", "--repeat", "3"], []),
        Benchmark("overview", "overview_bench.py", ["--schools", "100", "--audits", "10000", "--repeat", "3"], []),
        Benchmark("board_pack", "board_pack_bench.py", ["--schools", "100", "--audits", "10000"], []),
        Benchmark("load", "load.py", load, load),
    ]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--full",
        action="store_true",
        help="The issues' sizes: 100 and 10,000 offers, 500 and 5,000 schools, 10,000 and 100,000 "
        "case-file audits, imports of 2,000 rows, a 50,000-row import as a job, the register of 10,000 organisations, "
        "the scorecard of 100 indicators x 5 years of monthly returns "
        "(expect an hour or more on SQLite).",
    )
    parser.add_argument(
        "--only",
        help="Comma-separated benchmarks to run: offers, commitments, caseaudits, imports, exports, jobs, privacy, "
        "performance, overview, board_pack, load.",
    )
    parser.add_argument("--seconds", type=int, default=30, help="Length of the load run (default 30).")
    parser.add_argument("--users", type=int, default=10, help="Locust users in the load run (default 10).")
    parser.add_argument("--timeout", type=int, default=3600, help="Stop a benchmark after this many seconds.")
    return parser.parse_args()


def stop(process):
    """SIGTERM lets a benchmark clean up (load.py stops its server and drops its database); the process
    group is the benchmark's own (start_new_session), so nothing else is touched."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def run(benchmark, arguments, environment, timeout):
    """Run one benchmark, echoing its output as it comes and keeping it for the summary."""
    command = [sys.executable, "-u", str(BENCH / benchmark.script), *arguments]
    print(f"\n=== {benchmark.name}: bench/{benchmark.script} {' '.join(arguments)}", flush=True)
    started = time.monotonic()
    # Only the standard output is kept and read for figures: warnings on the error stream would come
    # between a table's header and its rows. The error stream still reaches the terminal.
    process = subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    timed_out = threading.Event()
    watchdog = threading.Timer(timeout, lambda: (timed_out.set(), stop(process)))
    watchdog.start()
    try:
        for line in process.stdout:
            print(f"  {line}", end="", flush=True)
            benchmark.output.append(line.rstrip("\n"))
        benchmark.returncode = process.wait()
    except BaseException:
        stop(process)  # Ctrl-C or SIGTERM here: the benchmark still cleans up before this script goes
        raise
    finally:
        watchdog.cancel()
    if timed_out.is_set():
        benchmark.output.append(f"(stopped after {timeout} s)")
    benchmark.seconds = time.monotonic() - started


# A figure: a number with an optional unit stuck to it (12.5, 1,024, 340ms, 1.2s, 56KB).
FIGURE = re.compile(r"^-?\d[\d,]*(\.\d+)?[A-Za-z%]*$")


def is_row(line):
    tokens = line.split()
    return len(tokens) >= 2 and all(FIGURE.match(token) for token in tokens[1:])


def tables(lines):
    """The tables a benchmark printed: (title, [(row label, [(column, figure), ...]), ...]).

    A table is a header line followed by rows whose figures are aligned under the column names (the
    benchmarks print both with the same field widths); a title is the line above a header that follows
    a blank line. Column names are read from the header over each figure's span, so names with spaces
    ("offer page", "insert s") come out whole.
    """
    found, index = [], 0
    while index < len(lines):
        if not (is_row(lines[index]) and index > 0 and lines[index - 1].strip() and not is_row(lines[index - 1])):
            index += 1
            continue
        header = lines[index - 1]
        title = lines[index - 2].strip() if index >= 3 and not lines[index - 3].strip() else ""
        rows = []
        while index < len(lines) and is_row(lines[index]):
            spans = [match.span() for match in re.finditer(r"\S+", lines[index])]
            cells = []
            for number, (start, end) in enumerate(spans):
                left = spans[number - 1][1] if number else 0
                right = len(header) if number == len(spans) - 1 else end
                cells.append((header[left:right].strip() or f"column {number + 1}", lines[index][start:end]))
            (first_name, first_value), figures = cells[0], cells[1:]
            label = f"{first_value} {first_name}" if FIGURE.match(first_value) else first_value
            rows.append((label, figures))
            index += 1
        found.append((title, rows))
    return found


def summary(runs, database):
    lines = [f"All figures ({database})", f"{'benchmark':<12} {'row':<26} figures"]
    for benchmark in runs:
        status = "ok" if benchmark.returncode == 0 else f"FAILED (exit {benchmark.returncode})"
        lines.append(f"{benchmark.name:<12} {'(run)':<26} {status}, {benchmark.seconds:.0f} s")
        found = tables(benchmark.output)
        for title, rows in found:
            if title:
                lines.append(f"{benchmark.name:<12} {'(table)':<26} {title}")
            for label, figures in rows:
                figures = " | ".join(f"{name} {value}" for name, value in figures)
                lines.append(f"{benchmark.name:<12} {label:<26} {figures}")
        if not found or benchmark.returncode != 0:
            lines.extend(f"{benchmark.name:<12} {'(output)':<26} {line}" for line in benchmark.output[-15:])
    return "\n".join(lines)


def targets(runs):
    """Every "target" line the benchmarks printed (bench/common.py against_target), and how many were met."""
    lines = [line for benchmark in runs for line in benchmark.output if line.startswith("target  ")]
    if not lines:
        return ""
    judged = [line for line in lines if line.endswith(("met", "MISSED"))]
    missed = sum(line.endswith("MISSED") for line in judged)
    verdict = f"{missed} of {len(judged)} missed" if missed else f"all {len(judged)} met"
    if len(judged) < len(lines):
        verdict += f", {len(lines) - len(judged)} not judged at these sizes (--full)"
    return "\n".join([f"Against the targets: {verdict}", *lines])


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    server_url = os.environ.get("DATABASE_URL") if is_postgresql(os.environ.get("DATABASE_URL")) else None
    chosen = benchmarks(args)
    if args.only:
        names = {name.strip() for name in args.only.split(",")}
        unknown = names - {benchmark.name for benchmark in chosen}
        if unknown:
            sys.exit(f"No such benchmark: {', '.join(sorted(unknown))}")
        chosen = [benchmark for benchmark in chosen if benchmark.name in names]
    database = ("PostgreSQL at " + describe(server_url)) if server_url else "SQLite"
    sizes = "the issues' sizes" if args.full else "quick sizes (--full for the issues' sizes)"
    print(f"Benchmarks: {', '.join(b.name for b in chosen)} on {database}, {sizes}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-all-") as folder:
        # The benchmarks' own temporary files go in this folder (TMPDIR), so nothing outlives the run.
        environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        environment["TMPDIR"] = folder
        for benchmark in chosen:
            arguments = benchmark.full if args.full else benchmark.quick
            if benchmark.name == "load":
                run(
                    benchmark,
                    arguments,
                    {**environment, **({"DATABASE_URL": server_url} if server_url else {})},
                    args.timeout,
                )  # load.py makes and drops its own database
                continue
            with throwaway_database(server_url, benchmark.name, folder) as url:
                extra = ["--database-url", url] if server_url else []
                run(benchmark, [*arguments, *extra], environment, args.timeout)
    print("\n" + summary(chosen, database))
    if found := targets(chosen):
        print("\n" + found)
    return 0 if all(benchmark.returncode == 0 for benchmark in chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
