"""The embedded default, end to end: a fresh SQLite database, demo data, a real server."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Variables that would switch the app away from the embedded default.
CONFIG_VARIABLES = {
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "STRIPE_SECRET_KEY",
    "EMAIL_URL",
    "DJANGO_SETTINGS_MODULE",
    "CELERY_TASK_ALWAYS_EAGER",
    "CELERY_BROKER_URL",
    "SEARCH_BACKEND",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode()


@pytest.fixture(scope="module")
def embedded_server(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("var")
    env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    env["VAR_DIR"] = str(var_dir)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        yield base, var_dir
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.slow
def test_embedded_default_serves_the_marketplace(embedded_server):
    base, var_dir = embedded_server

    assert (var_dir / "db.sqlite3").exists()
    status, home = fetch(base + "/")
    assert status == 200 and "Ordos Industrial Exchange" in home
    status, russian_home = fetch(base + "/ru/")
    assert status == 200 and '<html lang="ru"' in russian_home
    status, catalogue = fetch(base + "/catalog/")
    assert status == 200 and "Methanol 99.85%" in catalogue

    status, results = fetch(base + "/catalog/search/?q=methanol")
    assert status == 200
    product_paths = set(re.findall(r'href="(/catalog/[\w-]+_\d+/)"', results))
    assert len(product_paths) >= 3  # methanol from three suppliers
    status, product_page = fetch(base + next(path for path in product_paths if "cas-67-56-1" in path))
    assert status == 200 and "CAS 67-56-1" in product_page

    status, schema = fetch(base + "/api/schema/")
    assert status == 200 and "/api/v1/auth/token/" in schema
    status, health = fetch(base + "/healthz")
    assert status == 200
    assert json.loads(health)["database"] == {"ok": True, "vendor": "sqlite"}
