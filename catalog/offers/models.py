from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord

from catalog.reference.selectors import ConversionMissingError, conversion_factor

POSITIVE = [MinValueValidator(Decimal("0.001"))]


class Partner(AbstractPartner):
    """Oscar's fulfilment partner, one per supplier company."""

    company = models.OneToOneField(
        "accounts.Company",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner",
        verbose_name=_("Supplier company"),
    )

    class Meta(AbstractPartner.Meta):
        pass


class StockRecord(AbstractStockRecord):
    """An offer: one supplier's terms for a product variant (packaging, unit, MOQ, lead time).

    ``price`` is the base unit price; quantity breaks live in PriceTier.
    """

    commercial_unit = models.ForeignKey(
        "catalogue.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Commercial unit"),
    )
    minimum_order_quantity = models.DecimalField(
        _("Minimum order quantity"), max_digits=14, decimal_places=3, default=Decimal(1), validators=POSITIVE
    )
    lead_time_days = models.PositiveSmallIntegerField(_("Lead time (days)"), null=True, blank=True)
    monthly_capacity = models.DecimalField(
        _("Monthly capacity"), max_digits=14, decimal_places=3, null=True, blank=True, validators=POSITIVE
    )
    packaging = models.CharField(_("Packaging"), max_length=200, blank=True)

    class Meta(AbstractStockRecord.Meta):
        pass

    def clean(self):
        super().clean()
        product = self.product if self.product_id else None
        if product and product.supplier_id and self.partner_id and product.supplier_id != self.partner_id:
            raise ValidationError(
                {"partner": _("Only the product's own supplier can make offers for it.")}, code="not_owner"
            )
        self._check_unit_converts(product)

    def _check_unit_converts(self, product) -> None:
        """An offer's unit must convert to the product's unit, so customs quantities follow."""
        trade_spec = getattr(product, "trade_spec", None) if product else None
        if (
            not (trade_spec and self.commercial_unit_id)
            or self.commercial_unit_id == trade_spec.commercial_unit_id
        ):
            return
        try:
            conversion_factor(from_unit=self.commercial_unit, to_unit=trade_spec.commercial_unit)
        except ConversionMissingError:
            raise ValidationError(
                {
                    "commercial_unit": _("%(unit)s does not convert to the product's unit %(product_unit)s.")
                    % {"unit": self.commercial_unit.code, "product_unit": trade_spec.commercial_unit.code}
                },
                code="unit_does_not_convert",
            ) from None


class PriceTier(models.Model):
    """From ``min_quantity`` commercial units on, each unit costs ``unit_price`` (offer currency)."""

    offer = models.ForeignKey(StockRecord, on_delete=models.CASCADE, related_name="price_tiers")
    min_quantity = models.DecimalField(
        _("From quantity"), max_digits=14, decimal_places=3, validators=POSITIVE
    )
    unit_price = models.DecimalField(_("Unit price"), max_digits=12, decimal_places=2, validators=POSITIVE)

    class Meta:
        app_label = "partner"
        ordering = ("offer", "min_quantity")
        constraints = [
            models.UniqueConstraint(fields=("offer", "min_quantity"), name="price_tier_unique_break"),
            models.CheckConstraint(
                condition=Q(min_quantity__gt=0) & Q(unit_price__gt=0), name="price_tier_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"≥ {self.min_quantity.normalize():f}: {self.unit_price}"


class OfferIncoterm(models.Model):
    """An Incoterm the supplier offers, with its named place (FCA Erenhot, CPT Moscow)."""

    offer = models.ForeignKey(StockRecord, on_delete=models.CASCADE, related_name="incoterms")
    incoterm = models.ForeignKey("catalogue.Incoterm", on_delete=models.PROTECT, related_name="+")
    named_place = models.CharField(_("Named place"), max_length=100)

    class Meta:
        app_label = "partner"
        constraints = [
            models.UniqueConstraint(
                fields=("offer", "incoterm", "named_place"), name="offer_incoterm_unique_place"
            )
        ]

    def __str__(self) -> str:
        return f"{self.incoterm.code} {self.named_place}"


from oscar.apps.partner.models import *  # noqa: E402, F403
