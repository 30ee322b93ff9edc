"""Reads of the catalogue: product lists and product pages."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from oscar.core.loading import get_model

from catalog.reference.models import Unit
from catalog.reference.selectors import UnitTable, unit_table
from catalog.specs.models import TradeSpec
from catalog.specs.selectors import SpecGroup, product_with_specs, specification_groups
from marketplace.accounts.models import VerificationStatus

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
OfferIncoterm = get_model("partner", "OfferIncoterm")


def browsable_products() -> QuerySet:
    """Public products of verified suppliers with at least one offer, ready for product cards."""
    own_offer = StockRecord.objects.filter(product=OuterRef("pk"), partner=OuterRef("supplier"))
    return (
        Product.objects.browsable()
        .filter(supplier__company__verification_status=VerificationStatus.VERIFIED)
        .filter(Exists(own_offer))
        # Cards show the class, image, title in the page's language and the best offer's price
        # range, unit and supplier. Oscar's base_queryset() would also fetch children and
        # options, which cards never show: three queries more on every list.
        .select_related("product_class")
        .prefetch_related(
            "translations",
            "images",
            Prefetch(
                "stockrecords", queryset=StockRecord.objects.select_related("partner", "commercial_unit")
            ),
            "stockrecords__price_tiers",
        )
    )


@dataclass(frozen=True)
class LegalQuantity:
    """How much of a customs legal unit one commercial unit is (None: declared per shipment)."""

    unit: Unit
    per_commercial_unit: Decimal | None


@dataclass(frozen=True)
class OfferTerms:
    offer: object  # partner.StockRecord with tiers and Incoterms prefetched
    legal_quantities: list[LegalQuantity]


@dataclass(frozen=True)
class ProductPage:
    spec_groups: list[SpecGroup]
    offers: list[OfferTerms]
    equivalents: list  # the same goods from other suppliers


def equivalent_products(*, product: Product, limit: int = 4) -> list[Product]:
    """The same goods from other verified suppliers: equal CAS number, else equal HS line and class."""
    cas = getattr(getattr(product, "chemical_spec", None), "cas_number", "")
    hs_code = getattr(getattr(product, "trade_spec", None), "hs_code_id", "")
    if cas:
        same = Q(chemical_spec__cas_number=cas)
    elif hs_code:
        same = Q(trade_spec__hs_code_id=hs_code, product_class_id=product.product_class_id)
    else:
        return []
    others = browsable_products().filter(same).exclude(supplier_id=product.supplier_id)
    return list(others.order_by("-priority", "-date_created", "pk")[:limit])


def product_for_page(*, product_id: int) -> Product:
    """A product with its specs, HS line and supplier, for its page (one query)."""
    return product_with_specs(product_id=product_id, extra=("supplier__company",))


def legal_quantities(*, trade_spec: TradeSpec, unit: Unit, units: UnitTable) -> list[LegalQuantity]:
    """One commercial unit in the HS line's legal units (1 t = 1000 kg; 1 cell = 5.4 kg)."""
    quantities = []
    for legal_unit in (trade_spec.hs_code.unit1, trade_spec.hs_code.unit2):
        if legal_unit is None:
            continue
        factor = units.factor(from_unit_id=unit.pk, to_unit_id=legal_unit.pk)
        if factor is None and legal_unit.code == "kg" and unit.pk == trade_spec.commercial_unit_id:
            factor = trade_spec.net_weight_kg  # customs count legal kilograms net
        quantities.append(LegalQuantity(unit=legal_unit, per_commercial_unit=factor))
    return quantities


def supplier_offers(*, product: Product) -> list[StockRecord]:
    """The product's offers from its own supplier, cheapest first."""
    return list(
        StockRecord.objects.filter(product=product, partner_id=product.supplier_id)
        .select_related("commercial_unit")
        .prefetch_related(
            "price_tiers", Prefetch("incoterms", OfferIncoterm.objects.select_related("incoterm"))
        )
        .order_by("price", "pk")
    )


def product_page(*, product: Product) -> ProductPage:
    """What a product page shows below the title; ``product`` comes from product_for_page."""
    try:
        trade_spec = product.trade_spec
    except ObjectDoesNotExist:
        trade_spec = None
    offers = supplier_offers(product=product)
    units = unit_table() if trade_spec and offers else None
    terms = []
    for offer in offers:
        unit = offer.commercial_unit or (trade_spec.commercial_unit if trade_spec else None)
        quantities = legal_quantities(trade_spec=trade_spec, unit=unit, units=units) if units and unit else []
        terms.append(OfferTerms(offer=offer, legal_quantities=quantities))
    return ProductPage(
        spec_groups=specification_groups(product=product),
        offers=terms,
        equivalents=equivalent_products(product=product),
    )
