"""Customs declarations for B2B exports (9710 direct, 9810 overseas warehouse).

Reference tables here hold only what the catalog does not: customs offices and ports, country
codes and transport modes. Units, Incoterms (terms-of-sale code), currencies (customs code),
exchange rates and HS lines are the catalog's (catalog/reference/models.py).
"""

from datetime import date

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.accounts.countries import country_name, validate_country
from marketplace.core.uploads import UploadValidator, private_storage, safe_upload_path

FOUR_DIGITS = RegexValidator(r"^[0-9]{4}\Z", _("A customs office or port code has 4 digits, e.g. 0702."))
THREE_DIGITS = RegexValidator(r"^[0-9]{3}\Z", _("A customs country code has 3 digits, e.g. 344."))


# --- Reference data -------------------------------------------------------------------------


class CustomsOffice(models.Model):
    """A customs office (关区) or exit port (口岸), both 4-digit codes; operators keep the table."""

    code = models.CharField(_("Code"), max_length=4, unique=True, validators=[FOUR_DIGITS])
    name = models.CharField(_("Name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    is_office = models.BooleanField(_("Declaring customs office"), default=True)
    is_port = models.BooleanField(_("Exit port"), default=False)
    is_active = models.BooleanField(_("In use"), default=True)
    needs_review = models.BooleanField(_("Needs review"), default=False)

    class Meta:
        verbose_name = _("Customs office or port")
        verbose_name_plural = _("Customs offices and ports")
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CountryCode(models.Model):
    """ISO 3166-1 alpha-2 → alpha-3 (full declaration) and customs numeric code (CEB messages)."""

    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True, validators=[validate_country])
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, validators=[RegexValidator(r"^[A-Z]{3}\Z")])
    customs_code = models.CharField(_("Customs country code"), max_length=3, validators=[THREE_DIGITS])
    needs_review = models.BooleanField(_("Needs review"), default=False)

    class Meta:
        verbose_name = _("Country code")
        ordering = ("iso2",)

    def __str__(self) -> str:
        return f"{self.iso2} / {self.iso3} / {self.customs_code}"

    @property
    def name(self) -> str:
        return country_name(self.iso2)


class TransportMode(models.Model):
    """Customs transport mode (trafMode): 2 sea, 3 rail, 4 road, 5 air."""

    code = models.CharField(_("Code"), max_length=1, unique=True)
    name = models.CharField(_("Name"), max_length=60)
    is_sea = models.BooleanField(_("Sea transport"), default=False)

    class Meta:
        verbose_name = _("Transport mode")
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CustomsSettings(models.Model):
    """The platform's own customs data (one row): who files as platform, and the list threshold."""

    platform_code = models.CharField(_("Platform customs code (ebpCode)"), max_length=18)
    platform_name = models.CharField(_("Platform name (ebpName)"), max_length=100)
    dxp_id = models.CharField(_("DXP terminal id"), max_length=30, blank=True)
    list_limit_cny = models.DecimalField(
        _("Declaration list limit (RMB)"), max_digits=12, decimal_places=2, default=5000
    )
    licence_required_hs = models.TextField(
        _("HS codes needing an export licence by date"),
        blank=True,
        help_text=_("One per line: HS code and the date it applies from, e.g. 8703801090 2026-01-01."),
    )

    class Meta:
        verbose_name = _("Customs settings")
        verbose_name_plural = _("Customs settings")

    def __str__(self) -> str:
        return str(self.platform_name)

    @classmethod
    def current(cls) -> "CustomsSettings":
        row = cls.objects.order_by("pk").first()
        return row or cls(platform_code="", platform_name="", list_limit_cny=5000)

    def licensed_hs_codes(self, on: date) -> set[str]:
        codes = set()
        for line in self.licence_required_hs.splitlines():
            parts = line.split()
            if not parts:
                continue
            start = date.fromisoformat(parts[1]) if len(parts) > 1 else date.min
            if start <= on:
                codes.add(parts[0])
        return codes


class LicenceKind(models.TextChoices):
    EXPORT = "export", _("Export licence")
    USED_VEHICLE = "used_vehicle", _("Used-vehicle export licence")
    DUAL_USE = "dual_use", _("Dual-use items export licence")


class ExportLicence(models.Model):
    supplier = models.ForeignKey(
        "accounts.Company",
        on_delete=models.PROTECT,
        related_name="export_licences",
        verbose_name=_("Supplier"),
    )
    number = models.CharField(_("Licence number"), max_length=40, unique=True)
    kind = models.CharField(_("Kind"), max_length=20, choices=LicenceKind.choices)
    hs_code = models.ForeignKey(
        "catalogue.HSCode", on_delete=models.PROTECT, related_name="+", verbose_name=_("HS code")
    )
    quantity = models.DecimalField(_("Quantity"), max_digits=14, decimal_places=3)
    unit = models.ForeignKey(
        "catalogue.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Unit")
    )
    valid_from = models.DateField(_("Valid from"))
    valid_until = models.DateField(_("Valid until"))
    vins = models.TextField(_("VINs (one per line)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Export licence")
        ordering = ("-valid_until", "number")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")), name="licence_dates"
            ),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="licence_positive_quantity"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.hs_code_id})"

    @property
    def vin_list(self) -> list[str]:
        return [vin.strip().upper() for vin in self.vins.split() if vin.strip()]

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until


# --- Overseas warehouses (9810) -------------------------------------------------------------


class WarehouseKind(models.TextChoices):
    OWNED = "owned", _("Owned")
    LEASED = "leased", _("Leased")
    THIRD_PARTY = "third_party", _("Third-party")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Pending registration")
    REGISTERED = "registered", _("Registered")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


class OverseasWarehouse(models.Model):
    supplier = models.ForeignKey(
        "accounts.Company",
        on_delete=models.PROTECT,
        related_name="overseas_warehouses",
        limit_choices_to={"kind": "supplier"},
        verbose_name=_("Supplier"),
    )
    name = models.CharField(_("Name"), max_length=100)
    country = models.CharField(_("Country"), max_length=2, validators=[validate_country])
    city = models.CharField(_("City"), max_length=100)
    address = models.CharField(_("Address"), max_length=300)
    area_m2 = models.DecimalField(
        _("Area (m²)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(1)]
    )
    kind = models.CharField(_("Type"), max_length=20, choices=WarehouseKind.choices)
    operator_name = models.CharField(_("Operator"), max_length=200)
    lease_start = models.DateField(_("Lease or ownership from"))
    lease_end = models.DateField(_("Lease until"), null=True, blank=True, help_text=_("Empty if owned."))
    customs_registration_number = models.CharField(
        _("Customs registration number"), max_length=40, blank=True
    )
    registration_status = models.CharField(
        _("Registration"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Overseas warehouse")
        ordering = ("supplier", "name")
        constraints = [
            models.CheckConstraint(
                condition=Q(lease_end__isnull=True) | Q(lease_end__gte=models.F("lease_start")),
                name="warehouse_lease_dates",
            ),
            models.CheckConstraint(
                condition=~Q(registration_status="registered") | ~Q(customs_registration_number=""),
                name="warehouse_registered_has_number",
                violation_error_message=_("A registered warehouse needs its customs registration number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.city}, {self.country})"

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    def is_active_on(self, day: date) -> bool:
        in_force = self.lease_start <= day and (self.lease_end is None or day <= self.lease_end)
        return self.registration_status == RegistrationStatus.REGISTERED and in_force

    @property
    def is_active(self) -> bool:
        return self.is_active_on(timezone.localdate())


class EvidenceKind(models.TextChoices):
    LEASE = "lease", _("Lease contract")
    DEED = "deed", _("Property deed")
    OPERATION = "operation", _("Proof of operation")
    REGISTRATION = "registration", _("Customs registration record")
    OTHER = "other", _("Other")


class WarehouseEvidence(models.Model):
    warehouse = models.ForeignKey(OverseasWarehouse, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("Kind"), max_length=20, choices=EvidenceKind.choices)
    file = models.FileField(
        _("File"),
        upload_to=safe_upload_path("customs/warehouses"),
        storage=private_storage,
        validators=[UploadValidator(kinds=("pdf", "png", "jpeg"))],
        max_length=200,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Warehouse evidence")
        ordering = ("warehouse", "-uploaded_at")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.warehouse}"


class BookingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLARED = "declared", _("Declared")
    CANCELLED = "cancelled", _("Cancelled")


class WarehouseBooking(models.Model):
    """订仓单: the supplier's own goods booked into one of its overseas warehouses (9810)."""

    number = models.CharField(_("Booking number"), max_length=60, unique=True)
    supplier = models.ForeignKey(
        "accounts.Company",
        on_delete=models.PROTECT,
        related_name="warehouse_bookings",
        verbose_name=_("Supplier"),
    )
    warehouse = models.ForeignKey(
        OverseasWarehouse, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("Warehouse")
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    incoterm = models.ForeignKey(
        "catalogue.Incoterm", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notes = models.TextField(_("Notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Overseas-warehouse booking")
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return self.number

    @property
    def destination_country(self) -> str:
        return self.warehouse.country


class BookingLine(models.Model):
    booking = models.ForeignKey(WarehouseBooking, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="+")
    partner_sku = models.CharField(_("SKU"), max_length=128)
    quantity = models.DecimalField(
        _("Quantity"), max_digits=14, decimal_places=3, validators=[MinValueValidator(0.001)]
    )
    unit = models.ForeignKey(
        "catalogue.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Unit")
    )
    lot_number = models.CharField(_("Lot"), max_length=60, blank=True)
    unit_price = models.DecimalField(_("Unit price"), max_digits=14, decimal_places=5)
    currency = models.CharField(_("Currency"), max_length=3)
    net_weight_kg = models.DecimalField(_("Net weight (kg)"), max_digits=14, decimal_places=3)
    gross_weight_kg = models.DecimalField(_("Gross weight (kg)"), max_digits=14, decimal_places=3)

    class Meta:
        verbose_name = _("Booking line")
        ordering = ("booking", "pk")

    def __str__(self) -> str:
        return f"{self.booking} · {self.partner_sku} × {self.quantity}"

    @property
    def total_price(self):
        return self.quantity * self.unit_price


# --- Declarations ---------------------------------------------------------------------------


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
