"""How payment milestones get paid and refunded: card payments on Stripe (one PaymentIntent per
milestone), Stripe's webhook events as received, refunds, and bank-transfer (T/T) proofs.

A milestone becomes paid only through ``marketplace.orders.services.record_payment``; these rows
record what led to it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.core.uploads import UploadValidator, private_storage, safe_upload_path

# Bank slips, SWIFT confirmations (MT103) and screenshots of the buyer's banking app.
PROOF_FILE = UploadValidator(kinds=("pdf", "png", "jpeg"))


class CardPaymentStatus(models.TextChoices):
    STARTING = "starting", _("Starting")
    AWAITING = "awaiting", _("Awaiting the card payment")
    PROCESSING = "processing", _("Processing")
    FAILED = "failed", _("Failed")
    SUCCEEDED = "succeeded", _("Succeeded")
    CANCELLED = "cancelled", _("Cancelled")


class CardPayment(models.Model):
    """A milestone's Stripe PaymentIntent. One row per milestone, so at most one live intent."""

    milestone = models.OneToOneField(
        "order.PaymentMilestone",
        on_delete=models.PROTECT,
        related_name="card_payment",
        verbose_name=_("Milestone"),
    )
    # Empty while the PaymentIntent is being created at Stripe.
    intent_id = models.CharField(_("PaymentIntent"), max_length=255, unique=True, null=True, blank=True)
    status = models.CharField(
        _("Status"), max_length=12, choices=CardPaymentStatus.choices, default=CardPaymentStatus.STARTING
    )
    amount_minor = models.BigIntegerField(_("Amount (minor units)"))
    currency = models.CharField(_("Currency"), max_length=3)
    last_error = models.CharField(_("Last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("Created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Updated at"), auto_now=True)

    class Meta:
        verbose_name = _("Card payment")
        verbose_name_plural = _("Card payments")
        constraints = [
            models.CheckConstraint(condition=Q(amount_minor__gt=0), name="card_payment_positive_amount"),
            models.CheckConstraint(
                condition=Q(status__in=CardPaymentStatus.values), name="card_payment_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.intent_id or f"card payment {self.pk}"


class EventOutcome(models.TextChoices):
    PAID = "paid", _("Milestone paid")
    UPDATED = "updated", _("Card payment updated")
    REFUSED = "refused", _("Refused: does not match the milestone")
    ATTENTION = "attention", _("Paid at Stripe, needs an operator")
    IGNORED = "ignored", _("Ignored")


class StripeEvent(models.Model):
    """Every verified event Stripe sent us, once: a repeated delivery finds its row and stops."""

    event_id = models.CharField(_("Event"), max_length=255, unique=True)
    type = models.CharField(_("Type"), max_length=100)
    payload = models.JSONField(_("Payload"))
    received_at = models.DateTimeField(_("Received at"), auto_now_add=True)
    processed_at = models.DateTimeField(_("Processed at"), null=True, blank=True)
    outcome = models.CharField(_("Outcome"), max_length=12, choices=EventOutcome.choices, blank=True)
    note = models.CharField(_("Note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")
        ordering = ("-received_at",)

    def __str__(self) -> str:
        return f"{self.event_id} {self.type}"


class RefundStatus(models.TextChoices):
    # The amount is counted against the milestone before Stripe is asked, so two refunds at
    # once can never add up to more than was paid.
    REQUESTED = "requested", _("Requested")
    REFUNDED = "refunded", _("Refunded")
    FAILED = "failed", _("Failed")


class Refund(models.Model):
    milestone = models.ForeignKey(
        "order.PaymentMilestone",
        on_delete=models.PROTECT,
        related_name="refunds",
        verbose_name=_("Milestone"),
    )
    amount_minor = models.BigIntegerField(_("Amount (minor units)"))
    currency = models.CharField(_("Currency"), max_length=3)
    method = models.CharField(_("Paid with"), max_length=20)
    status = models.CharField(
        _("Status"), max_length=10, choices=RefundStatus.choices, default=RefundStatus.REQUESTED
    )
    stripe_refund_id = models.CharField(
        _("Stripe refund"), max_length=255, unique=True, null=True, blank=True
    )
    reference = models.CharField(_("Bank reference"), max_length=100, blank=True)
    reason = models.TextField(_("Reason"))
    error = models.CharField(_("Error"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Refunded by")
    )
    created_at = models.DateTimeField(_("Created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Refund")
        verbose_name_plural = _("Refunds")
        ordering = ("milestone", "created_at")
        constraints = [
            models.CheckConstraint(condition=Q(amount_minor__gt=0), name="refund_positive_amount"),
            models.CheckConstraint(condition=Q(status__in=RefundStatus.values), name="refund_status_valid"),
        ]

    def __str__(self) -> str:
        return f"refund {self.pk} of {self.amount_minor} {self.currency}"


class TransferProof(models.Model):
    """The buyer's proof of a bank transfer; the supplier or an operator accepts or rejects it."""

    milestone = models.ForeignKey(
        "order.PaymentMilestone",
        on_delete=models.PROTECT,
        related_name="transfer_proofs",
        verbose_name=_("Milestone"),
    )
    file = models.FileField(
        _("Proof (PDF, PNG or JPEG)"),
        upload_to=safe_upload_path("payments/transfer-proofs"),
        storage=private_storage,
        validators=[PROOF_FILE],
        max_length=200,
    )
    reference = models.CharField(_("Bank reference"), max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Uploaded by")
    )
    uploaded_at = models.DateTimeField(_("Uploaded at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Decided by"),
    )
    decided_at = models.DateTimeField(_("Decided at"), null=True, blank=True)
    accepted = models.BooleanField(_("Accepted"), null=True, blank=True)
    reason = models.TextField(_("Reason for rejection"), blank=True)

    class Meta:
        verbose_name = _("Bank transfer proof")
        verbose_name_plural = _("Bank transfer proofs")
        ordering = ("milestone", "uploaded_at")
        constraints = [
            # One proof at a time waits for a decision, so the supplier never sees two versions
            # of the same transfer.
            models.UniqueConstraint(
                fields=("milestone",), condition=Q(accepted__isnull=True), name="transfer_proof_one_awaiting"
            ),
            models.CheckConstraint(
                condition=Q(accepted__isnull=True, decided_at__isnull=True)
                | Q(accepted__isnull=False, decided_at__isnull=False),
                name="transfer_proof_decided_with_date",
            ),
        ]

    def __str__(self) -> str:
        return f"transfer proof {self.pk}"

    @property
    def is_awaiting(self) -> bool:
        return self.accepted is None
