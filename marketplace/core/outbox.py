"""The transactional outbox: work for Celery that is never lost, even while the broker is down.

A service asks for a task inside its transaction::

    outbox.enqueue(process_import, key=f"import:{job.pk}", job_id=job.pk)

instead of ``transaction.on_commit(lambda: process_import.delay(job.pk))``. That writes an
``OutboxMessage`` row in the same transaction, so the task is requested if and only if the change
commits. Then:

- **after commit** the message is handed to Celery at once (best effort: a broker error is
  recorded on the row and never reaches the request);
- **the beat task** ``marketplace.core.tasks.dispatch_outbox`` hands over every due message
  (``select_for_update(skip_locked=True)``, so several beats never send one twice in a round);
- the worker runs ``run_outbox_message``, which calls the task in-process with the stored
  keyword arguments and **marks the message done when the task has returned**. A task that
  raises is retried by the dispatcher after ``OUTBOX_RETRY_BASE_SECONDS * 2 ** (attempts - 1)``
  (at most ``OUTBOX_RETRY_MAX_SECONDS``), and given up after ``OUTBOX_MAX_ATTEMPTS`` failed runs;
  a broker that refuses the message is retried with the same backoff but never given up.
  No retry depends on a broker countdown.
- a message handed over but not done within ``OUTBOX_LEASE_SECONDS`` (a lost broker message, a
  killed worker) is handed over again. So a task may run more than once: **tasks run through the
  outbox must be idempotent** (take ids, load, check state, act). A job that outlives the lease
  (a large import) is handed over again while it runs; its own claim (the import's heartbeat)
  makes the second run a no-op that marks the row done, and the job's sweeper, not the outbox,
  recovers it if its worker dies.

``key``: at most one undone message per key; enqueueing the same key again makes that message
due now (or re-arms it if it was given up) instead of adding one. Operators watch the outbox in
the Django admin (pending, failing, given up, done) and can retry a message now.
"""

import logging
from datetime import timedelta
from typing import Any

from celery import Task, current_app
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from marketplace.core.models import OutboxMessage

logger = logging.getLogger(__name__)

MAX_ERROR = 2000
RUNNER = "marketplace.core.tasks.run_outbox_message"


def enqueue(task: Task | str, *, key: str | None = None, **kwargs: Any) -> OutboxMessage:
    """Ask for ``task(**kwargs)`` once the current transaction commits; see the module docstring.

    ``task`` is a Celery task or its registered name; ``kwargs`` must be JSON-serialisable.
    """
    name = task if isinstance(task, str) else task.name
    if key is None:
        message = OutboxMessage.objects.create(task=name, kwargs=kwargs)
    else:
        message = _rearm(key) or _create_keyed(name, key, kwargs)
    message_id = message.pk
    # A function, not a partial: Django names a failing robust hook by its __qualname__.
    transaction.on_commit(lambda: dispatch(message_id=message_id), robust=True)
    return message


def _create_keyed(name: str, key: str, kwargs: dict[str, Any]) -> OutboxMessage:
    try:
        with transaction.atomic():
            return OutboxMessage.objects.create(task=name, kwargs=kwargs, key=key)
    except IntegrityError:  # another transaction created the key's message meanwhile
        return _rearm(key)


def _rearm(key: str) -> OutboxMessage | None:
    message = OutboxMessage.objects.select_for_update().filter(key=key, done_at__isnull=True).first()
    if message is not None:
        if message.next_attempt_at is None:  # given up: start counting again
            message.attempts = 0
        message.next_attempt_at = timezone.now()
        message.save(update_fields=["attempts", "next_attempt_at"])
    return message


def dispatch(*, message_id: int) -> bool:
    """Hand one message to Celery if it is still due (after commit, or from the admin)."""
    now = timezone.now()
    claimed = _due(now).filter(pk=message_id).update(dispatched_at=now, next_attempt_at=_lease_end(now))
    return bool(claimed) and _send(message_id) is None


def dispatch_due(*, limit: int = 500) -> int:
    """Hand every due message to Celery (the beat task); returns how many the broker took."""
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            _due(now)
            .select_for_update(skip_locked=True)
            .order_by("next_attempt_at")
            .values_list("pk", flat=True)[:limit]
        )
        OutboxMessage.objects.filter(pk__in=ids).update(dispatched_at=now, next_attempt_at=_lease_end(now))
    # Sent after the claim commits: an eager task must not run inside the dispatcher's transaction.
    sent = 0
    for position, message_id in enumerate(ids):
        error = _send(message_id)
        if error is not None:
            # The broker is down: the rest would fail the same way, a second each.
            for later_id in ids[position + 1 :]:
                _record_failure(later_id, error, give_up=False)
            break
        sent += 1
    return sent


def _due(now) -> models.QuerySet:
    return OutboxMessage.objects.filter(done_at__isnull=True, next_attempt_at__lte=now)


def _lease_end(now):
    return now + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


def _send(message_id: int) -> Exception | None:
    """Publish the runner for this message; the broker's error if it refused (recorded on the row)."""
    try:
        # apply_async honours eager mode (tests, the embedded default).
        _task(RUNNER).apply_async(kwargs={"message_id": message_id}, retry=False)
    except Exception as error:  # noqa: BLE001 - any broker failure: keep the row, retry later
        logger.warning("Outbox message %s not handed to the broker: %s", message_id, error)
        _record_failure(message_id, error, give_up=False)
        return error
    return None


def run(*, message_id: int) -> None:
    """Run the message's task in this process (the worker's side); done when it returns."""
    now = timezone.now()
    started = OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True).update(
        started_at=now, next_attempt_at=_lease_end(now)
    )
    if not started:
        return  # done already (a duplicate delivery), or deleted
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        _task(message.task)(**message.kwargs)
    except Exception as error:  # noqa: BLE001 - recorded on the row; the dispatcher retries
        logger.exception("Outbox message %s (%s) failed", message_id, message.task)
        _record_failure(message_id, error, give_up=True)
        return
    OutboxMessage.objects.filter(pk=message_id).update(done_at=timezone.now(), last_error="")


def _task(name: str) -> Task:
    # By name: the web process may not have imported the task's module yet (a worker has).
    if name not in current_app.tasks:
        current_app.loader.import_default_modules()
    return current_app.tasks[name]


def _record_failure(message_id: int, error: Exception, *, give_up: bool) -> None:
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.done_at is not None:
            return
        message.attempts += 1
        message.last_error = f"{type(error).__name__}: {error}"[:MAX_ERROR]
        if give_up and message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            message.next_attempt_at = None
        else:
            message.next_attempt_at = timezone.now() + backoff(message.attempts)
        message.save(update_fields=["attempts", "last_error", "next_attempt_at"])


def backoff(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failure: doubling, capped."""
    seconds = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.OUTBOX_RETRY_MAX_SECONDS))


def retry_now(*, queryset: models.QuerySet) -> int:
    """Make undone messages due now, given-up ones included (the admin's action)."""
    return queryset.filter(done_at__isnull=True).update(next_attempt_at=timezone.now())
