from celery import shared_task
from django.utils import timezone

from rfq import services
from rfq.models import RFQ


@shared_task(acks_late=True)
def broadcast_rfq_task(rfq_id: int) -> int:
    """Route an open RFQ to matching suppliers; safe to run twice (recipients are unique).

    Run through the outbox, which retries it on errors. The broadcast is one transaction, so a
    worker killed midway leaves nothing half-routed and the outbox hands it over again.
    """
    rfq = RFQ.objects.filter(pk=rfq_id).first()
    if rfq is None:
        return 0  # deleted before the task ran: nothing to route
    return services.broadcast_rfq(rfq=rfq)


@shared_task
def expire_rfqs_and_quotes() -> tuple[int, int]:
    """Beat, hourly: quotes past their validity and RFQs past their deadline expire."""
    return services.expire_quotes_and_rfqs(today=timezone.localdate())
