import pytest
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from search.backends import ProductQuery
from search.backends.base import SortBy
from search.backends.database import DatabaseBackend
from tests.factories.catalogue import ProductFactory, offered_product

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [hit.object.title for hit in results[0 : results.count()]]


@pytest.fixture
def catalogue(supplier):
    partner = supplier.partner
    return {
        "methanol": offered_product(
            partner=partner, title="Methanol 99.85%", price="285", description="CAS 67-56-1, UN1230"
        ),
        "pvc": offered_product(
            partner=partner, title="PVC resin SG-5", price="720", description="Suspension PVC for pipes"
        ),
        "sweater": offered_product(
            partner=partner,
            title="Cashmere sweater",
            price="64",
            description="Knitted in Ordos; not methanol-resistant",
        ),
    }


def test_every_term_must_match_and_title_matches_rank_first(catalogue):
    results = DatabaseBackend().search(ProductQuery(text="methanol"))

    assert titles(results) == ["Methanol 99.85%", "Cashmere sweater"]
    assert titles(DatabaseBackend().search(ProductQuery(text="methanol UN1230"))) == ["Methanol 99.85%"]


def test_an_empty_query_browses_everything_and_hidden_products_never_show(catalogue):
    ProductFactory(title="Hidden methanol", is_public=False)

    assert DatabaseBackend().search(ProductQuery()).count() == 4 - 1


@pytest.mark.parametrize(
    ("sort_by", "expected"),
    [
        (SortBy.PRICE_ASC, ["Cashmere sweater", "Methanol 99.85%", "PVC resin SG-5"]),
        (SortBy.PRICE_DESC, ["PVC resin SG-5", "Methanol 99.85%", "Cashmere sweater"]),
        (SortBy.TITLE_ASC, ["Cashmere sweater", "Methanol 99.85%", "PVC resin SG-5"]),
        (SortBy.TITLE_DESC, ["PVC resin SG-5", "Methanol 99.85%", "Cashmere sweater"]),
        (SortBy.NEWEST, ["Cashmere sweater", "PVC resin SG-5", "Methanol 99.85%"]),
    ],
)
def test_sorting(catalogue, sort_by, expected):
    assert titles(DatabaseBackend().search(ProductQuery(sort_by=sort_by))) == expected


def test_a_category_includes_its_subcategories(catalogue):
    chemicals = create_from_breadcrumbs("Chemicals")
    polymers = create_from_breadcrumbs("Chemicals > Polymers")
    catalogue["methanol"].categories.add(chemicals)
    catalogue["pvc"].categories.add(polymers)
    chemicals.refresh_from_db()  # treebeard reads numchild from the instance
    category_ids = tuple(chemicals.get_descendants_and_self().values_list("pk", flat=True))

    results = DatabaseBackend().search(ProductQuery(category_ids=category_ids, sort_by=SortBy.TITLE_ASC))

    assert titles(results) == ["Methanol 99.85%", "PVC resin SG-5"]


def test_a_product_with_several_offers_appears_once(catalogue, supplier):
    from tests.factories.catalogue import StockRecordFactory

    # Variants of one supplier's product (another packaging) are further offers of the product.
    StockRecordFactory(product=catalogue["methanol"], partner=supplier.partner, price=300)

    assert titles(DatabaseBackend().search(ProductQuery(text="methanol 99.85"))) == ["Methanol 99.85%"]


def test_status_reports_the_backend_and_its_database():
    assert DatabaseBackend().status() == {"backend": "database", "ok": True, "vendor": "postgresql"}
