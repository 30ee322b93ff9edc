"""Fulfillment API: shipments with legs and events (posting one moves the order), a warehouse's
stock and outbound orders, scoped to the parties."""

import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from marketplace.fulfillment.models import EventSource, StockLot, TransportMode
from marketplace.fulfillment.services.shipments import add_leg, create_shipment
from marketplace.fulfillment.services.warehouse import ReceivedLine, create_inbound_notice, receive_inbound
from marketplace.orders.models import OrderStatus
from tests.factories import CompanyFactory, ServiceFirmFactory, SupplierFactory, member_of
from tests.factories.fulfillment import details, packed_order_lines

pytestmark = pytest.mark.django_db


def api_for(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


@pytest.fixture
def shipment(order, supplier_admin):
    shipment = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order)
    )
    add_leg(
        shipment=shipment,
        by=supplier_admin,
        mode=TransportMode.RAIL,
        origin="Ordos",
        destination="Moscow",
        arrival_planned=timezone.now() + timedelta(days=14),
    )
    return shipment


@pytest.fixture
def lot(booking, released_declaration, supplier_admin):
    notice = create_inbound_notice(
        booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10)
    )
    receive_inbound(
        notice=notice,
        by=supplier_admin,
        received=[ReceivedLine(line=notice.lines.get(), quantity=Decimal(40))],
    )
    return StockLot.objects.get()


def test_the_buyer_lists_its_shipments_with_legs_and_others_see_none(
    shipment, buyer_user, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        mine = api_for(buyer_user).get(reverse("fulfillment-api:shipments")).json()
    theirs = api_for(member_of(CompanyFactory(name="Rival"))).get(reverse("fulfillment-api:shipments")).json()
    rival_supplier = api_for(member_of(SupplierFactory(name="Rival plant")))

    assert [row["number"] for row in mine["results"]] == [shipment.number]
    assert mine["results"][0]["legs"][0]["mode"] == "rail"
    assert mine["results"][0]["lines"][0]["un_number"] == "UN1230"
    assert theirs["count"] == 0
    assert rival_supplier.get(reverse("fulfillment-api:shipment", args=[shipment.pk])).status_code == 404


def test_a_carrier_event_posted_by_the_supplier_ships_the_order(shipment, order, supplier_admin, buyer_user):
    url = reverse("fulfillment-api:shipment-events", args=[shipment.pk])
    when = (timezone.now() - timedelta(hours=1)).isoformat()

    refused = api_for(buyer_user).post(url, {"kind": "departed", "occurred_at": when}, format="json")
    accepted = api_for(supplier_admin).post(
        url, {"kind": "departed", "occurred_at": when, "location": "Ordos"}, format="json"
    )
    out_of_order = api_for(supplier_admin).post(url, {"kind": "departed", "occurred_at": when}, format="json")
    wrong_leg = api_for(supplier_admin).post(
        url, {"kind": "leg_arrived", "occurred_at": when, "leg": 9}, format="json"
    )

    order.refresh_from_db()
    assert refused.status_code == 403
    assert accepted.status_code == 201 and accepted.json()["source"] == EventSource.API
    assert out_of_order.status_code == 400 and out_of_order.json() == {
        "kind": ["This shipment already left the factory."]
    }
    assert wrong_leg.status_code == 400
    assert order.status == OrderStatus.SHIPPED and shipment.events.count() == 1


def test_warehouse_stock_for_the_supplier_only(lot, warehouse, supplier_admin, buyer_user, firm_user):
    url = reverse("fulfillment-api:warehouse-stock", args=[warehouse.pk])

    stock = api_for(supplier_admin).get(url)

    assert stock.status_code == 200
    assert [(row["lot_number"], row["on_hand"]) for row in stock.json()["results"]] == [
        ("L2611-01", "40.000")
    ]
    assert api_for(buyer_user).get(url).status_code == 404
    assert api_for(firm_user).get(url).status_code == 404  # not authorised by the supplier


def test_outbound_orders_through_the_api_never_beyond_stock(lot, warehouse, authorised_firm_user):
    url = reverse("fulfillment-api:outbound-orders")
    body = {
        "warehouse": warehouse.pk,
        "buyer_name": "Kazakh Polymer LLP",
        "buyer_address": "Almaty, Al-Farabi 77",
        "buyer_country": "KZ",
        "lines": [{"lot": lot.pk, "quantity": "25"}],
    }

    created = api_for(authorised_firm_user).post(url, body, format="json")
    too_much = api_for(authorised_firm_user).post(url, body, format="json")
    outsider = api_for(member_of(ServiceFirmFactory(name="Unauthorised firm"))).post(url, body, format="json")

    lot.refresh_from_db()
    assert created.status_code == 201
    assert created.json()["lines"][0]["declaration"] == lot.declaration.number
    assert created.json()["lines"][0]["booking"] == lot.inbound_line.notice.booking.number
    assert too_much.status_code == 400 and too_much.json() == {"detail": ["Lot L2611-01 has only 15 t left."]}
    assert outsider.status_code == 400 and outsider.json() == {"warehouse": ["Unknown warehouse."]}
    assert lot.on_hand == Decimal("15.000")
    listing = api_for(authorised_firm_user).get(url).json()
    assert [row["buyer_name"] for row in listing["results"]] == ["Kazakh Polymer LLP"]
