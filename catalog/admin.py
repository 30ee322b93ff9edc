from django.contrib import admin
from oscar.apps.catalogue import admin as oscar_admin
from oscar.apps.catalogue.admin import *  # noqa: F403
from oscar.core.loading import get_model

from catalog.reference.models import Currency, ExchangeRate, HSCode, Incoterm, Unit, UnitConversion
from catalog.reference.services import record_exchange_rate
from catalog.specs.forms import BatterySpecForm, ChemicalSpecForm, TradeSpecForm, VehicleSpecForm
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec
from catalog.translation.models import TRANSLATED_LANGUAGES, ProductTranslation

Product = get_model("catalogue", "Product")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_zh", "customs_code")
    search_fields = ("code", "name", "name_zh", "customs_code")


@admin.register(UnitConversion)
class UnitConversionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "from_unit", "to_unit", "factor")


@admin.register(Incoterm)
class IncotermAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "sea_only", "customs_terms_code")


@admin.register(Currency)
class CurrencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "customs_code", "decimal_places", "is_offered")


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    """Rates are added, never edited: the history is what later orders lock to."""

    list_display = ("base", "quote", "rate", "valid_from", "source", "created_by")
    list_filter = ("base", "quote")
    date_hierarchy = "valid_from"
    fields = ("base", "quote", "rate", "valid_from", "source")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # The admin redirects to the saved object, so it takes the new row's id.
        obj.pk = record_exchange_rate(
            base=obj.base,
            quote=obj.quote,
            rate=obj.rate,
            valid_from=obj.valid_from,
            by=request.user,
            source=obj.source,
        ).pk


@admin.register(HSCode)
class HSCodeAdmin(admin.ModelAdmin):
    list_display = ("code", "description", "unit1", "unit2", "supervision_conditions", "needs_review")
    list_filter = ("needs_review",)
    search_fields = ("code", "description", "description_zh")


class SpecInline(admin.StackedInline):
    extra = 0
    max_num = 1
    can_delete = True


class TradeSpecInline(SpecInline):
    model = TradeSpec
    form = TradeSpecForm
    autocomplete_fields = ("hs_code",)


class ChemicalSpecInline(SpecInline):
    model = ChemicalSpec
    form = ChemicalSpecForm


class BatterySpecInline(SpecInline):
    model = BatterySpec
    form = BatterySpecForm


class VehicleSpecInline(SpecInline):
    model = VehicleSpec
    form = VehicleSpecForm


class TranslationInline(admin.StackedInline):
    model = ProductTranslation
    extra = 0
    max_num = len(TRANSLATED_LANGUAGES)
    fields = ("language", "title", "description", "search_text")


admin.site.unregister(Product)


@admin.register(Product)
class ProductAdmin(oscar_admin.ProductAdmin):
    """Oscar's product admin with the supplier, typed specs and translations; specs use the
    same forms as the API, so staff cannot save what a supplier could not."""

    list_display = ("get_title", "upc", "supplier", "get_product_class", "is_public", "date_created")
    list_filter = ["product_class", "is_public", "supplier"]
    list_select_related = ("supplier", "product_class")
    autocomplete_fields = ("supplier",)
    inlines = [
        TradeSpecInline,
        ChemicalSpecInline,
        BatterySpecInline,
        VehicleSpecInline,
        TranslationInline,
        *oscar_admin.ProductAdmin.inlines,
    ]
