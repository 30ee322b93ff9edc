"""Shipments: goods of one order (9710) or one warehouse booking (9810) leaving the factory, with
their packed lines (dangerous-goods data copied from the catalog), legs by mode of transport and
tracking events."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.accounts.countries import country_name, validate_country

POSITIVE = [MinValueValidator(Decimal("0.001"))]


class TransportMode(models.TextChoices):
    ROAD = "road", _("Road (TIR via Erenhot)")
    RAIL = "rail", _("China–Europe rail")
    AIR = "air", _("Air (from Ordos)")
    SEA = "sea", _("Sea (via Tianjin)")


class ShipmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_TRANSIT = "in_transit", _("In transit")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


class Shipment(models.Model):
    """Goods leaving a supplier's factory for a buyer (an order) or an overseas warehouse (a booking)."""

    number = models.CharField(_("Shipment number"), max_length=30, unique=True)
    supplier = models.ForeignKey(
        "accounts.Company", on_delete=models.PROTECT, related_name="shipments", verbose_name=_("Supplier")
    )
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shipments",
        verbose_name=_("Order"),
    )
    booking = models.ForeignKey(
        "customs.WarehouseBooking",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shipments",
        verbose_name=_("Warehouse booking"),
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=ShipmentStatus.choices, default=ShipmentStatus.PLANNED
    )
    carrier = models.CharField(_("Carrier (logistics company)"), max_length=100)
    carrier_code = models.CharField(
        _("Carrier customs code"),
        max_length=18,
        blank=True,
        help_text=_("The logistics company's 10-character customs code or 18-character USCC (CEB505)."),
    )
    waybill_number = models.CharField(_("Waybill number"), max_length=32)
    bill_of_lading = models.CharField(_("Bill of lading (B/L)"), max_length=40, blank=True)
    cmr_number = models.CharField(_("CMR / TIR carnet number"), max_length=40, blank=True)
    incoterm = models.ForeignKey(
        "catalogue.Incoterm",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Incoterm"),
    )
    named_place = models.CharField(_("Named place"), max_length=100, blank=True)
    origin = models.CharField(_("From"), max_length=100, default="Ordos")
    destination = models.CharField(_("To"), max_length=100)
    destination_country = models.CharField(
        _("Destination country"), max_length=2, validators=[validate_country]
    )
    freight = models.DecimalField(_("Freight"), max_digits=12, decimal_places=2, default=Decimal(0))
    insured_fee = models.DecimalField(_("Insurance"), max_digits=12, decimal_places=2, default=Decimal(0))
    currency = models.CharField(_("Currency"), max_length=3, default="USD")
    goods_description = models.CharField(_("Goods description"), max_length=200, blank=True)
    shipped_at = models.DateTimeField(_("Left the factory"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("Delivered"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Shipment")
        verbose_name_plural = _("Shipments")
        ordering = ("-created_at", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(order__isnull=True) ^ Q(booking__isnull=True),
                name="shipment_order_xor_booking",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ShipmentStatus.values), name="shipment_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(freight__gte=0) & Q(insured_fee__gte=0), name="shipment_charges_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def destination_country_name(self) -> str:
        return country_name(self.destination_country)

    @property
    def is_to_warehouse(self) -> bool:
        return self.booking_id is not None


class ShipmentLine(models.Model):
    """What is packed: one product with its packages and weights, and its dangerous-goods data
    copied from the catalog when the shipment was made (what the carrier was told)."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(
        "order.Line", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    booking_line = models.ForeignKey(
        "customs.BookingLine", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="+")
    description = models.CharField(_("Description"), max_length=255)
    partner_sku = models.CharField(_("SKU"), max_length=128, blank=True)
    hs_code = models.CharField(_("HS code"), max_length=10, blank=True)
    quantity = models.DecimalField(_("Quantity"), max_digits=14, decimal_places=3, validators=POSITIVE)
    unit = models.ForeignKey("catalogue.Unit", on_delete=models.PROTECT, related_name="+")
    unit_price = models.DecimalField(_("Unit price"), max_digits=14, decimal_places=4)
    currency = models.CharField(_("Currency"), max_length=3)
    package_count = models.PositiveIntegerField(_("Packages"))
    package_kind = models.CharField(_("Kind of package"), max_length=60, blank=True)
    net_weight_kg = models.DecimalField(_("Net weight (kg)"), max_digits=14, decimal_places=3)
    gross_weight_kg = models.DecimalField(_("Gross weight (kg)"), max_digits=14, decimal_places=3)
    un_number = models.CharField(_("UN number"), max_length=6, blank=True)
    transport_class = models.CharField(_("Transport class"), max_length=4, blank=True)
    packing_group = models.CharField(_("Packing group"), max_length=3, blank=True)
    proper_shipping_name = models.CharField(_("Proper shipping name"), max_length=200, blank=True)

    class Meta:
        ordering = ("shipment", "pk")
        constraints = [
            models.CheckConstraint(condition=Q(package_count__gte=1), name="shipment_line_has_packages"),
            models.CheckConstraint(
                condition=Q(net_weight_kg__gt=0) & Q(gross_weight_kg__gte=F("net_weight_kg")),
                name="shipment_line_net_within_gross",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.shipment} · {self.description}"

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"))

    @property
    def is_dangerous_goods(self) -> bool:
        return bool(self.un_number)


class ShipmentLeg(models.Model):
    """One mode of transport between two places, with its own carrier reference and ETA."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="legs")
    sequence = models.PositiveSmallIntegerField(_("Sequence"))
    mode = models.CharField(_("Mode"), max_length=4, choices=TransportMode.choices)
    carrier = models.CharField(_("Carrier"), max_length=100, blank=True)
    origin = models.CharField(_("From"), max_length=100)
    destination = models.CharField(_("To"), max_length=100)
    reference = models.CharField(
        _("Transport document"),
        max_length=40,
        blank=True,
        help_text=_("CMR, rail waybill, AWB or B/L number."),
    )
    departure_planned = models.DateTimeField(_("Planned departure"), null=True, blank=True)
    arrival_planned = models.DateTimeField(_("ETA"))
    departed_at = models.DateTimeField(_("Departed"), null=True, blank=True)
    arrived_at = models.DateTimeField(_("Arrived"), null=True, blank=True)

    class Meta:
        ordering = ("shipment", "sequence")
        constraints = [
            models.UniqueConstraint(fields=("shipment", "sequence"), name="leg_unique_sequence"),
            models.CheckConstraint(condition=Q(mode__in=TransportMode.values), name="leg_mode_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.shipment} #{self.sequence} {self.origin} → {self.destination}"

    @property
    def is_late(self) -> bool:
        return self.arrived_at is None and self.arrival_planned < timezone.now()


class EventKind(models.TextChoices):
    DEPARTED = "departed", _("Left the factory")
    LEG_DEPARTED = "leg_departed", _("Leg departed")
    BORDER = "border", _("Crossed the border")
    LOCATION = "location", _("Position report")
    LEG_ARRIVED = "leg_arrived", _("Leg arrived")
    DELAYED = "delayed", _("Delayed")
    DELIVERED = "delivered", _("Delivered")


class EventSource(models.TextChoices):
    PAGE = "page", _("Entered on the site")
    API = "api", _("Posted through the API")


class TrackingEvent(models.Model):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    leg = models.ForeignKey(
        ShipmentLeg,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("Leg"),
    )
    kind = models.CharField(_("What happened"), max_length=12, choices=EventKind.choices)
    occurred_at = models.DateTimeField(_("When"))
    location = models.CharField(_("Where"), max_length=100, blank=True)
    note = models.CharField(_("Note"), max_length=300, blank=True)
    source = models.CharField(
        _("Source"), max_length=4, choices=EventSource.choices, default=EventSource.PAGE
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("shipment", "occurred_at", "pk")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="tracking_event_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.shipment} {self.kind} {self.occurred_at:%Y-%m-%d}"
