"""Search speed on PostgreSQL with 100,000 realistic products: `make bench`.

Runs each query through the database backend (text match, count, first page of 24 with
its products, and three facet counts: category, product class, supplier), and the same
query the way a stock Oscar shop without a search server does it (haystack's simple
backend: ``icontains`` over the same fields, each facet counted by its own query).
Prints p50/p95 of both and their ratio; the target for the backend is p95 ≤ 60 ms.
"""

import os
import random
import statistics
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from catalog.reference import seed
from catalog.reference.models import ExchangeRate, HSCode, Incoterm, Unit
from catalog.selectors import browsable_products
from catalog.specs.models import ChemicalSpec, TradeSpec
from catalog.translation.models import ProductTranslation
from search.backends.base import ProductQuery
from search.backends.database import DatabaseBackend
from search.models import SynonymGroup
from search.synonyms import seed_synonyms
from tests.factories import SupplierFactory

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
OfferIncoterm = get_model("partner", "OfferIncoterm")

PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", 100_000))
RUNS = 5
# BENCH_STOCK=0 skips the slow icontains comparison while tuning the backend.
STOCK = os.environ.get("BENCH_STOCK", "1") != "0"
FACETS = ("category", "product_class", "supplier")

# (class, category path, HS code, English name, Russian name, Chinese name, CAS, UN, transport class)
GOODS = [
    (
        "chemical",
        "Chemicals > Alcohols",
        "2905110000",
        "Methanol",
        "Метанол",
        "甲醇",
        "67-56-1",
        "UN1230",
        "3",
    ),
    (
        "chemical",
        "Chemicals > Polymers",
        "3902100090",
        "Polypropylene",
        "Полипропилен",
        "聚丙烯",
        "9003-07-0",
        "",
        "",
    ),
    (
        "chemical",
        "Chemicals > Polymers",
        "3904109090",
        "PVC resin",
        "Смола ПВХ",
        "聚氯乙烯树脂",
        "9002-86-2",
        "",
        "",
    ),
    (
        "chemical",
        "Chemicals > Alkalis",
        "2815110000",
        "Caustic soda",
        "Каустическая сода",
        "烧碱",
        "1310-73-2",
        "UN1823",
        "8",
    ),
    (
        "chemical",
        "Chemicals > Inorganic",
        "2849100000",
        "Calcium carbide",
        "Карбид кальция",
        "电石",
        "75-20-7",
        "UN1402",
        "4.3",
    ),
    ("chemical", "Chemicals > Fertilisers", "3102100090", "Urea", "Карбамид", "尿素", "57-13-6", "", ""),
    (
        "chemical",
        "Chemicals > Alcohols",
        "2905310000",
        "Ethylene glycol",
        "Этиленгликоль",
        "乙二醇",
        "107-21-1",
        "",
        "",
    ),
    (
        "chemical",
        "Chemicals > Coal tar",
        "2708100000",
        "Coal tar pitch",
        "Каменноугольный пек",
        "煤沥青",
        "65996-93-2",
        "",
        "",
    ),
    (
        "battery",
        "New energy > Batteries",
        "8507600090",
        "LFP cell",
        "LFP элемент",
        "磷酸铁锂电芯",
        "",
        "UN3480",
        "9",
    ),
    (
        "battery",
        "New energy > Batteries",
        "8507600020",
        "Battery pack",
        "Аккумуляторный блок",
        "电池包",
        "",
        "UN3480",
        "9",
    ),
    (
        "pv-module",
        "New energy > Solar",
        "8541430000",
        "PV module",
        "Солнечный модуль",
        "光伏组件",
        "",
        "",
        "",
    ),
    ("vehicle", "Vehicles > Trucks", "8701210000", "Tractor truck", "Седельный тягач", "牵引车", "", "", ""),
    (
        "vehicle",
        "Vehicles > Mining",
        "8703801090",
        "Electric passenger car",
        "Электромобиль",
        "电动汽车",
        "",
        "",
        "",
    ),
    (
        "textile",
        "Textiles > Cashmere",
        "5102110000",
        "Cashmere fibre",
        "Кашемировое волокно",
        "羊绒纤维",
        "",
        "",
        "",
    ),
    (
        "textile",
        "Textiles > Knitwear",
        "5102192000",
        "Cashmere sweater",
        "Кашемировый свитер",
        "羊绒衫",
        "",
        "",
        "",
    ),
    (
        "food",
        "Food > Spirulina",
        "2102200000",
        "Spirulina powder",
        "Порошок спирулины",
        "螺旋藻粉",
        "",
        "",
        "",
    ),
    ("food", "Food > Herbs", "1211903600", "Licorice root", "Корень солодки", "甘草根", "", "", ""),
]
GRADES = [
    "industrial grade",
    "AR grade",
    "premium",
    "export grade",
    "99.9%",
    "98%",
    "type A",
    "SG-5",
    "T30S",
    "HD",
]
PACKAGING = ["25 kg bags", "ISO tank", "1 t jumbo bags", "200 l drums", "pallets", "bulk", "cartons"]
INCOTERMS = ["FCA", "CPT", "DAP", "EXW", "FOB"]

QUERIES = [
    "methanol",
    "methanol industrial grade",
    "polypropylene",
    "PP T30S",
    "PVC resin SG-5",
    "caustic soda",
    "sodium hydroxide",
    "calcium carbide",
    "urea",
    "ethylene glycol",
    "LFP cell",
    "lithium iron phosphate",
    "PV module",
    "solar panel",
    "tractor truck",
    "cashmere sweater",
    "spirulina powder",
    "67-56-1",
    "2905",
    "UN1230",
    "метанол",
    "甲醇",
    "methanl",
    "polypropylen premium",
]
# Stock Oscar with haystack's simple backend: icontains on each field, every word must match.
ICONTAINS_FIELDS = [
    "title",
    "description",
    "upc",
    "translations__title",
    "translations__search_text",
    "chemical_spec__cas_number",
    "chemical_spec__un_number",
    "trade_spec__hs_code__code",
    "trade_spec__hs_code__description",
    "supplier__name",
]


def _reference_data():
    if not HSCode.objects.exists():
        seed.load_reference_data(apps)
        seed.load_product_classes(apps)
    if not SynonymGroup.objects.exists():
        seed_synonyms(apps)
    ExchangeRate.objects.create(
        base_id="USD", quote_id="CNY", rate=Decimal("7.10"), valid_from=timezone.now() - timedelta(days=1)
    )


def _products(rng: random.Random, suppliers, classes, categories) -> list:
    now = timezone.now()
    products = []
    for i in range(PRODUCTS):
        good = GOODS[i % len(GOODS)]
        grade, packing = rng.choice(GRADES), rng.choice(PACKAGING)
        products.append(
            Product(
                title=f"{good[3]} {grade} {i}",
                slug=f"bench-{i}",
                upc=f"BENCH-{i:06d}",
                structure="standalone",
                is_public=True,
                status="published",
                product_class=classes[good[0]],
                supplier=suppliers[i % len(suppliers)],
                priority=rng.randint(0, 3),
                description=f"{good[3]} {grade}, packed in {packing}. Made in Ordos, Inner Mongolia; "
                f"shipped by rail via Erenhot or by sea from Tianjin. Lot {rng.randint(1000, 9999)}.",
                date_created=now - timedelta(minutes=i),
            )
        )
    return Product.objects.bulk_create(products, batch_size=2000)


@pytest.fixture
def big_catalogue(transactional_db):
    # Committed and vacuumed, as a live catalogue is: rows an open transaction wrote are
    # slower to read (no hint bits, GIN entries still in the pending list).
    return build_big_catalogue()


def build_big_catalogue() -> float:
    """Write the benchmark catalogue and index it; returns the indexing time in seconds.

    Also callable from ``manage.py shell`` to keep the data in a database for EXPLAIN ANALYZE.
    """
    rng = random.Random(2026)
    _reference_data()
    suppliers = [SupplierFactory(name=f"Ordos Supplier {n:02d}").partner for n in range(20)]
    classes = {pc.slug: pc for pc in ProductClass.objects.all()}
    categories = {good[1]: create_from_breadcrumbs(good[1]) for good in GOODS}
    units, hs = Unit.objects.get(code="t"), {code.code: code for code in HSCode.objects.all()}
    incoterms = {term.code: term for term in Incoterm.objects.all()}
    products = _products(rng, suppliers, classes, categories)
    offers = StockRecord.objects.bulk_create(
        (
            StockRecord(
                product=product,
                partner_id=product.supplier_id,
                partner_sku=f"SKU-{i:06d}",
                price=Decimal(rng.randint(50, 5000)),
                price_currency="CNY" if i % 4 == 0 else "USD",
                minimum_order_quantity=Decimal(rng.choice([1, 5, 20, 25, 100, 500])),
                lead_time_days=rng.choice([5, 7, 10, 14, 21, 30, 45, 60, 90]),
                num_in_stock=0,
            )
            for i, product in enumerate(products)
        ),
        batch_size=2000,
    )
    OfferIncoterm.objects.bulk_create(
        (
            OfferIncoterm(offer=offer, incoterm=incoterms[code], named_place="Erenhot")
            for offer in offers
            for code in rng.sample(INCOTERMS, rng.randint(1, 2))
        ),
        batch_size=5000,
    )
    ProductCategory.objects.bulk_create(
        (
            ProductCategory(product=p, category=categories[GOODS[i % len(GOODS)][1]])
            for i, p in enumerate(products)
        ),
        batch_size=5000,
    )
    TradeSpec.objects.bulk_create(
        (
            TradeSpec(
                product=p,
                hs_code=hs[GOODS[i % len(GOODS)][2]],
                commercial_unit=units,
                net_weight_kg=Decimal(1000),
                gross_weight_kg=Decimal(1010),
                packaging=rng.choice(PACKAGING),
            )
            for i, p in enumerate(products)
            if GOODS[i % len(GOODS)][2] in hs
        ),
        batch_size=5000,
    )
    ChemicalSpec.objects.bulk_create(
        (
            ChemicalSpec(
                product=p,
                cas_number=good[6],
                un_number=good[7],
                transport_class=good[8],
                packing_group="II" if good[7] else "",
            )
            for i, p in enumerate(products)
            if (good := GOODS[i % len(GOODS)])[6]
        ),
        batch_size=5000,
    )
    ProductTranslation.objects.bulk_create(
        (
            ProductTranslation(
                product=p, language=language, title=f"{name} {i}", search_text=f"{name.lower()} {i}"
            )
            for i, p in enumerate(products)
            if i % 3 == 0
            for language, name in (("ru", GOODS[i % len(GOODS)][4]), ("zh-hans", GOODS[i % len(GOODS)][5]))
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner sees the rows this transaction wrote
    start = time.perf_counter()
    DatabaseBackend().rebuild()
    indexing = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return indexing


def backend_search(backend, text: str):
    results = backend.search(ProductQuery(text=text, facets=FACETS))
    count = results.count()
    hits = results[0:24]
    facets = results.facet_counts()
    return count, hits, facets


def icontains_search(text: str):
    """What haystack's simple backend does for Oscar: icontains per word, facets one by one."""
    products = browsable_products()
    for word in text.split():
        matches = Q()
        for field in ICONTAINS_FIELDS:
            matches |= Q(**{f"{field}__icontains": word})
        products = products.filter(pk__in=Product.objects.filter(matches).values("pk"))
    count = products.count()
    hits = list(products.order_by("-date_created", "-pk")[:24])
    base = Product.objects.filter(pk__in=products.values("pk"))
    facets = {
        "category": list(base.values("categories").annotate(n=Count("pk"))),
        "product_class": list(base.values("product_class").annotate(n=Count("pk"))),
        "supplier": list(base.values("supplier").annotate(n=Count("pk"))),
    }
    return count, hits, facets


def measure(run) -> tuple[list[float], dict]:
    counts, timings = {}, []
    for text in QUERIES:
        counts[text] = run(text)[0]  # warm-up, and the count for the table
        for _ in range(RUNS):
            start = time.perf_counter()
            run(text)
            timings.append((time.perf_counter() - start) * 1000)
    return timings, counts


def percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


@pytest.mark.benchmark
def test_search_speed(big_catalogue):
    backend = DatabaseBackend()
    ours, our_counts = measure(lambda text: backend_search(backend, text))
    ours_p50, ours_p95 = percentiles(ours)
    print(f"\n{PRODUCTS} products on PostgreSQL; indexed in {big_catalogue:.0f} s")
    print(f"{len(QUERIES)} queries x {RUNS} runs, each with count, page of 24 and facets {', '.join(FACETS)}")
    print(f"  database backend     p50 {ours_p50:7.1f} ms   p95 {ours_p95:7.1f} ms   (target p95 <= 60 ms)")
    assert all(our_counts[text] for text in QUERIES)
    if not STOCK:
        return
    stock, stock_counts = measure(icontains_search)
    stock_p50, stock_p95 = percentiles(stock)
    print(f"  {'query':<28} {'found (backend)':>16} {'found (icontains)':>18}")
    for text in QUERIES:
        print(f"  {text:<28} {our_counts[text]:>16} {stock_counts[text]:>18}")
    print(f"  stock Oscar icontains p50 {stock_p50:7.1f} ms   p95 {stock_p95:7.1f} ms")
    print(f"  ratio (icontains / backend): p50 {stock_p50 / ours_p50:.1f}x   p95 {stock_p95 / ours_p95:.1f}x")
