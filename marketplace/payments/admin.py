"""Read-only views of payment records: they change only through the payment services."""

from django.contrib import admin

from marketplace.payments.models import CardPayment, Refund, StripeEvent, TransferProof


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CardPayment)
class CardPaymentAdmin(ReadOnlyAdmin):
    list_display = ("intent_id", "milestone", "status", "amount_minor", "currency", "updated_at")
    list_filter = ("status",)
    search_fields = ("intent_id", "milestone__order__number")


@admin.register(StripeEvent)
class StripeEventAdmin(ReadOnlyAdmin):
    list_display = ("event_id", "type", "outcome", "received_at", "processed_at")
    list_filter = ("type", "outcome")
    search_fields = ("event_id",)


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    list_display = ("milestone", "amount_minor", "currency", "method", "status", "by", "created_at")
    list_filter = ("status", "method")
    search_fields = ("milestone__order__number", "stripe_refund_id", "reference")


@admin.register(TransferProof)
class TransferProofAdmin(ReadOnlyAdmin):
    list_display = ("milestone", "reference", "uploaded_at", "accepted", "decided_at")
    list_filter = ("accepted",)
    search_fields = ("milestone__order__number", "reference")
