"""Card payments on Stripe: one PaymentIntent per milestone, and Stripe's webhook.

A milestone is paid only after a verified webhook and a fresh read of its PaymentIntent from
Stripe; no Stripe call is made while a row lock is held.
"""

import json
import logging
from dataclasses import dataclass

import stripe
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.accounts.models import User
from marketplace.core.services import record_event
from marketplace.orders.models import PaymentMethod
from marketplace.orders.services import record_payment
from marketplace.payments.models import CardPayment, CardPaymentStatus, EventOutcome, StripeEvent
from marketplace.payments.services.common import (
    PaymentMilestone,
    locked_milestone,
    milestone_context,
    notify_operators,
    require_pending,
    require_role,
)
from marketplace.payments.stripe_client import card_payments_enabled, stripe_api

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CardCheckout:
    card_payment: CardPayment
    client_secret: str


def start_card_payment(*, milestone: PaymentMilestone, by: User) -> CardCheckout:
    """Open (or reopen) the milestone's PaymentIntent for its buyer; returns its client secret.

    Calling again returns the same intent: our CardPayment row is unique per milestone, and
    the intent is created with the idempotency key ``milestone-<id>``. If two requests race,
    the first to store its intent wins and the other cancels its own at Stripe.
    """
    api = stripe_api()
    with transaction.atomic():
        milestone = locked_milestone(milestone_id=milestone.pk)
        require_role(order=milestone.order, user=by, roles=("buyer",))
        require_pending(milestone=milestone)
        payment, created = CardPayment.objects.get_or_create(
            milestone=milestone,
            defaults={"amount_minor": milestone.amount_minor, "currency": milestone.currency},
        )
        if payment.status == CardPaymentStatus.SUCCEEDED:
            raise ValidationError(_("Your card payment went through; Stripe is confirming it."))
        if created:
            record_event(
                actor=by,
                subject=milestone.order,
                verb="payment.card_started",
                data={"milestone": milestone.pk},
            )
    # The row lock is released: Stripe is called without holding it.
    if payment.intent_id:
        intent = api.PaymentIntent.retrieve(payment.intent_id)
        if intent.status != "canceled":
            return CardCheckout(payment, intent.client_secret)
        key = f"milestone-{milestone.pk}-after-{intent.id}"  # cancelled at Stripe: a new one
    else:
        key = f"milestone-{milestone.pk}"
    intent = _create_intent(api, milestone=milestone, idempotency_key=key)
    stored = CardPayment.objects.filter(pk=payment.pk, intent_id=payment.intent_id).update(
        intent_id=intent.id, status=CardPaymentStatus.AWAITING, last_error="", updated_at=timezone.now()
    )
    payment.refresh_from_db()
    if not stored and payment.intent_id != intent.id:
        _cancel_intent_quietly(api, intent.id)
        intent = api.PaymentIntent.retrieve(payment.intent_id)
    return CardCheckout(payment, intent.client_secret)


def _create_intent(api, *, milestone, idempotency_key: str):
    order = milestone.order
    return api.PaymentIntent.create(
        amount=milestone.amount_minor,
        currency=milestone.currency.lower(),
        payment_method_types=["card"],
        metadata={
            "order": order.number,
            "order_id": str(order.pk),
            "milestone": str(milestone.pk),
            "sequence": str(milestone.sequence),
            "buyer_company": str(order.buyer_company_id),
        },
        idempotency_key=idempotency_key,
    )


def _cancel_intent_quietly(api, intent_id: str) -> bool:
    try:
        api.PaymentIntent.cancel(intent_id)
    except stripe.StripeError:
        logger.warning("Could not cancel PaymentIntent %s", intent_id, exc_info=True)
        return False
    return True


def cancel_open_card_payment(*, milestone: PaymentMilestone) -> None:
    """After a milestone was paid otherwise, close its card PaymentIntent so it cannot be paid twice."""
    payment = CardPayment.objects.filter(milestone=milestone, intent_id__isnull=False).first()
    if payment is None or payment.status in (CardPaymentStatus.SUCCEEDED, CardPaymentStatus.CANCELLED):
        return
    if not card_payments_enabled():
        return
    if not _cancel_intent_quietly(stripe_api(), payment.intent_id):
        return  # e.g. it was paid meanwhile: its webhook will flag the double payment
    CardPayment.objects.filter(pk=payment.pk).exclude(status=CardPaymentStatus.SUCCEEDED).update(
        status=CardPaymentStatus.CANCELLED, updated_at=timezone.now()
    )


# --- the webhook --------------------------------------------------------------------------------


class WebhookVerificationError(Exception):
    """The request cannot be verified as Stripe's: answer 400 and change nothing."""


INTENT_EVENTS = {
    "payment_intent.succeeded",
    "payment_intent.payment_failed",
    "payment_intent.processing",
    "payment_intent.canceled",
}


def handle_stripe_event(*, payload: bytes, signature: str) -> StripeEvent:
    """Verify, store once and act on an event Stripe sent; returns the stored event.

    Whatever the event says, the PaymentIntent is read again from Stripe and our row is brought
    in line with it, so repeated, late or out-of-order events all end in the same state.
    A Stripe error while reading propagates: the event stays unprocessed and Stripe retries.
    """
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret or not signature:
        raise WebhookVerificationError("no webhook secret configured or no signature sent")
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret)
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise WebhookVerificationError(str(error)) from error
    stored = _store_event(event, payload)
    if stored.processed_at is not None:
        return stored  # a repeated delivery
    outcome, note = _act_on(event)
    StripeEvent.objects.filter(pk=stored.pk, processed_at__isnull=True).update(
        processed_at=timezone.now(), outcome=outcome, note=note[:500]
    )
    stored.refresh_from_db()
    return stored


def _store_event(event, payload: bytes) -> StripeEvent:
    try:
        with transaction.atomic():
            stored, _created = StripeEvent.objects.get_or_create(
                event_id=event.id, defaults={"type": event.type, "payload": json.loads(payload)}
            )
    except IntegrityError:  # the same event delivered twice at once
        stored = StripeEvent.objects.get(event_id=event.id)
    return stored


def _act_on(event) -> tuple[str, str]:
    if event.type not in INTENT_EVENTS:
        return EventOutcome.IGNORED, "not an event we act on"
    intent_id = event.data.object.id
    payment = CardPayment.objects.select_related("milestone__order").filter(intent_id=intent_id).first()
    if payment is None:
        return EventOutcome.IGNORED, "not one of our PaymentIntents"
    if not card_payments_enabled():
        return EventOutcome.IGNORED, "card payment is off"
    intent = stripe_api().PaymentIntent.retrieve(intent_id)
    return sync_card_payment(payment=payment, intent=intent)


STATUS_FROM_STRIPE = {
    "succeeded": CardPaymentStatus.SUCCEEDED,
    "processing": CardPaymentStatus.PROCESSING,
    "requires_capture": CardPaymentStatus.PROCESSING,
    "canceled": CardPaymentStatus.CANCELLED,
}


def _status_of(intent) -> tuple[str, str]:
    error = getattr(intent, "last_payment_error", None)
    message = (getattr(error, "message", "") or "") if error else ""
    if intent.status in STATUS_FROM_STRIPE:
        return STATUS_FROM_STRIPE[intent.status], ""
    if intent.status == "requires_payment_method" and error:
        return CardPaymentStatus.FAILED, message
    return CardPaymentStatus.AWAITING, ""


def sync_card_payment(*, payment: CardPayment, intent: stripe.PaymentIntent) -> tuple[str, str]:
    """Bring our row (and the milestone) in line with the PaymentIntent as Stripe reports it now."""
    status, error = _status_of(intent)
    milestone = payment.milestone
    if status != CardPaymentStatus.SUCCEEDED:
        return _record_progress(payment=payment, intent=intent, status=status, error=error)
    if intent.amount != milestone.amount_minor or intent.currency.upper() != milestone.currency:
        record_event(
            actor=None,
            subject=milestone.order,
            verb="payment.card_refused",
            data={
                "milestone": milestone.pk,
                "intent": intent.id,
                "amount": intent.amount,
                "currency": intent.currency,
            },
        )
        return EventOutcome.REFUSED, "amount or currency differ from the milestone"
    try:
        paid = record_payment(milestone=milestone, method=PaymentMethod.CARD, reference=intent.id)
    except ValidationError:
        paid = None  # the order was cancelled meanwhile
    first_time = (
        CardPayment.objects.filter(pk=payment.pk)
        .exclude(status=CardPaymentStatus.SUCCEEDED)
        .update(status=CardPaymentStatus.SUCCEEDED, last_error="", updated_at=timezone.now())
    )
    if paid is not None and paid.payment_reference == intent.id:
        return EventOutcome.PAID, ""
    # Stripe took the money, but the milestone was cancelled or paid another way: refund it.
    if first_time:
        record_event(
            actor=None,
            subject=milestone.order,
            verb="payment.card_needs_attention",
            data={"milestone": milestone.pk, "intent": intent.id},
        )
        notify_operators(
            template="payments/card_needs_attention",
            context=milestone_context(milestone=milestone, intent=intent.id),
        )
    return EventOutcome.ATTENTION, "paid at Stripe, but the milestone cannot take it"


def _record_progress(*, payment, intent, status: str, error: str) -> tuple[str, str]:
    # A row that succeeded never goes back: a late "failed" event changes nothing.
    changed = (
        CardPayment.objects.filter(pk=payment.pk)
        .exclude(status=CardPaymentStatus.SUCCEEDED)
        .exclude(status=status, last_error=error[:500])
        .update(status=status, last_error=error[:500], updated_at=timezone.now())
    )
    if changed and status == CardPaymentStatus.FAILED:
        record_event(
            actor=None,
            subject=payment.milestone.order,
            verb="payment.card_failed",
            data={"milestone": payment.milestone_id, "intent": intent.id, "error": error},
        )
    return (EventOutcome.UPDATED if changed else EventOutcome.IGNORED), ""
