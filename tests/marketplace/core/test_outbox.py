"""The outbox: a task asked for in a transaction runs once it commits, even across a broker outage."""

from datetime import timedelta

import pytest
from celery import shared_task
from django.contrib.admin.sites import site
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone

from marketplace.core import outbox
from marketplace.core.admin import OutboxStateFilter
from marketplace.core.models import OutboxMessage
from marketplace.core.tasks import dispatch_outbox

pytestmark = pytest.mark.django_db

CALLS: list[dict] = []


@shared_task(name="tests.outbox.record")
def record(order_id: int, fail: str = "") -> None:
    """A test task: remembers each run, or fails with ``fail``."""
    if fail:
        raise RuntimeError(fail)
    CALLS.append({"order_id": order_id})


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()
    yield
    CALLS.clear()


def make_due(message: OutboxMessage) -> None:
    """As if its backoff had passed."""
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_the_task_runs_after_commit_and_the_message_is_done(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = outbox.enqueue(record, order_id=7)

    # before the commit: a pending row, nothing ran
    message.refresh_from_db()
    assert (message.task, message.kwargs, message.state) == (
        "tests.outbox.record",
        {"order_id": 7},
        "pending",
    )
    assert CALLS == []

    for callback in callbacks:
        callback()

    message.refresh_from_db()
    assert CALLS == [{"order_id": 7}]
    assert message.state == "done" and message.done_at is not None and message.attempts == 0
    # and the dispatcher finds nothing left to do
    assert dispatch_outbox() == 0
    assert CALLS == [{"order_id": 7}]


def test_a_rolled_back_transaction_leaves_no_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            outbox.enqueue(record, order_id=8)
            raise RuntimeError("rolled back")

    assert callbacks == [] and CALLS == []
    assert not OutboxMessage.objects.exists()


def test_while_the_broker_is_down_the_message_waits_and_backs_off(
    broker_down, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_RETRY_BASE_SECONDS = 30
    # given the broker is down when the change commits
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.enqueue(record, order_id=9)

    # then the request went through, the row records the refusal and waits 30 s
    message.refresh_from_db()
    assert message.state == "failing" and message.attempts == 1 and message.done_at is None
    assert "OperationalError" in message.last_error
    wait = message.next_attempt_at - timezone.now()
    assert timedelta(seconds=25) < wait <= timedelta(seconds=30)

    # when the dispatcher runs before it is due: nothing
    assert dispatch_outbox() == 0
    message.refresh_from_db()
    assert message.attempts == 1

    # when it is due and the broker is still down: the wait doubles
    make_due(message)
    assert dispatch_outbox() == 0
    message.refresh_from_db()
    assert message.attempts == 2
    wait = message.next_attempt_at - timezone.now()
    assert timedelta(seconds=55) < wait <= timedelta(seconds=60)
    assert CALLS == []

    # when the broker is back and the message is due: it runs once, and is done
    broker_down.back()
    make_due(message)
    assert dispatch_outbox() == 1
    assert dispatch_outbox() == 0
    message.refresh_from_db()
    assert CALLS == [{"order_id": 9}]
    assert message.state == "done"


def test_a_failing_task_is_retried_with_backoff_and_given_up_at_the_cap(settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    settings.OUTBOX_RETRY_BASE_SECONDS = 10
    settings.OUTBOX_RETRY_MAX_SECONDS = 15
    message = outbox.enqueue(record, order_id=1, fail="customs gateway 502")
    waits = []
    for _attempt in range(3):
        make_due(message)
        dispatch_outbox()
        message.refresh_from_db()
        waits.append(
            message.next_attempt_at and round((message.next_attempt_at - timezone.now()).total_seconds())
        )

    # 10 s, then 20 s capped to 15 s, then given up
    assert waits == [10, 15, None]
    assert message.state == "given up" and message.attempts == 3
    assert message.last_error == "RuntimeError: customs gateway 502"
    assert dispatch_outbox() == 0

    # an operator's "retry now" gives it one more run
    assert outbox.retry_now(queryset=OutboxMessage.objects.filter(pk=message.pk)) == 1
    message.refresh_from_db()
    assert message.state == "failing"


def test_the_same_key_keeps_one_undone_message_and_makes_it_due(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        first = outbox.enqueue(record, key="order:3", order_id=3)
        OutboxMessage.objects.filter(pk=first.pk).update(next_attempt_at=timezone.now() + timedelta(hours=1))
        again = outbox.enqueue(record, key="order:3", order_id=3)

    assert again.pk == first.pk
    assert OutboxMessage.objects.count() == 1
    assert again.next_attempt_at <= timezone.now()
    assert dispatch_outbox() == 1
    assert CALLS == [{"order_id": 3}]

    # once done, the key may be used again
    later = outbox.enqueue(record, key="order:3", order_id=3)
    assert later.pk != first.pk


def test_a_duplicate_delivery_of_a_done_message_does_not_run_the_task_again():
    message = outbox.enqueue(record, order_id=4)
    outbox.run(message_id=message.pk)
    outbox.run(message_id=message.pk)

    assert CALLS == [{"order_id": 4}]


def test_a_message_handed_over_but_never_run_is_handed_over_again_after_its_lease(settings):
    settings.OUTBOX_LEASE_SECONDS = 300
    # given a message the broker took (then lost: nothing ran)
    message = outbox.enqueue(record, order_id=5)
    OutboxMessage.objects.filter(pk=message.pk).update(
        dispatched_at=timezone.now(), next_attempt_at=timezone.now() + timedelta(seconds=300)
    )
    # within the lease the dispatcher leaves it; after it, it hands it over again
    assert dispatch_outbox() == 0
    make_due(message)
    assert dispatch_outbox() == 1
    assert CALLS == [{"order_id": 5}]


def test_operators_filter_the_outbox_by_state(admin_user):
    done = outbox.enqueue(record, order_id=1)
    outbox.run(message_id=done.pk)
    pending = outbox.enqueue(record, order_id=2)
    failing = outbox.enqueue(record, order_id=3)
    OutboxMessage.objects.filter(pk=failing.pk).update(attempts=1, last_error="boom")
    given_up = outbox.enqueue(record, order_id=4)
    OutboxMessage.objects.filter(pk=given_up.pk).update(attempts=8, last_error="boom", next_attempt_at=None)
    model_admin = site._registry[OutboxMessage]
    request = RequestFactory().get("/")
    request.user = admin_user

    def shown(state: str) -> list[int]:
        state_filter = OutboxStateFilter(request, {"state": [state]}, OutboxMessage, model_admin)
        return list(
            state_filter.queryset(request, OutboxMessage.objects.order_by("pk")).values_list("pk", flat=True)
        )

    assert shown("pending") == [pending.pk]
    assert shown("failing") == [failing.pk]
    assert shown("given_up") == [given_up.pk]
    assert shown("done") == [done.pk]


def test_the_admin_lists_the_outbox(admin_client):
    outbox.enqueue(record, order_id=1)

    response = admin_client.get("/django-admin/core/outboxmessage/?state=pending")

    assert response.status_code == 200
    assert b"tests.outbox.record" in response.content


def test_every_beat_task_exists(settings):
    # A misspelt name in the schedule would silently never run (the dispatcher, the sweepers).
    app = outbox._task(outbox.RUNNER).app
    app.loader.import_default_modules()  # what a worker does on start: every app's tasks module
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert {
        "marketplace.core.tasks.dispatch_outbox",
        "marketplace.core.tasks.sweep_notifications",
        "catalog.imports.tasks.sweep_stalled_imports",
        "search.tasks.index_pending_products",
    } <= scheduled
    assert [name for name in sorted(scheduled) if name not in app.tasks] == []
