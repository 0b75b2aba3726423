"""Production settings: refuse a weak secret key; `check --deploy` clean as the README documents."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # A clean environment: nothing the test process set for itself (e.g. the browser tests' async flag).
    skip = ("SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in skip}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize("secret", ["", "short", "insecure-" + "x" * 60, "a" * 60])
def test_production_refuses_to_start_without_a_real_secret_key(secret):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secret,
        ALLOWED_HOSTS="earlyhelp.example.org",
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY to a long random value" in result.stderr


def test_check_deploy_is_clean_with_documented_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="k3y-" + "Zq8vN2xLp0RtY6wB" * 4,
        ALLOWED_HOSTS="earlyhelp.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_database_url_selects_the_database():
    import environ

    config = environ.Env.db_url_config("postgres://postgres@127.0.0.1:5432/portal")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "portal"


def test_default_database_is_sqlite_in_the_project_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django,os;os.environ['DJANGO_SETTINGS_MODULE']='portal.settings.dev';django.setup();"
            "from django.conf import settings as s;"
            "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'])",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(ROOT / "db.sqlite3")
