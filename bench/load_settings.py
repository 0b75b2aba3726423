"""Settings for the Gunicorn server of bench/load.py: the development settings with DEBUG off.

DEBUG is off (as in production) so that WhiteNoise serves collected static files and no page carries
debug overhead; the secure-cookie and HTTPS-redirect settings of `production` are left out because the
load runs over plain HTTP on loopback. The static and media folders are the run's own temporary ones
(BENCH_STATIC_ROOT, MEDIA_ROOT), so a load run leaves nothing in the checkout.

On SQLite, several Gunicorn workers write at once (sign-ins create sessions), and SQLite's default
deferred transactions then fail with "database is locked" when one upgrades to writing while another
writes. Starting every transaction as a writer (IMMEDIATE) makes them wait their turn instead, up to
the timeout. PostgreSQL needs none of this.
"""

from portal.settings.dev import *  # noqa: F401,F403
from portal.settings.dev import DATABASES, env

DEBUG = False
STATIC_ROOT = env.path("BENCH_STATIC_ROOT")
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # as in production: no connect per request

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 30})
