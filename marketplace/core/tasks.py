from celery import shared_task
from django.utils import timezone

from marketplace.core import outbox
from marketplace.core.models import EmailNotification
from marketplace.core.services import flag_interrupted_notifications, send_notification_email


@shared_task(acks_late=True)
def run_outbox_message(message_id: int) -> None:
    """Run one outbox message's task and mark it done (marketplace/core/outbox.py)."""
    outbox.run(message_id=message_id)


@shared_task
def dispatch_outbox() -> int:
    """Beat: hand due outbox messages to the broker (new, failed, or leased too long)."""
    return outbox.dispatch_due()


@shared_task(acks_late=True)
def send_notification(notification_id: int) -> None:
    """Send one notification at most once; run through the outbox, which retries on errors."""
    notification = EmailNotification.objects.filter(pk=notification_id).first()
    if notification is not None:
        send_notification_email(notification=notification)


@shared_task
def sweep_notifications() -> int:
    """Beat: flag notifications whose sender crashed after claiming them, for an operator."""
    return flag_interrupted_notifications(now=timezone.now())
