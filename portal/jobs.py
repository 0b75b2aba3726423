"""Slow work in the background: a Job per person, run on the task queue (django-tasks).

A feature app starts a job with `start_job(owner=..., kind=..., runner=..., upload=...)`. The upload is
stored on Django's storage, a Job row records who asked for what, and one task is enqueued. The worker
(`manage.py db_worker`, or whatever backend TASKS names) calls the runner with the job and the stored
file; the runner reports progress through `job.report(done, total)` and returns an ImportResult-like
object (created, errors). The outcome, errors by row and column, and a result file are kept on the Job.

Exactly once, with any number of workers: a worker claims a job with one conditional UPDATE (queued ->
running, its attempt number raised), which only one can win on SQLite and PostgreSQL alike; every later
write of that attempt (progress, outcome) is conditional on the attempt still being the job's current one,
so a superseded attempt stops at its next progress report and its writes are undone.

A killed worker: the runner writes inside one transaction (portal.tabular.import_rows), whose last step is
a progress report, so a worker killed mid-job leaves nothing half-written. The job then stops reporting,
is shown as stalled after JOB_STALE_AFTER, and its owner can retry it (a retry too is conditional: on the
heartbeat the person saw, so a job that has just reported again is not retried under its worker's feet).
"""

import csv
import io
import logging
import uuid
from datetime import timedelta

from auditlog.context import set_actor
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from portal.xlsx import neutralise_formula

logger = logging.getLogger(__name__)


class JobSuperseded(Exception):
    """This attempt is no longer the job's current one (it was retried, or finished elsewhere): stop, write nothing."""


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "In progress"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)  # unguessable in URLs
    kind = models.CharField(max_length=60)
    label = models.CharField(max_length=200)
    runner = models.CharField(max_length=200, help_text="Dotted path of the function that does the work.")
    params = models.JSONField(default=dict, blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    errors = models.JSONField(default=list, blank=True, help_text="[{row, column, message}]")
    input_file = models.CharField(max_length=300, blank=True)
    result_file = models.CharField(max_length=300, blank=True)
    result_name = models.CharField(max_length=100, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)  # the heartbeat: every report touches it
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "portal"
        ordering = ["-created"]

    def __str__(self):
        return f"{self.label} ({self.get_status_display()})"

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def is_stale(self):
        """Queued or running but silent for too long: its worker most likely died."""
        silent_since = timezone.now() - timedelta(seconds=settings.JOB_STALE_AFTER)
        return not self.is_finished and self.updated < silent_since

    @property
    def can_retry(self):
        # A job refused for its file's problems would fail the same way again: the person uploads a corrected file.
        return (self.status == self.Status.FAILED and not self.errors) or self.is_stale

    @property
    def is_export(self):
        return self.kind == "export"

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else (100 if self.status == self.Status.DONE else 0)

    def report(self, done, total):
        """Progress, written at once (outside the job's own transaction) so other servers can read it.

        Raises JobSuperseded when this attempt is no longer the running one; called inside a runner's
        transaction, that undoes what the attempt wrote."""
        self.done, self.total = done, total
        if not self._current().update(done=done, total=total, updated=timezone.now()):
            raise JobSuperseded(self.pk)

    def _current(self):
        """This job, while this object's attempt is the one running it."""
        return Job.objects.filter(pk=self.pk, status=self.Status.RUNNING, attempts=self.attempts)

    def status_data(self):
        return {
            "status": self.status,
            "status_label": "Stalled" if self.is_stale else self.get_status_display(),
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "message": self.message,
            "finished": self.is_finished,
            "errors": len(self.errors),
        }


def start_job(*, owner, kind, label, runner, upload, params=None):
    """Store the upload (if any), record the job and put it on the queue. Returns the Job."""
    job = Job(owner=owner, kind=kind, label=label, runner=f"{runner.__module__}.{runner.__qualname__}")
    job.params = params or {}
    if upload is not None:  # an export has none: its params say what to build
        extension = (upload.name or "").lower().rsplit(".", 1)[-1][:5] if "." in (upload.name or "") else "bin"
        job.input_file = default_storage.save(f"jobs/{job.id}/input.{extension}", upload)
    job.save()
    enqueue(job)
    return job


def retry_job(job):
    """Put a failed or stalled job back on the queue; its earlier attempt wrote nothing (one transaction).

    Conditional on the job being as `job` was read (same status, same heartbeat): a job whose worker
    reported in the meantime is left alone. Returns whether it was put back."""
    if not job.can_retry:
        return False
    put_back = Job.objects.filter(pk=job.pk, status=job.status, updated=job.updated).update(
        status=Job.Status.QUEUED, done=0, message="", errors=[], finished=None, updated=timezone.now()
    )
    job.refresh_from_db()
    if put_back:
        enqueue(job)
    return bool(put_back)


def enqueue(job):
    run_job.enqueue(str(job.id))


def claim(job_id):
    """The job, now running as this worker's attempt; or None if another worker has it, or it is not queued."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started=now, attempts=F("attempts") + 1, updated=now
    )
    return Job.objects.get(pk=job_id) if claimed else None


@task()
def run_job(job_id):
    job = claim(job_id)
    if job is None:
        return  # deleted, finished, or being run by another worker
    try:
        # The audit trail names the person who started the job, as it names whoever saves in a request:
        # a worker has no request, so auditlog's middleware cannot.
        with set_actor(job.owner):
            if job.input_file:
                with default_storage.open(job.input_file, "rb") as stored:
                    outcome = import_string(job.runner)(job, stored)
            else:
                outcome = import_string(job.runner)(job, None)
    except JobSuperseded:
        logger.info("Job %s attempt %s superseded; its writes were undone", job.pk, job.attempts)
        return
    except Exception as problem:  # noqa: BLE001 - any failure must end as a failed job, never a silent one
        from portal.tabular import FileProblem

        message = str(problem) if isinstance(problem, FileProblem) else "The job stopped because of an error."
        if not isinstance(problem, FileProblem):
            logger.exception("Job %s (%s) failed", job.pk, job.kind)
        _finish(job, Job.Status.FAILED, message, [])
        return
    errors = [{"row": e.row, "column": e.column, "message": e.message} for e in outcome.errors]
    if errors:
        _finish(job, Job.Status.FAILED, f"Nothing was saved: {len(errors)} problem(s) found.", errors)
    else:
        made = getattr(outcome, "content", None)  # an export's file; an import's result is its summary
        message = getattr(outcome, "message", None) or f"{outcome.created} row(s) saved."
        _finish(job, Job.Status.DONE, message, [], made and (outcome.filename, made))


def _finish(job, status, message, errors, made=None):
    current = job._current()
    job.status, job.message, job.errors, job.finished = status, message, errors, timezone.now()
    if made:
        filename, content = made
        job.result_file = default_storage.save(f"jobs/{job.id}/{filename}", ContentFile(content))
        job.result_name = filename
    else:
        job.result_file = default_storage.save(f"jobs/{job.id}/result.csv", ContentFile(_result_csv(job).encode()))
        job.result_name = f"{job.kind}-result.csv"
    if status == Job.Status.DONE:
        job.done = job.total or job.done
    fields = ("status", "message", "errors", "finished", "result_file", "result_name", "done", "total")
    current.update(**{name: getattr(job, name) for name in fields}, updated=timezone.now())


def _result_csv(job):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Outcome", job.get_status_display(), job.message])
    if job.errors:
        writer.writerow(["Row", "Column", "Problem"])
        for error in job.errors:  # the messages quote the uploaded cells: kept from running as formulas
            writer.writerow([error["row"], neutralise_formula(error["column"]), neutralise_formula(error["message"])])
    return out.getvalue()
