"""Demo products: about ten typical Ordos export goods, one or two per supplier."""

from datetime import UTC, datetime
from decimal import Decimal

from django.apps import apps as django_apps
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalog.reference import seed
from catalog.reference.models import Currency, ExchangeRate, HSCode, Incoterm, Unit
from catalog.reference.services import record_exchange_rate
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec, VehicleSpec
from catalog.translation.services import translate_product

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
PriceTier = get_model("partner", "PriceTier")
OfferIncoterm = get_model("partner", "OfferIncoterm")


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
        "battery",
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
        "pv-module",
        "New energy > Photovoltaics",
        "96.00",
        15000,
        "144 half-cell mono PERC module, 550 Wp, efficiency 21.3%, IEC 61215 / 61730.",
    ),
    (
        6,
        "ORD-EV-DT60",
        "Battery-electric mining dump truck, 60 t",
        "vehicle",
        "Vehicles > Trucks",
        "118000.00",
        40,
        "Off-highway BEV dump truck, 423 kWh LFP pack, swap-ready, LHD. For coal mines in "
        "Mongolia and Russia.",
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
    # Normally present from the data migrations; re-seeded in case a database was flushed.
    seed.load_reference_data(django_apps)
    seed.load_product_classes(django_apps)
    classes = {product_class.slug: product_class for product_class in ProductClass.objects.all()}
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
        load_specs(product, upc)
        load_translations(product, upc)
        offer, _ = StockRecord.objects.get_or_create(
            product=product,
            partner=partner,
            defaults={
                "partner_sku": upc,
                "price": Decimal(price),
                "price_currency": "USD",
                "num_in_stock": stock,
            },
        )
        load_offer_terms(offer, upc)
    return created_count


# Typed specs of the demo products, by UPC: (HS code, unit, net kg, gross kg, packaging, extra spec).
SPECS = {
    "ORD-MEOH-9985": (
        "2905110000",
        "t",
        "1000",
        "1000",
        "ISO tank or 160 kg drums",
        (
            "chemical",
            {
                "cas_number": "67-56-1",
                "purity_percent": "99.85",
                "grade": "AA (GB 338-2011)",
                "ghs_classes": "Flam. Liq. 2; Acute Tox. 3; STOT SE 1",
                "signal_word": "danger",
                "hazard_statements": "H225, H301+H311+H331, H370",
                "un_number": "UN1230",
                "proper_shipping_name": "METHANOL",
                "transport_class": "3",
                "subsidiary_class": "6.1",
                "packing_group": "II",
            },
        ),
    ),
    "ORD-PVC-SG5": (
        "3904109090",
        "t",
        "1000",
        "1010",
        "25 kg bags, 40 per pallet",
        ("chemical", {"cas_number": "9002-86-2", "grade": "SG-5, K 66-68"}),
    ),
    "ORD-NAOH-99": (
        "2815110000",
        "t",
        "1000",
        "1010",
        "25 kg bags",
        (
            "chemical",
            {
                "cas_number": "1310-73-2",
                "purity_percent": "99",
                "signal_word": "danger",
                "hazard_statements": "H290, H314",
                "un_number": "UN1823",
                "proper_shipping_name": "SODIUM HYDROXIDE, SOLID",
                "transport_class": "8",
                "packing_group": "II",
            },
        ),
    ),
    "ORD-PP-T30S": (
        "3902100090",
        "t",
        "1000",
        "1008",
        "25 kg bags",
        ("chemical", {"cas_number": "9003-07-0", "grade": "T30S, MFR 3 g/10 min"}),
    ),
    "ORD-CAC2-295": (
        "2849100000",
        "t",
        "1000",
        "1060",
        "100 kg steel drums",
        (
            "chemical",
            {
                "cas_number": "75-20-7",
                "signal_word": "danger",
                "hazard_statements": "H260",
                "un_number": "UN1402",
                "proper_shipping_name": "CALCIUM CARBIDE",
                "transport_class": "4.3",
                "packing_group": "II",
            },
        ),
    ),
    "ORD-LFP-280": (
        "8507600090",
        "pcs",
        "5.4",
        "5.7",
        "Cartons of 4 cells on pallets",
        (
            "battery",
            {
                "chemistry": "LFP",
                "form": "cell",
                "watt_hours": "896",
                "voltage": "3.2",
                "amp_hours": "280",
                "un_number": "UN3480",
                "un38_3_tested": True,
            },
        ),
    ),
    "ORD-PV-550M": ("8541430000", "pcs", "27.5", "29", "31 modules per pallet", None),
    "ORD-EV-DT60": (
        "8704109000",
        "vehicle",
        "45000",
        "45000",
        "Ro-ro or flat rack",
        (
            "vehicle",
            {
                "make": "Steppe",
                "model": "ED60",
                "model_year": 2026,
                "powertrain": "BEV",
                "battery_kwh": "423",
                "emission_standard": "Zero emission",
                "steering_side": "LHD",
                "condition": "new",
            },
        ),
    ),
    "ORD-CSH-DEH": ("5102110000", "kg", "1", "1.05", "Bales of 100 kg", None),
    "ORD-CSH-SWT": ("6110120000", "item", "0.35", "0.45", "Polybag, 20 per carton", None),
    "ORD-SPI-PWD": ("2102200000", "kg", "1", "1.04", "25 kg fibre drums", None),
}
SPEC_MODELS = {"chemical": ChemicalSpec, "battery": BatterySpec, "vehicle": VehicleSpec}


def load_specs(product, upc: str) -> None:
    hs_code, unit, net, gross, packaging, extra = SPECS[upc]
    TradeSpec.objects.get_or_create(
        product=product,
        defaults={
            "hs_code": HSCode.objects.get(code=hs_code),
            "commercial_unit": Unit.objects.get(code=unit),
            "net_weight_kg": Decimal(net),
            "gross_weight_kg": Decimal(gross),
            "packaging": packaging,
        },
    )
    if extra:
        kind, fields = extra
        SPEC_MODELS[kind].objects.get_or_create(product=product, defaults=fields)


# Russian and Chinese names (and words buyers search for), by UPC.
TRANSLATIONS = {
    "ORD-MEOH-9985": (
        ("Метанол 99,85% (марка А), CAS 67-56-1", "метиловый спирт"),
        ("甲醇 99.85%（优等品），CAS 67-56-1", "木醇 工业甲醇"),
    ),
    "ORD-PVC-SG5": (
        ("ПВХ смола SG-5 (K 66–68)", "поливинилхлорид суспензионный"),
        ("聚氯乙烯树脂 SG-5（K值 66–68）", "PVC 电石法"),
    ),
    "ORD-NAOH-99": (
        ("Сода каустическая чешуированная 99%", "гидроксид натрия едкий натр"),
        ("片碱 99%（氢氧化钠）", "烧碱 火碱"),
    ),
    "ORD-PP-T30S": (("Полипропилен гомополимер T30S", "ПП"), ("均聚聚丙烯 T30S", "PP 拉丝料")),
    "ORD-CAC2-295": (("Карбид кальция 295 л/кг, 50–80 мм", "карбид"), ("电石 295 L/kg，50–80 mm", "碳化钙")),
    "ORD-LFP-280": (
        ("Литий-железо-фосфатный элемент 3,2 В 280 А·ч", "LiFePO4 аккумулятор"),
        ("磷酸铁锂电芯 3.2 V 280 Ah", "LFP 储能电池"),
    ),
    "ORD-PV-550M": (
        ("Монокристаллический солнечный модуль 550 Вт", "солнечная панель"),
        ("单晶硅光伏组件 550 W", "太阳能板"),
    ),
    "ORD-EV-DT60": (
        ("Карьерный самосвал на электротяге, 60 т", "электросамосвал"),
        ("纯电动矿用自卸车 60 吨", "电动矿卡"),
    ),
    "ORD-CSH-DEH": (("Кашемир белый очёсанный, 15,5 мкм", "пух козий"), ("白色无毛绒 15.5 微米", "山羊绒")),
    "ORD-CSH-SWT": (
        ("Мужской кашемировый свитер с круглым вырезом", "джемпер"),
        ("男士羊绒圆领毛衣", "羊绒衫"),
    ),
    "ORD-SPI-PWD": (("Спирулина порошок, пищевая", "спирулина"), ("食品级螺旋藻粉", "螺旋藻")),
}


def load_translations(product, upc: str) -> None:
    (ru_title, ru_words), (zh_title, zh_words) = TRANSLATIONS[upc]
    for language, title, words in (("ru", ru_title, ru_words), ("zh-hans", zh_title, zh_words)):
        translate_product(product=product, language=language, title=title, search_words=words)


# Offer terms by UPC: (unit, MOQ, lead days, monthly capacity, [(from qty, unit price)], [(Incoterm, place)])
OFFERS = {
    "ORD-MEOH-9985": (
        "t",
        "20",
        7,
        "30000",
        [("100", "275.00"), ("500", "265.00")],
        [("FCA", "Erenhot"), ("CPT", "Moscow"), ("FOB", "Tianjin")],
    ),
    "ORD-PVC-SG5": (
        "t",
        "25",
        10,
        "20000",
        [("100", "705.00")],
        [("FCA", "Erenhot"), ("CIF", "Novorossiysk")],
    ),
    "ORD-NAOH-99": ("t", "25", 10, "15000", [("200", "395.00")], [("FCA", "Erenhot")]),
    "ORD-PP-T30S": ("t", "25", 14, "25000", [("200", "910.00")], [("CPT", "Ulaanbaatar")]),
    "ORD-CAC2-295": ("t", "20", 10, "10000", [], [("FCA", "Erenhot")]),
    "ORD-LFP-280": ("pcs", "100", 21, "200000", [("1000", "55.00"), ("10000", "52.00")], [("FCA", "Ordos")]),
    "ORD-PV-550M": ("pcs", "200", 21, "100000", [("2000", "92.00")], [("FOB", "Tianjin")]),
    "ORD-EV-DT60": ("vehicle", "1", 60, "20", [("5", "114000.00")], [("DAP", "Gashuunsukhait")]),
    "ORD-CSH-DEH": ("kg", "100", 14, "5000", [("1000", "95.00")], [("CPT", "Milan")]),
    "ORD-CSH-SWT": ("item", "300", 30, "20000", [("1000", "61.00")], [("FCA", "Ordos")]),
    "ORD-SPI-PWD": ("kg", "500", 14, "50000", [("5000", "10.80")], [("CPT", "Almaty")]),
}


def load_offer_terms(offer, upc: str) -> None:
    unit, moq, lead_days, capacity, tiers, incoterms = OFFERS[upc]
    if offer.commercial_unit_id is None:  # saved once: re-saving a stock record sends Oscar's alerts
        offer.commercial_unit = Unit.objects.get(code=unit)
        offer.minimum_order_quantity = Decimal(moq)
        offer.lead_time_days = lead_days
        offer.monthly_capacity = Decimal(capacity)
        offer.save()
    for min_quantity, unit_price in tiers:
        PriceTier.objects.get_or_create(
            offer=offer, min_quantity=Decimal(min_quantity), defaults={"unit_price": Decimal(unit_price)}
        )
    for code, place in incoterms:
        OfferIncoterm.objects.get_or_create(
            offer=offer, incoterm=Incoterm.objects.get(code=code), named_place=place
        )
