"""Operators keep the customs reference data and can read everything else."""

from django.contrib import admin

from marketplace.customs.models import (
    BookingLine,
    CountryCode,
    CustomsOffice,
    CustomsSettings,
    Declaration,
    DeclarationLine,
    DeclarationReceipt,
    ExportLicence,
    OverseasWarehouse,
    TransportMode,
    WarehouseBooking,
    WarehouseEvidence,
)


@admin.register(CustomsOffice)
class CustomsOfficeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_zh", "is_office", "is_port", "is_active", "needs_review")
    list_filter = ("is_office", "is_port", "is_active", "needs_review")
    search_fields = ("code", "name", "name_zh")


@admin.register(CountryCode)
class CountryCodeAdmin(admin.ModelAdmin):
    list_display = ("iso2", "iso3", "customs_code", "needs_review")
    list_filter = ("needs_review",)
    search_fields = ("iso2", "iso3", "customs_code")


@admin.register(TransportMode)
class TransportModeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "is_sea")


@admin.register(CustomsSettings)
class CustomsSettingsAdmin(admin.ModelAdmin):
    list_display = ("platform_name", "platform_code", "list_limit_cny")

    def has_add_permission(self, request):
        return not CustomsSettings.objects.exists()


@admin.register(ExportLicence)
class ExportLicenceAdmin(admin.ModelAdmin):
    list_display = ("number", "kind", "supplier", "hs_code", "quantity", "unit", "valid_from", "valid_until")
    list_filter = ("kind",)
    search_fields = ("number", "supplier__name", "hs_code__code")
    raw_id_fields = ("supplier", "hs_code", "created_by")


class WarehouseEvidenceInline(admin.TabularInline):
    model = WarehouseEvidence
    extra = 0
    raw_id_fields = ("uploaded_by",)


@admin.register(OverseasWarehouse)
class OverseasWarehouseAdmin(admin.ModelAdmin):
    list_display = ("name", "supplier", "country", "city", "kind", "registration_status", "lease_end")
    list_filter = ("registration_status", "kind", "country")
    search_fields = ("name", "supplier__name", "customs_registration_number")
    raw_id_fields = ("supplier", "created_by")
    inlines = [WarehouseEvidenceInline]


class BookingLineInline(admin.TabularInline):
    model = BookingLine
    extra = 0
    raw_id_fields = ("product",)


@admin.register(WarehouseBooking)
class WarehouseBookingAdmin(admin.ModelAdmin):
    list_display = ("number", "supplier", "warehouse", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("number", "supplier__name")
    raw_id_fields = ("supplier", "warehouse", "created_by")
    inlines = [BookingLineInline]


class DeclarationLineInline(admin.TabularInline):
    model = DeclarationLine
    extra = 0
    raw_id_fields = ("order_line", "booking_line", "product", "licence")


class DeclarationReceiptInline(admin.TabularInline):
    model = DeclarationReceipt
    extra = 0
    can_delete = False
    readonly_fields = ("message", "return_status", "return_time", "return_info", "source", "recorded_at")
    exclude = ("raw_xml",)


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    """Read-only: declarations change through the desk's services (audited), never here."""

    list_display = ("number", "mode", "route", "status", "supplier", "firm", "created_at")
    list_filter = ("mode", "route", "status")
    search_fields = ("number", "order__number", "booking__number", "waybill_number")
    inlines = [DeclarationLineInline, DeclarationReceiptInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
