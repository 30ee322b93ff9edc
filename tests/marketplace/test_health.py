import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_dependency(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": {"ok": True, "vendor": "postgresql"},
        "cache": {"ok": True, "backend": "ResilientRedisCache"},
        "broker": {"ok": True, "mode": "eager"},
        "search": {"backend": "database", "ok": True, "vendor": "postgresql"},
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_checks_the_real_broker_when_workers_are_used(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json()["broker"] == {"ok": True, "mode": "worker"}


def test_healthz_answers_503_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["cache"] == {"ok": False}  # no error details in public
    assert body["database"]["ok"] is True
