"""Job runners that the worker processes of tests/portal/test_jobs_workers.py run (a worker imports them
by their dotted path, so they live in a module of their own, not in a test file)."""

import os
import time
from pathlib import Path

from portal.services import organisations
from portal.tabular import ImportResult


def import_stalling_once(job, stored_file):
    """The real organisations import, except that the first attempt stops inside the import's transaction
    with half the rows written, touches STALL_MARKER and waits there to be killed."""
    marker = Path(os.environ["STALL_MARKER"])
    real_save = organisations.save_organisations

    def save_half_then_stall(forms):
        half = len(forms) // 2
        real_save(forms[:half])
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            time.sleep(300)  # killed here
        real_save(forms[half:])

    organisations.save_organisations = save_half_then_stall  # this worker process only
    try:
        return organisations.import_organisations(stored_file, progress=job.report)
    finally:
        organisations.save_organisations = real_save


def record_run(job, stored_file):
    """Notes which process ran which attempt of the job, slowly enough for a second worker to try it too."""
    with open(os.environ["RUNS_LOG"], "a") as log:
        log.write(f"{job.pk} {os.getpid()} {job.attempts}\n")
    time.sleep(0.5)
    job.report(1, 1)
    return ImportResult(created=1)
