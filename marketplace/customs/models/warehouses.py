"""The overseas-warehouse registry and the bookings (订仓单) that 9810 declarations declare."""

from datetime import date

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.accounts.countries import country_name, validate_country
from marketplace.core.uploads import UploadValidator, private_storage, safe_upload_path


class WarehouseKind(models.TextChoices):
    OWNED = "owned", _("Owned")
    LEASED = "leased", _("Leased")
    THIRD_PARTY = "third_party", _("Third-party")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Pending registration")
    REGISTERED = "registered", _("Registered with customs")
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
