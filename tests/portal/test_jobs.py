"""Background jobs (portal/jobs.py): progress, outcome, the result only its owner and LA officers open, retry."""

from datetime import timedelta

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from portal.jobs import Job, JobSuperseded, _finish, claim, retry_job, run_job, start_job
from portal.models import Organisation
from portal.services.organisations import run_import_job
from portal.tabular import ImportResult, RowError, import_rows

HEADER = "Name,Kind,Phase,URN,Locality,Phone,Email,Website\n"


def upload(body, name="orgs.csv"):
    return SimpleUploadedFile(name, (HEADER + body).encode(), content_type="text/csv")


def counting_runner(job, stored_file):
    """A runner that reports progress in three steps and saves nothing."""
    for done in (1, 2, 3):
        job.report(done, 3)
    return ImportResult(created=3)


def failing_runner(job, stored_file):
    return ImportResult(errors=[RowError(4, "Email", '=HYPERLINK("x") is not an email address.')])


def crashing_runner(job, stored_file):
    """Writes, then dies mid-job as a killed worker would: the write must not survive."""
    with transaction.atomic():
        Organisation.objects.create(name="Half imported", kind="agency", slug="half-imported")
        raise RuntimeError("worker killed")


def start(owner, runner=counting_runner, body="Elm,School,Primary,111111,North,,,\n"):
    return start_job(owner=owner, kind="test", label="Test job", runner=runner, upload=upload(body))


@pytest.mark.django_db
class TestRunning:
    def test_a_job_runs_reports_progress_and_keeps_a_result(self, la_officer):
        job = start(la_officer)
        job.refresh_from_db()
        assert (job.status, job.done, job.total, job.percent) == ("done", 3, 3, 100)
        assert job.message == "3 row(s) saved." and job.finished and job.attempts == 1
        assert job.runner == "tests.portal.test_jobs.counting_runner"

    def test_an_import_job_saves_every_row_or_names_the_problems(self, admin_user, north):
        good = start(admin_user, run_import_job, "Elm Primary,School,Primary,111111,North,,,\nYew,Agency,,,north,,,\n")
        good.refresh_from_db()
        assert good.status == "done" and Organisation.objects.filter(name__in=["Elm Primary", "Yew"]).count() == 2
        bad = start(admin_user, run_import_job, "Ash,School,Primary,222222,North,,,\nBad,School,Primary,1,North,,,\n")
        bad.refresh_from_db()
        assert bad.status == "failed" and bad.errors[0]["row"] == 3 and bad.errors[0]["column"] == "URN"
        assert not Organisation.objects.filter(name="Ash").exists()

    def test_an_import_job_records_its_owner_in_the_audit_trail(self, admin_user, north):
        from auditlog.models import LogEntry

        start(admin_user, run_import_job, "Elm Primary,School,Primary,111111,North,,,\nYew,Agency,,,north,,,\n")
        entries = LogEntry.objects.filter(object_repr__in=["Elm Primary", "Yew"]).order_by("object_repr")
        assert [(entry.object_repr, entry.action, entry.actor) for entry in entries] == [
            ("Elm Primary", LogEntry.Action.CREATE, admin_user),
            ("Yew", LogEntry.Action.CREATE, admin_user),
        ]

    def test_a_crash_leaves_nothing_written_and_the_job_failed(self, la_officer):
        job = start(la_officer, crashing_runner)
        job.refresh_from_db()
        assert job.status == "failed" and job.message == "The job stopped because of an error."
        assert "worker killed" not in job.message  # no internals shown to the person
        assert not Organisation.objects.filter(name="Half imported").exists()

    def test_a_finished_job_is_not_run_twice(self, la_officer):
        job = start(la_officer)
        run_job.call(str(job.pk))
        job.refresh_from_db()
        assert job.attempts == 1

    def test_a_silent_job_is_stalled_and_may_be_retried(self, client_for, la_officer, settings):
        job = start(la_officer)
        Job.objects.filter(pk=job.pk).update(status="running", updated=timezone.now() - timedelta(hours=1))
        job.refresh_from_db()
        assert job.is_stale and job.can_retry
        page = client_for(la_officer).get(f"/jobs/{job.pk}/").content.decode()
        assert "Stalled" in page and "has stopped reporting progress" in page and ">Retry</button>" in page
        response = client_for(la_officer).post(f"/jobs/{job.pk}/retry/")
        assert response.status_code == 302
        job.refresh_from_db()
        assert job.status == "done" and job.attempts == 2

    def test_a_running_job_that_reports_is_not_retried(self, client_for, la_officer):
        job = start(la_officer)
        Job.objects.filter(pk=job.pk).update(status="running", updated=timezone.now())
        assert client_for(la_officer).post(f"/jobs/{job.pk}/retry/").status_code == 404


@pytest.mark.django_db
class TestPage:
    def test_the_page_shows_an_accessible_progress_bar_and_polls(self, client_for, la_officer):
        job = start(la_officer)
        Job.objects.filter(pk=job.pk).update(status="running", done=500, total=2000, message="", updated=timezone.now())
        page = client_for(la_officer).get(f"/jobs/{job.pk}/").content.decode()
        assert '<progress id="job-progress" max="2000" value="500"' in page
        assert "500 of 2000 rows checked (25%)" in page
        assert 'role="status"' in page and "In progress" in page
        assert f'data-status-url="/jobs/{job.pk}/status.json"' in page and "job-progress.js" in page
        assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page  # no-JS fallback
        status = client_for(la_officer).get(f"/jobs/{job.pk}/status.json")
        assert status.json() == {
            "status": "running",
            "status_label": "In progress",
            "done": 500,
            "total": 2000,
            "percent": 25,
            "message": "",
            "finished": False,
            "errors": 0,
        }
        assert status["Cache-Control"] == "no-store"

    def test_a_failed_job_lists_errors_by_row_and_column_and_its_csv_is_safe(self, client_for, la_officer):
        job = start(la_officer, failing_runner)
        client = client_for(la_officer)
        page = client.get(f"/jobs/{job.pk}/").content.decode()
        assert "<title>Error: Test job" in page and "Nothing was saved: 1 problem found" in page
        assert "<td>4</td><td>Email</td>" in page
        assert "<progress" in page and "Refresh this page" not in page  # finished: no refresh
        download = b"".join(client.get(f"/jobs/{job.pk}/download/").streaming_content).decode()
        assert "Row,Column,Problem" in download and "4,Email,\"'=HYPERLINK" in download  # kept as text

    @pytest.mark.parametrize("path", ["", "status.json", "download/"])
    @pytest.mark.parametrize(
        "role, allowed",
        [
            ("la_officer", True),  # the owner
            ("admin", True),
            ("board_member", False),
            ("school_lead", False),
            ("school_editor", False),
            ("agency_lead", False),
            ("no_role", False),
        ],
    )
    def test_only_the_owner_and_la_officers_open_a_job(self, client_for, everyone, role, allowed, path):
        job = start(everyone["la_officer"])
        response = client_for(everyone[role]).get(f"/jobs/{job.pk}/{path}")
        assert response.status_code == (200 if allowed else 404)

    def test_another_la_officer_reads_but_only_the_owner_retries(self, client_for, la_officer, school_lead):
        from tests.conftest import make_user

        job = start(school_lead, crashing_runner)
        other = make_user("second-officer@test.example", role=la_officer.partnership_role)
        assert client_for(other).get(f"/jobs/{job.pk}/").status_code == 200
        assert ">Retry</button>" not in client_for(other).get(f"/jobs/{job.pk}/").content.decode()
        assert client_for(other).post(f"/jobs/{job.pk}/retry/").status_code == 404
        assert client_for(school_lead).post(f"/jobs/{job.pk}/retry/").status_code == 302

    def test_a_job_refused_for_its_files_problems_offers_no_retry(self, client_for, school_lead):
        job = start(school_lead, failing_runner)
        page = client_for(school_lead).get(f"/jobs/{job.pk}/").content.decode()
        assert "Nothing was saved: 1 problem found" in page and ">Retry</button>" not in page
        assert "Download the problems (CSV)" in page and "Not started yet" not in page
        assert client_for(school_lead).post(f"/jobs/{job.pk}/retry/").status_code == 404

    def test_anonymous_is_sent_to_sign_in(self, client, la_officer):
        job = start(la_officer)
        response = client.get(f"/jobs/{job.pk}/download/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    @pytest.mark.parametrize("path", ["/jobs/not-a-uuid/", "/jobs/00000000-0000-0000-0000-000000000000/status.json"])
    def test_unknown_ids_are_404(self, client_for, la_officer, path):
        assert client_for(la_officer).get(path).status_code == 404


@pytest.mark.django_db
def test_the_import_cap_is_at_least_50000_rows(settings):
    from portal.settings import base

    assert base.IMPORT_MAX_ROWS >= 50_000
    assert base.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


@pytest.mark.django_db
class TestClaim:
    """One attempt at a time: claimed by a conditional UPDATE, every later write conditional on it."""

    def queued(self, owner):
        job = start(owner)
        Job.objects.filter(pk=job.pk).update(status="queued", attempts=0, done=0)
        return Job.objects.get(pk=job.pk)

    def test_only_one_of_two_workers_claims_a_queued_job(self, la_officer):
        job = self.queued(la_officer)
        first, second = claim(job.pk), claim(job.pk)
        assert first is not None and first.status == "running" and first.attempts == 1
        assert second is None
        assert Job.objects.get(pk=job.pk).attempts == 1

    def test_a_superseded_attempt_stops_at_its_next_report(self, la_officer):
        job = claim(self.queued(la_officer).pk)
        Job.objects.filter(pk=job.pk).update(attempts=2)  # retried and claimed by another worker meanwhile
        with pytest.raises(JobSuperseded):
            job.report(1, 3)
        assert Job.objects.get(pk=job.pk).done == 0

    def test_a_superseded_import_undoes_what_it_wrote(self, admin_user, north):
        def import_overtaken(job, stored_file):
            def save_all(forms):
                Organisation.objects.create(name="Overtaken", kind="agency", slug="overtaken")
                Job.objects.filter(pk=job.pk).update(attempts=job.attempts + 1)  # another attempt took over

            table = [(2, {"name": "Overtaken"})]
            return import_rows(table, form_class=forms.Form, columns={}, save_all=save_all, progress=job.report)

        job = self.queued(admin_user)
        claimed = claim(job.pk)
        with pytest.raises(JobSuperseded):
            import_overtaken(claimed, None)
        assert not Organisation.objects.filter(name="Overtaken").exists()

    def test_a_retry_is_refused_when_the_job_reported_since_it_was_read(self, la_officer):
        job = start(la_officer)
        Job.objects.filter(pk=job.pk).update(status="running", updated=timezone.now() - timedelta(hours=1))
        seen = Job.objects.get(pk=job.pk)
        assert seen.can_retry
        Job.objects.filter(pk=job.pk).update(updated=timezone.now() - timedelta(hours=1, seconds=-1))  # a report
        assert retry_job(seen) is False
        assert Job.objects.get(pk=job.pk).status == "running"

    def test_an_outcome_of_a_superseded_attempt_is_not_written(self, la_officer):
        job = claim(self.queued(la_officer).pk)
        Job.objects.filter(pk=job.pk).update(attempts=5)
        _finish(job, Job.Status.DONE, "3 row(s) saved.", [])
        assert Job.objects.get(pk=job.pk).status == "running"
