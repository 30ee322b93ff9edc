"""Live blocks follow the catalogue: only listed products, gone as soon as one is unpublished.

The catalogue version is bumped after commit (catalog/versioning.py), so each change runs its
on-commit callbacks, as a real request's commit does.
"""

import pytest

from catalog.models import ProductStatus
from tests.factories.catalogue import offered_product
from tests.factories.cms import belt_page, featured_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(supplier, methanol_category):
    products = {
        "methanol": offered_product(partner=supplier.partner, title="Methanol AA grade"),
        "glycol": offered_product(partner=supplier.partner, title="Ethylene glycol"),
        "draft": offered_product(partner=supplier.partner, title="Dimethyl ether", is_public=False),
    }
    for product in products.values():
        product.categories.add(methanol_category)
    return products


def test_a_search_block_shows_only_published_products_and_drops_an_unpublished_one(
    client, home_page, listings, methanol_category, django_capture_on_commit_callbacks
):
    belt = belt_page(
        home=home_page, categories=[methanol_category], body=[featured_block(heading="Top picks")]
    )
    before = client.get(belt.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        listings["methanol"].status = ProductStatus.RETIRED
        listings["methanol"].save()
    after = client.get(belt.url).content.decode()

    assert "Methanol AA grade" in before and "Ethylene glycol" in before
    assert "Dimethyl ether" not in before
    assert "Methanol AA grade" not in after
    assert "Ethylene glycol" in after


def test_a_block_of_chosen_products_drops_an_unpublished_one(
    client, home_page, listings, methanol_category, django_capture_on_commit_callbacks
):
    chosen = [listings["glycol"].pk, listings["methanol"].pk, listings["draft"].pk]
    belt = belt_page(
        home=home_page,
        categories=[],
        body=[featured_block(heading="Chosen", products=chosen)],
    )

    first = client.get(belt.url).context["page"]
    html = client.get(belt.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        listings["glycol"].status = ProductStatus.RETIRED
        listings["glycol"].save()
    later = client.get(belt.url).content.decode()

    assert first.body[0].block_type == "featured_products"
    assert html.index("Ethylene glycol") < html.index("Methanol AA grade")  # the editor's order
    assert "Dimethyl ether" not in html
    assert "Ethylene glycol" not in later and "Methanol AA grade" in later


def test_a_search_block_uses_words_and_filters(client, home_page, listings, methanol_category):
    belt = belt_page(
        home=home_page,
        categories=[methanol_category],
        body=[featured_block(heading="Methanol only", query="methanol", filters="dangerous_goods=no")],
    )

    html = client.get(belt.url).content.decode()

    block = html.split('class="cms-block cms-block-featured_products"')[1].split("</section>")[0]
    assert "Methanol AA grade" in block
    assert "Ethylene glycol" not in block
    assert "Ethylene glycol" in html  # the page's own grid shows the whole belt


def test_key_figures_count_the_belt_and_follow_unpublishing(
    client, home_page, listings, methanol_category, django_capture_on_commit_callbacks
):
    figures = {"type": "key_figures", "value": {"heading": "In numbers", "show_live": True, "figures": []}}
    belt = belt_page(home=home_page, categories=[methanol_category], body=[figures])

    before = client.get(belt.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        listings["glycol"].status = ProductStatus.RETIRED
        listings["glycol"].save()
    after = client.get(belt.url).content.decode()

    assert '<strong class="key-figure">1</strong><span>verified suppliers</span>' in before
    assert '<strong class="key-figure">2</strong><span>listed products</span>' in before
    assert '<strong class="key-figure">1</strong><span>listed products</span>' in after


def test_the_supplier_cluster_lists_verified_suppliers_of_the_belt(
    client, home_page, listings, methanol_category
):
    from marketplace.accounts.models import VerificationStatus
    from tests.factories import SupplierFactory

    unverified = SupplierFactory(
        name="Unverified Coal Co.", verification_status=VerificationStatus.UNVERIFIED
    )
    offered_product(partner=unverified.partner, title="Unverified methanol").categories.add(methanol_category)
    other_belt = SupplierFactory(name="Golden Fleece Cashmere")
    offered_product(partner=other_belt.partner, title="Cashmere fibre")
    cluster = {"type": "supplier_cluster", "value": {"heading": "Suppliers", "categories": [], "limit": 6}}
    belt = belt_page(home=home_page, categories=[methanol_category], body=[cluster])

    html = client.get(belt.url).content.decode()

    assert listings["methanol"].supplier.name in html
    assert "Unverified Coal Co." not in html
    assert "Golden Fleece Cashmere" not in html
