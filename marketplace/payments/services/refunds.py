"""Refunds by operators: never more than was paid, checked and reserved under the milestone's lock
before Stripe is asked (localstripe, unlike Stripe, does not cap refunds)."""

import stripe
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.accounts.models import User
from marketplace.core.services import record_event
from marketplace.orders.models import MilestoneStatus, PaymentMethod
from marketplace.payments.models import Refund, RefundStatus
from marketplace.payments.services.common import (
    display_amount,
    locked_milestone,
    milestone_context,
    notify_company,
)
from marketplace.payments.stripe_client import card_payments_enabled, stripe_api

PaymentMilestone = get_model("order", "PaymentMilestone")


def refund_payment(
    *, milestone: PaymentMilestone, amount_minor: int, by: User, reason: str, reference: str = ""
) -> Refund:
    """Operators refund part or all of a paid milestone; never more than is left to refund.

    Card payments are refunded at Stripe; bank transfers are refunded by the operator's bank
    and recorded here with the bank's reference.
    """
    if not by.is_staff:
        raise PermissionDenied(_("Only operators refund payments."))
    reason, reference = reason.strip(), reference.strip()
    with transaction.atomic():
        milestone = locked_milestone(milestone_id=milestone.pk)
        _check_refund(milestone, amount_minor=amount_minor, reason=reason, reference=reference)
        by_card = milestone.paid_with == PaymentMethod.CARD
        milestone.refunded_minor += amount_minor  # reserved before Stripe is asked
        milestone.save(update_fields=["refunded_minor"])
        refund = Refund.objects.create(
            milestone=milestone,
            amount_minor=amount_minor,
            currency=milestone.currency,
            method=milestone.paid_with,
            status=RefundStatus.REQUESTED if by_card else RefundStatus.REFUNDED,
            reference=reference,
            reason=reason,
            by=by,
        )
        if not by_card:
            _announce_refund(refund, milestone)
            return refund
    try:
        stripe_refund = stripe_api().Refund.create(
            payment_intent=milestone.payment_reference,
            amount=amount_minor,
            metadata={
                "order": milestone.order.number,
                "milestone": str(milestone.pk),
                "refund": str(refund.pk),
            },
            idempotency_key=f"refund-{refund.pk}",
        )
    except (stripe.StripeError, ValidationError) as error:
        _release(refund, error=str(error))
        raise ValidationError(_("Stripe did not refund: %(error)s") % {"error": error}) from error
    with transaction.atomic():
        refund.stripe_refund_id = stripe_refund.id
        refund.status = RefundStatus.REFUNDED
        refund.save(update_fields=["stripe_refund_id", "status"])
        _announce_refund(refund, milestone)
    return refund


def _check_refund(milestone, *, amount_minor: int, reason: str, reference: str) -> None:
    if milestone.status != MilestoneStatus.PAID:
        raise ValidationError(_("Only a paid milestone can be refunded."))
    errors = {}
    left = milestone.refundable_minor
    if amount_minor <= 0:
        errors["amount"] = [_("Enter an amount greater than zero.")]
    elif amount_minor > left:
        errors["amount"] = [
            _("At most %(left)s can be refunded.")
            % {"left": display_amount(amount_minor=left, currency=milestone.currency)}
        ]
    if not reason:
        errors["reason"] = [_("Say why the payment is refunded.")]
    if milestone.paid_with != PaymentMethod.CARD and not reference:
        errors["reference"] = [_("Enter the bank's reference of the refund transfer.")]
    if milestone.paid_with == PaymentMethod.CARD and not card_payments_enabled():
        errors["amount"] = [_("Card refunds need Stripe, which is not configured.")]
    if errors:
        raise ValidationError(errors)


def _release(refund: Refund, *, error: str) -> None:
    """Stripe refused: give the reserved amount back to the milestone."""
    with transaction.atomic():
        milestone = locked_milestone(milestone_id=refund.milestone_id)
        milestone.refunded_minor -= refund.amount_minor
        milestone.save(update_fields=["refunded_minor"])
        refund.status = RefundStatus.FAILED
        refund.error = error[:500]
        refund.save(update_fields=["status", "error"])
        record_event(
            actor=refund.by,
            subject=milestone.order,
            verb="payment.refund_failed",
            data={"milestone": milestone.pk, "refund": refund.pk, "error": error[:500]},
        )


def _announce_refund(refund: Refund, milestone) -> None:
    record_event(
        actor=refund.by,
        subject=milestone.order,
        verb="payment.refunded",
        data={
            "milestone": milestone.pk,
            "refund": refund.pk,
            "amount_minor": refund.amount_minor,
            "currency": refund.currency,
            "method": refund.method,
            "reason": refund.reason,
        },
    )
    context = milestone_context(
        milestone=milestone,
        refunded=display_amount(amount_minor=refund.amount_minor, currency=refund.currency),
        reason=refund.reason,
    )
    notify_company(company=milestone.order.buyer_company, template="payments/refunded", context=context)
