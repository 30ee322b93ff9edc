"""Requests for quotation, the suppliers they were routed to, quotes with revisions, threads."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalog.offers.rules import Tier, tiers_from_json, unit_price_at
from marketplace.accounts.countries import validate_country
from marketplace.core.uploads import UploadValidator, private_storage, safe_upload_path

POSITIVE = [MinValueValidator(Decimal("0.001"))]


class RFQStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    QUOTED = "quoted", _("Quoted")
    AWARDED = "awarded", _("Awarded")
    PARTLY_AWARDED = "partly_awarded", _("Partly awarded")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


class QuoteStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    REVISED = "revised", _("Revised")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


LIVE_QUOTE_STATUSES = (QuoteStatus.SUBMITTED, QuoteStatus.REVISED)
AWARDABLE_RFQ_STATUSES = (RFQStatus.OPEN, RFQStatus.QUOTED, RFQStatus.PARTLY_AWARDED)


class RFQ(models.Model):
    """A buyer's request: direct to one supplier (``supplier`` set) or open to a category."""

    number = models.CharField(_("Number"), max_length=20, unique=True)
    buyer = models.ForeignKey("accounts.Company", on_delete=models.PROTECT, related_name="rfqs")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("What do you need?"), max_length=200)
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, null=True, blank=True, related_name="rfqs"
    )
    supplier = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="direct_rfqs",
        verbose_name=_("Supplier (direct request)"),
    )
    category = models.ForeignKey(
        "catalogue.Category", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Typed filters of the product class: min_purity_percent, packaging, model_year_min,
    # steering_side, chemistry, min_watt_hours (see rfq.specs).
    specification = models.JSONField(_("Specification"), default=dict, blank=True)
    quantity = models.DecimalField(_("Quantity"), max_digits=14, decimal_places=3, validators=POSITIVE)
    unit = models.ForeignKey("catalogue.Unit", on_delete=models.PROTECT, related_name="+")
    target_price = models.DecimalField(
        _("Target unit price"), max_digits=12, decimal_places=2, null=True, blank=True, validators=POSITIVE
    )
    currency = models.ForeignKey("catalogue.Currency", on_delete=models.PROTECT, related_name="+")
    incoterm = models.ForeignKey("catalogue.Incoterm", on_delete=models.PROTECT, related_name="+")
    named_place = models.CharField(_("Named place"), max_length=100)
    destination_country = models.CharField(
        _("Destination country"), max_length=2, validators=[validate_country]
    )
    destination_city = models.CharField(_("Destination port or city"), max_length=100, blank=True)
    delivery_date = models.DateField(_("Required delivery date"), null=True, blank=True)
    payment_terms = models.CharField(_("Payment terms wanted"), max_length=200, blank=True)
    message = models.TextField(_("Message to suppliers"), blank=True)
    attachment = models.FileField(
        _("Attachment"),
        upload_to=safe_upload_path("rfq/attachments"),
        storage=private_storage,
        validators=[UploadValidator(kinds=("pdf", "png", "jpeg", "xlsx"))],
        blank=True,
    )
    quote_deadline = models.DateField(_("Quotes due by"))
    status = models.CharField(
        _("Status"), max_length=20, choices=RFQStatus.choices, default=RFQStatus.DRAFT, db_index=True
    )
    routing_rule = models.CharField(_("Routing rule"), max_length=300, blank=True)
    awarded_quantity = models.DecimalField(max_digits=14, decimal_places=3, default=Decimal(0))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Request for quotation")
        verbose_name_plural = _("Requests for quotation")
        ordering = ("-created_at", "-pk")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RFQStatus.values), name="rfq_status_valid"),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="rfq_quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def is_direct(self) -> bool:
        return self.supplier_id is not None

    @property
    def remaining_quantity(self) -> Decimal:
        return max(self.quantity - self.awarded_quantity, Decimal(0))

    @property
    def status_label(self) -> str:
        return RFQStatus(self.status).label


class RFQRecipient(models.Model):
    """A supplier an RFQ was routed to: its inbox entry."""

    rfq = models.ForeignKey(RFQ, on_delete=models.CASCADE, related_name="recipients")
    supplier = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="rfq_inbox")
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("rfq", "supplier"), name="rfq_recipient_unique")]


class Quote(models.Model):
    """One option a supplier offers against an RFQ; its current terms, with earlier ones in revisions."""

    rfq = models.ForeignKey(RFQ, on_delete=models.CASCADE, related_name="quotes")
    supplier = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="quotes")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    offer = models.ForeignKey(
        "partner.StockRecord",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Your offer"),
        help_text=_("The product and offer the order will be placed for."),
    )
    label = models.CharField(_("Option"), max_length=100, blank=True)
    unit_price = models.DecimalField(_("Unit price"), max_digits=12, decimal_places=2, validators=POSITIVE)
    # [{"min_quantity": "50", "unit_price": "270.00"}, ...] in ascending order.
    price_tiers = models.JSONField(_("Price tiers"), default=list, blank=True)
    currency = models.ForeignKey("catalogue.Currency", on_delete=models.PROTECT, related_name="+")
    incoterm = models.ForeignKey("catalogue.Incoterm", on_delete=models.PROTECT, related_name="+")
    named_place = models.CharField(_("Named place"), max_length=100)
    quantity = models.DecimalField(_("Quantity"), max_digits=14, decimal_places=3, validators=POSITIVE)
    unit = models.ForeignKey("catalogue.Unit", on_delete=models.PROTECT, related_name="+")
    moq = models.DecimalField(
        _("Minimum order quantity"), max_digits=14, decimal_places=3, default=Decimal(1), validators=POSITIVE
    )
    lead_time_days = models.PositiveSmallIntegerField(_("Lead time (days)"))
    valid_until = models.DateField(_("Valid until"))
    # [{"percent": "30", "due": "on_order", "label": "Deposit"}, ...]
    payment_schedule = models.JSONField(_("Payment terms"), default=list)
    documents_available = models.CharField(_("Documents available"), max_length=300, blank=True)
    remarks = models.TextField(_("Remarks"), blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=QuoteStatus.choices, default=QuoteStatus.SUBMITTED, db_index=True
    )
    revision = models.PositiveSmallIntegerField(default=1)
    awarded_quantity = models.DecimalField(max_digits=14, decimal_places=3, default=Decimal(0))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("rfq", "supplier", "pk")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=QuoteStatus.values), name="quote_status_valid"),
            models.CheckConstraint(condition=Q(unit_price__gt=0), name="quote_unit_price_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.rfq.number} · {self.supplier} · {self.unit_price} {self.currency_id}"

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_QUOTE_STATUSES

    @property
    def status_label(self) -> str:
        return QuoteStatus(self.status).label

    @property
    def tiers(self) -> list[Tier]:
        return tiers_from_json(self.price_tiers)

    def price_for(self, quantity: Decimal) -> Decimal:
        """The unit price at ``quantity`` (in the quote's unit): the highest break reached."""
        return unit_price_at(base_price=self.unit_price, tiers=self.tiers, quantity=quantity)

    @property
    def schedule_label(self) -> str:
        return " / ".join(
            f"{Decimal(t['percent']).normalize():f} % {t['label']}" for t in self.payment_schedule
        )


class QuoteRevision(models.Model):
    """The terms of one version of a quote, kept so buyers see how an offer moved."""

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField()
    terms = models.JSONField()
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("quote", "number")
        constraints = [
            models.UniqueConstraint(fields=("quote", "number"), name="quote_revision_unique_number")
        ]


class MessageSide(models.TextChoices):
    BUYER = "buyer", _("Buyer")
    SUPPLIER = "supplier", _("Supplier")


class Message(models.Model):
    """A message in the negotiation thread between the RFQ's buyer and one supplier."""

    rfq = models.ForeignKey(RFQ, on_delete=models.CASCADE, related_name="messages")
    supplier = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    side = models.CharField(max_length=10, choices=MessageSide.choices)
    body = models.TextField(_("Message"))
    counter_price = models.DecimalField(
        _("Counter-offer unit price"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
    )
    quote = models.ForeignKey(Quote, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("rfq", "supplier", "created_at", "pk")


class Award(models.Model):
    """A quantity of an RFQ awarded to one quote, and the order placed for it."""

    rfq = models.ForeignKey(RFQ, on_delete=models.PROTECT, related_name="awards")
    quote = models.ForeignKey(Quote, on_delete=models.PROTECT, related_name="awards")
    quantity = models.DecimalField(max_digits=14, decimal_places=3)
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    order = models.OneToOneField("order.Order", on_delete=models.PROTECT, related_name="rfq_award")
    awarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
