"""Settings: the embedded default with nothing configured, real services from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"],
    "broker": settings.CELERY_BROKER_URL,
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "search": settings.SEARCH_BACKEND,
    "email": settings.EMAIL_BACKEND,
    "debug": settings.DEBUG,
    "hosts": settings.ALLOWED_HOSTS,
    "stripe": settings.STRIPE_SECRET_KEY,
    "elasticsearch": settings.ELASTICSEARCH_URL,
}))
"""
CONFIG_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "STRIPE_SECRET_KEY",
    "STRIPE_PUBLISHABLE_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "EMAIL_URL",
    "DJANGO_SECRET_KEY",
    "ALLOWED_HOSTS",
    "DJANGO_DEBUG",
    "CELERY_BROKER_URL",
    "CELERY_TASK_ALWAYS_EAGER",
    "SEARCH_BACKEND",
    "VAR_DIR",
    "TRUSTED_PROXY_COUNT",
)


def run_python(code: str, settings_module: str, extra_env: dict, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    env.update({"DJANGO_SETTINGS_MODULE": settings_module, **extra_env})
    return subprocess.run(
        [sys.executable, *args] if not code else [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def probe(settings_module: str, **extra_env) -> dict:
    result = run_python(PROBE, settings_module, extra_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_default_needs_no_configuration(tmp_path):
    state = probe("marketplace.settings.local", VAR_DIR=str(tmp_path))

    assert state["engine"] == "django.db.backends.sqlite3"
    assert state["name"] == str(tmp_path / "db.sqlite3")
    assert state["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert state["broker"] == "memory://"
    assert state["eager"] is True
    assert state["search"] == "search.backends.database.DatabaseBackend"
    assert state["email"] == "django.core.mail.backends.console.EmailBackend"
    assert state["debug"] is True
    assert "127.0.0.1" in state["hosts"]


def test_environment_switches_on_the_real_services(tmp_path):
    state = probe(
        "marketplace.settings.local",
        VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://ordos:secret@db.internal:5432/ordos",
        REDIS_URL="redis://cache.internal:6379/0",
        ELASTICSEARCH_URL="http://search.internal:9200",
        STRIPE_SECRET_KEY="sk_test_123",
        EMAIL_URL="smtp://mail.internal:25",
        DJANGO_DEBUG="false",
    )

    assert state["engine"] == "django.db.backends.postgresql"
    assert state["name"] == "ordos"
    assert state["cache"] == "marketplace.core.cache.ResilientRedisCache"
    assert state["broker"] == "redis://cache.internal:6379/0"
    assert state["eager"] is False
    assert state["elasticsearch"] == "http://search.internal:9200"
    assert state["stripe"] == "sk_test_123"
    assert state["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert state["debug"] is False


def test_production_refuses_to_start_without_a_secret(tmp_path):
    result = run_python(
        PROBE, "marketplace.settings.production", {"VAR_DIR": str(tmp_path), "ALLOWED_HOSTS": "x"}
    )

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def test_production_passes_the_deployment_checklist(tmp_path):
    result = run_python(
        "",
        "marketplace.settings.production",
        {
            "VAR_DIR": str(tmp_path),
            "DJANGO_SECRET_KEY": "k3J9!x2Lq#8vR0mZ@4tW7yB1nC6pF5hD$sG9aE2uI8oK3jL0-prod-test-key",
            "ALLOWED_HOSTS": "exchange.example.com",
        },
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PROXY_PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps([settings.TRUSTED_PROXY_COUNT, settings.REST_FRAMEWORK["NUM_PROXIES"]]))
"""


def test_one_trusted_proxy_count_feeds_the_lockout_and_the_api_throttles(tmp_path):
    production = {"VAR_DIR": str(tmp_path), "DJANGO_SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.com"}

    def counts(settings_module: str, **extra_env) -> list[int]:
        result = run_python(PROXY_PROBE, settings_module, extra_env)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    # Without a proxy X-Forwarded-For is ignored; production assumes one proxy, like X-Forwarded-Proto.
    assert counts("marketplace.settings.local", VAR_DIR=str(tmp_path)) == [0, 0]
    assert counts("marketplace.settings.production", **production) == [1, 1]
    assert counts("marketplace.settings.production", **production, TRUSTED_PROXY_COUNT="0") == [0, 0]
