"""Demo catalogue loader: the products of marketplace/demo/products with specs, names and offers.

Idempotent: rows are found by UPC, partner SKU or their natural key and only created when missing.
Every new row goes through ``full_clean`` first, so bad demo data fails loudly instead of loading.
"""

import logging
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal

from django.apps import apps as django_apps
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from oscar.core.utils import slugify

from catalog.models import ProductStatus
from catalog.reference import seed
from catalog.reference.models import Currency, ExchangeRate, HSCode, Incoterm, Unit
from catalog.reference.services import record_exchange_rate
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec
from catalog.translation.services import translate_product
from marketplace.demo.products import PRODUCTS
from marketplace.demo.products.base import DemoProduct, Offer

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
PriceTier = get_model("partner", "PriceTier")
OfferIncoterm = get_model("partner", "OfferIncoterm")


# Demo FX rates (1 USD = rate × quote), in force from the start of 2026.
DEMO_RATES = {"CNY": "7.10", "EUR": "0.92", "RUB": "92.5", "MNT": "3400"}


def load_exchange_rates() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    usd = Currency.objects.get(code="USD")
    for quote, rate in DEMO_RATES.items():
        if not ExchangeRate.objects.filter(base=usd, quote_id=quote, valid_from=start).exists():
            record_exchange_rate(
                base=usd,
                quote=Currency.objects.get(code=quote),
                rate=Decimal(rate),
                valid_from=start,
                source="demo",
            )


class References:
    """Reference rows by code, read once per load instead of once per product."""

    def __init__(self):
        self.product_classes = {
            product_class.slug: product_class for product_class in ProductClass.objects.all()
        }
        self.units = {unit.code: unit for unit in Unit.objects.all()}
        self.hs_codes = {hs_code.code: hs_code for hs_code in HSCode.objects.all()}
        self.incoterms = {incoterm.code: incoterm for incoterm in Incoterm.objects.all()}
        self.categories = {}

    def hs_code(self, code: str) -> HSCode:
        if code not in self.hs_codes:
            raise ValueError(
                f"HS code {code} is not in the HS reference table (catalog/data/hs_reference.csv)."
            )
        return self.hs_codes[code]

    def category(self, breadcrumbs: str):
        if breadcrumbs not in self.categories:
            self.categories[breadcrumbs] = create_from_breadcrumbs(breadcrumbs)
        return self.categories[breadcrumbs]


def load(*, suppliers: list) -> int:
    """Create the demo products that are missing; returns how many were new.

    ``suppliers``: the supplier companies in the order of load_demo.SUPPLIERS.
    """
    # Normally present from the data migrations; re-seeded in case a database was flushed.
    seed.load_reference_data(django_apps)
    seed.load_product_classes(django_apps)
    references = References()
    created_count = 0
    with quiet_logger("oscar.alerts"):
        for row in PRODUCTS:
            created_count += load_product(row, partner=suppliers[row.supplier].partner, references=references)
    return created_count


@contextmanager
def quiet_logger(name: str):
    # Oscar logs two INFO lines per new stock record (its stock alerts): 200 offers flood the console.
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def create_once(model_class, lookup: dict, /, **fields):
    """The row matching ``lookup``, else a new one that passed ``full_clean``; and whether it is new."""
    # Positional-only: VehicleSpec has a field called "model".
    existing = model_class.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    row = model_class(**lookup, **fields)
    row.full_clean()
    row.save()
    return row, True


def load_product(row: DemoProduct, *, partner, references: References) -> bool:
    product, created = create_once(
        Product,
        {"upc": row.upc},
        title=row.title,
        slug=slugify(row.title),
        product_class=references.product_classes[row.product_class],
        description=row.description,
        structure=Product.STANDALONE,
        # Seed data starts published, as migration 0039 did for products public before moderation;
        # the moderation log begins with real decisions.
        status=ProductStatus.PUBLISHED,
        supplier=partner,
    )
    create_once(ProductCategory, {"product": product, "category": references.category(row.category)})
    load_specs(product, row, references)
    for language, (title, search_words) in (("ru", row.ru), ("zh-hans", row.zh)):
        translate_product(product=product, language=language, title=title, search_words=search_words)
    for offer in row.offers:
        load_offer(product, offer, row=row, partner=partner, references=references)
    return created


SPEC_MODELS = {"chemical": ChemicalSpec, "battery": BatterySpec, "vehicle": VehicleSpec}


def load_specs(product, row: DemoProduct, references: References) -> None:
    trade = row.trade
    create_once(
        TradeSpec,
        {"product": product},
        hs_code=references.hs_code(trade.hs_code),
        commercial_unit=references.units[trade.unit],
        net_weight_kg=Decimal(trade.net_kg),
        gross_weight_kg=Decimal(trade.gross_kg),
        packaging=trade.packaging,
        certifications=trade.certifications,
    )
    for kind, fields in (("chemical", row.chemical), ("battery", row.battery), ("vehicle", row.vehicle)):
        if fields:
            create_once(SPEC_MODELS[kind], {"product": product}, **fields)


def load_offer(product, offer: Offer, *, row: DemoProduct, partner, references: References) -> None:
    # Saved once: re-saving a stock record sends Oscar's stock alerts.
    stock_record, _ = create_once(
        StockRecord,
        {"partner": partner, "partner_sku": offer.sku},
        product=product,
        price=Decimal(offer.price),
        price_currency=offer.currency,
        num_in_stock=offer.stock,
        commercial_unit=references.units[row.trade.unit],
        minimum_order_quantity=Decimal(offer.moq),
        lead_time_days=offer.lead_days,
        monthly_capacity=Decimal(offer.capacity),
        packaging=offer.packaging or row.trade.packaging,
    )
    for min_quantity, unit_price in offer.price_tiers():
        create_once(PriceTier, {"offer": stock_record, "min_quantity": min_quantity}, unit_price=unit_price)
    for code, place in offer.incoterms:
        create_once(
            OfferIncoterm,
            {"offer": stock_record, "incoterm": references.incoterms[code], "named_place": place},
        )
