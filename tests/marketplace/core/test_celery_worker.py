"""A real Celery worker consumes notification tasks from Redis and writes to the test database."""

import time

import pytest
from django.conf import settings as django_settings

from marketplace.celery import app
from marketplace.core.models import EmailNotification
from marketplace.core.tasks import send_notification
from tests.factories import UserFactory
from tests.workers import REDIS_URL, celery_worker, wait_for, worker_env

DELIVERY_TIMEOUT = 30


@pytest.fixture
def not_eager(settings):
    """Make this process publish to the broker instead of running tasks in-process."""
    # Read before touching settings: Celery reads Django's settings live, so reading after the
    # override would "restore" False and leave every later test publishing to Redis.
    previous = app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    try:
        yield
    finally:
        app.conf.task_always_eager = previous


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_worker_sends_a_notification_queued_in_redis(not_eager, worker_queue, tmp_path):
    queue = worker_queue
    # given a committed, unsent notification
    assert app.conf.broker_url == REDIS_URL == django_settings.CELERY_BROKER_URL
    recipient = UserFactory(language="en")
    notification = EmailNotification.objects.create(
        recipient=recipient,
        template="accounts/company_verified",
        context={"company_name": "Ordos Coal Co."},
    )

    # and a worker consuming a queue of its own
    started = time.monotonic()
    with celery_worker(queue=queue, log_path=tmp_path / "worker.log", env=worker_env()) as worker:
        ready_after = time.monotonic() - started

        # when the task is published to Redis (not run in this process)
        result = send_notification.apply_async(args=[notification.pk], queue=queue)
        published = time.monotonic()
        assert result.id
        notification.refresh_from_db()
        assert notification.sent_at is None

        # then the worker sends it: sent_at is written to the database
        def sent() -> bool:
            notification.refresh_from_db()
            return notification.sent_at is not None

        assert wait_for(sent, DELIVERY_TIMEOUT), f"not sent within {DELIVERY_TIMEOUT}s:\n{worker.log()}"
        delivered_after = time.monotonic() - published
        assert notification.attempts == 1
        assert notification.subject == "Ordos Coal Co. is verified"
        assert notification.last_error == ""
        assert f"Task marketplace.core.tasks.send_notification[{result.id}] received" in worker.log()
        print(f"worker ready after {ready_after:.1f}s, task done {delivered_after:.2f}s after publishing")
