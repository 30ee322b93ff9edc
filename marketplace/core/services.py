"""Services every app shares: the audit log and notifications."""

import smtplib
import socket
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from marketplace.core import outbox
from marketplace.core.models import AuditEvent, EmailNotification, NotificationStatus


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


SEND_NOTIFICATION = "marketplace.core.tasks.send_notification"

# SMTP failures that happen before the server accepted the message: provably not sent, so the
# claim is released and the outbox retries. Any other failure while sending may have sent it.
NOT_SENT_ERRORS = (
    ConnectionRefusedError,
    socket.gaierror,
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    smtplib.SMTPAuthenticationError,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPRecipientsRefused,
)


def notify(
    *, recipient: AbstractBaseUser, template: str, context: dict[str, Any] | None = None
) -> EmailNotification:
    """Queue ``notifications/<template>_subject.txt`` and ``_body.txt`` for ``recipient``.

    The email goes out after the surrounding transaction commits (through the outbox, so a
    broker outage delays it but loses nothing), and a rolled-back action never sends mail.
    ``context`` must be JSON-serialisable (it is stored).
    """
    notification = EmailNotification.objects.create(
        recipient=recipient, template=template, context=context or {}
    )
    outbox.enqueue(SEND_NOTIFICATION, notification_id=notification.pk)
    return notification


def send_notification_email(*, notification: EmailNotification) -> EmailNotification:
    """Claim, render in the recipient's language and send: at most once.

    The claim (pending → sending) commits before anything is sent, so only one sender wins it
    and a crash after it leaves the notification "sending", never sent twice. A failure that
    provably sent nothing (rendering, a refused connection) releases the claim and raises, for
    the outbox to retry; any other failure while sending marks it uncertain for an operator.
    """
    claimed = EmailNotification.objects.filter(pk=notification.pk, status=NotificationStatus.PENDING).update(
        status=NotificationStatus.SENDING, claimed_at=timezone.now(), attempts=models.F("attempts") + 1
    )
    notification = EmailNotification.objects.select_related("recipient").get(pk=notification.pk)
    if not claimed:
        return notification
    try:
        message = _render(notification)
    except Exception as error:
        _release_claim(notification, error)
        raise
    try:
        message.send()
    except NOT_SENT_ERRORS as error:
        _release_claim(notification, error)
        raise
    except Exception as error:  # noqa: BLE001 - it may have gone out: never resend on our own
        _finish(notification, status=NotificationStatus.UNCERTAIN, last_error=_error_text(error))
        return notification
    _finish(notification, status=NotificationStatus.SENT, sent_at=timezone.now(), subject=message.subject)
    return notification


def _render(notification: EmailNotification) -> EmailMultiAlternatives:
    recipient = notification.recipient
    context = {**notification.context, "recipient": recipient, "site_url": settings.SITE_URL}
    with translation.override(recipient.language):
        prefix = f"notifications/{notification.template}"
        subject = " ".join(render_to_string(f"{prefix}_subject.txt", context).split())
        body = render_to_string(f"{prefix}_body.txt", context)
    return EmailMultiAlternatives(subject=subject, body=body, to=[recipient.email])


def _release_claim(notification: EmailNotification, error: Exception) -> None:
    _finish(notification, status=NotificationStatus.PENDING, claimed_at=None, last_error=_error_text(error))


def _finish(notification: EmailNotification, **fields: Any) -> None:
    EmailNotification.objects.filter(pk=notification.pk, status=NotificationStatus.SENDING).update(**fields)
    for name, value in fields.items():
        setattr(notification, name, value)


def _error_text(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


def flag_interrupted_notifications(*, now: datetime) -> int:
    """Mark notifications claimed longer than NOTIFICATION_CLAIM_TIMEOUT_SECONDS ago as uncertain.

    Their sender died between claiming and recording the result: the email may have gone out,
    so it is not resent; operators see them in the admin and may send them again.
    """
    stale = now - timedelta(seconds=settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS)
    return EmailNotification.objects.filter(status=NotificationStatus.SENDING, claimed_at__lt=stale).update(
        status=NotificationStatus.UNCERTAIN, last_error="The sender stopped after claiming it."
    )


def resend_notifications(*, notifications: models.QuerySet) -> int:
    """Operators: queue uncertain (or unsent) notifications again; sent ones are left alone."""
    count = 0
    with transaction.atomic():
        for notification in notifications.exclude(status=NotificationStatus.SENT).select_for_update():
            notification.status = NotificationStatus.PENDING
            notification.claimed_at = None
            notification.save(update_fields=["status", "claimed_at"])
            outbox.enqueue(
                SEND_NOTIFICATION, key=f"notification:{notification.pk}", notification_id=notification.pk
            )
            count += 1
    return count
