"""Deployment: /healthz, structured logs, the search backend setting, the Dockerfile and compose.yaml."""

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.db import DatabaseError

from portal import health
from portal.log_format import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
class TestHealthz:
    def test_healthy_is_200_json_naming_each_check(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "migrations": "ok"}
        assert "no-cache" in response["Cache-Control"]

    def test_unapplied_migrations_are_503(self, client, monkeypatch):
        monkeypatch.setattr(health.MigrationExecutor, "migration_plan", lambda self, targets: [("portal", "9999")])
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json() == {"status": "failing", "database": "ok", "cache": "ok", "migrations": "failing"}

    def test_an_unreachable_cache_is_503(self, client, monkeypatch):
        def broken(*args, **kwargs):
            raise ConnectionError("redis down")

        monkeypatch.setattr(health.cache, "set", broken)
        response = client.get("/healthz")
        assert response.status_code == 503 and response.json()["cache"] == "failing"
        assert "redis down" not in response.content.decode()  # nothing about the infrastructure leaks

    def test_an_unreachable_database_is_503_and_migrations_unknown(self, client, monkeypatch):
        def broken():
            raise DatabaseError("connection refused")

        monkeypatch.setitem(health.CHECKS, "database", broken)
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json() == {"status": "failing", "database": "failing", "cache": "ok", "migrations": "unknown"}

    def test_exempt_from_the_ssl_redirect_in_production(self):
        source = (ROOT / "portal/settings/production.py").read_text()
        assert 'SECURE_REDIRECT_EXEMPT = [r"^healthz$"]' in source


def test_json_logs_are_one_object_a_line():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("portal.jobs", logging.ERROR, __file__, 1, "Job %s failed", ("x",), sys.exc_info())
    line = JsonFormatter().format(record)
    assert "\n" not in line.strip().splitlines()[0] and line.count("\n") == 0
    entry = json.loads(line)
    assert (entry["level"], entry["logger"], entry["message"]) == ("ERROR", "portal.jobs", "Job x failed")
    assert "ValueError: boom" in entry["exception"] and entry["time"].endswith("+00:00")


def settings_with(**env):
    """portal.settings.base evaluated in a fresh interpreter with the given environment."""
    code = (
        "import json, portal.settings.base as s; "
        "print(json.dumps({'search': s.WAGTAILSEARCH_BACKENDS, 'log': s.LOGGING['handlers']['console']['formatter'],"
        " 'tasks': s.TASKS}))"
    )
    environment = {"PATH": "/usr/bin:/bin", **env}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_settings_from_the_environment():
    default = settings_with()
    assert default["search"] == {"default": {"BACKEND": "wagtail.search.backends.database"}}
    assert default["log"] == "text"
    assert default["tasks"] == {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    chosen = settings_with(
        SEARCH_URL="https://search.example:9200",
        SEARCH_BACKEND="wagtail.search.backends.opensearch2",
        LOG_FORMAT="json",
    )
    backend = chosen["search"]["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["https://search.example:9200"] and backend["INDEX"] == "earlyhelp"
    assert chosen["log"] == "json"


class TestContainers:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    dockerfile = (ROOT / "Dockerfile").read_text()

    def test_services_two_web_servers_and_a_worker_on_one_image(self):
        services = self.compose["services"]
        assert {"db", "redis", "migrate", "web-1", "web-2", "worker"} <= set(services)
        images = {services[name]["image"] for name in ("migrate", "web-1", "web-2", "worker")}
        assert images == {"earlyhelp-portal"} and all(services[n]["build"] == "." for n in ("web-1", "worker"))
        assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]
        assert "command" not in services["web-1"]  # the image's own Gunicorn command
        assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]

    def test_every_portal_service_shares_the_database_cache_and_media(self):
        services = self.compose["services"]
        for name in ("web-1", "web-2", "worker", "migrate"):
            env = services[name]["environment"]
            assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]
            assert env["CACHE_URL"] == "redis://redis:6379/1"
            assert env["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
            assert env["SECRET_KEY"].startswith("${SECRET_KEY:?")  # no key baked into the file
            assert env["LOG_FORMAT"] == "json"
            assert "media:/app/media" in services[name]["volumes"]

    def test_healthchecks_and_start_order(self):
        services = self.compose["services"]
        assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
        assert services["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
        for name in ("web-1", "web-2", "worker"):
            depends = services[name]["depends_on"]
            assert depends["migrate"]["condition"] == "service_completed_successfully"
            assert depends["db"]["condition"] == depends["redis"]["condition"] == "service_healthy"
        assert services["worker"]["healthcheck"] == {"disable": True}
        assert {services["web-1"]["ports"][0], services["web-2"]["ports"][0]} == {"8001:8000", "8002:8000"}

    def test_the_dockerfile_is_slim_non_root_gunicorn_with_a_healthcheck(self):
        lines = self.dockerfile.splitlines()
        assert lines[[line.startswith("FROM") for line in lines].index(True)] == "FROM python:3.11-slim"
        assert "USER portal" in lines and "useradd" in self.dockerfile
        assert lines.index("USER portal") < [line.startswith("CMD") for line in lines].index(True)
        assert "HEALTHCHECK" in self.dockerfile and "/healthz" in self.dockerfile
        assert "gunicorn portal.wsgi" in self.dockerfile and "collectstatic --noinput" in self.dockerfile
        assert "pip install -r requirements/base.txt" in self.dockerfile

    def test_make_runs_the_same_processes(self):
        makefile = (ROOT / "Makefile").read_text()
        assert "manage.py db_worker" in makefile and "gunicorn portal.wsgi" in makefile
        assert "serve-prod:" in makefile and "worker:" in makefile
