"""Browse, category, search and product pages, with their query counts.

The counts are the same for 1 and 48 products: pending index updates, the rates, the known
words (typo check), the count, the page's ids, the products and their prefetches (options,
offers with partners, units and tiers, images, translations), every facet count in one
statement, the facet values' names, the category tree and the header's currencies.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db


def query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def chemicals_in_category(supplier, count: int, start: int = 0):
    chemicals = create_from_breadcrumbs("Chemicals")
    products = [
        offered_product(partner=supplier.partner, title=f"Chemical grade {i:02d}")
        for i in range(start, start + count)
    ]
    for product in products:
        product.categories.add(chemicals)
    return chemicals, products


@pytest.mark.parametrize("page", ["catalogue", "category", "search"])
def test_list_pages_make_as_many_queries_for_48_products_as_for_1(client, supplier, page):
    chemicals, products = chemicals_in_category(supplier, 1)
    urls = {
        "catalogue": reverse("catalogue:index") + "?page_size=48",
        "category": chemicals.get_absolute_url() + "?page_size=48",
        "search": reverse("search:search") + "?q=chemical&page_size=48",
    }
    client.get(urls[page])  # warm per-process caches (site, content types)
    one = query_count(client, urls[page])

    chemicals_in_category(supplier, 47, start=1)

    response = client.get(urls[page])
    assert len(response.context["products"]) == 48
    assert query_count(client, urls[page]) == one
    assert one <= 24


def test_the_product_page_makes_as_many_queries_in_a_big_catalogue(client, supplier):
    from tests.factories.catalogue import StockRecordFactory

    _, (product,) = chemicals_in_category(supplier, 1)
    client.get(product.get_absolute_url())
    alone = query_count(client, product.get_absolute_url())

    chemicals_in_category(supplier, 47, start=1)
    StockRecordFactory(product=product, partner=supplier.partner, packaging="160 kg drums")

    assert query_count(client, product.get_absolute_url()) == alone
    assert alone <= 20


@pytest.fixture
def many_products(supplier):
    chemicals = create_from_breadcrumbs("Chemicals")
    products = [offered_product(partner=supplier.partner, title=f"Chemical grade {i:02d}") for i in range(30)]
    for product in products:
        product.categories.add(chemicals)
    return chemicals, products


def test_the_catalogue_paginates(client, many_products):
    response = client.get(reverse("catalogue:index"))

    assert response.status_code == 200
    assert response.context["paginator"].count == 30
    assert len(response.context["products"]) == 24
    assert client.get(reverse("catalogue:index") + "?page=2").context["products"][0].object.title


def test_a_bad_page_number_redirects_with_a_message(client, many_products):
    response = client.get(reverse("catalogue:index") + "?page=99", follow=True)

    assert response.redirect_chain[-1][0] == reverse("catalogue:index")
    assert "invalid" in str(list(response.context["messages"])[0])


def test_search_finds_methanol(client, supplier):
    methanol = offered_product(partner=supplier.partner, title="Methanol 99.85%")
    offered_product(partner=supplier.partner, title="PVC resin")

    response = client.get(reverse("search:search"), {"q": "methanol"})

    assert [hit.object for hit in response.context["results"]] == [methanol]
    assert methanol.get_absolute_url() in response.content.decode()


def test_search_without_results_says_so(client, supplier):
    response = client.get(reverse("search:search"), {"q": "uranium"})

    assert response.status_code == 200
    assert response.context["paginator"].count == 0


def test_a_category_page_lists_its_products(client, many_products):
    chemicals, _ = many_products

    response = client.get(chemicals.get_absolute_url())

    assert response.context["category"] == chemicals
    assert response.context["paginator"].count == 30


def test_a_category_with_a_stale_slug_redirects(client, many_products):
    chemicals, _ = many_products

    response = client.get(reverse("catalogue:category", kwargs={"category_slug": "old", "pk": chemicals.pk}))

    assert response.status_code == 301
    assert response.url == chemicals.get_absolute_url()


def test_a_product_page_renders(client, supplier):
    product = offered_product(partner=supplier.partner, title="Methanol 99.85%")

    response = client.get(product.get_absolute_url())

    assert response.status_code == 200
    assert "Methanol 99.85%" in response.content.decode()


def test_products_of_unverified_suppliers_are_not_listed(client, supplier):
    from marketplace.accounts.models import VerificationStatus
    from tests.factories import SupplierFactory

    pending = SupplierFactory(verification_status=VerificationStatus.UNVERIFIED)
    offered_product(partner=supplier.partner, title="Methanol from a verified plant")
    offered_product(partner=pending.partner, title="Methanol from an unverified plant")

    response = client.get(reverse("search:search"), {"q": "methanol"})

    assert [hit.object.title for hit in response.context["results"]] == ["Methanol from a verified plant"]


def test_a_bad_page_number_keeps_the_search(client, supplier):
    offered_product(partner=supplier.partner, title="Methanol")

    response = client.get(reverse("search:search"), {"q": "methanol", "sort_by": "newest", "page": "9"})

    assert response.status_code == 302
    assert response.url == reverse("search:search") + "?q=methanol&sort_by=newest"


def test_basket_and_checkout_are_not_mounted_yet(client, supplier):
    product = offered_product(partner=supplier.partner, title="Methanol")

    assert client.get("/catalog/basket/").status_code == 404
    assert client.get("/catalog/checkout/").status_code == 404
    page = client.get(product.get_absolute_url()).content.decode()
    assert "Verified supplier" in page and supplier.name in page
    assert "add_to_basket_form" not in page
