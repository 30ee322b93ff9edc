from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from marketplace.core.models import EmailNotification
from marketplace.core.services import record_notification_failure, send_notification_email

MAX_ATTEMPTS = 5


@shared_task(bind=True, max_retries=MAX_ATTEMPTS, acks_late=True)
def send_notification(self, notification_id: int) -> None:
    notification = EmailNotification.objects.filter(pk=notification_id).first()
    if notification is None:
        return
    try:
        with transaction.atomic():
            send_notification_email(notification=notification)
    except OSError as error:  # SMTP and network errors: retry with exponential backoff
        record_notification_failure(notification=notification, error=error)
        raise self.retry(exc=error, countdown=2 ** (self.request.retries + 1) * 30) from error
    except Exception as error:
        # Anything else (a missing template, bad context) will not heal by retrying now;
        # count it so the beat sweep gives up after MAX_ATTEMPTS * 2.
        record_notification_failure(notification=notification, error=error)
        raise


@shared_task
def retry_unsent_notifications() -> int:
    """Beat: re-queue notifications whose worker was lost or whose retries ran out."""
    stale = timezone.now() - timedelta(minutes=10)
    pending = list(
        EmailNotification.objects.filter(
            sent_at__isnull=True, created_at__lt=stale, attempts__lt=MAX_ATTEMPTS * 2
        ).values_list("pk", flat=True)[:500]
    )
    for notification_id in pending:
        send_notification.delay(notification_id)
    return len(pending)
