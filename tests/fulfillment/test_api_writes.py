"""Fulfillment API writes: making a shipment (for an order or a booking, with lines and legs), adding
a leg, and shipping and delivering an outbound order, with the page's checks and permissions."""

import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from marketplace.fulfillment.models import OutboundStatus, Shipment, ShipmentLeg, StockLot, TransportMode
from marketplace.fulfillment.services.shipments import add_leg, create_shipment
from marketplace.fulfillment.services.warehouse import (
    OutboundBuyer,
    Pick,
    ReceivedLine,
    create_inbound_notice,
    create_outbound_order,
    receive_inbound,
)
from marketplace.orders.models import OrderStatus
from tests.factories import ServiceFirmFactory, SupplierFactory, member_of
from tests.factories.fulfillment import details, packed_order_lines

pytestmark = pytest.mark.django_db


def api_for(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def _eta(days: int) -> str:
    return (timezone.now() + timedelta(days=days)).isoformat()


def shipment_body(order, **overrides) -> dict:
    body = {
        "order": order.number,
        "carrier": "Erenhot TIR Logistics",
        "carrier_code": "0702960999",
        "waybill_number": "ERL0000777",
        "lines": [
            {
                "line": line.pk,
                "quantity": "60",
                "package_count": 12,
                "package_kind": "IBC",
                "net_weight_kg": "60000",
                "gross_weight_kg": "60600",
            }
            for line in order.lines.all()
        ],
        "legs": [
            {"mode": "road", "origin": "Ordos", "destination": "Erenhot", "arrival_planned": _eta(2)},
            {
                "mode": "road",
                "origin": "Erenhot",
                "destination": "Ulaanbaatar",
                "carrier": "Zamyn-Uud Trans",
                "reference": "CMR-1",
                "departure_planned": _eta(3),
                "arrival_planned": _eta(5),
            },
        ],
    }
    return {**body, **overrides}


def _written() -> tuple[int, int]:
    return Shipment.objects.count(), ShipmentLeg.objects.count()


URL = "fulfillment-api:shipments"


# --- POST /api/v1/shipments/ -------------------------------------------------------------------


def test_the_supplier_makes_a_shipment_with_lines_and_legs_and_the_order_proposes_the_rest(
    order, supplier_admin
):
    response = api_for(supplier_admin).post(reverse(URL), shipment_body(order), format="json")

    assert response.status_code == 201
    body = response.json()
    shipment = Shipment.objects.get()
    assert body["number"] == shipment.number and body["order"] == order.number
    assert (body["status"], body["origin"], body["destination_country"]) == ("planned", "Ordos", "MN")
    assert (shipment.currency, shipment.incoterm.code, shipment.freight) == ("USD", "FCA", Decimal("0.00"))
    assert [(row["quantity"], row["package_count"], row["un_number"]) for row in body["lines"]] == [
        ("60.000", 12, "UN1230")
    ]
    assert [(leg["sequence"], leg["origin"], leg["destination"]) for leg in body["legs"]] == [
        (1, "Ordos", "Erenhot"),
        (2, "Erenhot", "Ulaanbaatar"),
    ]


def test_a_shipment_for_a_booking_by_the_authorised_firm(booking, authorised_firm_user):
    line = booking.lines.get()
    body = {
        "booking": booking.pk,
        "carrier": "Trans-Siberian Rail Cargo",
        "waybill_number": "RW-881",
        "lines": [
            {
                "line": line.pk,
                "quantity": "40",
                "package_count": 40,
                "net_weight_kg": "40000",
                "gross_weight_kg": "40800",
            }
        ],
    }

    response = api_for(authorised_firm_user).post(reverse(URL), body, format="json")

    assert response.status_code == 201
    assert response.json()["booking"] == booking.number and response.json()["order"] is None
    shipment = Shipment.objects.get()
    assert (shipment.destination_country, shipment.destination) == (
        "RU",
        f"{booking.warehouse.name}, Novosibirsk",
    )
    assert response.json()["legs"] == []


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        (
            {"destination_country": "XX", "currency": "us"},
            {"destination_country": ["Choose a country from the list."]},
        ),
        ({"carrier": ""}, {"carrier": ["This field may not be blank."]}),
        ({"lines": []}, {"lines": {"non_field_errors": ["This list may not be empty."]}}),
    ],
)
def test_bad_shipment_details_are_refused_by_field_and_nothing_is_written(
    order, supplier_admin, change, errors
):
    response = api_for(supplier_admin).post(reverse(URL), shipment_body(order, **change), format="json")

    assert response.status_code == 400
    assert response.json() == errors
    assert _written() == (0, 0)


def test_net_above_gross_and_more_than_left_to_ship_are_the_pages_checks(order, supplier_admin):
    body = shipment_body(order)
    heavy = {**body, "lines": [{**body["lines"][0], "net_weight_kg": "70000"}]}
    too_much = {**body, "lines": [{**body["lines"][0], "quantity": "101"}]}
    negative = {**body, "lines": [{**body["lines"][0], "package_count": -1}]}

    refused = [api_for(supplier_admin).post(reverse(URL), data, format="json") for data in (heavy, too_much)]
    form_refused = api_for(supplier_admin).post(reverse(URL), negative, format="json")

    assert [response.status_code for response in refused] == [400, 400]
    assert "at most the gross weight" in refused[0].json()["lines"][0]
    assert "only 100 left to ship" in refused[1].json()["lines"][0]
    assert form_refused.status_code == 400
    assert form_refused.json() == {
        "lines": {"0": {"package_count": ["Ensure this value is greater than or equal to 0."]}}
    }
    assert _written() == (0, 0)


def test_bad_legs_are_refused_and_nothing_is_written(order, supplier_admin):
    body = shipment_body(order)
    backwards = {**body["legs"][1], "departure_planned": _eta(9)}
    unknown_mode = {**body["legs"][0], "mode": "camel"}

    late = api_for(supplier_admin).post(reverse(URL), {**body, "legs": [backwards]}, format="json")
    camel = api_for(supplier_admin).post(reverse(URL), {**body, "legs": [unknown_mode]}, format="json")

    assert late.status_code == 400 and late.json() == {
        "legs": ["Leg 1: The ETA is before the planned departure."]
    }
    assert camel.status_code == 400 and camel.json() == {
        "legs": {"0": {"mode": ['"camel" is not a valid choice.']}}
    }
    assert _written() == (0, 0)


def test_a_line_of_another_order_is_refused(order, supplier_admin, booking):
    body = shipment_body(order)
    body["lines"][0]["line"] = booking.lines.get().pk + 100_000

    response = api_for(supplier_admin).post(reverse(URL), body, format="json")

    assert response.status_code == 400
    assert response.json() == {"lines": ["Every line must come from the shipment's order or booking."]}
    assert _written() == (0, 0)


def test_who_may_make_a_shipment(
    order, supplier_admin, buyer_user, firm_user, authorised_firm_user, operator
):
    url, body = reverse(URL), shipment_body(order)
    rival = member_of(SupplierFactory(name="Rival plant"))
    unauthorised = member_of(ServiceFirmFactory(name="Unauthorised firm"))

    buyer = api_for(buyer_user).post(url, body, format="json")
    rival_response = api_for(rival).post(url, body, format="json")
    outsider = api_for(unauthorised).post(url, body, format="json")
    assert (buyer.status_code, rival_response.status_code, outsider.status_code) == (403, 404, 404)
    assert _written() == (0, 0)

    partial = {**body, "lines": [{**body["lines"][0], "quantity": "30"}], "legs": []}
    by_firm = api_for(authorised_firm_user).post(url, partial, format="json")
    by_operator = api_for(operator).post(url, partial, format="json")
    assert (by_firm.status_code, by_operator.status_code) == (201, 201)
    assert Shipment.objects.filter(order=order).count() == 2


def test_an_order_or_booking_of_another_company_is_not_found(order, booking):
    rival = api_for(member_of(SupplierFactory(name="Rival plant")))

    by_order = rival.post(reverse(URL), shipment_body(order), format="json")
    by_booking = rival.post(
        reverse(URL), {**shipment_body(order), "order": "", "booking": booking.pk}, format="json"
    )
    neither = rival.post(reverse(URL), {**shipment_body(order), "order": ""}, format="json")

    assert (by_order.status_code, by_booking.status_code) == (404, 404)
    assert neither.status_code == 400 and neither.json() == {
        "non_field_errors": ["Give either an order or a booking."]
    }


# --- POST /api/v1/shipments/{id}/legs/ --------------------------------------------------------------


@pytest.fixture
def shipment(order, supplier_admin):
    return create_shipment(order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order))


def test_a_leg_is_added_after_the_last(shipment, supplier_admin):
    add_leg(
        shipment=shipment,
        by=supplier_admin,
        mode=TransportMode.ROAD,
        origin="Ordos",
        destination="Erenhot",
        arrival_planned=timezone.now() + timedelta(days=2),
    )
    url = reverse("fulfillment-api:shipment-legs", args=[shipment.pk])

    response = api_for(supplier_admin).post(
        url,
        {
            "mode": "rail",
            "origin": "Erenhot",
            "destination": "Moscow",
            "reference": "SMGS-42",
            "arrival_planned": _eta(20),
        },
        format="json",
    )

    assert response.status_code == 201
    assert (response.json()["sequence"], response.json()["mode"], response.json()["reference"]) == (
        2,
        "rail",
        "SMGS-42",
    )
    assert list(shipment.legs.values_list("sequence", "destination")) == [(1, "Erenhot"), (2, "Moscow")]


def test_a_bad_leg_is_refused_by_field(shipment, supplier_admin):
    url = reverse("fulfillment-api:shipment-legs", args=[shipment.pk])
    leg = {"mode": "rail", "origin": "Erenhot", "destination": "Moscow", "arrival_planned": _eta(2)}

    backwards = api_for(supplier_admin).post(url, {**leg, "departure_planned": _eta(5)}, format="json")
    missing = api_for(supplier_admin).post(url, {"mode": "rail"}, format="json")

    assert backwards.status_code == 400
    assert backwards.json() == {"arrival_planned": ["The ETA is before the planned departure."]}
    assert missing.status_code == 400 and set(missing.json()) == {"origin", "destination", "arrival_planned"}
    assert shipment.legs.count() == 0


def test_only_the_shipments_managers_add_legs(shipment, buyer_user, firm_user, authorised_firm_user):
    url = reverse("fulfillment-api:shipment-legs", args=[shipment.pk])
    leg = {"mode": "air", "origin": "Ordos", "destination": "Frankfurt", "arrival_planned": _eta(2)}

    buyer = api_for(buyer_user).post(url, leg, format="json")
    unauthorised = api_for(member_of(ServiceFirmFactory(name="Unauthorised firm"))).post(
        url, leg, format="json"
    )
    rival = api_for(member_of(SupplierFactory(name="Rival plant"))).post(url, leg, format="json")
    assert (buyer.status_code, unauthorised.status_code, rival.status_code) == (403, 404, 404)
    assert shipment.legs.count() == 0

    assert api_for(authorised_firm_user).post(url, leg, format="json").status_code == 201


# --- POST /api/v1/outbound-orders/{id}/ship/ and .../delivered/ ----------------------------------


@pytest.fixture
def outbound(order, booking, released_declaration, supplier_admin, warehouse):
    """Goods sold from warehouse stock to the order's buyer through the platform."""
    notice = create_inbound_notice(
        booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10)
    )
    receive_inbound(
        notice=notice,
        by=supplier_admin,
        received=[ReceivedLine(line=notice.lines.get(), quantity=Decimal(40))],
    )
    return create_outbound_order(
        warehouse=warehouse,
        buyer=OutboundBuyer(order=order),
        picks=[Pick(lot=StockLot.objects.get(), quantity=Decimal(10))],
        by=supplier_admin,
    )


def test_shipping_and_delivering_an_outbound_order_moves_its_order(outbound, order, authorised_firm_user):
    api = api_for(authorised_firm_user)
    pod = SimpleUploadedFile("pod.pdf", b"%PDF-1.4 signed delivery note", content_type="application/pdf")

    shipped = api.post(reverse("fulfillment-api:outbound-order-ship", args=[outbound.pk]), {}, format="json")
    order.refresh_from_db()
    assert shipped.status_code == 200 and shipped.json()["status"] == OutboundStatus.SHIPPED
    assert order.status == OrderStatus.SHIPPED

    delivered = api.post(
        reverse("fulfillment-api:outbound-order-delivered", args=[outbound.pk]),
        {"received_by_name": "B. Bat-Erdene", "document": pod},
        format="multipart",
    )

    order.refresh_from_db()
    outbound.refresh_from_db()
    assert delivered.status_code == 200 and delivered.json()["received_by_name"] == "B. Bat-Erdene"
    assert delivered.json()["status"] == OutboundStatus.DELIVERED and outbound.proof_of_delivery
    assert order.status == OrderStatus.COMPLETED  # fully paid up front: delivery completes it


def test_outbound_steps_out_of_order_or_without_a_signer_are_refused(outbound, supplier_admin):
    api = api_for(supplier_admin)
    ship_url = reverse("fulfillment-api:outbound-order-ship", args=[outbound.pk])
    deliver_url = reverse("fulfillment-api:outbound-order-delivered", args=[outbound.pk])

    too_early = api.post(deliver_url, {"received_by_name": "B. Bat-Erdene"}, format="json")
    api.post(ship_url, {}, format="json")
    twice = api.post(ship_url, {}, format="json")
    unsigned = api.post(deliver_url, {"received_by_name": ""}, format="json")
    not_a_pdf = api.post(
        deliver_url,
        {"received_by_name": "B. Bat-Erdene", "document": SimpleUploadedFile("pod.pdf", b"MZ not a pdf")},
        format="multipart",
    )

    outbound.refresh_from_db()
    assert too_early.status_code == 400
    assert too_early.json() == {"detail": ["Only goods that left the warehouse can be delivered."]}
    assert twice.status_code == 400 and twice.json() == {
        "detail": ["This outbound order already left the warehouse."]
    }
    assert unsigned.status_code == 400 and list(unsigned.json()) == ["received_by_name"]
    assert not_a_pdf.status_code == 400 and list(not_a_pdf.json()) == ["document"]
    assert outbound.status == OutboundStatus.SHIPPED and outbound.received_by_name == ""


def test_who_may_ship_and_deliver_an_outbound_order(outbound, order, buyer_user):
    ship_url = reverse("fulfillment-api:outbound-order-ship", args=[outbound.pk])
    deliver_url = reverse("fulfillment-api:outbound-order-delivered", args=[outbound.pk])
    rival = api_for(member_of(SupplierFactory(name="Rival plant")))
    unauthorised = api_for(member_of(ServiceFirmFactory(name="Unauthorised firm")))

    buyer = api_for(buyer_user).post(ship_url, {}, format="json")  # sees its outbound order, may not ship it

    assert buyer.status_code == 403
    assert rival.post(ship_url, {}, format="json").status_code == 404
    assert unauthorised.post(deliver_url, {"received_by_name": "X"}, format="json").status_code == 404
    outbound.refresh_from_db()
    order.refresh_from_db()
    assert (outbound.status, order.status) == (OutboundStatus.OPEN, OrderStatus.READY_TO_SHIP)
