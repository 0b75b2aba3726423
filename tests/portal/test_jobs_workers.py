"""Background jobs with real worker processes (manage.py db_worker): a job is claimed exactly once by two
workers, and a worker killed with SIGKILL inside an import's transaction leaves nothing half-imported, after
which a retry imports every row.

The workers share the test database: on PostgreSQL the test database itself; on SQLite a file copy of the
(in-memory) test database. The test process reads and drives the jobs through short Django processes on the
same database (`_django`), so both engines are checked the same way.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
HEADER = "Name,Kind,Phase,URN,Locality,Phone,Email,Website\n"

# Serialized rollback, like every other transactional test here: the flush after each test then leaves the
# content types alone and puts back what the migrations loaded, so a later serialized test (the concurrency
# and several-servers tests on PostgreSQL) finds the ids it serialized, not ones recreated by the flush.
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def workers_env(tmp_path):
    """The environment of the workers and of the driving processes: one database, one media folder."""
    if connection.vendor == "postgresql":
        db = settings.DATABASES["default"]
        database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    else:
        copy = tmp_path / "jobs.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)  # the migrated test database, as a file the workers open
        database_url = f"sqlite:///{copy}"
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "JOB_STALE_AFTER": "1",
        "STALL_MARKER": str(tmp_path / "stalled"),
        "RUNS_LOG": str(tmp_path / "runs.log"),
    }


def _django(env, code):
    """Run `code` in a Django process on the workers' database; what it prints as JSON."""
    script = "import json, django\ndjango.setup()\n" + textwrap.dedent(code)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _start_worker(env):
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


_START_JOBS = """
from django.core.files.uploadedfile import SimpleUploadedFile
from portal.jobs import enqueue, start_job
from django.contrib.auth import get_user_model
owner, _ = get_user_model().objects.get_or_create(email="owner@example.org", defaults={{"is_superuser": True}})
ids = []
for number in range({count}):
    upload = SimpleUploadedFile("orgs.csv", {body!r}.encode(), content_type="text/csv")
    job = start_job(owner=owner, kind="test", label="Test", runner=__import__("{module}", fromlist=["x"]).{runner},
                    upload=upload)
    for again in range({extra_enqueues}):
        enqueue(job)  # the same job on the queue twice: a double-clicked retry, a redelivered message
    ids.append(str(job.pk))
print(json.dumps(ids))
"""

_JOBS = """
from portal.jobs import Job
from portal.models import Organisation
print(json.dumps({
    "jobs": [[str(j.pk), j.status, j.attempts, j.done, j.total] for j in Job.objects.order_by("created")],
    "imported": Organisation.objects.filter(name__startswith="Killed Agency").count(),
}))
"""


def _start_jobs(env, *, runner, body, count=1, extra_enqueues=0):
    code = _START_JOBS.format(
        count=count, body=HEADER + body, module="tests.portal.job_runners", runner=runner, extra_enqueues=extra_enqueues
    )
    return _django(env, code)


def _wait_for(condition, env, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = _django(env, _JOBS)
        if condition(state):
            return state
        time.sleep(0.5)
    raise AssertionError(f"gave up waiting: {state}")


def test_two_workers_run_each_job_exactly_once(workers_env):
    ids = _start_jobs(workers_env, runner="record_run", body="A,Agency,,,,,,\n", count=4, extra_enqueues=1)
    workers = [_start_worker(workers_env), _start_worker(workers_env)]
    try:
        state = _wait_for(lambda s: all(job[1] == "done" for job in s["jobs"]), workers_env)
        time.sleep(2)  # the second task of each job has had its chance to run it again
    finally:
        for worker in workers:
            _stop(worker)
    runs = [line.split() for line in Path(workers_env["RUNS_LOG"]).read_text().splitlines()]
    assert sorted(job_id for job_id, _, _ in runs) == sorted(ids)  # each job run once, though queued twice
    assert {attempt for _, _, attempt in runs} == {"1"}
    assert [job[2] for job in _django(workers_env, _JOBS)["jobs"]] == [1, 1, 1, 1]
    assert len({pid for _, pid, _ in runs}) in (1, 2) and len(state["jobs"]) == 4


def test_a_worker_killed_mid_import_leaves_nothing_and_the_retry_imports_every_row(workers_env):
    rows = 1200
    body = "".join(f"Killed Agency {number},Agency,,,,,,\n" for number in range(rows))
    [job_id] = _start_jobs(workers_env, runner="import_stalling_once", body=body)
    marker = Path(workers_env["STALL_MARKER"])
    worker = _start_worker(workers_env)
    try:
        deadline = time.monotonic() + 180
        while not marker.exists():
            assert time.monotonic() < deadline and worker.poll() is None, "the worker never reached the write"
            time.sleep(0.2)
        # Half the rows are written inside the import's transaction: kill the worker there, without warning.
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        _stop(worker)

    state = _django(workers_env, _JOBS)
    assert state["imported"] == 0  # nothing half-imported
    [[_, status, attempts, done, total]] = state["jobs"]
    assert (status, attempts, done, total) == ("running", 1, rows, rows)  # validated, then killed while writing

    time.sleep(1.5)  # JOB_STALE_AFTER is 1 second here: the silent job is now stalled
    retried = _django(
        workers_env,
        f"""
        from portal.jobs import Job, retry_job
        job = Job.objects.get(pk="{job_id}")
        print(json.dumps([job.is_stale, job.can_retry, retry_job(job)]))
        """,
    )
    assert retried == [True, True, True]

    worker = _start_worker(workers_env)
    try:
        state = _wait_for(lambda s: s["jobs"][0][1] in ("done", "failed"), workers_env)
    finally:
        _stop(worker)
    assert state["jobs"][0][1:] == ["done", 2, rows, rows]
    assert state["imported"] == rows  # every row, once
