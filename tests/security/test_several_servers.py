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
from django.db import connection

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
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
def two_servers():
    db = settings.DATABASES["default"]
    database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "CACHE_URL": "redis://127.0.0.1:6379/9",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "shared-by-both-servers-" + "x" * 40,
    }
    ports, processes = [_free_port(), _free_port()], []
    for port in ports:
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1",
             "--timeout", "60"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        ))
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
    token = _csrf(browser, f"{server_a}/accounts/login/")
    signed_in = browser.post(
        f"{server_a}/accounts/login/",
        data={"username": school_lead.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{server_a}/accounts/login/"},
        allow_redirects=False, timeout=10,
    )
    assert signed_in.status_code == 302
    dashboard = browser.get(f"{server_b}/dashboard/", timeout=10)
    assert dashboard.status_code == 200 and "Organisation lead" in dashboard.text

    # An edit started on B and saved on A after someone else saved on B is refused, not lost.
    page = browser.get(f"{server_b}/organisations/{school.slug}/contact/", timeout=10).text
    version = page.split('name="version" value="')[1].split('"')[0]
    form = {"address": "", "postcode": "", "phone": "0116 1", "email": "", "website": "", "version": version,
            "csrfmiddlewaretoken": browser.cookies.get("csrftoken")}
    first = browser.post(f"{server_b}/organisations/{school.slug}/contact/", data=form, allow_redirects=False,
                         headers={"Referer": server_b}, timeout=10)
    assert first.status_code == 302
    second = browser.post(f"{server_a}/organisations/{school.slug}/contact/", data={**form, "phone": "0116 2"},
                          headers={"Referer": server_a}, timeout=10)
    assert "Someone else saved changes" in second.text
    school.refresh_from_db()
    assert school.phone == "0116 1"
