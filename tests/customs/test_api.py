"""Customs API: create from an order or a booking, validate, state, XML, receipts; permissions."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from marketplace.customs.models import Declaration, OverseasWarehouse
from tests.factories import CompanyFactory, ServiceFirmFactory, member_of
from tests.factories.customs import complete, order_for, warehouse_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(buyer, buyer_user, supplier, polypropylene):
    return order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)


def api_for(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_a_firm_declares_validates_and_files_through_the_api(order, firm_member):
    api = api_for(firm_member)

    created = api.post(reverse("customs-api:declarations"), {"order": order.number}, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    problems = api.post(reverse("customs-api:declaration-validate", args=[pk])).json()
    assert problems["valid"] is False
    assert {"field": "waybill_number", "message": "Give the waybill number."} in problems["problems"]
    refused = api.post(
        reverse("customs-api:declaration-state", args=[pk]), {"action": "ready"}, format="json"
    )
    assert refused.status_code == 400 and refused.json()["problems"]

    complete(Declaration.objects.get(pk=pk), user=firm_member)
    ready = api.post(reverse("customs-api:declaration-state", args=[pk]), {"action": "ready"}, format="json")
    xml = api.get(reverse("customs-api:declaration-xml", args=[pk, "ceb303"]))
    submitted = api.post(
        reverse("customs-api:declaration-state", args=[pk]), {"action": "submit"}, format="json"
    )
    receipt = api.post(
        reverse("customs-api:declaration-receipts", args=[pk]),
        {"message": "CEB304", "return_status": "120"},
        format="json",
    )

    assert ready.json()["status"] == "ready"
    assert xml.status_code == 200 and b"<ceb:orderType>B</ceb:orderType>" in xml.content
    assert submitted.json()["status"] == "submitted"
    assert receipt.status_code == 201 and receipt.json()[0]["return_status"] == "120"
    assert api.get(reverse("customs-api:declaration", args=[pk])).json()["order_message_status"] == "120"


def test_an_out_of_order_receipt_is_a_400(order, supplier_admin):
    api = api_for(supplier_admin)
    pk = api.post(reverse("customs-api:declarations"), {"order": order.number}, format="json").json()["id"]

    response = api.post(
        reverse("customs-api:declaration-receipts", args=[pk]),
        {"message": "CEB604", "return_status": "800"},
        format="json",
    )

    assert response.status_code == 400


def test_an_unauthorised_firm_cannot_see_or_declare(order, supplier_admin):
    outsider = api_for(member_of(ServiceFirmFactory()))
    pk = (
        api_for(supplier_admin)
        .post(reverse("customs-api:declarations"), {"order": order.number}, format="json")
        .json()["id"]
    )

    assert outsider.get(reverse("customs-api:declarations")).json()["results"] == []
    assert outsider.get(reverse("customs-api:declaration", args=[pk])).status_code == 404
    assert (
        outsider.post(reverse("customs-api:declarations"), {"order": order.number}, format="json").status_code
        == 404
    )


def test_the_buyer_sees_status_only_and_cannot_declare(order, supplier_admin, buyer_user):
    pk = (
        api_for(supplier_admin)
        .post(reverse("customs-api:declarations"), {"order": order.number}, format="json")
        .json()["id"]
    )
    buyer = api_for(buyer_user)

    listed = buyer.get(reverse("customs-api:declarations")).json()["results"]

    assert listed == [
        {
            "id": pk,
            "number": Declaration.objects.get(pk=pk).number,
            "mode": "9710",
            "order": order.number,
            "status": "draft",
        }
    ]
    assert (
        buyer.post(reverse("customs-api:declarations"), {"order": order.number}, format="json").status_code
        == 403
    )


def test_the_buyer_gets_its_own_declaration_without_customs_reasons(order, supplier_admin, buyer_user):
    pk = (
        api_for(supplier_admin)
        .post(reverse("customs-api:declarations"), {"order": order.number}, format="json")
        .json()["id"]
    )
    Declaration.objects.filter(pk=pk).update(rejection_reason="Declared value below the market price")
    other_buyer = api_for(member_of(CompanyFactory()))

    own = api_for(buyer_user).get(reverse("customs-api:declaration", args=[pk]))
    foreign = other_buyer.get(reverse("customs-api:declaration", args=[pk]))

    assert own.status_code == 200
    assert own.json() == {
        "id": pk,
        "number": Declaration.objects.get(pk=pk).number,
        "mode": "9710",
        "order": order.number,
        "status": "draft",
    }
    assert foreign.status_code == 404


def test_the_buyer_cannot_validate_move_export_or_record_receipts(order, supplier_admin, buyer_user):
    created = api_for(supplier_admin).post(
        reverse("customs-api:declarations"), {"order": order.number}, format="json"
    )
    pk = created.json()["id"]
    buyer = api_for(buyer_user)

    answers = [
        buyer.post(reverse("customs-api:declaration-validate", args=[pk])).status_code,
        buyer.post(reverse("customs-api:declaration-state", args=[pk]), {"action": "cancel"}).status_code,
        buyer.get(reverse("customs-api:declaration-xml", args=[pk, "CEB303"])).status_code,
        buyer.get(reverse("customs-api:declaration-receipts", args=[pk])).status_code,
        buyer.post(
            reverse("customs-api:declaration-receipts", args=[pk]),
            {"message": "CEB304", "return_status": "120"},
            format="json",
        ).status_code,
    ]

    assert answers == [404, 404, 404, 404, 404]
    declaration = Declaration.objects.get(pk=pk)
    assert (declaration.status, declaration.receipts.count()) == ("draft", 0)


def test_anonymous_callers_are_refused():
    assert APIClient().get(reverse("customs-api:declarations")).status_code in (401, 403)


def test_warehouses_bookings_and_licences(supplier, supplier_admin, polypropylene):
    api = api_for(supplier_admin)
    warehouse = api.post(
        reverse("customs-api:warehouses"),
        {
            "supplier": supplier.pk,
            "name": "UB Hub",
            "country": "MN",
            "city": "Ulaanbaatar",
            "address": "Khan-Uul 3",
            "area_m2": "800",
            "kind": "leased",
            "operator_name": "UB Logistics",
            "lease_start": "2026-01-01",
            "lease_end": "2027-12-31",
        },
        format="json",
    )
    assert warehouse.status_code == 201 and warehouse.json()["registration_status"] == "pending"
    booking_line = {
        "product": polypropylene.pk,
        "quantity": "1",
        "unit": "t",
        "unit_price": "900",
        "currency": "USD",
        "net_weight_kg": "1000",
        "gross_weight_kg": "1010",
    }
    refused = api.post(
        reverse("customs-api:bookings"),
        {
            "supplier": supplier.pk,
            "warehouse": warehouse.json()["id"],
            "destination_country": "MN",
            "lines": [booking_line],
        },
        format="json",
    )
    assert refused.status_code == 400 and "not registered" in str(refused.json()["warehouse"])
    registered = warehouse_for(supplier=supplier, country="MN")
    booked = api.post(
        reverse("customs-api:bookings"),
        {
            "supplier": supplier.pk,
            "warehouse": registered.pk,
            "destination_country": "MN",
            "lines": [booking_line],
        },
        format="json",
    )
    assert booked.status_code == 201, booked.json()
    licence = api.post(
        reverse("customs-api:licences"),
        {
            "supplier": supplier.pk,
            "number": "EL-2026-1",
            "kind": "export",
            "hs_code": "3902100090",
            "quantity": "1",
            "unit": "t",
            "valid_from": "2026-01-01",
            "valid_until": "2026-06-30",
        },
        format="json",
    )
    assert licence.status_code == 201, licence.json()
    outsider = api_for(member_of(ServiceFirmFactory()))
    assert outsider.get(reverse("customs-api:warehouses")).json()["results"] == []
    assert outsider.get(reverse("customs-api:bookings")).json()["results"] == []
    assert outsider.get(reverse("customs-api:licences")).json()["results"] == []
    assert OverseasWarehouse.objects.count() == 2


def test_a_booking_is_declared_under_9810_through_the_api(supplier, supplier_admin, polypropylene):
    from tests.factories.customs import booking_for

    booking = booking_for(
        supplier=supplier,
        user=supplier_admin,
        warehouse=warehouse_for(supplier=supplier),
        product=polypropylene,
    )

    response = api_for(supplier_admin).post(
        reverse("customs-api:declarations"), {"booking": booking.pk}, format="json"
    )

    assert response.status_code == 201
    assert (response.json()["mode"], response.json()["booking"]) == ("9810", booking.number)
