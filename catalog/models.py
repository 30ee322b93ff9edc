# Catalog models: subclasses of Oscar's abstract models go above the star import.
from django.utils.translation import get_language
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


class Product(AbstractProduct):
    """Oscar's product, shown in the page's language with English as the fallback."""

    class Meta(AbstractProduct.Meta):
        pass

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
