from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Audit events are never updated or deleted."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events cannot be updated.")

    def delete(self):
        raise AppendOnlyError("Audit events cannot be deleted.")

    def for_subject(self, subject: models.Model) -> "AuditEventQuerySet":
        return self.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk)
        )


class AuditEvent(models.Model):
    """Who did what to which object, and when. Append-only (also enforced in PostgreSQL)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        # The log outlives the users it names (actor_label keeps who it was); SET_NULL would
        # UPDATE rows, which the append-only trigger refuses.
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    actor_label = models.CharField(max_length=254, blank=True)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.CharField(max_length=64)
    subject = GenericForeignKey("subject_type", "subject_id")
    verb = models.CharField(max_length=100)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Audit event")
        ordering = ("-created_at", "-pk")
        indexes = [models.Index(fields=("subject_type", "subject_id", "-created_at"))]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label or 'system'} {self.verb}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Audit events cannot be updated.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    # Claimed by a sender: the email may be on its way. Never resent automatically.
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    # A claim went stale (the sender crashed): the email may or may not have gone out.
    # Only an operator decides to send it again (admin action).
    UNCERTAIN = "uncertain", _("Interrupted: check before resending")


class EmailNotification(models.Model):
    """One templated email to one user, sent by Celery after the transaction commits.

    Sent at most once: a sender claims it (pending → sending) before sending, so neither a
    redelivered task nor a second sender sends it again.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_notifications"
    )
    template = models.CharField(max_length=100)
    context = models.JSONField(default=dict, blank=True)
    subject = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("Email notification")
        ordering = ("-created_at", "-pk")
        indexes = [
            models.Index(
                fields=("created_at",),
                condition=models.Q(sent_at__isnull=True),
                name="notification_unsent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.template} → {self.recipient}"


class OutboxMessage(models.Model):
    """A task to run, written in the transaction of the change that calls for it (marketplace/core/outbox.py).

    Due while ``done_at`` is empty and ``next_attempt_at`` has passed; given up when
    ``next_attempt_at`` is empty and ``done_at`` too.
    """

    task = models.CharField(_("Task"), max_length=200)
    kwargs = models.JSONField(_("Arguments"), default=dict, blank=True)
    # At most one undone message per key: enqueueing the same key again makes it due now.
    key = models.CharField(_("Key"), max_length=200, null=True, blank=True)
    created_at = models.DateTimeField(_("Created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("Next attempt"), null=True, blank=True, default=timezone.now)
    attempts = models.PositiveIntegerField(_("Failed attempts"), default=0)
    last_error = models.TextField(_("Last error"), blank=True)
    dispatched_at = models.DateTimeField(_("Handed to the broker"), null=True, blank=True)
    started_at = models.DateTimeField(_("Last started"), null=True, blank=True)
    done_at = models.DateTimeField(_("Done"), null=True, blank=True)

    class Meta:
        verbose_name = _("Outbox message")
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=("key",), condition=models.Q(done_at__isnull=True), name="outbox_one_undone_per_key"
            )
        ]
        indexes = [
            models.Index(
                fields=("next_attempt_at",), condition=models.Q(done_at__isnull=True), name="outbox_due"
            )
        ]

    def __str__(self) -> str:
        return f"{self.task} {self.kwargs}"

    @property
    def state(self) -> str:
        if self.done_at is not None:
            return "done"
        if self.next_attempt_at is None:
            return "given up"
        return "failing" if self.last_error else "pending"
