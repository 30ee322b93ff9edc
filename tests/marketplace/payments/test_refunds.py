"""Refunds: operators only, never more than was paid (our check: localstripe caps nothing),
card refunds through localstripe, bank-transfer refunds recorded with the bank's reference."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.core.models import AuditEvent, EmailNotification
from marketplace.orders.models import PaymentMethod
from marketplace.orders.services import record_payment
from marketplace.payments import services
from marketplace.payments.models import Refund, RefundStatus
from tests.marketplace.payments.conftest import localstripe, pay_in_browser

pytestmark = pytest.mark.django_db


@pytest.fixture
def card_paid(stripe_on, deposit, buyer_user):
    """The deposit (90 000 minor units) paid by card at localstripe and recorded as paid."""
    intent_id = services.start_card_payment(milestone=deposit, by=buyer_user).card_payment.intent_id
    pay_in_browser(stripe_on, intent_id)
    record_payment(milestone=deposit, method=PaymentMethod.CARD, reference=intent_id)
    deposit.refresh_from_db()
    return deposit


def stripe_refunds(settings, intent_id: str) -> list[int]:
    return [refund.amount for refund in localstripe(settings).Refund.list(payment_intent=intent_id).data]


def test_a_partial_then_the_rest_through_stripe(stripe_on, card_paid, operator):
    first = services.refund_payment(
        milestone=card_paid, amount_minor=30_000, by=operator, reason="Short delivery"
    )
    second = services.refund_payment(
        milestone=card_paid, amount_minor=60_000, by=operator, reason="Cancelled"
    )

    card_paid.refresh_from_db()
    assert (card_paid.refunded_minor, card_paid.refundable_minor) == (90_000, 0)
    assert [(r.status, r.amount_minor) for r in (first, second)] == [
        (RefundStatus.REFUNDED, 30_000),
        (RefundStatus.REFUNDED, 60_000),
    ]
    assert all(r.stripe_refund_id.startswith("re_") for r in (first, second))
    assert sorted(stripe_refunds(stripe_on, card_paid.payment_reference)) == [30_000, 60_000]
    assert AuditEvent.objects.filter(subject_id=str(card_paid.order_id), verb="payment.refunded").count() == 2
    assert EmailNotification.objects.filter(template="payments/refunded").exists()


def test_a_full_refund_in_one_go(
    stripe_on, card_paid, operator, buyer_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.refund_payment(
            milestone=card_paid, amount_minor=90_000, by=operator, reason="Order cancelled"
        )

    refund_mail = [m for m in mail.outbox if "refunded" in m.subject]
    assert [(m.to, m.subject) for m in refund_mail] == [
        ([buyer_user.email], f"Order {card_paid.order.number}: 900.00 USD refunded")
    ]
    assert "Order cancelled" in refund_mail[0].body

    card_paid.refresh_from_db()
    assert card_paid.refundable_minor == 0
    assert stripe_refunds(stripe_on, card_paid.payment_reference) == [90_000]


@pytest.mark.parametrize("amount", [90_001, 0, -5])
def test_our_check_refuses_more_than_was_paid(stripe_on, card_paid, operator, amount):
    with pytest.raises(ValidationError) as refused:
        services.refund_payment(milestone=card_paid, amount_minor=amount, by=operator, reason="Too much")

    assert "amount" in refused.value.message_dict
    card_paid.refresh_from_db()
    assert card_paid.refunded_minor == 0
    assert not Refund.objects.exists()
    assert stripe_refunds(stripe_on, card_paid.payment_reference) == []


def test_after_a_partial_refund_only_the_rest_can_go(stripe_on, card_paid, operator):
    services.refund_payment(milestone=card_paid, amount_minor=50_000, by=operator, reason="Quality claim")

    with pytest.raises(ValidationError, match="At most 400.00 USD"):
        services.refund_payment(milestone=card_paid, amount_minor=40_001, by=operator, reason="Again")

    card_paid.refresh_from_db()
    assert card_paid.refunded_minor == 50_000
    assert stripe_refunds(stripe_on, card_paid.payment_reference) == [50_000]


def test_a_refund_stripe_refuses_gives_the_amount_back(stripe_on, deposit, operator):
    # Recorded as paid by an intent localstripe does not know: it answers 404.
    record_payment(milestone=deposit, method=PaymentMethod.CARD, reference="pi_unknown_to_stripe")
    deposit.refresh_from_db()

    with pytest.raises(ValidationError, match="Stripe did not refund"):
        services.refund_payment(milestone=deposit, amount_minor=10_000, by=operator, reason="Test")

    deposit.refresh_from_db()
    assert deposit.refunded_minor == 0
    refund = Refund.objects.get()
    assert (refund.status, refund.stripe_refund_id) == (RefundStatus.FAILED, None)
    assert AuditEvent.objects.filter(verb="payment.refund_failed").count() == 1


def test_only_operators_refund(stripe_on, card_paid, buyer_user, supplier_admin):
    for user in (buyer_user, supplier_admin):
        with pytest.raises(PermissionDenied):
            services.refund_payment(milestone=card_paid, amount_minor=100, by=user, reason="Please")

    card_paid.refresh_from_db()
    assert card_paid.refunded_minor == 0
    assert stripe_refunds(stripe_on, card_paid.payment_reference) == []


def test_an_unpaid_milestone_cannot_be_refunded(stripe_on, balance, operator):
    with pytest.raises(ValidationError, match="Only a paid milestone"):
        services.refund_payment(milestone=balance, amount_minor=100, by=operator, reason="Why not")
    assert not Refund.objects.exists()


def test_a_bank_transfer_refund_is_recorded_without_stripe(stripe_off, deposit, operator):
    record_payment(milestone=deposit, method=PaymentMethod.BANK_TRANSFER, reference="TT-9")
    deposit.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        services.refund_payment(milestone=deposit, amount_minor=20_000, by=operator, reason="Overpaid")
    assert "reference" in refused.value.message_dict

    refund = services.refund_payment(
        milestone=deposit, amount_minor=20_000, by=operator, reason="Overpaid", reference="ICBC-REF-2211"
    )

    deposit.refresh_from_db()
    assert deposit.refunded_minor == 20_000
    assert (refund.status, refund.method, refund.reference, refund.stripe_refund_id) == (
        RefundStatus.REFUNDED,
        PaymentMethod.BANK_TRANSFER,
        "ICBC-REF-2211",
        None,
    )


def test_without_stripe_a_card_payment_cannot_be_refunded_here(stripe_off, deposit, operator):
    record_payment(milestone=deposit, method=PaymentMethod.CARD, reference="pi_x")
    deposit.refresh_from_db()

    with pytest.raises(ValidationError, match="need Stripe"):
        services.refund_payment(milestone=deposit, amount_minor=100, by=operator, reason="x")
    deposit.refresh_from_db()
    assert deposit.refunded_minor == 0
