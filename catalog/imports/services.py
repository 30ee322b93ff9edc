"""Bulk import of a supplier's catalogue: start a job, run it in chunks, finish or fail it."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
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
from marketplace.core.services import record_event

Partner = get_model("partner", "Partner")
ProductClass = get_model("catalogue", "ProductClass")

CHUNK_SIZE = 1000  # rows per transaction and per progress update

# (from, to) of the job's status; anything else is refused.
TRANSITIONS = {
    (ImportStatus.QUEUED, ImportStatus.RUNNING),
    (ImportStatus.RUNNING, ImportStatus.DONE),
    (ImportStatus.QUEUED, ImportStatus.FAILED),
    (ImportStatus.RUNNING, ImportStatus.FAILED),
}
MAX_FAILURE_MESSAGE = 1_000
MAX_PROBLEM_MESSAGE = 500
COUNTERS = ("processed_rows", "created_count", "updated_count", "unchanged_count", "error_count", "errors")


def start_import(
    *, supplier: Partner, user: User, product_class: ProductClass, upload: UploadedFile
) -> ImportJob:
    """Store ``upload`` as a queued job of ``supplier``; a worker runs it after the commit."""
    from catalog.imports.tasks import process_import

    if upload.name.lower().endswith(".xlsx"):
        try:
            check_workbook_archive(upload)  # reads the zip's directory only, no XML
        except UnreadableFileError as error:
            raise ValidationError({"file": error.message}) from None
    job = ImportJob(supplier=supplier, uploaded_by=user, product_class=product_class, file=upload)
    job.full_clean()
    with transaction.atomic():
        job.save()
        # robust: a broker outage leaves the job queued rather than failing the upload.
        transaction.on_commit(lambda: process_import.delay(job.pk), robust=True)
    return job


def run_import(*, job: ImportJob) -> ImportJob:
    """Read the job's file and upsert its rows by (supplier, SKU), a chunk per transaction.

    A file that cannot be read (type, encoding, header, damage) fails the job before anything
    is written. Bad rows are listed on the job and skipped; good rows land. Does nothing unless
    the job is queued, so a task delivered twice runs it once.
    """
    if not _move(job, ImportStatus.RUNNING, started_at=timezone.now()):
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
    valid, seen = [], 0
    with _existing_heap_frozen(), job.file.open("rb") as binary:
        for number, values in _data_rows(job, binary):
            outcome = validator.validate(number, values)
            if isinstance(outcome, ImportRow):
                valid.append(outcome)
            else:
                _add_problems(job, [outcome])
            seen += 1
            if seen == CHUNK_SIZE:
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
