"""An import job: one uploaded spreadsheet of a supplier's products, processed by a worker."""

import posixpath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.uploads import UploadValidator, private_storage, safe_upload_path

IMPORT_FILE_KINDS = ("csv", "xlsx")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportJob(models.Model):
    """Rows are upserted by (supplier, SKU); bad rows are listed in ``errors`` and skipped.

    Each chunk of rows commits with the counters and ``heartbeat_at``; a job interrupted by a
    crash is resumed after its last committed chunk (``processed_rows``) by the sweeper.

    ``errors`` holds at most MAX_STORED_ERRORS problems ({row, column, message}); ``error_count``
    counts every bad row.
    """

    MAX_STORED_ERRORS = 1000

    supplier = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, related_name="import_jobs", verbose_name=_("Supplier")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Uploaded by"),
    )
    product_class = models.ForeignKey(
        "catalogue.ProductClass", on_delete=models.PROTECT, related_name="+", verbose_name=_("Product type")
    )
    file = models.FileField(
        _("File"),
        upload_to=safe_upload_path("catalog-imports"),
        storage=private_storage,
        max_length=200,
        validators=[UploadValidator(kinds=IMPORT_FILE_KINDS)],
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    total_rows = models.PositiveIntegerField(_("Rows in the file"), default=0)
    processed_rows = models.PositiveIntegerField(_("Rows processed"), default=0)
    created_count = models.PositiveIntegerField(_("Products created"), default=0)
    updated_count = models.PositiveIntegerField(_("Products updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("Rows unchanged"), default=0)
    error_count = models.PositiveIntegerField(_("Rows with errors"), default=0)
    errors = models.JSONField(_("Problems"), default=list, blank=True)
    failure_message = models.TextField(_("Why the import failed"), blank=True)
    created_at = models.DateTimeField(_("Uploaded"), auto_now_add=True)
    started_at = models.DateTimeField(_("Started"), null=True, blank=True)
    # Written with every committed chunk: a running job whose heartbeat stopped lost its worker.
    heartbeat_at = models.DateTimeField(_("Last sign of life"), null=True, blank=True)
    starts = models.PositiveSmallIntegerField(_("Times started"), default=0)
    finished_at = models.DateTimeField(_("Finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("Import job")
        ordering = ("-created_at", "-pk")
        indexes = [models.Index(fields=("supplier", "-created_at"), name="import_job_supplier_recent")]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.product_class_id}, {self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)

    @property
    def percent(self) -> int:
        if self.status == ImportStatus.DONE:
            return 100
        if not self.total_rows:
            return 0
        return min(100, self.processed_rows * 100 // self.total_rows)

    @property
    def file_name(self) -> str:
        return posixpath.basename(self.file.name)

    @property
    def errors_truncated(self) -> bool:
        return len(self.errors) >= self.MAX_STORED_ERRORS
