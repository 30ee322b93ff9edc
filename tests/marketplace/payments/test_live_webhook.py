"""The whole card journey with localstripe sending its own signed webhooks to the live server."""

import json
import time
import urllib.request

import pytest
from django.urls import reverse

from marketplace.orders.models import MilestoneStatus, OrderStatus, PaymentMethod
from marketplace.payments import services
from marketplace.payments.models import CardPayment, CardPaymentStatus, EventOutcome, StripeEvent
from tests.marketplace.payments.conftest import WEBHOOK_SECRET, pay_in_browser, place

pytestmark = pytest.mark.slow


def register_webhook(localstripe_url: str, url: str) -> None:
    request = urllib.request.Request(
        f"{localstripe_url}/_config/webhooks/ordos",
        data=json.dumps({"url": url, "secret": WEBHOOK_SECRET}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        assert response.status == 200


def wait_for(check, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def webhook_to_live_server(live_server, stripe_on):
    register_webhook(stripe_on.STRIPE_API_BASE, live_server.url + reverse("payments-api:stripe-webhook"))
    yield
    # The live server outlives this test; later tests' intents must not reach it.
    register_webhook(stripe_on.STRIPE_API_BASE, "http://127.0.0.1:9/closed")


def test_localstripes_signed_events_pay_and_fail_milestones(
    webhook_to_live_server, stripe_on, reference_data, buyer_user, supplier
):
    order = place(buyer_user=buyer_user, supplier=supplier)
    deposit, balance = order.milestones.order_by("sequence")
    paid = services.start_card_payment(milestone=deposit, by=buyer_user).card_payment.intent_id
    declined = services.start_card_payment(milestone=balance, by=buyer_user).card_payment.intent_id

    # The browser's part (Stripe.js); the milestones stay pending until Stripe's webhook.
    pay_in_browser(stripe_on, paid)
    pay_in_browser(stripe_on, declined, "pm_card_chargeCustomerFail")
    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PENDING

    # Only our intents' events: localstripe may still deliver earlier tests' events here.
    ours = StripeEvent.objects.filter(payload__data__object__id__in=[paid, declined])
    assert wait_for(lambda: ours.filter(processed_at__isnull=False).count() == 2)
    deposit.refresh_from_db()
    balance.refresh_from_db()
    order.refresh_from_db()
    assert (deposit.status, deposit.paid_with, deposit.payment_reference) == (
        MilestoneStatus.PAID,
        PaymentMethod.CARD,
        paid,
    )
    assert balance.status == MilestoneStatus.PENDING
    assert order.status == OrderStatus.IN_PRODUCTION
    assert dict(CardPayment.objects.values_list("intent_id", "status")) == {
        paid: CardPaymentStatus.SUCCEEDED,
        declined: CardPaymentStatus.FAILED,
    }
    assert sorted(ours.values_list("type", "outcome")) == [
        ("payment_intent.payment_failed", EventOutcome.UPDATED),
        ("payment_intent.succeeded", EventOutcome.PAID),
    ]
