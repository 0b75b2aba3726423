"""`/healthz`: is this app server fit to take requests? For the load balancer and the container's HEALTHCHECK.

200 with {"status": "ok", ...} when the database answers, the cache stores and returns a value, and every
migration is applied; otherwise 503 naming what failed. It reveals nothing else (no versions, no hosts).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache():
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


def _migrations():
    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


CHECKS = {"database": _database, "cache": _cache, "migrations": _migrations}


@never_cache
@transaction.non_atomic_requests  # a request transaction would need the database before the check could report it
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        if name == "migrations" and results.get("database") != "ok":
            results[name] = "unknown"
            continue
        try:
            results[name] = "ok" if check() else "failing"
        except Exception as problem:  # noqa: BLE001 - any failure at all means "not healthy"
            logger.warning("Health check %s failed: %s", name, type(problem).__name__)
            results[name] = "failing"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "failing", **results}, status=200 if healthy else 503)
