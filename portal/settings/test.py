"""Tests: fast password hashing, mail kept in memory, the database from DATABASE_URL like everywhere."""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Login throttling is switched on by the tests that exercise it (settings fixture), so that the rest of
# the suite may use the test client's login().
AXES_ENABLED = False

# Background jobs run at once, in the request that starts them (the several-servers test runs a real worker).
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}}
