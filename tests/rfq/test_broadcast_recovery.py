"""An RFQ broadcast asked for while the broker is down waits in the outbox and runs once it is back."""

import pytest
from django.utils import timezone

from marketplace.core.models import EmailNotification, OutboxMessage
from marketplace.core.tasks import dispatch_outbox
from rfq import services
from rfq.models import RFQRecipient, RFQStatus
from tests.rfq.conftest import rfq_details

pytestmark = pytest.mark.django_db


def test_a_broadcast_during_a_broker_outage_is_routed_once_when_it_is_back(
    buyer_user,
    methanol_category,
    supplier_a,
    supplier_b,
    broker_down,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    # given the broker is down when a buyer sends an open RFQ
    with django_capture_on_commit_callbacks(execute=True):
        rfq = services.create_rfq(buyer_user=buyer_user, details=rfq_details(category=methanol_category))

    # then the RFQ is open, routed to nobody yet, and its broadcast waits in the outbox
    rfq.refresh_from_db()
    assert rfq.status == RFQStatus.OPEN
    assert not RFQRecipient.objects.filter(rfq=rfq).exists()
    message = OutboxMessage.objects.get()
    assert (message.task, message.kwargs, message.key) == (
        "rfq.tasks.broadcast_rfq_task",
        {"rfq_id": rfq.pk},
        f"rfq-broadcast:{rfq.pk}",
    )
    assert message.done_at is None and message.attempts == 1

    # when the broker is back and the retry is due (twice: the broadcast, then its emails)
    broker_down.back()
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    dispatch_outbox()
    dispatch_outbox()
    dispatch_outbox()

    # then it was routed once to both matching suppliers, each told once
    assert sorted(RFQRecipient.objects.filter(rfq=rfq).values_list("supplier__name", flat=True)) == [
        "Hanggin Methanol",
        "Junggar Chemical",
    ]
    notified = EmailNotification.objects.filter(template="rfq/rfq_received")
    assert sorted(n.recipient_id for n in notified) == sorted([supplier_a.user.pk, supplier_b.user.pk])
    assert sorted(m.to[0] for m in mailoutbox) == sorted([supplier_a.user.email, supplier_b.user.email])
    assert not OutboxMessage.objects.filter(done_at__isnull=True).exists()
