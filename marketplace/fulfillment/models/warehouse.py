"""The stock of overseas warehouses (9810): after a booking is declared, the warehouse is told what
comes (inbound notice), receives it into lots (each lot keeps its declaration and COA) and ships to
final buyers from them (outbound orders), so every sale traces back to the declaration it was
exported under."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from catalog.documents.validators import PDF_ONLY
from marketplace.accounts.countries import country_name, validate_country
from marketplace.core.uploads import private_storage, safe_upload_path
from marketplace.fulfillment.models.shipments import POSITIVE, Shipment


class InboundStatus(models.TextChoices):
    EXPECTED = "expected", _("Expected")
    RECEIVED = "received", _("Received")


class InboundNotice(models.Model):
    """The advance shipping notice (ASN) that tells the warehouse what a declared booking brings."""

    number = models.CharField(_("ASN number"), max_length=30, unique=True)
    supplier = models.ForeignKey("accounts.Company", on_delete=models.PROTECT, related_name="+")
    booking = models.ForeignKey(
        "customs.WarehouseBooking", on_delete=models.PROTECT, related_name="inbound_notices"
    )
    declaration = models.ForeignKey("customs.Declaration", on_delete=models.PROTECT, related_name="+")
    warehouse = models.ForeignKey(
        "customs.OverseasWarehouse", on_delete=models.PROTECT, related_name="inbound_notices"
    )
    shipment = models.ForeignKey(
        Shipment, on_delete=models.PROTECT, null=True, blank=True, related_name="inbound_notices"
    )
    expected_on = models.DateField(_("Expected on"))
    status = models.CharField(
        _("Status"), max_length=10, choices=InboundStatus.choices, default=InboundStatus.EXPECTED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    received_at = models.DateTimeField(_("Received"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Inbound notice (ASN)")
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return self.number


class InboundLine(models.Model):
    notice = models.ForeignKey(InboundNotice, on_delete=models.CASCADE, related_name="lines")
    booking_line = models.ForeignKey("customs.BookingLine", on_delete=models.PROTECT, related_name="+")
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="+")
    partner_sku = models.CharField(_("SKU"), max_length=128)
    lot_number = models.CharField(_("Lot"), max_length=60)
    unit = models.ForeignKey("catalogue.Unit", on_delete=models.PROTECT, related_name="+")
    expected_quantity = models.DecimalField(_("Expected"), max_digits=14, decimal_places=3)
    received_quantity = models.DecimalField(
        _("Received"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    variance_reason = models.CharField(_("Reason for the difference"), max_length=300, blank=True)
    coa = models.ForeignKey(
        "catalog_documents.ProductDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("COA"),
    )

    class Meta:
        ordering = ("notice", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(received_quantity__isnull=True) | Q(received_quantity__gte=0),
                name="inbound_line_received_not_negative",
            )
        ]

    @property
    def variance(self) -> Decimal | None:
        if self.received_quantity is None:
            return None
        return self.received_quantity - self.expected_quantity


class StockLot(models.Model):
    """Goods of one SKU and lot in a warehouse, exported under one declaration."""

    warehouse = models.ForeignKey("customs.OverseasWarehouse", on_delete=models.PROTECT, related_name="lots")
    supplier = models.ForeignKey("accounts.Company", on_delete=models.PROTECT, related_name="+")
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="+")
    partner_sku = models.CharField(_("SKU"), max_length=128)
    lot_number = models.CharField(_("Lot"), max_length=60)
    unit = models.ForeignKey("catalogue.Unit", on_delete=models.PROTECT, related_name="+")
    inbound_line = models.OneToOneField(InboundLine, on_delete=models.PROTECT, related_name="lot")
    declaration = models.ForeignKey("customs.Declaration", on_delete=models.PROTECT, related_name="+")
    coa = models.ForeignKey(
        "catalog_documents.ProductDocument", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    received_quantity = models.DecimalField(_("Received"), max_digits=14, decimal_places=3)
    on_hand = models.DecimalField(_("On hand"), max_digits=14, decimal_places=3)
    received_at = models.DateTimeField(_("Received"))

    class Meta:
        verbose_name = _("Stock lot")
        ordering = ("warehouse", "partner_sku", "received_at", "pk")
        constraints = [
            # The last line of defence for concurrent outbound orders: stock never goes below zero.
            models.CheckConstraint(condition=Q(on_hand__gte=0), name="stock_lot_on_hand_not_negative"),
            models.CheckConstraint(
                condition=Q(on_hand__lte=F("received_quantity")), name="stock_lot_on_hand_within_received"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner_sku} lot {self.lot_number}"


class OutboundStatus(models.TextChoices):
    OPEN = "open", _("Picking")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")


class OutboundOrder(models.Model):
    """A sale from warehouse stock to a final buyer: a marketplace order, or a buyer named here."""

    number = models.CharField(_("Outbound number"), max_length=30, unique=True)
    warehouse = models.ForeignKey(
        "customs.OverseasWarehouse", on_delete=models.PROTECT, related_name="outbound_orders"
    )
    supplier = models.ForeignKey("accounts.Company", on_delete=models.PROTECT, related_name="+")
    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, null=True, blank=True, related_name="outbound_orders"
    )
    buyer_name = models.CharField(_("Buyer"), max_length=200)
    buyer_address = models.CharField(_("Delivery address"), max_length=300)
    buyer_country = models.CharField(_("Country"), max_length=2, validators=[validate_country])
    buyer_contact = models.CharField(_("Contact (name, phone)"), max_length=200, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=OutboundStatus.choices, default=OutboundStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    shipped_at = models.DateTimeField(_("Shipped"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("Delivered"), null=True, blank=True)
    received_by_name = models.CharField(_("Received by"), max_length=200, blank=True)
    proof_of_delivery = models.FileField(
        _("Proof of delivery (PDF)"),
        upload_to=safe_upload_path("fulfillment/pod"),
        storage=private_storage,
        validators=[PDF_ONLY],
        max_length=200,
        blank=True,
    )

    class Meta:
        verbose_name = _("Outbound order")
        ordering = ("-created_at", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=OutboundStatus.values), name="outbound_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def buyer_country_name(self) -> str:
        return country_name(self.buyer_country)


class OutboundLine(models.Model):
    outbound = models.ForeignKey(OutboundOrder, on_delete=models.CASCADE, related_name="lines")
    lot = models.ForeignKey(StockLot, on_delete=models.PROTECT, related_name="outbound_lines")
    quantity = models.DecimalField(_("Quantity"), max_digits=14, decimal_places=3, validators=POSITIVE)

    class Meta:
        ordering = ("outbound", "pk")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="outbound_line_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.outbound} · {self.lot} × {self.quantity}"
