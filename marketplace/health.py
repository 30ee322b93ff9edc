"""/healthz: database, cache and broker, and search backend state for load balancers."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.backends import get_backend


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"ok": True, "vendor": connection.vendor}
    except Exception as error:  # noqa: BLE001  (report, never raise, from a health check)
        return {"ok": False, "vendor": connection.vendor, "error": str(error)}


def _cache_and_broker() -> dict:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        broker = {"ok": True, "mode": "eager"}
    else:
        broker = _ping_broker()
    try:
        cache.set("healthz", "ok", 10)
        cache_state = {
            "ok": cache.get("healthz") == "ok",
            "backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        }
    except Exception as error:  # noqa: BLE001
        cache_state = {"ok": False, "error": str(error)}
    return {"cache": cache_state, "broker": broker}


def _ping_broker() -> dict:
    from marketplace.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return {"ok": True, "mode": "worker"}
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "mode": "worker", "error": str(error)}


def _search() -> dict:
    try:
        return get_backend().status()
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "error": str(error)}


@never_cache
def healthz(request):
    checks = {"database": _database(), **_cache_and_broker(), "search": _search()}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"status": "ok" if healthy else "degraded", **checks}, status=200 if healthy else 503)
