"""Real Celery workers for tests: started as subprocesses on the machine's Redis, stopped by their PID."""

import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.db import connection

from marketplace.celery import app

ROOT = Path(__file__).resolve().parents[1]
# The tests' Redis (test settings read REDIS_URL), so parallel checkouts do not share queues.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
STARTUP_TIMEOUT = 60


def wait_for(condition, timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def worker_env(**extra: str) -> dict[str, str]:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        # the worker must see the rows this test commits, so it uses the *test* database
        "DATABASE_URL": f"postgres://{db['USER'] or 'postgres'}@127.0.0.1:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "PYTHONUNBUFFERED": "1",
        **extra,
    }
    env.pop("CELERY_BROKER_URL", None)
    return env


class Worker:
    def __init__(self, process: subprocess.Popen, log_path: Path):
        self.process = process
        self.log_path = log_path

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextmanager
def celery_worker(*, queue: str, log_path: Path, env: dict[str, str]):
    """A solo worker consuming ``queue``, ready when the block starts; stopped (or reaped) after it."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "marketplace",
                "worker",
                "--pool=solo",
                "--concurrency=1",
                "-Q",
                queue,
                "-n",
                f"{queue}-{uuid.uuid4().hex[:6]}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    worker = Worker(process, log_path)
    try:
        ready = wait_for(lambda: " ready." in worker.log() or process.poll() is not None, STARTUP_TIMEOUT)
        assert ready and process.poll() is None, f"worker did not start:\n{worker.log()}"
        yield worker
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@contextmanager
def outbox_routed_to(queue: str):
    """Send the outbox's runner to ``queue`` for the block (a test worker's own queue)."""
    previous = app.conf.task_routes
    app.conf.update(task_routes={"marketplace.core.tasks.run_outbox_message": {"queue": queue}})
    try:
        yield
    finally:
        app.conf.update(task_routes=previous)


@pytest.fixture
def worker_queue():
    name = f"test-worker-{uuid.uuid4().hex}"
    yield name
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.delete(name, f"_kombu.binding.{name}")
    finally:
        client.close()
