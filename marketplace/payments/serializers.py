from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from marketplace.orders.money import from_minor
from marketplace.payments.models import CardPayment, Refund, TransferProof


def _amount(minor: int, currency: str) -> str:
    return str(from_minor(minor, currency))


class CardPaymentSerializer(serializers.ModelSerializer):
    # Plain strings: one enum per choice set keeps the schema free of name collisions.
    status = serializers.CharField(read_only=True)
    payment_intent = serializers.CharField(source="intent_id", read_only=True)

    class Meta:
        model = CardPayment
        fields = ("payment_intent", "status", "last_error", "updated_at")


class TransferProofSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()

    class Meta:
        model = TransferProof
        fields = ("id", "reference", "uploaded_at", "status", "decided_at", "reason")

    def get_status(self, proof) -> str:
        """awaiting, accepted or rejected"""
        if proof.accepted is None:
            return "awaiting"
        return "accepted" if proof.accepted else "rejected"


class RefundSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True)
    amount = serializers.SerializerMethodField()

    class Meta:
        model = Refund
        fields = ("id", "amount", "amount_minor", "currency", "status", "reason", "created_at")

    def get_amount(self, refund) -> str:
        return _amount(refund.amount_minor, refund.currency)


class MilestonePaymentsSerializer(serializers.Serializer):
    """One milestone (a ``selectors.MilestonePayments``) with how it is being paid."""

    id = serializers.IntegerField(source="milestone.pk")
    sequence = serializers.IntegerField(source="milestone.sequence")
    label = serializers.CharField(source="milestone.label")
    due = serializers.CharField(source="milestone.due")
    percent = serializers.DecimalField(source="milestone.percent", max_digits=5, decimal_places=2)
    amount = serializers.SerializerMethodField()
    amount_minor = serializers.IntegerField(source="milestone.amount_minor")
    currency = serializers.CharField(source="milestone.currency")
    status = serializers.CharField(source="milestone.status", help_text=_("pending, paid or cancelled"))
    paid_at = serializers.DateTimeField(source="milestone.paid_at", allow_null=True)
    paid_with = serializers.CharField(source="milestone.paid_with", help_text=_("card or bank_transfer"))
    refunded_minor = serializers.IntegerField(source="milestone.refunded_minor")
    card_payment = CardPaymentSerializer(allow_null=True)
    transfer_proofs = TransferProofSerializer(source="proofs", many=True)
    refunds = RefundSerializer(many=True)

    def get_amount(self, row) -> str:
        return _amount(row.milestone.amount_minor, row.milestone.currency)


class OrderPaymentsSerializer(serializers.Serializer):
    order_id = serializers.IntegerField(source="order.pk")
    number = serializers.CharField(source="order.number")
    currency = serializers.CharField(source="order.currency")
    card_payments_enabled = serializers.BooleanField()
    milestones = MilestonePaymentsSerializer(source="rows", many=True)


class CardCheckoutSerializer(serializers.Serializer):
    payment_intent = serializers.CharField(source="card_payment.intent_id")
    client_secret = serializers.CharField(help_text=_("For Stripe.js: confirm the payment in the browser."))
    publishable_key = serializers.CharField()


class TransferProofInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("The bank's confirmation: PDF, PNG or JPEG."))
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
