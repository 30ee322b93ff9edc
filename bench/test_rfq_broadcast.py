"""RFQ submission with broadcast to 20 suppliers through a real Celery worker on Redis:
`pytest bench/test_rfq_broadcast.py -m benchmark`.

The buyer submits RFQs (each commits and publishes its broadcast task); a worker started here
routes each RFQ to the 20 matching suppliers and sends their notifications. Prints RFQs/s
(submission, and end to end until every notification is sent) and asserts that no notification
was lost or duplicated, also after every broadcast task is delivered a second time.
"""

import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
import redis
from django.apps import apps
from django.db import connection
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from catalog.reference import seed
from catalog.reference.models import HSCode
from marketplace.celery import app
from marketplace.core.models import EmailNotification
from rfq import services
from rfq.models import RFQ, RFQRecipient
from rfq.tasks import broadcast_rfq_task
from tests.factories import CompanyFactory, SupplierFactory, member_of
from tests.rfq.conftest import methanol_from, rfq_details

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = "redis://127.0.0.1:6379/15"
SUPPLIERS = 20
RFQS = 50
STARTUP_TIMEOUT = 60
DRAIN_TIMEOUT = 240
# The worker's tasks (the broadcast, then its notifications) go to a queue of its own, so it
# neither takes nor leaves work on the shared default queue.
WORKER = """
import sys
from marketplace.celery import app
app.conf.task_default_queue = sys.argv[1]
app.worker_main(["worker", "--pool=solo", "-Q", sys.argv[1], "-n", sys.argv[1] + "@%h",
                 "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING"])
"""


def wait_for(condition, timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def worker_env() -> dict[str, str]:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        # the worker must see the rows this test commits, so it uses the *test* database
        "DATABASE_URL": f"postgres://{db['USER'] or 'postgres'}@127.0.0.1:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "RFQ_BROADCAST_CAP": str(SUPPLIERS),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("CELERY_BROKER_URL", None)
    return env


@pytest.fixture
def queue(settings):
    """A queue of this run's own, published to from this process (not eager)."""
    name = f"bench-rfq-{uuid.uuid4().hex}"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = app.conf.task_always_eager, app.conf.task_default_queue
    app.conf.task_always_eager, app.conf.task_default_queue = False, name
    try:
        yield name
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = previous
        client = redis.Redis.from_url(REDIS_URL)
        try:
            client.delete(name, f"_kombu.binding.{name}")
        finally:
            client.close()


@pytest.fixture
def worker(queue, tmp_path):
    log_path = tmp_path / "worker.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", WORKER, queue],
            cwd=ROOT,
            env=worker_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    process.log = lambda: log_path.read_text(encoding="utf-8", errors="replace")
    try:
        yield process
    finally:
        process.terminate()  # by its PID only
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def wait_until_ready(worker) -> None:
    # --loglevel=WARNING hides " ready."; a ping answered by this worker means it consumes.
    def ready() -> bool:
        assert worker.poll() is None, f"worker died:\n{worker.log()}"
        return bool(app.control.ping(timeout=0.5))

    assert wait_for(ready, STARTUP_TIMEOUT, interval=0.5), f"worker did not start:\n{worker.log()}"


@pytest.mark.benchmark
@pytest.mark.django_db(transaction=True)
def test_rfq_broadcast_through_a_worker(worker, settings):
    # given 20 verified suppliers with a matching offer, one member each, and a buyer
    if not HSCode.objects.exists():  # a transactional test before may have flushed them
        seed.load_reference_data(apps)
        seed.load_product_classes(apps)
    settings.RFQ_RATE_LIMIT_PER_HOUR = RFQS + 1
    settings.RFQ_BROADCAST_CAP = SUPPLIERS
    category = create_from_breadcrumbs("Chemicals > Methanol")
    members = []
    for n in range(SUPPLIERS):
        company = SupplierFactory(name=f"Bench Methanol {n}")
        methanol_from(company, category=category)
        members.append(member_of(company))
    buyer_user = member_of(CompanyFactory(name="Bench Buyer"))
    wait_until_ready(worker)

    # when the buyer submits the RFQs (each one commits and publishes its broadcast)
    load = os.getloadavg()[0]
    started = time.monotonic()
    numbers = [
        services.create_rfq(
            buyer_user=buyer_user, details=rfq_details(category=category, title=f"Bench RFQ {i}")
        ).number
        for i in range(RFQS)
    ]
    submitted = time.monotonic()

    # then the worker routes every RFQ and sends every notification
    expected = RFQS * SUPPLIERS
    notifications = EmailNotification.objects.filter(template="rfq/rfq_received")

    def drained() -> bool:
        return notifications.filter(sent_at__isnull=False).count() >= expected

    assert wait_for(drained, DRAIN_TIMEOUT, interval=0.5), (
        f"{notifications.filter(sent_at__isnull=False).count()} of {expected} sent:\n{worker.log()}"
    )
    done = time.monotonic()
    assert RFQRecipient.objects.filter(rfq__number__in=numbers).count() == expected
    _assert_one_notification_per_member_and_rfq(notifications, members, numbers)

    # and delivering every broadcast task again (at-least-once delivery) adds nothing
    for rfq_id in RFQ.objects.filter(number__in=numbers).values_list("pk", flat=True):
        broadcast_rfq_task.delay(rfq_id)
    redelivered = time.monotonic()
    assert wait_for(lambda: _queue_empty(app.conf.task_default_queue) and _worker_idle(), DRAIN_TIMEOUT)
    redelivery = time.monotonic() - redelivered
    _assert_one_notification_per_member_and_rfq(notifications, members, numbers)
    assert notifications.filter(sent_at__isnull=True).count() == 0
    submitting, end_to_end = submitted - started, done - started
    print(
        f"\n{RFQS} RFQs broadcast to {SUPPLIERS} suppliers each, one solo-pool worker on Redis\n"
        f"  load average at the start: {load:.1f} on {os.cpu_count()} CPUs\n"
        f"  submission (commit + publish)      {submitting:6.2f} s  {RFQS / submitting:6.1f} RFQs/s\n"
        f"  end to end ({expected} emails sent)  {end_to_end:6.2f} s  {RFQS / end_to_end:6.1f} RFQs/s"
        f"  {expected / end_to_end:5.0f} notifications/s\n"
        f"  {RFQS} broadcasts delivered again, drained in {redelivery:.2f} s: no new notification"
    )


def _queue_empty(name: str) -> bool:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        return client.llen(name) == 0
    finally:
        client.close()


def _worker_idle() -> bool:
    active = app.control.inspect(timeout=0.5).active() or {}
    return bool(active) and not any(active.values())


def _assert_one_notification_per_member_and_rfq(notifications, members, numbers) -> None:
    rows = list(notifications.values_list("recipient_id", "context__rfq_number"))
    per_recipient = Counter(recipient for recipient, _ in rows)
    assert per_recipient == {member.pk: len(numbers) for member in members}
    per_pair = Counter(rows)
    assert set(per_pair.values()) == {1}
    assert {number for _, number in per_pair} == set(numbers)
