"""Two Gunicorn servers sharing one PostgreSQL and one Redis: a person signs in on one and carries on
on the other, and neither server keeps anything the other needs.

Runs only on PostgreSQL (the CI's second run) with Redis answering; on SQLite it is skipped.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.signing import JSONSerializer
from django.db import connection
from django.utils import timezone

from audits.models import Action, Audit, OutcomeRecord
from portal.models import Organisation
from portal.periods import academic_year
from testdata.people import PASSWORD
from tests.audits.helpers import form_data

ROOT = Path(__file__).resolve().parents[2]
SERVERS_SECRET_KEY = "shared-by-both-servers-" + "x" * 40
REDIS = ("127.0.0.1", 6379)


def _redis_answers():
    try:
        with socket.create_connection(REDIS, timeout=1):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL shared by both servers"),
    pytest.mark.skipif(not _redis_answers(), reason="needs Redis on 127.0.0.1:6379"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def servers_env(tmp_path):
    """What every server and the worker are started with: one database, one Redis, one media folder."""
    db = settings.DATABASES["default"]
    database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "CACHE_URL": "redis://127.0.0.1:6379/9",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": SERVERS_SECRET_KEY,
        "MEDIA_ROOT": str(tmp_path / "media"),  # uploads and job results, shared as a network volume would be
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }


@pytest.fixture
def worker(servers_env):
    """One background-job worker (manage.py db_worker) on the servers' database."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=servers_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def two_servers(servers_env):
    env = servers_env
    ports, processes = [_free_port(), _free_port()], []
    for port in ports:
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "portal.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--timeout",
                    "60",
                    "--no-control-socket",
                ],  # no control socket in $HOME shared by both
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        )
    try:
        for port in ports:
            deadline = time.monotonic() + 60
            while True:
                try:
                    requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=15)
                    break
                except requests.RequestException:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"server on {port} did not start") from None
                    time.sleep(0.3)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)


def _csrf(session, url):
    session.get(url, timeout=10)
    return session.cookies.get("csrftoken")


def _usable_by_the_servers(user):
    """The tests hash passwords with a fast hasher the servers do not accept; give the real one."""
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "serverssalt")
    user.save()


def test_sign_in_on_one_server_and_carry_on_on_the_other(two_servers, school_lead, school):
    server_a, server_b = two_servers
    _usable_by_the_servers(school_lead)
    browser = requests.Session()  # cookies are per host, not per port: both servers get them
    _sign_in(browser, server_a, school_lead)
    dashboard = browser.get(f"{server_b}/dashboard/", timeout=10)
    assert dashboard.status_code == 200 and "Organisation lead" in dashboard.text

    # An edit started on B and saved on A after someone else saved on B is refused, not lost.
    page = browser.get(f"{server_b}/organisations/{school.slug}/contact/", timeout=10).text
    version = page.split('name="version" value="')[1].split('"')[0]
    form = {
        "address": "",
        "postcode": "",
        "phone": "0116 1",
        "email": "",
        "website": "",
        "version": version,
        "csrfmiddlewaretoken": browser.cookies.get("csrftoken"),
    }
    first = browser.post(
        f"{server_b}/organisations/{school.slug}/contact/",
        data=form,
        allow_redirects=False,
        headers={"Referer": server_b},
        timeout=10,
    )
    assert first.status_code == 302
    second = browser.post(
        f"{server_a}/organisations/{school.slug}/contact/",
        data={**form, "phone": "0116 2"},
        headers={"Referer": server_a},
        timeout=10,
    )
    assert "Someone else saved changes" in second.text
    school.refresh_from_db()
    assert school.phone == "0116 1"


def _sign_in(browser, server, user):
    token = _csrf(browser, f"{server}/accounts/login/")
    signed_in = browser.post(
        f"{server}/accounts/login/",
        data={"username": user.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{server}/accounts/login/"},
        allow_redirects=False,
        timeout=10,
    )
    assert signed_in.status_code == 302


def _stored_session(browser):
    """The browser's session as the servers stored it in the shared database (signed with their key)."""
    session = Session.objects.get(session_key=browser.cookies.get(settings.SESSION_COOKIE_NAME))
    return signing.loads(
        session.session_data,
        key=SERVERS_SECRET_KEY,
        salt="django.contrib.sessions.SessionStore",
        serializer=JSONSerializer,
    )


def _answer_step(browser, server, step_url, **answers):
    """Open a wizard step on `server`, post its form as a browser would with `answers` typed in; the reply."""
    page = browser.get(f"{server}{step_url}", timeout=15)
    assert page.status_code == 200 and page.url == f"{server}{step_url}"
    data = {**form_data(page.text), **answers, "save_and_continue": ""}
    return browser.post(
        f"{server}{step_url}", data=data, headers={"Referer": f"{server}{step_url}"}, allow_redirects=False, timeout=15
    )


def test_the_commitments_audit_wizard_started_on_one_server_continued_on_the_other(two_servers, school_lead, school):
    """A DSL starts the audit on A, answers two commitments there, carries on on B where the wizard resumes at
    the next one, answers two there, and finishes on A: every answer from both servers is saved."""
    server_a, server_b = two_servers
    _usable_by_the_servers(school_lead)
    year = academic_year(timezone.localdate())
    browser = requests.Session()
    _sign_in(browser, server_a, school_lead)
    # Sessions are kept where every server finds them: the shared database.
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert int(_stored_session(browser)["_auth_user_id"]) == school_lead.pk

    start = f"/audits/schools/{school.slug}/start/"
    token = form_data(browser.get(f"{server_a}{start}", timeout=15).text)["csrfmiddlewaretoken"]
    started = browser.post(
        f"{server_a}{start}",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{server_a}{start}"},
        allow_redirects=False,
        timeout=15,
    )
    audit = Audit.objects.get(organisation=school, academic_year=year)
    steps = f"/audits/{audit.pk}/steps/"
    assert started.headers["Location"] == steps
    assert browser.get(f"{server_a}{steps}", allow_redirects=False, timeout=15).headers["Location"] == (
        f"{steps}commitment-1/"
    )

    # On A: commitments 1 and 2.
    today = timezone.localdate().strftime("%d/%m/%Y")
    on_a = _answer_step(
        browser,
        server_a,
        f"{steps}commitment-1/",
        **{
            # Outcome 1 (the named DSL) follows the school's designated-lead record; outcome 2 is typed.
            "commitment-1-outcomes-1-complete": "yes",
            "commitment-1-outcomes-1-achieved_on": today,
            "commitment-1-actions-0-rag": "green",
            "commitment-1-actions-0-notes": "Done, typed on A",
        },
    )
    assert on_a.headers["Location"] == f"{steps}commitment-2/"
    on_a = _answer_step(
        browser,
        server_a,
        f"{steps}commitment-2/",
        **{
            "commitment-2-staff-0-name": "Aisha Begum (typed on A)",
            "commitment-2-staff-0-part_a_on": today,
            "commitment-2-staff-0-part_b_on": today,
            "commitment-2-staff-0-login_received": "on",
        },
    )
    assert on_a.headers["Location"] == f"{steps}commitment-3/"

    # On B: the wizard resumes at commitment 3, showing what A saved; commitments 3 and 4.
    resumed = browser.get(f"{server_b}{steps}", allow_redirects=False, timeout=15)
    assert resumed.headers["Location"] == f"{steps}commitment-3/"
    assert "Done, typed on A" in browser.get(f"{server_b}{steps}commitment-1/", timeout=15).text
    on_b = _answer_step(
        browser,
        server_b,
        f"{steps}commitment-3/",
        **{
            "commitment-3-actions-0-rag": "amber",
            "commitment-3-actions-0-owner": "Pastoral lead (typed on B)",
        },
    )
    assert on_b.headers["Location"] == f"{steps}commitment-4/"
    on_b = _answer_step(
        browser,
        server_b,
        f"{steps}commitment-4/",
        **{
            "commitment-4-actions-0-rag": "red",
            "commitment-4-actions-0-notes": "Needs governors, typed on B",
        },
    )
    assert on_b.headers["Location"] == f"{steps}check/"
    # The wizard's own state (formtools' session storage) is in the shared session too.
    assert _stored_session(browser)[f"wizard_audit_wizard_{audit.pk}"]["step"] == "commitment-4"

    # Back on A: it resumes at checking the answers, which shows every answer from both servers; submit.
    assert browser.get(f"{server_a}{steps}", allow_redirects=False, timeout=15).headers["Location"] == (
        f"{steps}check/"
    )
    check = browser.get(f"{server_a}{steps}check/", timeout=15).text
    for typed in (
        "Done, typed on A",
        "Aisha Begum (typed on A)",
        "Pastoral lead (typed on B)",
        "Needs governors, typed on B",
    ):
        assert typed in check
    data = {**form_data(check), "check-confirm": "on"}
    submitted = browser.post(
        f"{server_a}{steps}check/",
        data=data,
        headers={"Referer": f"{server_a}{steps}check/"},
        allow_redirects=False,
        timeout=15,
    )
    assert submitted.headers["Location"] == f"/audits/{audit.pk}/"
    assert "has been submitted to the local authority" in browser.get(f"{server_b}/audits/{audit.pk}/", timeout=15).text

    audit.refresh_from_db()
    assert audit.is_submitted and audit.submitted_by == school_lead
    assert audit.sections.count() == 4
    record = OutcomeRecord.objects.get(audit=audit, outcome__commitment__number=1, outcome__position=2)
    assert record.complete is True
    assert list(audit.trained_staff.values_list("name", flat=True)) == ["Aisha Begum (typed on A)"]
    assert OutcomeRecord.objects.get(audit=audit, outcome__kind="trained_staff").complete is True
    first_actions = {
        number: Action.objects.filter(audit=audit, commitment__number=number)
        .order_by("outcome__position", "position", "pk")
        .first()
        for number in (1, 3, 4)
    }
    assert (first_actions[1].rag, first_actions[1].notes) == ("green", "Done, typed on A")
    assert (first_actions[3].rag, first_actions[3].owner) == ("amber", "Pastoral lead (typed on B)")
    assert (first_actions[4].rag, first_actions[4].notes) == ("red", "Needs governors, typed on B")


def test_an_import_started_on_one_server_runs_on_the_worker_and_is_followed_on_the_other(
    two_servers, worker, admin_user
):
    """The administrator uploads 300 organisations on A; the worker imports them; B shows the progress and
    serves the result; nothing runs inside either server's request."""
    server_a, server_b = two_servers
    _usable_by_the_servers(admin_user)
    browser = requests.Session()
    _sign_in(browser, server_a, admin_user)
    url = f"{server_a}/admin/organisations-import/"
    token = _csrf(browser, url)
    rows = "".join(f"Worker Agency {i},Agency,,,,,,\n" for i in range(300))
    upload = ("orgs.csv", "Name,Kind,Phase,URN,Locality,Phone,Email,Website\n" + rows, "text/csv")
    started = browser.post(
        url,
        data={"csrfmiddlewaretoken": token},
        files={"file": upload},
        headers={"Referer": url},
        allow_redirects=False,
        timeout=30,
    )
    assert started.status_code == 302 and started.headers["Location"].startswith("/jobs/")
    job_path = started.headers["Location"]

    seen, deadline = [], time.monotonic() + 120
    while time.monotonic() < deadline:
        status = browser.get(f"{server_b}{job_path}status.json", timeout=15).json()
        seen.append(status["status"])
        if status["finished"]:
            break
        time.sleep(0.3)
    assert status["status"] == "done", status
    assert (status["done"], status["total"], status["percent"]) == (300, 300, 100)
    assert set(seen) <= {"queued", "running", "done"}

    page = browser.get(f"{server_b}{job_path}", timeout=15).text
    assert "Finished: 300 row(s) saved." in page and '<progress id="job-progress" max="300" value="300"' in page
    download = browser.get(f"{server_b}{job_path}download/", timeout=15)
    assert download.status_code == 200 and download.text.startswith("Outcome,Finished,300 row(s) saved.")
    assert Organisation.objects.filter(name__startswith="Worker Agency").count() == 300
    assert requests.get(f"{server_b}{job_path}download/", timeout=15, allow_redirects=False).status_code == 302
