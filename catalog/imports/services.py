"""Bulk import of a supplier's catalogue: start a job, run it in chunks, finish or fail it.

Crash safety: each chunk commits its rows together with the job's counters and heartbeat. A job
whose heartbeat is older than JOB_STALE_AFTER_SECONDS lost its worker; the sweeper
(``sweep_stalled_imports``) enqueues it again and the task resumes it after ``processed_rows``
(the rows of the chunks that committed), so every row is written once and the counts stay
exact. After JOB_MAX_STARTS starts the sweeper fails it instead.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from itertools import islice

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.imports.columns import header_for
from catalog.imports.models import ImportJob, ImportStatus
from catalog.imports.reading import (
    UnreadableFileError,
    check_header,
    check_workbook_archive,
    is_blank,
    records,
)
from catalog.imports.rows import ImportRow, RowValidator
from catalog.imports.writing import ChunkWriter
from marketplace.accounts.models import User
from marketplace.core import outbox
from marketplace.core.services import record_event

Partner = get_model("partner", "Partner")
ProductClass = get_model("catalogue", "ProductClass")

PROCESS_IMPORT = "catalog.imports.tasks.process_import"

# (from, to) of the job's status; anything else is refused.
TRANSITIONS = {
    (ImportStatus.QUEUED, ImportStatus.RUNNING),
    (ImportStatus.RUNNING, ImportStatus.DONE),
    (ImportStatus.QUEUED, ImportStatus.FAILED),
    (ImportStatus.RUNNING, ImportStatus.FAILED),
}
MAX_FAILURE_MESSAGE = 1_000
MAX_PROBLEM_MESSAGE = 500
COUNTERS = (
    "processed_rows",
    "created_count",
    "updated_count",
    "unchanged_count",
    "error_count",
    "errors",
    "heartbeat_at",
)


def start_import(
    *, supplier: Partner, user: User, product_class: ProductClass, upload: UploadedFile
) -> ImportJob:
    """Store ``upload`` as a queued job of ``supplier``; a worker runs it after the commit."""
    if upload.name.lower().endswith(".xlsx"):
        try:
            check_workbook_archive(upload)  # reads the zip's directory only, no XML
        except UnreadableFileError as error:
            raise ValidationError({"file": error.message}) from None
    job = ImportJob(supplier=supplier, uploaded_by=user, product_class=product_class, file=upload)
    job.full_clean()
    with transaction.atomic():
        job.save()
        # Through the outbox: a broker outage delays the job, never loses it.
        outbox.enqueue(PROCESS_IMPORT, key=f"import:{job.pk}", job_id=job.pk)
    return job


def run_import(*, job: ImportJob) -> ImportJob:
    """Read the job's file and upsert its rows by (supplier, SKU), a chunk per transaction.

    A file that cannot be read (type, encoding, header, damage) fails the job before anything
    is written. Bad rows are listed on the job and skipped; good rows land. Runs a queued job,
    or resumes a running one whose heartbeat stopped after its last committed chunk; does
    nothing otherwise, so a task delivered twice runs it once.
    """
    if not _claim(job):
        return job
    try:
        job.total_rows = _count_rows(job)
        job.save(update_fields=["total_rows"])
        _import_rows(job)
    except UnreadableFileError as error:
        _fail(job, error.message)
        return job
    except Exception:
        _fail(
            job,
            _("The import stopped on an unexpected error after %(n)s rows; the rows before were saved.")
            % {"n": job.processed_rows},
        )
        raise
    _move(job, ImportStatus.DONE, finished_at=timezone.now())
    record_event(actor=job.uploaded_by, subject=job, verb="import.finished", data=_summary(job))
    return job


def _claim(job: ImportJob) -> bool:
    """Start a queued job, or take over a running one whose heartbeat is stale; False otherwise.

    One conditional UPDATE, so of two workers handed the same job only one gets it. The job is
    reloaded: a resumed one goes on from its committed counters.
    """
    now = timezone.now()
    queued = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.QUEUED)
    stalled = ImportJob.objects.filter(
        pk=job.pk, status=ImportStatus.RUNNING, heartbeat_at__lt=_stale_before(now)
    )
    claimed = queued.update(
        status=ImportStatus.RUNNING, started_at=now, heartbeat_at=now, starts=models.F("starts") + 1
    ) or stalled.update(heartbeat_at=now, starts=models.F("starts") + 1)
    if claimed:
        job.refresh_from_db()
    return bool(claimed)


def _stale_before(now: datetime) -> datetime:
    return now - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS)


def sweep_stalled_imports(*, now: datetime) -> tuple[int, int]:
    """Resume (through the outbox) or fail running imports whose heartbeat stopped.

    A job started fewer than JOB_MAX_STARTS times is enqueued again (the task resumes it after
    its last committed chunk); one that keeps dying is failed, so no progress bar waits forever.
    Returns (resumed, failed).
    """
    resumed = failed = 0
    stalled = ImportJob.objects.filter(status=ImportStatus.RUNNING, heartbeat_at__lt=_stale_before(now))
    for job in stalled.select_related("uploaded_by"):
        if job.starts < settings.JOB_MAX_STARTS:
            with transaction.atomic():
                outbox.enqueue(PROCESS_IMPORT, key=f"import:{job.pk}", job_id=job.pk)
            resumed += 1
        else:
            _fail(
                job,
                _(
                    "The import was interrupted %(n)s times and stopped after %(rows)s rows; "
                    "the rows before were saved."
                )
                % {"n": job.starts, "rows": job.processed_rows},
            )
            failed += 1
    return resumed, failed


def _move(job: ImportJob, to: str, **fields) -> bool:
    """Change the job's status if (its status, ``to``) is allowed; False if it was not."""
    start = ImportJob.objects.filter(pk=job.pk).values_list("status", flat=True).first()
    if (start, to) not in TRANSITIONS:
        return False
    moved = ImportJob.objects.filter(pk=job.pk, status=start).update(status=to, **fields)
    if moved:
        job.status = to
        for name, value in fields.items():
            setattr(job, name, value)
    return bool(moved)


def _fail(job: ImportJob, message: str) -> None:
    message = _bounded(message, MAX_FAILURE_MESSAGE)
    _move(job, ImportStatus.FAILED, finished_at=timezone.now(), failure_message=message)
    record_event(actor=job.uploaded_by, subject=job, verb="import.failed", data={"message": message})


def _summary(job: ImportJob) -> dict:
    return {
        "rows": job.processed_rows,
        "created": job.created_count,
        "updated": job.updated_count,
        "unchanged": job.unchanged_count,
        "errors": job.error_count,
    }


def _open_rows(job: ImportJob, binary) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The file's header, which must be the class's template's, and its non-blank records."""
    rows = records(binary, file_name=job.file.name)
    first = next(rows, None)
    if first is None:
        raise UnreadableFileError(_("The file is empty."))
    header = check_header(first[1], header_for(job.product_class.slug))
    return header, (row for row in rows if not is_blank(row[1]))


def _count_rows(job: ImportJob) -> int:
    """Read the whole file once before writing, so an unreadable one writes nothing."""
    with job.file.open("rb") as binary:
        _header, rows = _open_rows(job, binary)
        return sum(1 for _row in rows)


def _data_rows(job: ImportJob, binary) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows as {column: text}."""
    header, rows = _open_rows(job, binary)
    for number, values in rows:
        values = values + [""] * (len(header) - len(values))
        yield number, dict(zip(header, values, strict=False))


@contextmanager
def _existing_heap_frozen():
    """Keep the cyclic garbage collector to the import's own objects while it runs.

    Each Oscar product is a reference cycle (it and its attribute container), so an import
    makes cyclic garbage by the hundred thousand; without freezing, every full collection also
    walks the whole framework heap (about a fifth of the import's CPU time).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _import_rows(job: ImportJob) -> None:
    validator = RowValidator(product_class=job.product_class)
    writer = ChunkWriter(
        supplier=job.supplier,
        product_class=job.product_class,
        spec_groups=validator.spec_groups,
        by=job.uploaded_by,
    )
    valid, seen, chunk_size = [], 0, settings.IMPORT_CHUNK_SIZE
    with _existing_heap_frozen(), job.file.open("rb") as binary:
        # A resumed job skips the rows its committed chunks already wrote.
        for number, values in islice(_data_rows(job, binary), job.processed_rows, None):
            outcome = validator.validate(number, values)
            if isinstance(outcome, ImportRow):
                valid.append(outcome)
            else:
                _add_problems(job, [outcome])
            seen += 1
            if seen == chunk_size:
                _write_chunk(job, writer, valid, seen)
                valid, seen = [], 0
    _write_chunk(job, writer, valid, seen)


def _write_chunk(job: ImportJob, writer: ChunkWriter, rows: list[ImportRow], seen: int) -> None:
    with transaction.atomic():
        if rows:
            result = writer.write(rows)
            job.created_count += result.created
            job.updated_count += result.updated
            job.unchanged_count += result.unchanged
            _add_problems(job, result.problems)
        job.processed_rows += seen
        job.heartbeat_at = timezone.now()
        job.errors.sort(key=lambda problem: problem["row"])
        job.save(update_fields=COUNTERS)


def _add_problems(job: ImportJob, rows_problems: list) -> None:
    for row_problems in rows_problems:
        job.error_count += 1
        room = ImportJob.MAX_STORED_ERRORS - len(job.errors)
        job.errors.extend(
            {**problem, "message": _bounded(problem["message"], MAX_PROBLEM_MESSAGE)}
            for problem in row_problems.problems[: max(room, 0)]
        )


def _bounded(text: str, limit: int) -> str:
    # Messages quote what the file held; a hostile file must not make them megabytes long.
    return text if len(text) <= limit else text[: limit - 1] + "…"
