"""Filters of browse, category and search pages, applied by the search backend."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalog.reference.models import Incoterm
from catalog.specs.models import BatterySpec, ChemicalSpec
from search.backends import ProductQuery
from search.backends.database import DatabaseBackend
from tests.factories import SupplierFactory
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db
ProductClass = get_model("catalogue", "ProductClass")
OfferIncoterm = get_model("partner", "OfferIncoterm")


@pytest.fixture
def catalogue(supplier):
    chemical = ProductClass.objects.get(slug="chemical")
    battery = ProductClass.objects.get(slug="battery")
    methanol = offered_product(partner=supplier.partner, title="Methanol", product_class=chemical)
    ChemicalSpec.objects.create(
        product=methanol, cas_number="67-56-1", un_number="UN1230", transport_class="3", packing_group="II"
    )
    pvc = offered_product(partner=supplier.partner, title="PVC resin", product_class=chemical)
    ChemicalSpec.objects.create(product=pvc, cas_number="9002-86-2")
    other = SupplierFactory(name="Kangbashi Battery")
    cell = offered_product(partner=other.partner, title="LFP cell", product_class=battery)
    BatterySpec.objects.create(
        product=cell,
        chemistry="LFP",
        form="cell",
        watt_hours=Decimal("896"),
        voltage=3.2,
        amp_hours=280,
        un_number="UN3480",
    )
    OfferIncoterm.objects.create(
        offer=pvc.stockrecords.get(), incoterm=Incoterm.objects.get(code="FCA"), named_place="Erenhot"
    )
    return {"methanol": methanol, "pvc": pvc, "cell": cell, "battery_supplier": other}


def titles(query: ProductQuery) -> list[str]:
    results = DatabaseBackend().search(query)
    return sorted(hit.object.title for hit in results[0 : results.count()])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"product_class": "chemical"}, ["Methanol", "PVC resin"]),
        ({"product_class": "battery"}, ["LFP cell"]),
        ({"incoterm": "FCA"}, ["PVC resin"]),
        ({"dangerous_goods": True}, ["LFP cell", "Methanol"]),
        ({"dangerous_goods": False}, ["PVC resin"]),
        ({"product_class": "chemical", "dangerous_goods": True}, ["Methanol"]),
    ],
)
def test_the_backend_applies_each_filter(catalogue, filters, expected):
    assert titles(ProductQuery(**filters)) == expected


def test_the_supplier_filter(catalogue):
    partner_id = catalogue["battery_supplier"].partner.pk

    assert titles(ProductQuery(supplier_id=partner_id)) == ["LFP cell"]


def test_the_catalogue_page_filters_from_its_query_string(client, catalogue):
    response = client.get(reverse("catalogue:index"), {"product_class": "chemical", "dangerous_goods": "no"})

    assert [hit.object.title for hit in response.context["products"]] == ["PVC resin"]
    assert response.context["form"].active_filters == ["product_class", "dangerous_goods"]
    assert "Clear" in response.content.decode()


def test_search_keeps_the_text_and_applies_filters(client, catalogue):
    response = client.get(reverse("search:search"), {"q": "methanol", "product_class": "battery"})

    assert response.context["paginator"].count == 0
    assert "No products match your search" in response.content.decode()


def test_a_bad_filter_value_is_reported_and_the_rest_still_applies(client, catalogue):
    response = client.get(reverse("catalogue:index"), {"product_class": "spaceship", "incoterm": "FCA"})

    assert [hit.object.title for hit in response.context["products"]] == ["PVC resin"]
    assert "product_class" in response.context["form"].errors
    assert "errorlist" in response.content.decode()
