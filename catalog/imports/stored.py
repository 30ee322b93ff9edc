"""What a chunk's SKUs hold now: the stored rows a chunk of an import is compared with."""

from dataclasses import dataclass

from oscar.core.loading import get_model

from catalog.translation.models import ProductTranslation

ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
PriceTier = get_model("partner", "PriceTier")
OfferIncoterm = get_model("partner", "OfferIncoterm")


@dataclass
class StoredRows:
    """What the chunk's SKUs hold now, read in a fixed number of queries."""

    offers: dict  # sku → offer, with its product and specs
    categories: dict  # product id → frozenset of category ids
    translations: dict  # product id → {language: ProductTranslation}
    tiers: dict  # offer id → frozenset of (min quantity, unit price)
    incoterms: dict  # offer id → frozenset of (incoterm id, named place)

    @classmethod
    def load(cls, *, supplier, skus: list[str], specs: list[str]) -> "StoredRows":
        # A probe on the (partner, SKU) index first: for new SKUs nothing more is read.
        known = StockRecord.objects.filter(partner=supplier, partner_sku__in=skus).values_list(
            "pk", flat=True
        )
        offers = StockRecord.objects.filter(pk__in=list(known)).select_related(
            "product", *(f"product__{name}" for name in specs)
        )
        offers = {offer.partner_sku: offer for offer in offers}
        product_ids = [offer.product_id for offer in offers.values()]
        offer_ids = [offer.pk for offer in offers.values()]
        translations = {}
        for translation in ProductTranslation.objects.filter(product_id__in=product_ids):
            translations.setdefault(translation.product_id, {})[translation.language] = translation
        return cls(
            offers=offers,
            categories=_grouped(
                ProductCategory.objects.filter(product_id__in=product_ids), "product_id", "category_id"
            ),
            translations=translations,
            tiers=_grouped(
                PriceTier.objects.filter(offer_id__in=offer_ids), "offer_id", "min_quantity", "unit_price"
            ),
            incoterms=_grouped(
                OfferIncoterm.objects.filter(offer_id__in=offer_ids), "offer_id", "incoterm_id", "named_place"
            ),
        )


def _grouped(queryset, key: str, *values: str) -> dict:
    groups: dict = {}
    for row in queryset.values_list(key, *values):
        groups.setdefault(row[0], set()).add(row[1] if len(values) == 1 else tuple(row[1:]))
    return {group: frozenset(members) for group, members in groups.items()}
