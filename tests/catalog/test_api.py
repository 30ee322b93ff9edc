from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.apps.catalogue.categories import create_from_breadcrumbs

from catalog.reference.models import HSCode, Unit
from catalog.specs.models import BatterySpec, ChemicalSpec, TradeSpec
from marketplace.accounts.models import VerificationStatus
from tests.factories import SupplierFactory
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db


def chemical(*, partner, title, hs, cas, un="", transport_class="", packing_group=""):
    product = offered_product(partner=partner, title=title)
    TradeSpec.objects.create(
        product=product,
        hs_code=HSCode.objects.get(code=hs),
        commercial_unit=Unit.objects.get(code="t"),
        net_weight_kg=Decimal("1000"),
        gross_weight_kg=Decimal("1010"),
    )
    ChemicalSpec.objects.create(
        product=product,
        cas_number=cas,
        un_number=un,
        transport_class=transport_class,
        packing_group=packing_group,
    )
    return product


@pytest.fixture
def catalogue(supplier):
    methanol = chemical(
        partner=supplier.partner,
        title="Methanol",
        hs="2905110000",
        cas="67-56-1",
        un="UN1230",
        transport_class="3",
        packing_group="II",
    )
    pp = chemical(partner=supplier.partner, title="Polypropylene", hs="3902100090", cas="9003-07-0")
    other = SupplierFactory(name="Kangbashi Battery")
    cell = offered_product(partner=other.partner, title="LFP cell")
    BatterySpec.objects.create(
        product=cell,
        chemistry="LFP",
        form="cell",
        watt_hours=896,
        voltage=3.2,
        amp_hours=280,
        un_number="UN3480",
    )
    return {"methanol": methanol, "pp": pp, "cell": cell, "battery_supplier": other}


def titles(response) -> list[str]:
    return sorted(product["title"] for product in response.json()["results"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["LFP cell", "Methanol", "Polypropylene"]),
        ({"hs": "2905"}, ["Methanol"]),
        ({"cas": "67-56-1"}, ["Methanol"]),
        ({"un": "UN1230"}, ["Methanol"]),
        ({"un": "3480"}, ["LFP cell"]),
        ({"cas": "50-00-0"}, []),
    ],
)
def test_products_can_be_filtered_without_logging_in(client, catalogue, query, expected):
    response = client.get(reverse("catalog-api:products"), query)

    assert response.status_code == 200
    assert titles(response) == expected


def test_filter_by_supplier_class_and_category(client, catalogue):
    chemicals = create_from_breadcrumbs("Chemicals")
    polymers = create_from_breadcrumbs("Chemicals > Polymers")
    catalogue["pp"].categories.add(polymers)

    by_supplier = client.get(reverse("catalog-api:products"), {"supplier": catalogue["battery_supplier"].pk})
    by_class = client.get(reverse("catalog-api:products"), {"class": catalogue["cell"].product_class.slug})
    by_category = client.get(reverse("catalog-api:products"), {"category": chemicals.pk})

    assert titles(by_supplier) == ["LFP cell"]
    assert titles(by_class) == ["LFP cell"]
    assert titles(by_category) == ["Polypropylene"]


def test_a_product_carries_its_offers_and_typed_specs(client, catalogue, supplier):
    response = client.get(reverse("catalog-api:product", args=[catalogue["methanol"].pk]))

    body = response.json()
    assert body["offers"] == [
        {
            "supplier_id": supplier.pk,
            "supplier": supplier.name,
            "sku": body["offers"][0]["sku"],
            "price": "100.00",
            "currency": "USD",
            "unit": None,
            "minimum_order_quantity": "1.000",
            "lead_time_days": None,
            "price_tiers": [],
            "incoterms": [],
        }
    ]
    assert body["trade_spec"]["hs_code"] == "2905110000"
    assert body["chemical_spec"]["un_number"] == "UN1230"
    assert body["chemical_spec"]["is_dangerous_goods"] is True
    assert body["battery_spec"] is None and body["vehicle_spec"] is None


def test_products_of_unverified_suppliers_are_not_served(client, catalogue):
    pending = SupplierFactory(verification_status=VerificationStatus.UNVERIFIED)
    hidden = offered_product(partner=pending.partner, title="Unverified methanol")

    assert "Unverified methanol" not in titles(client.get(reverse("catalog-api:products")))
    assert client.get(reverse("catalog-api:product", args=[hidden.pk])).status_code == 404


def test_page_size_is_capped_at_100(client, supplier):
    for index in range(3):
        offered_product(partner=supplier.partner, title=f"Grade {index}")

    response = client.get(reverse("catalog-api:products"), {"page_size": 2})
    capped = client.get(reverse("catalog-api:products"), {"page_size": 1000})

    assert len(response.json()["results"]) == 2 and response.json()["next"]
    assert len(capped.json()["results"]) == 3


def test_the_query_count_does_not_grow_with_the_page(client, supplier, django_assert_max_num_queries):
    chemical(partner=supplier.partner, title="Only one", hs="2905110000", cas="67-56-1")
    with django_assert_max_num_queries(13) as one:
        client.get(reverse("catalog-api:products"))
    for index in range(47):
        chemical(partner=supplier.partner, title=f"Grade {index}", hs="2905110000", cas="67-56-1")

    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("catalog-api:products"), {"page_size": 48})

    assert len(response.json()["results"]) == 48


def test_the_supplier_directory_lists_verified_suppliers_only(client, supplier):
    SupplierFactory(name="Pending Plant", verification_status=VerificationStatus.UNVERIFIED)

    listing = client.get(reverse("catalog-api:suppliers")).json()
    detail = client.get(reverse("catalog-api:supplier", args=[supplier.pk])).json()

    assert [row["name"] for row in listing["results"]] == [supplier.name]
    assert detail == {
        "id": supplier.pk,
        "name": supplier.name,
        "country": "CN",
        "city": "",
        "verification_status": "verified",
    }
