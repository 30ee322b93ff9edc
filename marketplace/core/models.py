from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
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


class EmailNotification(models.Model):
    """One templated email to one user, sent by Celery after the transaction commits."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_notifications"
    )
    template = models.CharField(max_length=100)
    context = models.JSONField(default=dict, blank=True)
    subject = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
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
