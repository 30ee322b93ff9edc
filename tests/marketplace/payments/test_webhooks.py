"""Stripe's webhook with genuinely signed events: verified, stored once, the PaymentIntent re-read
from localstripe, and the same final state whatever the order or repetition of the events."""

import json

import pytest
from django.core import mail
from django.db.models import Q
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from marketplace.core.models import AuditEvent, EmailNotification
from marketplace.orders.models import MilestoneStatus, OrderStatus, PaymentMethod
from marketplace.orders.services import cancel_order, record_payment
from marketplace.payments import services
from marketplace.payments.models import CardPayment, CardPaymentStatus, EventOutcome, StripeEvent
from tests.marketplace.payments.conftest import (
    deliver,
    intent_event,
    localstripe,
    pay_in_browser,
    place,
    sign,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_intent(stripe_on, deposit, buyer_user):
    """The deposit's PaymentIntent, paid at localstripe; our milestone does not know yet."""
    checkout = services.start_card_payment(milestone=deposit, by=buyer_user)
    assert pay_in_browser(stripe_on, checkout.card_payment.intent_id).status == "succeeded"
    return checkout.card_payment.intent_id


def state(order) -> dict:
    """Everything the events may change, to compare final states."""
    order.refresh_from_db()
    return {
        "order": order.status,
        "milestones": [
            (m.sequence, m.status, m.paid_with, m.payment_reference)
            for m in order.milestones.order_by("sequence")
        ],
        "card_payments": sorted(
            (p.milestone.sequence, p.status, p.last_error)
            for p in CardPayment.objects.filter(milestone__order=order).select_related("milestone")
        ),
        "audit": sorted(AuditEvent.objects.filter(subject_id=str(order.pk)).values_list("verb", flat=True)),
    }


def test_a_succeeded_event_pays_the_milestone(client, paid_intent, order, deposit):
    response = deliver(client, intent_event("payment_intent.succeeded", paid_intent, event_id="evt_once"))

    assert response.status_code == 200
    deposit.refresh_from_db()
    order.refresh_from_db()
    assert (deposit.status, deposit.paid_with, deposit.payment_reference) == (
        MilestoneStatus.PAID,
        PaymentMethod.CARD,
        paid_intent,
    )
    assert order.status == OrderStatus.IN_PRODUCTION
    assert CardPayment.objects.get(milestone=deposit).status == CardPaymentStatus.SUCCEEDED
    event = StripeEvent.objects.get(event_id="evt_once")
    assert (event.type, event.outcome, event.processed_at is not None) == (
        "payment_intent.succeeded",
        EventOutcome.PAID,
        True,
    )
    assert EmailNotification.objects.filter(template="orders/payment_received").exists()


def test_the_same_event_twice_changes_nothing_the_second_time(client, paid_intent, order):
    event = intent_event("payment_intent.succeeded", paid_intent, event_id="evt_twice")
    deliver(client, event)
    after_first = state(order)
    notices = EmailNotification.objects.count()

    response = deliver(client, event)

    assert response.status_code == 200
    assert state(order) == after_first
    assert EmailNotification.objects.count() == notices
    assert StripeEvent.objects.filter(event_id="evt_twice").count() == 1
    assert [v for v in after_first["audit"] if v == "order.payment_received"] == ["order.payment_received"]


def test_a_failed_event_after_success_does_not_unpay(client, paid_intent, order, deposit):
    deliver(client, intent_event("payment_intent.succeeded", paid_intent))
    after_success = state(order)

    # Stripe may deliver an earlier attempt's failure late.
    response = deliver(
        client,
        intent_event(
            "payment_intent.payment_failed", paid_intent, last_payment_error={"message": "Declined"}
        ),
    )

    assert response.status_code == 200
    assert state(order) == after_success
    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PAID


def test_a_failed_event_first_then_success(client, paid_intent, order, deposit):
    # Both events are answered from Stripe's current state (succeeded), so even the failure
    # event, read late, pays: the order of arrival does not matter.
    deliver(client, intent_event("payment_intent.payment_failed", paid_intent))
    deliver(client, intent_event("payment_intent.succeeded", paid_intent))

    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PAID
    assert CardPayment.objects.get(milestone=deposit).status == CardPaymentStatus.SUCCEEDED


def test_a_declined_card_is_recorded_and_the_milestone_stays_pending(
    client, stripe_on, order, deposit, buyer_user
):
    checkout = services.start_card_payment(milestone=deposit, by=buyer_user)
    intent_id = checkout.card_payment.intent_id
    assert (
        pay_in_browser(stripe_on, intent_id, "pm_card_chargeCustomerFail").status == "requires_payment_method"
    )

    deliver(client, intent_event("payment_intent.payment_failed", intent_id))

    payment = CardPayment.objects.get(milestone=deposit)
    assert (payment.status, payment.last_error) == (CardPaymentStatus.FAILED, "Your card was declined.")
    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PENDING
    assert AuditEvent.objects.filter(subject_id=str(order.pk), verb="payment.card_failed").count() == 1
    # The buyer can try again with the same intent.
    again = services.start_card_payment(milestone=deposit, by=buyer_user)
    assert again.card_payment.intent_id == intent_id


def test_a_forged_success_for_an_unpaid_intent_pays_nothing(client, stripe_on, order, deposit, buyer_user):
    # Signed correctly, but Stripe itself says the intent is unpaid: we believe Stripe.
    checkout = services.start_card_payment(milestone=deposit, by=buyer_user)

    response = deliver(client, intent_event("payment_intent.succeeded", checkout.card_payment.intent_id))

    assert response.status_code == 200
    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PENDING


@pytest.mark.parametrize(
    "signature",
    [
        "",
        "t=1700000000,v1=" + "0" * 64,
        "nonsense",
        "wrong secret",
        "too old",
    ],
)
def test_an_unverifiable_request_answers_400_and_changes_nothing(client, paid_intent, order, signature):
    before = state(order)
    event = intent_event("payment_intent.succeeded", paid_intent, event_id="evt_forged")
    payload = json.dumps(event).encode()
    if signature == "wrong secret":
        signature = sign(payload, secret="whsec_not_ours")
    elif signature == "too old":
        signature = sign(payload, timestamp=1_600_000_000)

    response = deliver(client, event, signature=signature)

    assert response.status_code == 400
    assert state(order) == before
    assert not StripeEvent.objects.filter(event_id="evt_forged").exists()


def test_a_tampered_payload_answers_400(client, paid_intent, order):
    before = state(order)
    event = intent_event("payment_intent.succeeded", paid_intent)
    signature = sign(json.dumps(event).encode())
    event["data"]["object"]["id"] = "pi_someone_elses"

    assert deliver(client, event, signature=signature).status_code == 400
    assert state(order) == before


def test_without_a_webhook_secret_everything_is_refused(client, stripe_off, order):
    event = intent_event("payment_intent.succeeded", "pi_whatever")

    assert deliver(client, event).status_code == 400
    assert deliver(client, event, signature="").status_code == 400
    assert not StripeEvent.objects.exists()


def test_only_post_is_accepted(client):
    assert client.get(reverse("payments-api:stripe-webhook")).status_code == 405


def test_an_unknown_payment_intent_is_stored_and_ignored(client, stripe_on, order):
    before = state(order)

    response = deliver(client, intent_event("payment_intent.succeeded", "pi_not_ours", event_id="evt_alien"))

    assert response.status_code == 200
    assert state(order) == before
    event = StripeEvent.objects.get(event_id="evt_alien")
    assert (event.outcome, event.note) == (EventOutcome.IGNORED, "not one of our PaymentIntents")


def test_an_event_type_we_do_not_handle_is_stored_and_ignored(client, stripe_on, order):
    event = {**intent_event("customer.created", "cus_1", event_id="evt_customer")}

    response = deliver(client, event)

    assert response.status_code == 200
    stored = StripeEvent.objects.get(event_id="evt_customer")
    assert (stored.type, stored.outcome, stored.payload["id"]) == (
        "customer.created",
        "ignored",
        "evt_customer",
    )


def test_an_intent_whose_amount_differs_is_refused(client, stripe_on, order, deposit, buyer_user):
    checkout = services.start_card_payment(milestone=deposit, by=buyer_user)
    intent_id = checkout.card_payment.intent_id
    api = localstripe(stripe_on)
    api.PaymentIntent.modify(intent_id, amount=100)  # e.g. changed in Stripe's dashboard
    pay_in_browser(stripe_on, intent_id)

    deliver(client, intent_event("payment_intent.succeeded", intent_id, event_id="evt_short"))

    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PENDING
    assert StripeEvent.objects.get(event_id="evt_short").outcome == EventOutcome.REFUSED
    assert AuditEvent.objects.filter(subject_id=str(order.pk), verb="payment.card_refused").exists()


def test_a_card_payment_for_a_milestone_paid_by_transfer_alerts_operators(
    client, paid_intent, order, deposit, operator, django_capture_on_commit_callbacks
):
    record_payment(milestone=deposit, method=PaymentMethod.BANK_TRANSFER, reference="TT-77")

    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, intent_event("payment_intent.succeeded", paid_intent, event_id="evt_double"))

    deposit.refresh_from_db()
    assert (deposit.paid_with, deposit.payment_reference) == (PaymentMethod.BANK_TRANSFER, "TT-77")
    assert StripeEvent.objects.get(event_id="evt_double").outcome == EventOutcome.ATTENTION
    assert [m.to for m in mail.outbox if "needs a refund" in m.subject] == [[operator.email]]


def test_a_card_payment_after_cancellation_needs_an_operator(client, paid_intent, order, buyer_user):
    cancel_order(order=order, by=buyer_user, reason="Found it cheaper")

    deliver(client, intent_event("payment_intent.succeeded", paid_intent, event_id="evt_late"))

    assert StripeEvent.objects.get(event_id="evt_late").outcome == EventOutcome.ATTENTION
    assert not order.milestones.filter(status=MilestoneStatus.PAID).exists()


def test_a_stripe_outage_answers_503_and_the_retry_is_processed(
    client, paid_intent, order, deposit, settings
):
    event = intent_event("payment_intent.succeeded", paid_intent, event_id="evt_retry")
    good_base = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = "http://127.0.0.1:1"  # nothing listens there

    assert deliver(client, event).status_code == 503
    assert StripeEvent.objects.get(event_id="evt_retry").processed_at is None

    settings.STRIPE_API_BASE = good_base
    assert deliver(client, event).status_code == 200
    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PAID


# --- any order, any repetition ---------------------------------------------------------------------


@pytest.fixture
def scenario(stripe_on, reference_data, buyer_user, supplier):
    """Builds a fresh order per example: the deposit paid at Stripe, the balance's card declined."""

    def build():
        order = place(buyer_user=buyer_user, supplier=supplier)
        deposit, balance = order.milestones.order_by("sequence")
        paid = services.start_card_payment(milestone=deposit, by=buyer_user).card_payment.intent_id
        declined = services.start_card_payment(milestone=balance, by=buyer_user).card_payment.intent_id
        pay_in_browser(stripe_on, paid)
        pay_in_browser(stripe_on, declined, "pm_card_chargeCustomerFail")
        events = [
            intent_event("payment_intent.payment_failed", paid),  # an earlier attempt, late
            intent_event("payment_intent.succeeded", paid),
            intent_event("payment_intent.payment_failed", declined),
            intent_event("payment_intent.succeeded", declined),  # forged, but signed
            intent_event("payment_intent.succeeded", "pi_not_ours"),
            intent_event("charge.refunded", "ch_1"),
        ]
        return order, events

    return build


@hypothesis_settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_order_and_repetition_of_events_ends_in_the_same_state(client, scenario, data):
    order, events = scenario()
    repeats = data.draw(st.lists(st.sampled_from(events), max_size=12))
    deliveries = data.draw(st.permutations([*events, *repeats]))  # each at least once, some again

    for event in deliveries:
        assert deliver(client, event).status_code == 200

    assert state(order) == {
        "order": OrderStatus.IN_PRODUCTION,
        "milestones": [
            (1, MilestoneStatus.PAID, PaymentMethod.CARD, events[1]["data"]["object"]["id"]),
            (2, MilestoneStatus.PENDING, "", ""),
        ],
        "card_payments": [
            (1, CardPaymentStatus.SUCCEEDED, ""),
            (2, CardPaymentStatus.FAILED, "Your card was declined."),
        ],
        "audit": sorted(
            [
                "order.placed",
                "payment.card_started",
                "payment.card_started",
                "order.payment_received",
                "order.in_production",
                "payment.card_failed",
            ]
        ),
    }
    stored = StripeEvent.objects.filter(event_id__in=[event["id"] for event in events])
    assert stored.count() == len(events)
    assert not stored.filter(Q(processed_at__isnull=True)).exists()
