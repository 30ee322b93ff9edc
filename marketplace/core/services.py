"""Services every app shares: the audit log and notifications."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from marketplace.core.models import AuditEvent, EmailNotification


def record_event(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    subject: models.Model,
    verb: str,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event to ``subject``'s timeline. ``actor`` may be None for the system."""
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor.email if actor is not None and actor.is_authenticated else "",
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        verb=verb,
        data=data or {},
    )


def record_events(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    events: list[tuple[models.Model, str, dict[str, Any]]],
) -> list[AuditEvent]:
    """Append many (subject, verb, data) events by one ``actor`` in one statement (bulk writes)."""
    known = actor is not None and actor.is_authenticated
    return AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor if known else None,
            actor_label=actor.email if known else "",
            subject_type=ContentType.objects.get_for_model(subject),
            subject_id=str(subject.pk),
            verb=verb,
            data=data,
        )
        for subject, verb, data in events
    )


def notify(
    *, recipient: AbstractBaseUser, template: str, context: dict[str, Any] | None = None
) -> EmailNotification:
    """Queue ``notifications/<template>_subject.txt`` and ``_body.txt`` for ``recipient``.

    The email goes out after the surrounding transaction commits, so a rolled-back action
    never sends mail. ``context`` must be JSON-serialisable (it is stored).
    """
    from marketplace.core.tasks import send_notification

    notification = EmailNotification.objects.create(
        recipient=recipient, template=template, context=context or {}
    )
    # robust: a broker or mail failure must not break the action that already committed;
    # the beat task re-queues what was not sent.
    transaction.on_commit(lambda: send_notification.delay(notification.pk), robust=True)
    return notification


def send_notification_email(*, notification: EmailNotification) -> EmailNotification:
    """Render in the recipient's language and send; does nothing if already sent."""
    notification = (
        EmailNotification.objects.select_for_update().select_related("recipient").get(pk=notification.pk)
    )
    if notification.sent_at is not None:
        return notification
    recipient = notification.recipient
    context = {**notification.context, "recipient": recipient, "site_url": settings.SITE_URL}
    with translation.override(recipient.language):
        prefix = f"notifications/{notification.template}"
        subject = " ".join(render_to_string(f"{prefix}_subject.txt", context).split())
        body = render_to_string(f"{prefix}_body.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[recipient.email])
    message.send()
    notification.subject = subject
    notification.sent_at = timezone.now()
    notification.attempts += 1
    notification.save(update_fields=["subject", "sent_at", "attempts"])
    return notification


def record_notification_failure(*, notification: EmailNotification, error: Exception) -> None:
    EmailNotification.objects.filter(pk=notification.pk).update(
        attempts=models.F("attempts") + 1, last_error=str(error)[:2000]
    )
