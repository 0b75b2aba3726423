"""Settings for the Gunicorn server of bench/load.py: the development settings with DEBUG off.

DEBUG is off (as in production) so that WhiteNoise serves collected static files and no page carries
debug overhead; the secure-cookie and HTTPS-redirect settings of `production` are left out because the
load runs over plain HTTP on loopback. The static and media folders are the run's own temporary ones
(BENCH_STATIC_ROOT, MEDIA_ROOT), so a load run leaves nothing in the checkout.
"""

from portal.settings.dev import *  # noqa: F401,F403
from portal.settings.dev import DATABASES, env

DEBUG = False
STATIC_ROOT = env.path("BENCH_STATIC_ROOT")
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # as in production: no connect per request
