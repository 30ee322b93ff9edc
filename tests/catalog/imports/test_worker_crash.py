"""A real worker killed (SIGKILL) mid-import: the sweeper resumes the job and it finishes exactly once."""

import os
import signal
import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from oscar.core.loading import get_model

from catalog.imports.models import ImportJob, ImportStatus
from catalog.imports.services import start_import
from catalog.imports.tasks import sweep_stalled_imports
from marketplace.core.models import AuditEvent, OutboxMessage
from tests.brokers import publishing_to
from tests.catalog.imports.conftest import csv_bytes, methanol
from tests.workers import REDIS_URL, celery_worker, outbox_routed_to, wait_for, worker_env

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

ROWS = 3000
CHUNK = 50  # 60 chunks: the worker is killed well before the last


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_import_leaves_a_job_the_sweeper_finishes_exactly_once(
    reference_data, supplier, supplier_admin, coal_chemicals, settings, tmp_path, worker_queue
):
    started = time.monotonic()
    var_dir = tmp_path / "var"
    settings.PRIVATE_MEDIA_ROOT = var_dir / "test-private"  # where the workers (VAR_DIR) look
    env = worker_env(VAR_DIR=str(var_dir), IMPORT_CHUNK_SIZE=str(CHUNK))
    content = csv_bytes([methanol(sku=f"LOT-{n}") for n in range(ROWS)])

    def job_now() -> ImportJob:
        return ImportJob.objects.get(pk=job.pk)

    with publishing_to(REDIS_URL), outbox_routed_to(worker_queue):
        # given a worker running a 3,000-row import
        with celery_worker(queue=worker_queue, log_path=tmp_path / "first.log", env=env) as first:
            job = start_import(  # commits: the outbox hands the task to Redis
                supplier=supplier.partner,
                user=supplier_admin,
                product_class=ProductClass.objects.get(slug="chemical"),
                upload=SimpleUploadedFile("products.csv", content),
            )
            assert wait_for(lambda: job_now().processed_rows >= 2 * CHUNK, 40, interval=0.05), first.log()

            # when it is killed mid-import
            os.kill(first.pid, signal.SIGKILL)
            first.process.wait(timeout=10)

        # then the job is left running with the chunks that committed
        killed = job_now()
        assert killed.status == ImportStatus.RUNNING, first.log()
        assert 0 < killed.processed_rows < ROWS and killed.processed_rows % CHUNK == 0
        assert killed.created_count == killed.processed_rows
        assert sweep_stalled_imports() == (0, 0)  # its heartbeat is still fresh

        # when its heartbeat is older than JOB_STALE_AFTER_SECONDS, the sweeper re-enqueues it
        ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=11))
        with celery_worker(queue=worker_queue, log_path=tmp_path / "second.log", env=env) as second:
            assert sweep_stalled_imports() == (1, 0)
            assert wait_for(lambda: job_now().is_finished, 40), second.log()

    # then it finished once, after the rows already written: every row imported exactly once
    done = job_now()
    assert done.status == ImportStatus.DONE, done.failure_message
    assert (done.processed_rows, done.created_count, done.updated_count, done.unchanged_count) == (
        ROWS,
        ROWS,
        0,
        0,
    )
    assert done.starts == 2
    assert Product.objects.filter(supplier=supplier.partner).count() == ROWS
    assert AuditEvent.objects.for_subject(done).filter(verb="import.finished").count() == 1
    assert OutboxMessage.objects.get(key=f"import:{job.pk}").done_at is not None
    print(f"killed after {killed.processed_rows} rows; whole test {time.monotonic() - started:.1f}s")
