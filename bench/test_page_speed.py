"""Page speed on PostgreSQL with a catalogue of realistic size: `make bench`.

Prints the median and 95th percentile of each page; asserts nothing about time.
"""

import statistics
import time

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import SupplierFactory

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

PRODUCTS = 5000
RUNS = 30
WORDS = [
    "Methanol",
    "PVC resin",
    "Polypropylene",
    "Caustic soda",
    "LFP cell",
    "PV module",
    "Cashmere",
    "Spirulina",
]


@pytest.fixture
def big_catalogue(db):
    partner = SupplierFactory().partner
    product_class = ProductClass.objects.create(name="Chemical", slug="chemical")
    products = Product.objects.bulk_create(
        Product(
            title=f"{WORDS[i % len(WORDS)]} grade {i}",
            slug=f"product-{i}",
            upc=f"BENCH-{i:06d}",
            structure="standalone",
            is_public=True,
            status="published",
            product_class=product_class,
            supplier=partner,
            description="Industrial goods made in Ordos. " * 5,
        )
        for i in range(PRODUCTS)
    )
    StockRecord.objects.bulk_create(
        StockRecord(
            product=product, partner=partner, partner_sku=product.upc, price=100 + i % 900, num_in_stock=10
        )
        for i, product in enumerate(products)
    )


def measure(client, url: str) -> tuple[float, float]:
    client.get(url)  # warm caches
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


@pytest.mark.benchmark
def test_page_speed(client, big_catalogue):
    pages = {
        "home": "/",
        "catalogue": reverse("catalogue:index"),
        "catalogue page 50": reverse("catalogue:index") + "?page=50",
        "search 'methanol'": reverse("search:search") + "?q=methanol",
        "search 'lfp cell' by price": reverse("search:search") + "?q=lfp+cell&sort_by=price-asc",
    }
    print(f"\n{PRODUCTS} products, {RUNS} runs each (ms)")
    for name, url in pages.items():
        median, p95 = measure(client, url)
        print(f"  {name:<30} median {median:7.1f}   p95 {p95:7.1f}")
