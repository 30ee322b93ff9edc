"""Imports survive a dead broker and a dead worker: queued through the outbox, resumed after a crash."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from oscar.core.loading import get_model

from catalog.imports.models import ImportJob, ImportStatus
from catalog.imports.services import start_import
from catalog.imports.tasks import process_import, sweep_stalled_imports
from catalog.imports.writing import ChunkWriter
from marketplace.core.models import AuditEvent, OutboxMessage
from marketplace.core.tasks import dispatch_outbox
from tests.catalog.imports.conftest import csv_bytes, methanol

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

pytestmark = pytest.mark.django_db


class WorkerKilled(BaseException):
    """Stands for SIGKILL: no ``except Exception`` handler runs, nothing after it happens."""


def upload(supplier, user, rows: int):
    content = csv_bytes([methanol(sku=f"LOT-{n}") for n in range(rows)])
    return start_import(
        supplier=supplier.partner,
        user=user,
        product_class=ProductClass.objects.get(slug="chemical"),
        upload=SimpleUploadedFile("products.csv", content),
    )


def finished_events(job) -> int:
    return AuditEvent.objects.for_subject(job).filter(verb="import.finished").count()


def age_heartbeat(job, minutes: int) -> None:
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=minutes))


def test_an_import_accepted_while_the_broker_is_down_runs_once_it_is_back(
    supplier, supplier_admin, coal_chemicals, broker_down, django_capture_on_commit_callbacks
):
    # given the broker is down when a supplier uploads a file
    with django_capture_on_commit_callbacks(execute=True):
        job = upload(supplier, supplier_admin, rows=3)

    # then the upload was accepted: the job is queued and its task waits in the outbox
    job.refresh_from_db()
    assert job.status == ImportStatus.QUEUED
    message = OutboxMessage.objects.get()
    assert (message.task, message.kwargs, message.key) == (
        "catalog.imports.tasks.process_import",
        {"job_id": job.pk},
        f"import:{job.pk}",
    )
    assert message.done_at is None and message.attempts == 1 and "Connection refused" in message.last_error

    # when the broker is back and the dispatcher's retry is due
    broker_down.back()
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    dispatch_outbox()
    dispatch_outbox()

    # then the job ran exactly once
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert (job.processed_rows, job.created_count, job.updated_count, job.starts) == (3, 3, 0, 1)
    assert Product.objects.filter(supplier=supplier.partner).count() == 3
    assert finished_events(job) == 1
    message.refresh_from_db()
    assert message.done_at is not None


def crash_on_chunk(monkeypatch, number: int) -> None:
    """The worker dies while writing the ``number``-th chunk (the chunks before it committed)."""
    real_write = ChunkWriter.write
    calls = []

    def write(self, rows):
        calls.append(len(rows))
        if len(calls) == number:
            raise WorkerKilled
        return real_write(self, rows)

    monkeypatch.setattr(ChunkWriter, "write", write)


def test_a_job_whose_worker_died_is_resumed_after_its_last_committed_chunk(
    supplier, supplier_admin, coal_chemicals, settings, monkeypatch
):
    settings.IMPORT_CHUNK_SIZE = 2
    settings.JOB_STALE_AFTER_SECONDS = 600
    # given an import whose worker was killed while writing its second chunk
    job = upload(supplier, supplier_admin, rows=5)
    crash_on_chunk(monkeypatch, 2)
    with pytest.raises(WorkerKilled):
        dispatch_outbox()
    monkeypatch.undo()
    job.refresh_from_db()
    assert (job.status, job.processed_rows, job.created_count, job.starts) == (ImportStatus.RUNNING, 2, 2, 1)

    # when the task is delivered again while the heartbeat is fresh: it leaves the job alone
    process_import(job.pk)
    job.refresh_from_db()
    assert (job.processed_rows, job.starts) == (2, 1)
    # and the sweeper does not touch it either
    assert sweep_stalled_imports() == (0, 0)

    # when the heartbeat is older than JOB_STALE_AFTER_SECONDS, the sweeper resumes it
    age_heartbeat(job, minutes=11)
    assert sweep_stalled_imports() == (1, 0)
    assert OutboxMessage.objects.filter(key=f"import:{job.pk}", done_at__isnull=True).count() == 1
    dispatch_outbox()

    # then it finished from row 3 on: every row written once, the counts exact
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert (job.processed_rows, job.created_count, job.updated_count, job.unchanged_count) == (5, 5, 0, 0)
    assert job.starts == 2
    assert sorted(
        Product.objects.filter(supplier=supplier.partner).values_list("stockrecords__partner_sku", flat=True)
    ) == [f"LOT-{n}" for n in range(5)]
    assert finished_events(job) == 1
    assert sweep_stalled_imports() == (0, 0)


def test_a_job_that_keeps_dying_is_failed_by_the_sweeper(supplier, supplier_admin, coal_chemicals, settings):
    settings.JOB_MAX_STARTS = 3
    # given a running job started three times whose heartbeat stopped
    job = upload(supplier, supplier_admin, rows=1)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, starts=3, processed_rows=0)
    age_heartbeat(job, minutes=30)

    # when the sweeper runs
    assert sweep_stalled_imports() == (0, 1)

    # then the job failed with a reason, so its progress bar stops
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.failure_message == (
        "The import was interrupted 3 times and stopped after 0 rows; the rows before were saved."
    )
    assert job.finished_at is not None
    # and a late delivery of its task changes nothing
    process_import(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
