"""Starting a card payment: one PaymentIntent per milestone, at localstripe, never under a row lock."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from marketplace.core.models import AuditEvent
from marketplace.orders.models import MilestoneStatus, PaymentMethod
from marketplace.orders.services import cancel_order, record_payment
from marketplace.payments import services
from marketplace.payments.models import CardPayment, CardPaymentStatus
from tests.factories import CompanyFactory, member_of
from tests.marketplace.payments.conftest import localstripe, pay_in_browser

pytestmark = pytest.mark.django_db


def test_the_buyer_gets_a_payment_intent_for_the_milestone(stripe_on, deposit, buyer_user, monkeypatch):
    api = localstripe(stripe_on)
    sent = []
    real_create = api.PaymentIntent.create

    def create(**params):
        sent.append(params)
        return real_create(**params)

    monkeypatch.setattr(api.PaymentIntent, "create", create)

    checkout = services.start_card_payment(milestone=deposit, by=buyer_user)

    intent = localstripe(stripe_on).PaymentIntent.retrieve(checkout.card_payment.intent_id)
    assert checkout.client_secret == intent.client_secret
    assert (intent.amount, intent.currency, intent.status) == (90_000, "usd", "requires_payment_method")
    # localstripe does not echo these back: check what was sent.
    assert [(p["payment_method_types"], p["idempotency_key"]) for p in sent] == [
        (["card"], f"milestone-{deposit.pk}")
    ]
    assert intent.metadata.to_dict() == {
        "order": deposit.order.number,
        "order_id": str(deposit.order_id),
        "milestone": str(deposit.pk),
        "sequence": "1",
        "buyer_company": str(deposit.order.buyer_company_id),
    }
    payment = CardPayment.objects.get(milestone=deposit)
    assert (payment.status, payment.amount_minor, payment.currency) == (
        CardPaymentStatus.AWAITING,
        90_000,
        "USD",
    )
    assert (
        AuditEvent.objects.filter(subject_id=str(deposit.order_id), verb="payment.card_started").count() == 1
    )
    deposit.refresh_from_db()
    assert deposit.status == MilestoneStatus.PENDING  # only Stripe's webhook pays it


def test_a_second_start_returns_the_same_intent(stripe_on, deposit, buyer_user):
    first = services.start_card_payment(milestone=deposit, by=buyer_user)
    second = services.start_card_payment(milestone=deposit, by=buyer_user)

    assert second.card_payment.intent_id == first.card_payment.intent_id
    assert second.client_secret == first.client_secret
    assert CardPayment.objects.filter(milestone=deposit).count() == 1
    assert AuditEvent.objects.filter(verb="payment.card_started").count() == 1


def test_each_milestone_has_its_own_intent(stripe_on, deposit, balance, buyer_user):
    first = services.start_card_payment(milestone=deposit, by=buyer_user)
    second = services.start_card_payment(milestone=balance, by=buyer_user)

    assert first.card_payment.intent_id != second.card_payment.intent_id
    assert localstripe(stripe_on).PaymentIntent.retrieve(second.card_payment.intent_id).amount == 210_000


def test_a_losing_concurrent_start_cancels_its_own_intent(stripe_on, deposit, buyer_user, monkeypatch):
    # Another request stores its intent between our Stripe call and our write (localstripe
    # ignores idempotency keys, so it made a second intent): ours is cancelled, theirs returned.
    api = localstripe(stripe_on)
    theirs = api.PaymentIntent.create(amount=90_000, currency="usd", payment_method_types=["card"])
    real_create = api.PaymentIntent.create

    def create_while_another_request_wins(**params):
        intent = real_create(**params)
        CardPayment.objects.filter(milestone=deposit).update(intent_id=theirs.id)
        return intent

    monkeypatch.setattr(api.PaymentIntent, "create", create_while_another_request_wins)

    checkout = services.start_card_payment(milestone=deposit, by=buyer_user)

    assert checkout.card_payment.intent_id == theirs.id
    assert checkout.client_secret == theirs.client_secret
    cancelled = [i for i in api.PaymentIntent.list(limit=100).data if i.status == "canceled"]
    assert cancelled and all(intent.id != theirs.id for intent in cancelled)


def test_an_intent_cancelled_at_stripe_is_replaced(stripe_on, deposit, buyer_user):
    first = services.start_card_payment(milestone=deposit, by=buyer_user)
    localstripe(stripe_on).PaymentIntent.cancel(first.card_payment.intent_id)

    second = services.start_card_payment(milestone=deposit, by=buyer_user)

    assert second.card_payment.intent_id != first.card_payment.intent_id
    assert CardPayment.objects.get(milestone=deposit).intent_id == second.card_payment.intent_id


@pytest.mark.parametrize("who", ["supplier_admin", "operator", "other_buyer"])
def test_only_the_orders_buyer_starts_a_card_payment(stripe_on, deposit, who, request):
    user = member_of(CompanyFactory()) if who == "other_buyer" else request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        services.start_card_payment(milestone=deposit, by=user)

    assert not CardPayment.objects.exists()


def test_paid_and_cancelled_milestones_take_no_card_payment(stripe_on, order, deposit, buyer_user, operator):
    record_payment(milestone=deposit, method=PaymentMethod.BANK_TRANSFER, reference="TT-1")
    with pytest.raises(ValidationError, match="already paid"):
        services.start_card_payment(milestone=deposit, by=buyer_user)

    cancel_order(order=order, by=operator, reason="The buyer's import licence was refused")
    with pytest.raises(ValidationError, match="cancelled"):
        services.start_card_payment(milestone=order.milestones.get(sequence=2), by=buyer_user)
    assert not CardPayment.objects.exists()


def test_without_a_secret_key_card_payment_is_off(stripe_off, deposit, buyer_user):
    with pytest.raises(ValidationError, match="not available"):
        services.start_card_payment(milestone=deposit, by=buyer_user)

    assert not CardPayment.objects.exists()


def test_no_stripe_call_runs_inside_a_transaction(stripe_on, deposit, buyer_user, operator, monkeypatch):
    # The test itself runs in the test case's transaction; a service holding a row lock during
    # a Stripe call would have opened another atomic block on top of it.
    test_blocks = len(connection.atomic_blocks)
    api = localstripe(stripe_on)
    seen = []

    def spy(real):
        def call(*args, **kwargs):
            seen.append(len(connection.atomic_blocks) - test_blocks)
            return real(*args, **kwargs)

        return call

    for name in ("create", "retrieve"):
        monkeypatch.setattr(api.PaymentIntent, name, spy(getattr(api.PaymentIntent, name)))
    monkeypatch.setattr(api.Refund, "create", spy(api.Refund.create))

    checkout = services.start_card_payment(milestone=deposit, by=buyer_user)
    services.start_card_payment(milestone=deposit, by=buyer_user)
    intent_id = checkout.card_payment.intent_id
    pay_in_browser(stripe_on, intent_id)
    record_payment(milestone=deposit, method=PaymentMethod.CARD, reference=intent_id)
    services.refund_payment(milestone=deposit, amount_minor=100, by=operator, reason="Goodwill")

    assert seen == [0, 0, 0]
