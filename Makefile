# The two commands: `make run` and `make test`. Each bootstraps what it needs from a clean clone.
# `make bench` runs every benchmark (bench/run_all.py; BENCH_ARGS=--full for the issues' sizes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The suite runs on both cores (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 2
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: run test bench install migrate demo lock clean check-deploy serve-prod worker

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pinned requirements change.
$(STAMP): $(BIN)/python requirements/base.txt requirements/test.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/test.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput
	PORT=$(PORT) $(BIN)/python manage.py sync_site

demo: migrate
	$(BIN)/python manage.py seed_demo --if-new

# The development server and, beside it, one background-job worker (imports run there), stopped with it.
run: demo
	PORT=$(PORT) $(BIN)/python manage.py db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The background-job worker (django-tasks' database queue): imports run here, not in the web request.
worker: migrate
	$(BIN)/python manage.py db_worker --no-reload

# What the production image runs, without containers: Gunicorn on the production settings, WhiteNoise
# serving collected static files. Plain HTTP on 127.0.0.1, so no SSL redirect and cookies that plain HTTP
# may carry; no control socket in $HOME, so two of them (PORT=8001, PORT=8002) can run; a throwaway key unless
# SECRET_KEY is set. Run `make worker` beside it (DJANGO_SETTINGS_MODULE is exported to both the same way).
PROD_ENV = DJANGO_SETTINGS_MODULE=portal.settings.production SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} \
  SECURE_COOKIES=$${SECURE_COOKIES:-false} \
  ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
  SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')}
WEB_WORKERS ?= 3
serve-prod: migrate
	$(PROD_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(PROD_ENV) $(BIN)/gunicorn portal.wsgi --bind 127.0.0.1:$(PORT) --workers $(WEB_WORKERS) --timeout 60 \
	  --access-logfile - --no-control-socket

test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Locust (the load run) on top of the test set, reinstalled only when its pins change.
$(BENCH_STAMP): $(STAMP) requirements/bench.txt
	$(BIN)/pip install --quiet -r requirements/bench.txt
	touch $(BENCH_STAMP)

# SQLite by default; DATABASE_URL=postgres://... runs each benchmark in its own PostgreSQL database.
bench: $(BENCH_STAMP)
	$(BIN)/python bench/run_all.py $(BENCH_ARGS)

check-deploy: install
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	  ALLOWED_HOSTS=earlyhelp.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

# Regenerate the pinned sets after changing requirements/base.in (review the diff before committing).
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv && .lockenv/bin/pip install --quiet -r requirements/base.in
	{ echo "# Pinned runtime set (pip freeze of requirements/base.in). Regenerate with: make lock"; .lockenv/bin/pip freeze; } > requirements/base.txt
	rm -rf .lockenv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
