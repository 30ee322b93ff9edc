"""/healthz: database, cache and broker, and search backend state for load balancers.

Only ok flags are public; the reasons for a failure go to the log.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.backends import get_backend

logger = logging.getLogger(__name__)


def _check(name: str, probe) -> dict:
    try:
        return probe()
    except Exception:  # noqa: BLE001  (a health check reports, it never raises)
        logger.exception("Health check %s failed", name)
        return {"ok": False}


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True, "vendor": connection.vendor}


def _cache() -> dict:
    cache.set("healthz", "ok", 10)
    return {
        "ok": cache.get("healthz") == "ok",
        "backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
    }


def _broker() -> dict:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "eager"}
    from marketplace.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return {"ok": True, "mode": "worker"}


def _search() -> dict:
    return get_backend().status()


@never_cache
def healthz(request):
    checks = {
        name: _check(name, probe)
        for name, probe in (
            ("database", _database),
            ("cache", _cache),
            ("broker", _broker),
            ("search", _search),
        )
    }
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"status": "ok" if healthy else "degraded", **checks}, status=200 if healthy else 503)
