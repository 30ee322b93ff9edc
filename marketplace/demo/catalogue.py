"""Demo products: about ten typical Ordos export goods, one or two per supplier."""

from datetime import UTC, datetime
from decimal import Decimal

from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalog.reference.models import Currency, ExchangeRate
from catalog.reference.services import record_exchange_rate

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

# The Catalog issue defines the typed product classes; the demo uses the same slugs.
PRODUCT_CLASSES = {
    "chemical": "Chemical",
    "vehicle": "Vehicle",
    "new-energy": "New-energy product",
    "textile": "Cashmere and textiles",
    "food": "Food and spirulina",
}

# (supplier index, UPC, title, class, category, price USD, unit stock, description)
PRODUCTS = [
    (
        0,
        "ORD-MEOH-9985",
        "Methanol 99.85% (AA grade), CAS 67-56-1",
        "chemical",
        "Chemicals > Coal chemicals",
        "285.00",
        12000,
        "Refined methanol to IMPCA / GB 338-2011 AA grade, purity ≥ 99.85%. UN1230, class 3 "
        "(sub 6.1), packing group II. Bulk ISO tank or 160 kg drums. Price per tonne, FCA Ordos.",
    ),
    (
        1,
        "ORD-PVC-SG5",
        "PVC resin SG-5 (K 66-68)",
        "chemical",
        "Chemicals > Polymers",
        "720.00",
        8000,
        "Suspension PVC homopolymer, K value 66–68, for pipes and profiles. 25 kg bags, 1,000 kg "
        "per pallet. Price per tonne, FCA Ordos.",
    ),
    (
        1,
        "ORD-NAOH-99",
        "Caustic soda flakes 99%",
        "chemical",
        "Chemicals > Chlor-alkali",
        "410.00",
        5000,
        "Sodium hydroxide flakes, NaOH ≥ 99%. UN1823, class 8, packing group II. 25 kg bags.",
    ),
    (
        2,
        "ORD-PP-T30S",
        "Polypropylene homopolymer T30S",
        "chemical",
        "Chemicals > Polymers",
        "930.00",
        6000,
        "Coal-to-olefins polypropylene, MFR 3 g/10 min, raffia and yarn grade. 25 kg bags.",
    ),
    (
        3,
        "ORD-CAC2-295",
        "Calcium carbide 295 L/kg, 50–80 mm",
        "chemical",
        "Chemicals > Coal chemicals",
        "520.00",
        4000,
        "Calcium carbide, gas yield ≥ 295 L/kg, lumps 50–80 mm. UN1402, class 4.3, packing group "
        "II. 100 kg steel drums.",
    ),
    (
        4,
        "ORD-LFP-280",
        "LFP battery cell 3.2 V 280 Ah",
        "new-energy",
        "New energy > Batteries",
        "58.00",
        20000,
        "Prismatic lithium iron phosphate cell, 3.2 V, 280 Ah, 896 Wh, 6,000 cycles. UN38.3 "
        "tested; ships as UN3480, class 9.",
    ),
    (
        5,
        "ORD-PV-550M",
        "Monocrystalline PV module 550 W",
        "new-energy",
        "New energy > Photovoltaics",
        "96.00",
        15000,
        "144 half-cell mono PERC module, 550 Wp, efficiency 21.3%, IEC 61215 / 61730.",
    ),
    (
        6,
        "ORD-EV-HT49",
        "Battery-electric heavy truck 6x4, 49 t",
        "vehicle",
        "Vehicles > Trucks",
        "118000.00",
        40,
        "BEV tractor unit, 423 kWh LFP pack, swap-ready, LHD. For mining and rail-head haulage "
        "to Mongolia and Russia.",
    ),
    (
        7,
        "ORD-CSH-DEH",
        "Dehaired white cashmere, 15.5 µm",
        "textile",
        "Cashmere and textiles > Fibre",
        "98.00",
        3000,
        "Inner Mongolian white cashmere, dehaired, mean diameter 15.5 µm, length 36 mm. Price per kg.",
    ),
    (
        7,
        "ORD-CSH-SWT",
        "Men's cashmere crew-neck sweater",
        "textile",
        "Cashmere and textiles > Knitwear",
        "64.00",
        2500,
        "100% cashmere, 12 gauge, 7 colours, sizes S–XXL. Private label available from 300 pieces.",
    ),
    (
        8,
        "ORD-SPI-PWD",
        "Spirulina powder, food grade",
        "food",
        "Food and spirulina > Spirulina",
        "11.50",
        10000,
        "Arthrospira platensis powder from Ordos alkaline lakes, protein ≥ 60%. 25 kg drums. Price per kg.",
    ),
]


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


def load(*, suppliers: list) -> int:
    """Create the demo products; returns how many were new."""
    classes = {
        slug: ProductClass.objects.get_or_create(
            slug=slug, defaults={"name": name, "requires_shipping": True}
        )[0]
        for slug, name in PRODUCT_CLASSES.items()
    }
    created_count = 0
    for index, upc, title, class_slug, breadcrumbs, price, stock, description in PRODUCTS:
        product, created = Product.objects.get_or_create(
            upc=upc,
            defaults={
                "title": title,
                "product_class": classes[class_slug],
                "description": description,
                "structure": Product.STANDALONE,
                "is_public": True,
            },
        )
        created_count += created
        ProductCategory.objects.get_or_create(product=product, category=create_from_breadcrumbs(breadcrumbs))
        partner = suppliers[index].partner
        StockRecord.objects.get_or_create(
            product=product,
            partner=partner,
            defaults={
                "partner_sku": upc,
                "price": Decimal(price),
                "price_currency": "USD",
                "num_in_stock": stock,
            },
        )
    return created_count
