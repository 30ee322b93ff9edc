"""With Redis unreachable, pages, search, logins and edits work; the cache is bypassed.

Redis is "down" by pointing the cache at a closed port: connections are refused at once.
"""

import logging
import time

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from marketplace import health
from tests.catalog.test_api_writes import METHANOL
from tests.factories import PASSWORD
from tests.factories.cms import ensure_locales
from tests.factories.site import ensure_home_page
from tests.search.conftest import build_catalogue

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def cache_down(settings):
    # A fresh cache connection: Django rebuilds its caches when CACHES changes.
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": DEAD_REDIS}}


def _cache_warnings(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "marketplace.core.cache"]


def test_catalogue_and_search_pages_work_and_the_outage_is_logged_once(client, cache_down, caplog):
    build_catalogue()

    with caplog.at_level(logging.WARNING):
        catalogue = client.get("/catalog/")
        search = client.get("/catalog/search/", {"q": "methanol"})
        again = client.get("/catalog/search/", {"q": "methanol"})

    assert (catalogue.status_code, search.status_code, again.status_code) == (200, 200, 200)
    assert "Methanol" in search.content.decode()
    (warning,) = _cache_warnings(caplog)  # one line for the outage, not one per request
    assert warning.levelno == logging.WARNING
    assert "unreachable" in warning.getMessage()
    assert warning.exc_info is None
    assert [record for record in caplog.records if record.levelno >= logging.ERROR] == []


def test_the_home_page_works(client, cache_down):
    ensure_locales()
    ensure_home_page()

    assert client.get("/").status_code == 200


def test_the_api_token_login_works_and_its_throttle_fails_open(supplier_admin, cache_down):
    api = APIClient()

    responses = [
        api.post(reverse("api:token"), {"email": supplier_admin.email, "password": PASSWORD}, format="json")
        for _ in range(3)
    ]

    assert [response.status_code for response in responses] == [200, 200, 200]
    assert responses[0].json()["token"]


def test_a_supplier_edits_its_product_through_the_api(
    reference_data, supplier_admin, cache_down, django_capture_on_commit_callbacks
):
    api = APIClient()
    api.force_authenticate(supplier_admin)

    # The catalogue version bump runs after commit and finds no cache: it must not fail the edit.
    with django_capture_on_commit_callbacks(execute=True):
        created = api.post(reverse("catalog-api:products"), METHANOL, format="json")
        changed = api.patch(
            reverse("catalog-api:product", kwargs={"pk": created.json()["id"]}),
            {"title": "Methanol 99.95%"},
            format="json",
        )

    assert (created.status_code, changed.status_code) == (201, 200)
    assert changed.json()["title"] == "Methanol 99.95%"


def _timed_healthz(client):
    # Untimed first: the first request of a process imports every view (the URLconf).
    client.get(reverse("healthz"))
    started = time.monotonic()
    response = client.get(reverse("healthz"))
    return response, time.monotonic() - started


def test_healthz_answers_503_within_a_second_when_redis_is_down(client, settings, cache_down):
    # Redis is both the cache and the broker: both checks fail, each within its short timeout.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = DEAD_REDIS

    response, elapsed = _timed_healthz(client)

    assert response.status_code == 503
    body = response.json()
    assert (body["cache"], body["broker"], body["database"]["ok"]) == ({"ok": False}, {"ok": False}, True)
    assert elapsed < 1.0


def test_healthz_answers_503_within_a_second_when_the_database_hangs(client, monkeypatch):
    # A database behind a dropped network hangs for its connect timeout (libpq: at least 2 s).
    monkeypatch.setitem(health.CHECKS, "database", lambda: time.sleep(3) or {"ok": True})

    response, elapsed = _timed_healthz(client)

    assert response.status_code == 503
    assert response.json()["database"] == {"ok": False}
    assert elapsed < 1.0
