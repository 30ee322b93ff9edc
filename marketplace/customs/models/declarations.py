"""Declarations (9710 for an order, 9810 for a booking), their lines and customs' receipts."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.customs.models.licences import ExportLicence
from marketplace.customs.models.reference import CustomsOffice, TransportMode
from marketplace.customs.models.warehouses import BookingLine, WarehouseBooking


class TradeMode(models.TextChoices):
    DIRECT = "9710", _("9710 B2B direct export")
    WAREHOUSE = "9810", _("9810 export to an overseas warehouse")


class Route(models.TextChoices):
    LIST = "list", _("Declaration list (CEB603)")
    FULL = "full", _("Full customs declaration")


class DeclarationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    READY = "ready", _("Ready to file")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted (120)")
    REJECTED = "rejected", _("Rejected (100)")
    MANUAL_REVIEW = "manual_review", _("Manual review (300)")
    INSPECTION = "inspection", _("Inspection (500)")
    DETAINED = "detained", _("Detained (5xx)")
    RETURNED = "returned", _("Returned (700)")
    RELEASED = "released", _("Released (800)")
    CLOSED = "closed", _("Closed (899)")
    CANCELLED = "cancelled", _("Cancelled")


class StatisticsFlag(models.TextChoices):
    SIMPLIFIED = "A", _("A simplified")
    SUMMARY = "B", _("B summary")


class Declaration(models.Model):
    number = models.CharField(_("Number"), max_length=30, unique=True)
    mode = models.CharField(_("Trade mode"), max_length=4, choices=TradeMode.choices)
    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, null=True, blank=True, related_name="declarations"
    )
    booking = models.ForeignKey(
        WarehouseBooking, on_delete=models.PROTECT, null=True, blank=True, related_name="declarations"
    )
    supplier = models.ForeignKey(
        "accounts.Company", on_delete=models.PROTECT, related_name="declarations", verbose_name=_("Supplier")
    )
    firm = models.ForeignKey(
        "accounts.Company",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="declarations_filed",
        verbose_name=_("Trade-service firm"),
    )
    route = models.CharField(_("Route"), max_length=4, choices=Route.choices, default=Route.FULL)
    route_reasons = models.JSONField(_("Why this route"), default=list, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=DeclarationStatus.choices, default=DeclarationStatus.DRAFT
    )
    app_type = models.CharField(_("Filing (1 new, 2 change)"), max_length=1, default="1")
    # Head of the list / full declaration.
    currency = models.CharField(_("Currency"), max_length=3)
    goods_value = models.DecimalField(_("Goods value"), max_digits=18, decimal_places=5, default=0)
    fx_rate_cny = models.DecimalField(
        _("Rate to RMB"), max_digits=20, decimal_places=10, null=True, blank=True
    )
    value_cny = models.DecimalField(_("Value (RMB)"), max_digits=18, decimal_places=2, default=0)
    customs_office = models.ForeignKey(
        CustomsOffice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Declaring customs office"),
    )
    port = models.ForeignKey(
        CustomsOffice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Exit port"),
    )
    transport_mode = models.ForeignKey(
        TransportMode,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Transport mode"),
    )
    incoterm = models.ForeignKey(
        "catalogue.Incoterm",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Incoterm"),
    )
    # Full declaration 成交方式 (1 CIF, 2 C&F, 3 FOB, 7 EXW): the Incoterm's code when it has one,
    # otherwise chosen by the firm (the mapping of the other rules is unconfirmed).
    terms_of_sale = models.CharField(_("Terms-of-sale code"), max_length=1, blank=True)
    destination_country = models.CharField(_("Destination country"), max_length=2, blank=True)
    destination_port = models.CharField(
        _("Destination port code (POD)"),
        max_length=60,
        blank=True,
        help_text=_("Customs parameter code, 3-4 characters."),
    )
    statistics_flag = models.CharField(
        _("Statistics flag"), max_length=1, choices=StatisticsFlag.choices, default=StatisticsFlag.SUMMARY
    )
    claims_vat_refund = models.BooleanField(_("Claims export VAT refund"), default=False)
    wrap_type = models.CharField(_("Packaging type code"), max_length=2, blank=True)
    net_weight_kg = models.DecimalField(_("Net weight (kg)"), max_digits=14, decimal_places=3, default=0)
    # CEB505 waybill (entered here or filled from a shipment).
    logistics_code = models.CharField(_("Logistics company code"), max_length=18, blank=True)
    logistics_name = models.CharField(_("Logistics company"), max_length=100, blank=True)
    waybill_number = models.CharField(_("Waybill number"), max_length=32, blank=True)
    freight = models.DecimalField(_("Freight"), max_digits=14, decimal_places=5, default=0)
    insured_fee = models.DecimalField(_("Insurance"), max_digits=14, decimal_places=5, default=0)
    waybill_currency = models.CharField(_("Waybill currency"), max_length=3, blank=True)
    gross_weight_kg = models.DecimalField(_("Gross weight (kg)"), max_digits=14, decimal_places=3, default=0)
    package_count = models.PositiveIntegerField(_("Packages"), default=0)
    goods_description = models.CharField(_("Goods description"), max_length=200, blank=True)
    # Customs' answers, per message (return status codes) and the list numbers.
    order_message_status = models.CharField(_("Order message (CEB303)"), max_length=4, blank=True)
    waybill_message_status = models.CharField(_("Waybill message (CEB505)"), max_length=4, blank=True)
    declaration_message_status = models.CharField(_("List or declaration"), max_length=4, blank=True)
    rejection_reason = models.TextField(_("Reason given by customs"), blank=True)
    pre_no = models.CharField(_("Pre-entry number"), max_length=18, blank=True)
    invt_no = models.CharField(_("List number"), max_length=18, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Customs declaration")
        ordering = ("-created_at", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=(Q(order__isnull=False) & Q(booking__isnull=True))
                | (Q(order__isnull=True) & Q(booking__isnull=False)),
                name="declaration_order_xor_booking",
            ),
            models.CheckConstraint(
                condition=(Q(mode="9710") & Q(order__isnull=False))
                | (Q(mode="9810") & Q(booking__isnull=False)),
                name="declaration_mode_matches_source",
            ),
        ]
        indexes = [models.Index(fields=("status", "-created_at"))]

    def __str__(self) -> str:
        return self.number

    @property
    def source_number(self) -> str:
        return self.order.number if self.order_id else self.booking.number

    @property
    def order_type(self) -> str:
        return "B" if self.mode == TradeMode.DIRECT else "W"

    @property
    def is_editable(self) -> bool:
        return self.status in (DeclarationStatus.DRAFT, DeclarationStatus.READY)


class DeclarationLine(models.Model):
    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="lines")
    gnum = models.PositiveSmallIntegerField(_("Line"))
    order_line = models.ForeignKey(
        "order.Line", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    booking_line = models.ForeignKey(
        BookingLine, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, null=True, related_name="+")
    item_no = models.CharField(_("Item number (SKU)"), max_length=64)
    item_name = models.CharField(_("Item name"), max_length=250)
    hs_code = models.CharField(_("HS code"), max_length=10, blank=True)
    inspection_code = models.CharField(_("Inspection code"), max_length=3, blank=True)
    declaration_elements = models.TextField(_("Declaration elements (gmodel)"), blank=True)
    bar_code = models.CharField(_("Bar code"), max_length=50, default="无")
    origin_country = models.CharField(_("Origin"), max_length=2, default="CN")
    quantity = models.DecimalField(_("Quantity"), max_digits=14, decimal_places=5)
    unit = models.ForeignKey(
        "catalogue.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Unit")
    )
    unit_price = models.DecimalField(_("Price"), max_digits=18, decimal_places=5)
    total_price = models.DecimalField(_("Total"), max_digits=18, decimal_places=5)
    qty1 = models.DecimalField(
        _("Quantity in legal unit 1"), max_digits=14, decimal_places=5, null=True, blank=True
    )
    unit1 = models.ForeignKey(
        "catalogue.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    qty2 = models.DecimalField(
        _("Quantity in legal unit 2"), max_digits=14, decimal_places=5, null=True, blank=True
    )
    unit2 = models.ForeignKey(
        "catalogue.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    net_weight_kg = models.DecimalField(_("Net weight (kg)"), max_digits=14, decimal_places=3, default=0)
    gross_weight_kg = models.DecimalField(_("Gross weight (kg)"), max_digits=14, decimal_places=3, default=0)
    licence = models.ForeignKey(
        ExportLicence,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="declaration_lines",
        verbose_name=_("Export licence"),
    )

    class Meta:
        verbose_name = _("Declaration line")
        ordering = ("declaration", "gnum")
        constraints = [models.UniqueConstraint(fields=("declaration", "gnum"), name="declaration_line_gnum")]

    def __str__(self) -> str:
        return f"{self.declaration} #{self.gnum} {self.item_no}"


class ReceiptMessage(models.TextChoices):
    ORDER = "CEB304", _("Order receipt (CEB304)")
    WAYBILL = "CEB506", _("Waybill receipt (CEB506)")
    LIST = "CEB604", _("List receipt (CEB604)")
    DECLARATION = "DECL", _("Full declaration result")


class ReceiptSource(models.TextChoices):
    UPLOAD = "upload", _("Uploaded XML")
    FORM = "form", _("Entered by hand")


class DeclarationReceipt(models.Model):
    """One answer from customs, as received; applied receipts moved the declaration."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="receipts")
    message = models.CharField(_("Message"), max_length=6, choices=ReceiptMessage.choices)
    guid = models.CharField(_("Receipt id"), max_length=36, blank=True)
    return_status = models.CharField(_("Return status"), max_length=4)
    return_time = models.DateTimeField(_("Return time"), null=True, blank=True)
    return_info = models.TextField(_("Customs' note"), blank=True)
    pre_no = models.CharField(_("Pre-entry number"), max_length=18, blank=True)
    invt_no = models.CharField(_("List number"), max_length=18, blank=True)
    source = models.CharField(_("Source"), max_length=10, choices=ReceiptSource.choices)
    raw_xml = models.TextField(_("XML as received"), blank=True)
    status_before = models.CharField(max_length=20, blank=True)
    status_after = models.CharField(max_length=20, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Customs receipt")
        ordering = ("declaration", "recorded_at", "pk")

    def __str__(self) -> str:
        return f"{self.message} {self.return_status} · {self.declaration}"
