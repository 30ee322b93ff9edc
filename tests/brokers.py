"""Fixtures that point Celery at another broker: a dead one, or the machine's Redis for a worker."""

from contextlib import contextmanager

import pytest

from marketplace.celery import app

DEAD_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1: every connection is refused


def _forget_connections() -> None:
    # Celery keeps a connection pool (and a producer pool on it) made for the broker it saw first;
    # kombu keeps the pools themselves, one per broker, for the next time.
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def publishing_to(broker_url: str):
    """Publish tasks to ``broker_url`` instead of running them in-process, for the block."""
    previous = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager, app.conf.broker_url = False, broker_url
    _forget_connections()
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.broker_url = previous
        _forget_connections()


@pytest.fixture
def broker_down():
    """The broker is unreachable; ``broker_down.back()`` brings it back (eager again, as in tests)."""

    class Outage:
        def __init__(self):
            self._block = publishing_to(DEAD_BROKER)
            self._block.__enter__()
            self.down = True

        def back(self):
            if self.down:
                self._block.__exit__(None, None, None)
                self.down = False

    outage = Outage()
    try:
        yield outage
    finally:
        outage.back()
