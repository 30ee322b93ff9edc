"""Shipments: dangerous goods from the catalog, tracking events moving the order once and in order,
legs, and the waybill data a shipment gives its declaration."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from marketplace.core.models import AuditEvent
from marketplace.customs.models import DeclarationStatus
from marketplace.fulfillment.models import EventKind, ShipmentStatus, TrackingEvent, TransportMode
from marketplace.fulfillment.services.shipments import (
    EventDetails,
    add_leg,
    cancel_shipment,
    create_shipment,
    record_tracking_event,
)
from marketplace.fulfillment.services.waybill import fill_declaration_waybill
from marketplace.orders.models import OrderStatus
from tests.factories.fulfillment import declaration_for, details, packed_order_lines

pytestmark = pytest.mark.django_db


def _event(kind, *, minutes_ago=60, **extra):
    return EventDetails(kind=kind, occurred_at=timezone.now() - timedelta(minutes=minutes_ago), **extra)


def _order_events(order):
    return list(
        AuditEvent.objects.filter(subject_id=str(order.pk), verb__in=["order.shipped", "order.delivered"])
        .order_by("pk")
        .values_list("verb", flat=True)
    )


def test_a_shipment_copies_hs_code_and_dangerous_goods_data_from_the_catalog(order, supplier_admin):
    shipment = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order)
    )

    line = shipment.lines.get()
    assert (line.hs_code, line.un_number, line.transport_class, line.packing_group) == (
        "2905110000",
        "UN1230",
        "3",
        "II",
    )
    assert (line.quantity, line.package_count, line.unit_price, line.currency) == (
        Decimal("100.000"),
        20,
        Decimal("275.0000"),
        "USD",
    )
    assert shipment.status == ShipmentStatus.PLANNED and shipment.supplier == order.supplier.company
    assert shipment.incoterm.code == "FCA" and shipment.named_place == "Erenhot"


def test_a_shipment_cannot_carry_more_than_the_order_left_to_ship(order, supplier_admin):
    create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order, quantity="60")
    )

    with pytest.raises(ValidationError) as refused:
        create_shipment(
            order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order, quantity="41")
        )

    assert "only 40 left to ship" in refused.value.messages[0]
    assert order.shipments.count() == 1


def test_net_weight_above_gross_is_refused(order, supplier_admin):
    with pytest.raises(ValidationError) as refused:
        create_shipment(
            order=order,
            by=supplier_admin,
            details=details(),
            lines=packed_order_lines(order, net="2000", gross="1000"),
        )

    assert "at most the gross weight" in refused.value.messages[0]
    assert order.shipments.count() == 0


def test_events_ship_then_deliver_the_order_exactly_once(order, supplier_admin, buyer_user):
    shipment = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order)
    )
    leg = add_leg(
        shipment=shipment,
        by=supplier_admin,
        mode=TransportMode.ROAD,
        origin="Ordos",
        destination="Ulaanbaatar",
        arrival_planned=timezone.now() + timedelta(days=3),
    )

    with pytest.raises(ValidationError):  # delivery before departure is out of order
        record_tracking_event(shipment=shipment, by=supplier_admin, event=_event(EventKind.DELIVERED))
    record_tracking_event(
        shipment=shipment, by=supplier_admin, event=_event(EventKind.DEPARTED, minutes_ago=90)
    )
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
    with pytest.raises(ValidationError):  # leaving the factory twice
        record_tracking_event(shipment=shipment, by=supplier_admin, event=_event(EventKind.DEPARTED))
    record_tracking_event(
        shipment=shipment,
        by=supplier_admin,
        event=_event(EventKind.BORDER, minutes_ago=50, location="Erenhot"),
    )
    record_tracking_event(
        shipment=shipment, by=supplier_admin, event=_event(EventKind.DELIVERED, minutes_ago=10)
    )
    with pytest.raises(ValidationError):  # closed
        record_tracking_event(shipment=shipment, by=supplier_admin, event=_event(EventKind.LOCATION))

    order.refresh_from_db()
    shipment.refresh_from_db()
    leg.refresh_from_db()
    assert order.status == OrderStatus.COMPLETED  # fully paid up front: delivery completes it
    assert _order_events(order) == ["order.shipped", "order.delivered"]
    assert shipment.status == ShipmentStatus.DELIVERED and leg.arrived_at == shipment.delivered_at
    assert list(shipment.events.values_list("kind", flat=True)) == ["departed", "border", "delivered"]


def test_the_order_is_delivered_only_when_its_last_shipment_is(order, supplier_admin):
    first = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order, quantity="60")
    )
    second = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order, quantity="40")
    )
    for shipment in (first, second):
        record_tracking_event(
            shipment=shipment, by=supplier_admin, event=_event(EventKind.DEPARTED, minutes_ago=30)
        )

    record_tracking_event(
        shipment=first, by=supplier_admin, event=_event(EventKind.DELIVERED, minutes_ago=20)
    )
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
    record_tracking_event(
        shipment=second, by=supplier_admin, event=_event(EventKind.DELIVERED, minutes_ago=10)
    )
    order.refresh_from_db()
    assert order.status == OrderStatus.COMPLETED
    assert _order_events(order) == ["order.shipped", "order.delivered"]


def test_an_unpaid_order_cannot_leave_the_factory(order, supplier_admin):
    shipment = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order)
    )
    order.status = OrderStatus.AWAITING_BALANCE
    order.save(update_fields=["status"])

    with pytest.raises(ValidationError) as refused:
        record_tracking_event(shipment=shipment, by=supplier_admin, event=_event(EventKind.DEPARTED))

    shipment.refresh_from_db()
    order.refresh_from_db()
    assert "cannot ship yet" in refused.value.messages[0]
    assert shipment.status == ShipmentStatus.PLANNED and shipment.shipped_at is None
    assert order.status == OrderStatus.AWAITING_BALANCE
    assert TrackingEvent.objects.count() == 0


def test_the_buyer_and_outsiders_cannot_record_events(order, supplier_admin, buyer_user, firm_user):
    shipment = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order)
    )

    for user in (buyer_user, firm_user):  # firm_user's firm is not authorised by the supplier
        with pytest.raises(PermissionDenied):
            record_tracking_event(shipment=shipment, by=user, event=_event(EventKind.DEPARTED))

    order.refresh_from_db()
    assert order.status == OrderStatus.READY_TO_SHIP and TrackingEvent.objects.count() == 0


def test_an_authorised_firm_ships_for_the_supplier(order, supplier_admin, authorised_firm_user):
    shipment = create_shipment(
        order=order, by=authorised_firm_user, details=details(), lines=packed_order_lines(order)
    )

    record_tracking_event(shipment=shipment, by=authorised_firm_user, event=_event(EventKind.DEPARTED))

    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED


def test_only_a_planned_shipment_can_be_cancelled(order, supplier_admin):
    shipment = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order, quantity="60")
    )
    cancel_shipment(shipment=shipment, by=supplier_admin)
    again = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order)
    )
    record_tracking_event(shipment=again, by=supplier_admin, event=_event(EventKind.DEPARTED))

    with pytest.raises(ValidationError):
        cancel_shipment(shipment=again, by=supplier_admin)

    shipment.refresh_from_db()
    assert shipment.status == ShipmentStatus.CANCELLED  # and its 60 t went back to the order
    assert again.lines.get().quantity == Decimal("100.000")


def test_a_shipment_fills_its_declarations_waybill(order, supplier_admin):
    declaration = declaration_for(order=order, by=supplier_admin)
    shipment = create_shipment(
        order=order,
        by=supplier_admin,
        details=details(waybill_number="ERL7788001", goods_description="Methanol in IBCs"),
        lines=packed_order_lines(order, packages=25, gross="101500"),
    )

    fill_declaration_waybill(shipment=shipment, by=supplier_admin)

    declaration.refresh_from_db()
    assert (
        declaration.logistics_code,
        declaration.logistics_name,
        declaration.waybill_number,
        declaration.package_count,
        declaration.gross_weight_kg,
        declaration.freight,
        declaration.insured_fee,
        declaration.waybill_currency,
        declaration.goods_description,
    ) == (
        "0702960999",
        "Erenhot TIR Logistics",
        "ERL7788001",
        25,
        Decimal("101500.000"),
        Decimal("1200.00000"),
        Decimal("85.00000"),
        "USD",
        "Methanol in IBCs",
    )


def test_a_submitted_declaration_keeps_its_waybill(order, supplier_admin):
    declaration = declaration_for(order=order, by=supplier_admin, status=DeclarationStatus.SUBMITTED)
    shipment = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order)
    )

    with pytest.raises(ValidationError):
        fill_declaration_waybill(shipment=shipment, by=supplier_admin)

    declaration.refresh_from_db()
    assert declaration.waybill_number == "" and declaration.package_count == 0


def test_batteries_and_electric_vehicles_ship_as_class_9(supplier):
    from catalog.specs.models import BatterySpec, VehicleSpec
    from marketplace.fulfillment.selectors import dangerous_goods_of
    from tests.factories.catalogue import offered_product

    cell = offered_product(partner=supplier.partner, title="LFP cell 280 Ah")
    BatterySpec.objects.create(
        product=cell,
        chemistry="LFP",
        form="cell",
        watt_hours=Decimal("896"),
        voltage=Decimal("3.2"),
        amp_hours=Decimal("280"),
        un_number="UN3480",
        un38_3_tested=True,
    )
    truck = offered_product(partner=supplier.partner, title="Electric mining truck")
    VehicleSpec.objects.create(
        product=truck,
        make="Steppe",
        model="DT60",
        model_year=2026,
        powertrain="BEV",
        battery_kwh=Decimal("350"),
    )
    diesel = offered_product(partner=supplier.partner, title="Diesel truck")
    VehicleSpec.objects.create(product=diesel, make="Steppe", model="DT40", model_year=2026, powertrain="ICE")

    found = dangerous_goods_of([cell.pk, truck.pk, diesel.pk])

    assert found[cell.pk] == {
        "un_number": "UN3480",
        "transport_class": "9",
        "packing_group": "",
        "proper_shipping_name": "LITHIUM ION BATTERIES",
    }
    assert (found[truck.pk]["un_number"], found[truck.pk]["transport_class"]) == ("UN3556", "9")
    assert diesel.pk not in found
