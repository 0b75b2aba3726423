"""Load: the demo partnership served by Gunicorn on loopback, driven by Locust for a bounded time.

    .venv/bin/python bench/load.py                       # 10 users, 30 s, throwaway SQLite
    .venv/bin/python bench/load.py --seconds 120 --users 25 --workers 3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal .venv/bin/python bench/load.py

Builds a fresh database (a temporary SQLite file, or with DATABASE_URL a PostgreSQL database of its own,
<name>_bench_load, created and dropped), migrates it, loads the demo partnership (`seed_demo`), collects
the static files into a temporary folder and starts Gunicorn on a free loopback port with DEBUG off and
a generated SECRET_KEY (settings: bench/load_settings.py). Locust (bench/locustfile.py) then runs headless:
members of the public on the directory, its search and filters, offer pages and the Open Referral feed,
and school and agency partners signed in with the demo accounts. Prints requests per second, p50 and
p95 latency (Locust's, rounded to two significant figures above 100 ms) and errors per endpoint group and
in total, and exits non-zero on any error. Gunicorn is stopped and every temporary file and database
removed however the run ends (Ctrl-C included).
"""

import argparse
import csv
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from throwaway_db import describe, is_postgresql, throwaway_database

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=30, help="How long Locust runs (default 30).")
    parser.add_argument("--users", type=int, default=10, help="Simultaneous Locust users (default 10).")
    parser.add_argument("--spawn-rate", type=float, default=5, help="Users started per second (default 5).")
    parser.add_argument("--workers", type=int, default=2, help="Gunicorn worker processes (default 2).")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL"),
        help="A PostgreSQL server to use (default: $DATABASE_URL, else a temporary SQLite file).",
    )
    return parser.parse_args()


def stop_on_signals():
    """Ctrl-C and SIGTERM end the run through the cleanup below (the server, the database, the files)."""

    def handler(signum, frame):
        print(
            "\nStopping: the server, the database and the temporary files are being removed ...",
            file=sys.stderr,
            flush=True,
        )
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *arguments, settings="bench.load_settings", **extra_env):
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": settings, **extra_env},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def server_environment(database_url, folder):
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.load_settings",
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BENCH_STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "CACHE_URL": os.environ.get("CACHE_URL", "locmemcache://"),  # e.g. Redis, shared by the workers
            "PYTHONUNBUFFERED": "1",
        }
    )
    return environment


def prepare(environment):
    """Migrate, load the demo partnership (seed_demo wants DEBUG on, as on a developer's machine), collect
    the static files WhiteNoise serves with DEBUG off."""
    print(f"  migrated in {manage(environment, 'migrate', '--noinput'):.0f} s", flush=True)
    seconds = manage(environment, "seed_demo", settings="portal.settings.dev", DEBUG="true")
    print(f"  demo partnership loaded in {seconds:.0f} s", flush=True)
    print(f"  static files collected in {manage(environment, 'collectstatic', '--noinput'):.0f} s", flush=True)


def start_gunicorn(environment, port, workers, log):
    return subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "120",
            "--no-control-socket",
        ],  # no socket in $HOME shared with other servers
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # Ctrl-C reaches this script only; the cleanup stops the server
    )


def wait_until_serving(process, url, deadline_seconds=90):
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Gunicorn exited with code {process.returncode} before serving")
        try:
            with urllib.request.urlopen(f"{url}/accounts/login/", timeout=10) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"Gunicorn answered {error.code} to the sign-in page") from None
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"Gunicorn did not answer within {deadline_seconds} s")


def stop(process):
    if process.poll() is None:
        process.terminate()  # the master stops its workers gracefully
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group is the server's own (start_new_session)
            process.wait()


def run_locust(url, args, prefix, log):
    command = [
        PYTHON,
        "-m",
        "locust",
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--host",
        url,
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        f"{args.seconds}s",
        "--stop-timeout",
        "10",
        "--csv",
        str(prefix),
        "--only-summary",
    ]
    # Locust exits 1 when a request failed; the figures it leaves say which, and are read below.
    subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, timeout=args.seconds + 120)


def read_stats(prefix, seconds):
    """Per endpoint group (and the total): requests, requests/s over the run, p50 and p95 ms, errors."""
    rows = []
    with open(f"{prefix}_stats.csv", newline="") as stats:
        for row in csv.DictReader(stats):
            name = "total" if row["Name"] == "Aggregated" else row["Name"]
            if row["Type"] not in ("", "GET") and name != "total":
                name = f"{name}:{row['Type']}"
            count = int(row["Request Count"])
            rows.append(
                {
                    "group": name,
                    "requests": count,
                    "per_second": count / seconds,
                    "p50": row["50%"],
                    "p95": row["95%"],
                    "errors": int(row["Failure Count"]),
                }
            )
    failures = []
    with open(f"{prefix}_failures.csv", newline="") as failed:
        for row in csv.DictReader(failed):
            failures.append(f"{row['Occurrences']:>5} x {row['Method']} {row['Name']}: {row['Error']}")
    return rows, failures


def print_table(rows):
    width = max(len(row["group"]) for row in rows)
    print(f"{'group':<{width}} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for row in rows:
        print(
            f"{row['group']:<{width}} {row['requests']:>9} {row['per_second']:>8.2f} {row['p50']:>8} "
            f"{row['p95']:>8} {row['errors']:>7}"
        )


def tail(path, lines=60):
    text = Path(path).read_text(errors="replace").splitlines()
    return "\n".join(text[-lines:])


def main():
    args = parse_args()
    stop_on_signals()
    server_url = args.database_url if is_postgresql(args.database_url) else None
    with tempfile.TemporaryDirectory(prefix="load-bench-") as folder:
        folder = Path(folder)
        with throwaway_database(server_url, "load", folder) as database_url:
            print(f"Building the demo partnership in {describe(database_url)} ...", flush=True)
            environment = server_environment(database_url, folder)
            prepare(environment)
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            server_log = folder / "gunicorn.log"
            with open(server_log, "w") as log:
                server = start_gunicorn(environment, port, args.workers, log)
                try:
                    try:
                        wait_until_serving(server, url)
                    except RuntimeError:
                        log.flush()
                        print("The server's last lines:\n" + tail(server_log))
                        raise
                    print(
                        f"Gunicorn ({args.workers} workers) on {url}; Locust: {args.users} users for "
                        f"{args.seconds} s ...",
                        flush=True,
                    )
                    with open(folder / "locust.log", "w") as locust_log:
                        run_locust(url, args, folder / "locust", locust_log)
                finally:
                    stop(server)
            if not Path(f"{folder / 'locust'}_stats.csv").exists():
                print("\nLocust left no figures; its output:\n" + tail(folder / "locust.log"))
                return 1
            rows, failures = read_stats(folder / "locust", args.seconds)
            vendor = "postgresql" if server_url else "sqlite"
            print(
                f"\nLoad: {args.users} users for {args.seconds} s, Gunicorn {args.workers} workers, {vendor}, "
                f"demo partnership (latency in ms)"
            )
            print_table(rows)
            total = next((row for row in rows if row["group"] == "total"), {"requests": 0, "errors": 0})
            if failures:
                print("\nErrors:\n" + "\n".join(failures))
                print("\nThe server's last lines:\n" + tail(server_log))
            if total["requests"] == 0:
                print("\nNo request was made: Locust's output:\n" + tail(folder / "locust.log"))
                return 1
            return 1 if total["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
