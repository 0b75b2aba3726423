"""Figures that are the same for every visitor, kept in Django's cache until what they are made from changes.

A `Generation` names a set of cached values (the public directory's counts and pages, its filter
choices). Each value's key carries the generation's current token, so `changed()` retires all of them
at once with one cache write: the app that owns the data connects it to the signals that change it
(see home/signals.py). With several app servers the cache must be shared (CACHE_URL, Redis), as for
sessions' throttling; the timeout bounds how long a missed signal could show old figures.
"""

import hashlib
import uuid

from django.core.cache import cache

TIMEOUT = 600  # seconds


class Generation:
    def __init__(self, name):
        self.name = name
        self.key = f"generation:{name}"

    def token(self):
        token = cache.get(self.key)
        if token is None:
            cache.add(self.key, uuid.uuid4().hex, None)
            token = cache.get(self.key)
        return token

    def changed(self, **signal_kwargs):
        """Retire every value cached under this generation (usable as a signal receiver)."""
        cache.set(self.key, uuid.uuid4().hex, None)

    def cached(self, parts, compute, timeout=TIMEOUT):
        """compute()'s value for `parts` (anything with a stable repr), from the cache when it holds it."""
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
        key = f"{self.name}:{self.token()}:{digest}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, timeout)
        return value
