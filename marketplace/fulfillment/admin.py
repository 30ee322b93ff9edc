from django.contrib import admin

from marketplace.fulfillment.models import InboundNotice, OutboundOrder, Shipment, StockLot


class ReadOnlyAdmin(admin.ModelAdmin):
    """Read-only for operators: shipments and stock change only through the services (pages, API),
    which keep the order states and the lot quantities right."""

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Shipment)
class ShipmentAdmin(ReadOnlyAdmin):
    list_display = (
        "number",
        "supplier",
        "order",
        "booking",
        "carrier",
        "waybill_number",
        "status",
        "created_at",
    )
    list_filter = ("status",)
    search_fields = (
        "number",
        "waybill_number",
        "bill_of_lading",
        "cmr_number",
        "order__number",
        "booking__number",
    )
    list_select_related = ("supplier", "order", "booking")


@admin.register(InboundNotice)
class InboundNoticeAdmin(ReadOnlyAdmin):
    list_display = ("number", "booking", "warehouse", "declaration", "expected_on", "status")
    list_filter = ("status",)
    search_fields = ("number", "booking__number", "declaration__number")
    list_select_related = ("booking", "warehouse", "declaration")


@admin.register(StockLot)
class StockLotAdmin(ReadOnlyAdmin):
    list_display = ("partner_sku", "lot_number", "warehouse", "on_hand", "received_quantity", "declaration")
    search_fields = ("partner_sku", "lot_number", "declaration__number")
    list_select_related = ("warehouse", "declaration")


@admin.register(OutboundOrder)
class OutboundOrderAdmin(ReadOnlyAdmin):
    list_display = ("number", "warehouse", "buyer_name", "order", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("number", "buyer_name", "order__number")
    list_select_related = ("warehouse", "order")
