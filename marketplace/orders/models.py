"""B2B orders: Oscar's order with the two companies, Incoterm, destination, locked FX rates and
a payment schedule. Orders are placed by ``marketplace.orders.services.place_order``."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractLine, AbstractOrder

from marketplace.accounts.countries import validate_country


class OrderStatus(models.TextChoices):
    AWAITING_DEPOSIT = "awaiting_deposit", _("Awaiting deposit")
    IN_PRODUCTION = "in_production", _("In production")
    AWAITING_BALANCE = "awaiting_balance", _("Awaiting balance")
    READY_TO_SHIP = "ready_to_ship", _("Ready to ship")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class OrderSource(models.TextChoices):
    CHECKOUT = "checkout", _("Catalog checkout")
    RFQ = "rfq", _("Accepted quote")


class Order(AbstractOrder):
    buyer_company = models.ForeignKey(
        "accounts.Company",
        on_delete=models.PROTECT,
        null=True,
        related_name="orders_placed",
        verbose_name=_("Buyer"),
    )
    supplier = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        null=True,
        related_name="orders",
        verbose_name=_("Supplier"),
    )
    incoterm = models.ForeignKey(
        "catalogue.Incoterm",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("Incoterm"),
    )
    named_place = models.CharField(_("Named place"), max_length=100, blank=True)
    destination_country = models.CharField(
        _("Destination country"), max_length=2, blank=True, validators=[validate_country]
    )
    destination_city = models.CharField(_("Destination port or city"), max_length=100, blank=True)
    # 1 unit of the order's currency = rate × quote, for every offered currency, at placement:
    # customs values (CNY) and reports use these, never today's rate.
    fx_rates = models.JSONField(_("Exchange rates locked at placement"), default=dict, blank=True)
    fx_locked_at = models.DateTimeField(_("Rates locked at"), null=True, blank=True)
    source = models.CharField(
        _("Source"), max_length=10, choices=OrderSource.choices, default=OrderSource.CHECKOUT
    )
    source_reference = models.CharField(_("Source reference"), max_length=64, blank=True)
    buyer_notes = models.TextField(_("Buyer's notes"), blank=True)

    class Meta(AbstractOrder.Meta):
        pass

    def locked_rate(self, quote: str) -> Decimal | None:
        if quote == self.currency:
            return Decimal(1)
        rate = self.fx_rates.get(quote)
        return Decimal(rate) if rate is not None else None

    @property
    def status_label(self) -> str:
        return OrderStatus(self.status).label if self.status in OrderStatus.values else self.status


class Line(AbstractLine):
    """Oscar's line with the agreed quantity in its commercial unit (Oscar's own is an integer)."""

    agreed_quantity = models.DecimalField(_("Quantity"), max_digits=14, decimal_places=3, null=True)
    unit = models.ForeignKey(
        "catalogue.Unit", on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("Unit")
    )

    class Meta(AbstractLine.Meta):
        pass


class MilestoneDue(models.TextChoices):
    ON_ORDER = "on_order", _("On order")
    BEFORE_SHIPMENT = "before_shipment", _("Before shipment")
    ON_DELIVERY = "on_delivery", _("On delivery")


class MilestoneStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    PAID = "paid", _("Paid")
    CANCELLED = "cancelled", _("Cancelled")


class PaymentMethod(models.TextChoices):
    CARD = "card", _("Card (Stripe)")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer (T/T)")


class PaymentMilestone(models.Model):
    """One instalment of an order's payment schedule, in the order's currency's minor units."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="milestones")
    sequence = models.PositiveSmallIntegerField(_("Sequence"))
    label = models.CharField(_("Label"), max_length=100)
    due = models.CharField(_("Due"), max_length=20, choices=MilestoneDue.choices)
    percent = models.DecimalField(
        _("Percent"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    amount_minor = models.BigIntegerField(_("Amount (minor units)"))
    currency = models.CharField(_("Currency"), max_length=3)
    status = models.CharField(
        _("Status"), max_length=10, choices=MilestoneStatus.choices, default=MilestoneStatus.PENDING
    )
    paid_at = models.DateTimeField(_("Paid at"), null=True, blank=True)
    paid_with = models.CharField(_("Paid with"), max_length=20, choices=PaymentMethod.choices, blank=True)
    payment_reference = models.CharField(_("Payment reference"), max_length=255, blank=True)
    refunded_minor = models.BigIntegerField(_("Refunded (minor units)"), default=0)

    class Meta:
        app_label = "order"
        ordering = ("order", "sequence")
        constraints = [
            models.UniqueConstraint(fields=("order", "sequence"), name="milestone_unique_sequence"),
            models.CheckConstraint(condition=Q(amount_minor__gt=0), name="milestone_positive_amount"),
            models.CheckConstraint(
                condition=Q(refunded_minor__gte=0) & Q(refunded_minor__lte=F("amount_minor")),
                name="milestone_refund_within_amount",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order.number} #{self.sequence} {self.label}"

    @property
    def is_paid(self) -> bool:
        return self.status == MilestoneStatus.PAID

    @property
    def refundable_minor(self) -> int:
        return self.amount_minor - self.refunded_minor if self.is_paid else 0


from oscar.apps.order.models import *  # noqa: E402, F403
