"""Throwaway databases for the benchmarks: a SQLite file in a temporary folder, or a PostgreSQL database
of their own, created on the server that DATABASE_URL names and dropped afterwards.

The PostgreSQL database is named after the one in the URL with a suffix (`portal_bench_load` for
`.../portal` and the label `load`), so the database the URL names is never touched, and people sharing
a server keep apart by giving their own names.
"""

import contextlib
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def is_postgresql(url):
    return bool(url) and urlsplit(url).scheme in ("postgres", "postgresql", "pgsql", "postgis")


def throwaway_name(url, label):
    base = urlsplit(url).path.lstrip("/") or "portal"
    name = f"{base}_bench_{label}"
    if not re.fullmatch(r"[A-Za-z0-9_]{1,63}", name):
        raise ValueError(f"cannot derive a database name from {url!r} (got {name!r})")
    return name


def _admin_connection(url):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
        autocommit=True,
        connect_timeout=10,
    )


def _drop(url, name):
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def throwaway_database(server_url, label, folder):
    """Yield the URL of an empty database for one benchmark; it is gone when the block ends.

    server_url: a PostgreSQL URL (its server is used) or None/SQLite for a file in `folder`.
    """
    if not is_postgresql(server_url):
        path = Path(folder) / f"{label}.sqlite3"
        try:
            yield f"sqlite:///{path}"
        finally:
            for leftover in (
                path,
                path.with_name(path.name + "-journal"),
                path.with_name(path.name + "-wal"),
                path.with_name(path.name + "-shm"),
            ):
                leftover.unlink(missing_ok=True)
        return
    name = throwaway_name(server_url, label)
    _drop(server_url, name)  # left over from a run that was killed: the name is the benchmark's own
    with _admin_connection(server_url) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))
    finally:
        _drop(server_url, name)


def describe(url):
    """The URL without its credentials, for printing."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return url
    return f"{parts.scheme}://{parts.hostname}:{parts.port or 5432}{parts.path}"
