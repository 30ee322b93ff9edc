"""Suppliers write their own products through the API, with the forms' validation."""

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from catalog.specs.models import ChemicalSpec
from tests.factories import SupplierFactory, member_of
from tests.factories.catalogue import offered_product

pytestmark = pytest.mark.django_db

METHANOL = {
    "title": "Methanol 99.9%",
    "upc": "API-MEOH-01",
    "product_class": "chemical",
    "description": "Refined methanol, AA grade.",
    "trade_spec": {
        "hs_code": "2905110000",
        "commercial_unit": "t",
        "net_weight_kg": "1000",
        "gross_weight_kg": "1000",
        "origin_country": "CN",
        "packaging": "ISO tank",
    },
    "chemical_spec": {
        "cas_number": "67-56-1",
        "purity_percent": "99.9",
        "un_number": "UN1230",
        "transport_class": "3",
        "subsidiary_class": "6.1",
        "packing_group": "II",
    },
    "translations": {"ru": {"title": "Метанол 99,9%"}, "zh-hans": {"title": "甲醇 99.9%"}},
}


def api_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_supplier_creates_a_chemical_with_its_specs(supplier, supplier_admin):
    response = api_as(supplier_admin).post(reverse("catalog-api:products"), METHANOL, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["supplier_id"] == supplier.pk
    assert body["chemical_spec"]["cas_number"] == "67-56-1"
    assert body["names"] == {"en": "Methanol 99.9%", "ru": "Метанол 99,9%", "zh-hans": "甲醇 99.9%"}
    assert body["trade_spec"]["commercial_unit"] == "t"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"chemical_spec": {**METHANOL["chemical_spec"], "cas_number": "67-56-2"}},
            "chemical_spec",
            "check digit",
        ),
        ({"chemical_spec": {**METHANOL["chemical_spec"], "un_number": "UN12"}}, "chemical_spec", "UN"),
        (
            {"chemical_spec": {**METHANOL["chemical_spec"], "transport_class": "", "packing_group": ""}},
            "chemical_spec",
            "packing group",
        ),
        ({"trade_spec": {**METHANOL["trade_spec"], "hs_code": "2905"}}, "trade_spec", "HS"),
        ({"trade_spec": {**METHANOL["trade_spec"], "gross_weight_kg": "900"}}, "trade_spec", "gross"),
        ({"trade_spec": {**METHANOL["trade_spec"], "commercial_unit": "barrel"}}, "trade_spec", "unit"),
        ({"product_class": "spaceship"}, "product_class", "product type"),
        ({"vehicle_spec": {"make": "Steppe"}}, "vehicle_spec", "has no"),
        ({"chemical_spec": None}, "chemical_spec", None),
    ],
)
def test_invalid_specs_are_refused_with_field_errors(supplier_admin, change, field, message):
    payload = {key: value for key, value in {**METHANOL, **change}.items() if value is not None}

    response = api_as(supplier_admin).post(reverse("catalog-api:products"), payload, format="json")

    assert response.status_code == 400
    errors = response.json()
    assert field in errors
    if message:
        assert message.lower() in str(errors[field]).lower()
    assert not ChemicalSpec.objects.exists()  # nothing half-written


def test_the_check_digit_message_names_the_right_digit(supplier_admin):
    payload = {**METHANOL, "chemical_spec": {**METHANOL["chemical_spec"], "cas_number": "67-56-2"}}

    errors = api_as(supplier_admin).post(reverse("catalog-api:products"), payload, format="json").json()

    assert errors["chemical_spec"]["cas_number"] == ["CAS 67-56-2: the check digit should be 1."]


def test_a_supplier_updates_its_own_product_and_not_another(supplier, supplier_admin):
    created = api_as(supplier_admin).post(reverse("catalog-api:products"), METHANOL, format="json").json()
    url = reverse("catalog-api:product", kwargs={"pk": created["id"]})

    changed = api_as(supplier_admin).patch(
        url, {"chemical_spec": {**METHANOL["chemical_spec"], "purity_percent": "99.95"}}, format="json"
    )
    other_admin = member_of(SupplierFactory(name="Other chemicals"))
    refused = api_as(other_admin).patch(url, {"title": "Stolen"}, format="json")

    assert changed.status_code == 200
    assert Decimal(changed.json()["chemical_spec"]["purity_percent"]) == Decimal("99.95")
    assert refused.status_code == 404
    assert api_as(supplier_admin).get(url).json()["title"] == "Methanol 99.9%"


def test_buyers_and_anonymous_users_cannot_write(client, buyer_user, supplier):
    product = offered_product(partner=supplier.partner, title="Methanol")
    url = reverse("catalog-api:product", kwargs={"pk": product.pk})

    assert (
        api_as(buyer_user).post(reverse("catalog-api:products"), METHANOL, format="json").status_code == 403
    )
    assert api_as(buyer_user).patch(url, {"title": "X"}, format="json").status_code == 403
    assert client.post(
        reverse("catalog-api:products"), METHANOL, content_type="application/json"
    ).status_code in (
        401,
        403,
    )
    product.refresh_from_db()
    assert product.title == "Methanol"


def test_changing_the_class_requires_the_new_spec_and_drops_the_old(supplier_admin):
    created = api_as(supplier_admin).post(reverse("catalog-api:products"), METHANOL, format="json").json()
    url = reverse("catalog-api:product", kwargs={"pk": created["id"]})

    refused = api_as(supplier_admin).patch(url, {"product_class": "battery"}, format="json")
    battery = {
        "chemistry": "LFP",
        "form": "cell",
        "watt_hours": "896",
        "voltage": "3.2",
        "amp_hours": "280",
        "un_number": "UN3480",
    }
    accepted = api_as(supplier_admin).patch(
        url, {"product_class": "battery", "battery_spec": battery}, format="json"
    )

    assert refused.status_code == 400 and "battery_spec" in refused.json()
    assert accepted.status_code == 200
    assert accepted.json()["chemical_spec"] is None and accepted.json()["battery_spec"]["chemistry"] == "LFP"
