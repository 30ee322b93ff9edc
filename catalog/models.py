# Catalog models: subclasses of Oscar's abstract models go above the star import.
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct

from catalog.reference.models import (  # noqa: F401  (reference data belongs to this app)
    Currency,
    ExchangeRate,
    HSCode,
    Incoterm,
    Unit,
    UnitConversion,
)
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec  # noqa: F401
from catalog.translation.models import ProductTranslation
from marketplace.core.html import clean_html


class ProductStatus(models.TextChoices):
    """Moderation: suppliers submit, operators publish or reject (catalog/moderation.py)."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    RETIRED = "retired", _("Retired")


class Product(AbstractProduct):
    """Oscar's product: one supplier's listing, shown in the page's language (English fallback).

    Equal goods from different suppliers are separate products; each supplier's variants
    (packaging, Incoterm) are its offers (stock records).
    """

    # Nullable only for Oscar's own forms and parent products; browse pages require it.
    supplier = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("Supplier"),
    )

    status = models.CharField(
        _("Status"), max_length=10, choices=ProductStatus.choices, default=ProductStatus.DRAFT, db_index=True
    )
    status_reason = models.TextField(_("Reason given by the operator"), blank=True)

    class Meta(AbstractProduct.Meta):
        pass

    def save(self, *args, **kwargs):
        # The moderation status decides what buyers see; Oscar's flag follows it so Oscar's
        # own views and querysets (browsable(), is_viewable) agree.
        self.is_public = self.status == ProductStatus.PUBLISHED
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields:
            kwargs["update_fields"] = {*update_fields, "is_public"}
        super().save(*args, **kwargs)

    def clean(self):
        # Every form that writes a product validates it here: the supplier portal and the API
        # (ProductForm in save_product), bulk import rows, the Django admin and Oscar's
        # dashboard. The description is shown as HTML on the product page, so only the
        # allow-listed markup of marketplace/core/html.py may be stored.
        self.description = clean_html(self.description)
        super().clean()

    def translation(self) -> ProductTranslation | None:
        # Read once per instance (from the prefetch on listing pages, else one query).
        if "_translations" not in self.__dict__:
            self.__dict__["_translations"] = {row.language: row for row in self.translations.all()}
        return self.__dict__["_translations"].get(get_language())

    def get_title(self):
        translation = self.translation() if self.pk else None
        return translation.title if translation else super().get_title()

    get_title.short_description = AbstractProduct.get_title.short_description

    @property
    def localized_description(self) -> str:
        translation = self.translation() if self.pk else None
        return translation.description if translation and translation.description else self.description


from oscar.apps.catalogue.models import *  # noqa: E402, F403
