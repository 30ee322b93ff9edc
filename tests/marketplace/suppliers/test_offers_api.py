"""Suppliers' systems create, replace and delete offers through the API, with the portal's rules."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from rest_framework.test import APIClient

from tests.catalog.test_moderation import complete_draft
from tests.factories import SupplierFactory, member_of

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")

OFFER = {
    "sku": "MEOH-DRUM",
    "price": "295.00",
    "currency": "USD",
    "unit": "t",
    "minimum_order_quantity": "10",
    "lead_time_days": 10,
    "packaging": "160 kg drums",
    "price_tiers": [{"min_quantity": "50", "unit_price": "285.00"}],
    "incoterms": [{"incoterm": "CPT", "named_place": "Moscow"}],
}


def api_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_supplier_adds_replaces_and_deletes_an_offer(supplier, supplier_admin):
    product = complete_draft(supplier.partner)
    api = api_as(supplier_admin)

    created = api.post(reverse("offers-api:product-offers", args=[product.pk]), OFFER, format="json")
    url = reverse("offers-api:offer", args=[StockRecord.objects.get(partner_sku="MEOH-DRUM").pk])
    replaced = api.put(url, {**OFFER, "price": "290.00", "price_tiers": []}, format="json")
    deleted = api.delete(url)

    assert created.status_code == 201, created.json()
    assert created.json()["price_tiers"] == [{"min_quantity": "50.000", "unit_price": "285.00"}]
    assert created.json()["incoterms"] == [{"incoterm": "CPT", "named_place": "Moscow"}]
    assert replaced.status_code == 200 and replaced.json()["price"] == "290.00"
    assert replaced.json()["price_tiers"] == []
    assert deleted.status_code == 204
    assert not StockRecord.objects.filter(partner_sku="MEOH-DRUM").exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"unit": "barrel"}, "commercial_unit"),
        ({"unit": "pcs"}, "commercial_unit"),  # does not convert to the product's tonnes
        ({"minimum_order_quantity": "-1"}, "minimum_order_quantity"),
        ({"price_tiers": [{"min_quantity": "5", "unit_price": "280.00"}]}, "tiers"),
        ({"incoterms": [{"incoterm": "XYZ", "named_place": "Moscow"}]}, "incoterms"),
    ],
)
def test_bad_offers_are_refused_with_field_errors(supplier, supplier_admin, change, field):
    product = complete_draft(supplier.partner)

    response = api_as(supplier_admin).post(
        reverse("offers-api:product-offers", args=[product.pk]), {**OFFER, **change}, format="json"
    )

    assert response.status_code == 400
    assert field in response.json()
    assert not StockRecord.objects.filter(partner_sku="MEOH-DRUM").exists()


def test_another_supplier_cannot_touch_my_offers(supplier):
    product = complete_draft(supplier.partner)
    offer = product.stockrecords.get()
    intruder = api_as(member_of(SupplierFactory(name="Other")))

    assert (
        intruder.post(
            reverse("offers-api:product-offers", args=[product.pk]), OFFER, format="json"
        ).status_code
        == 404
    )
    assert intruder.put(reverse("offers-api:offer", args=[offer.pk]), OFFER, format="json").status_code == 404
    assert intruder.delete(reverse("offers-api:offer", args=[offer.pk])).status_code == 404
    offer.refresh_from_db()
    assert offer.partner_sku != "MEOH-DRUM"
