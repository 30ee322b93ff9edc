"""/healthz: database, cache and broker, and search backend state for load balancers.

Only ok flags are public; the reasons for a failure go to the log. The checks run side by side
with short timeouts and one deadline (HEALTHZ_TIMEOUT, under a second), so a dead dependency
answers 503 quickly instead of holding the load balancer's probe for its connect timeouts.
"""

import logging
from concurrent.futures import ThreadPoolExecutor, wait

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.backends import get_backend

logger = logging.getLogger(__name__)

# Per-check socket timeout for the broker; the cache has its own (CACHE_SOCKET_TIMEOUT).
PROBE_TIMEOUT = 0.3


def _check(name: str, probe) -> dict:
    try:
        return probe()
    except Exception as error:  # noqa: BLE001  (a health check reports, it never raises)
        logger.warning("Health check %s failed: %s: %s", name, type(error).__name__, error)
        return {"ok": False}
    finally:
        # Each check runs in its own thread, which opened its own database connection.
        connections.close_all()


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True, "vendor": connection.vendor}


def _cache() -> dict:
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    if hasattr(cache, "ping"):
        # The resilient Redis cache hides outages from pages; ask Redis itself.
        return {"ok": bool(cache.ping()), "backend": backend}
    cache.set("healthz", "ok", 10)
    return {"ok": cache.get("healthz") == "ok", "backend": backend}


def _broker() -> dict:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "eager"}
    from marketplace.celery import app

    with app.connection_for_write(
        url=settings.CELERY_BROKER_URL,
        connect_timeout=PROBE_TIMEOUT,
        transport_options={"socket_connect_timeout": PROBE_TIMEOUT, "socket_timeout": PROBE_TIMEOUT},
    ) as conn:
        conn.ensure_connection(max_retries=0, timeout=PROBE_TIMEOUT)
    return {"ok": True, "mode": "worker"}


def _search() -> dict:
    return get_backend().status()


CHECKS = {"database": _database, "cache": _cache, "broker": _broker, "search": _search}


@never_cache
def healthz(request):
    pool = ThreadPoolExecutor(max_workers=len(CHECKS), thread_name_prefix="healthz")
    futures = {name: pool.submit(_check, name, probe) for name, probe in CHECKS.items()}
    wait(futures.values(), timeout=settings.HEALTHZ_TIMEOUT)
    # A check still running at the deadline counts as down; its thread finishes on its own.
    pool.shutdown(wait=False, cancel_futures=True)
    checks = {}
    for name, future in futures.items():
        if future.done():
            checks[name] = future.result()
        else:
            logger.warning("Health check %s timed out after %ss", name, settings.HEALTHZ_TIMEOUT)
            checks[name] = {"ok": False}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"status": "ok" if healthy else "degraded", **checks}, status=200 if healthy else 503)
