"""Overseas-warehouse stock (9810): inbound notice → receipt with variances → lots → outbound
orders → proof of delivery, and the trace from an outbound line back to its booking."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from catalog.documents.models import DocumentKind, ProductDocument
from marketplace.customs.models import DeclarationStatus
from marketplace.fulfillment.models import InboundStatus, OutboundStatus, StockLot
from marketplace.fulfillment.selectors import outbound_for_page, trace_outbound_line
from marketplace.fulfillment.services.warehouse import (
    OutboundBuyer,
    Pick,
    ReceivedLine,
    create_inbound_notice,
    create_outbound_order,
    receive_inbound,
    record_proof_of_delivery,
    ship_outbound,
)
from marketplace.orders.models import OrderStatus
from tests.factories.fulfillment import declaration_for

pytestmark = pytest.mark.django_db

SIBIR = OutboundBuyer(name="Sibir Chemtrade LLC", address="Krasny prospekt 1, Novosibirsk", country="RU")


def _coa(product, supplier_admin):
    from django.core.files.base import ContentFile

    return ProductDocument.objects.create(
        product=product,
        kind=DocumentKind.COA,
        version=1,
        title="COA lot L2611-01",
        file=ContentFile(b"%PDF-1.4 coa", name="coa.pdf"),
        issue_date=datetime.date(2026, 11, 1),
        uploaded_by=supplier_admin,
    )


def _received(notice, supplier_admin, quantity="40", reason=""):
    line = notice.lines.get()
    return receive_inbound(
        notice=notice,
        by=supplier_admin,
        received=[ReceivedLine(line=line, quantity=Decimal(quantity), reason=reason)],
    )


@pytest.fixture
def notice(booking, released_declaration, supplier_admin, methanol):
    _coa(methanol, supplier_admin)
    return create_inbound_notice(booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10))


@pytest.mark.parametrize(
    "status", [DeclarationStatus.READY, DeclarationStatus.REJECTED, DeclarationStatus.DETAINED]
)
def test_no_inbound_notice_before_the_booking_is_declared(booking, supplier_admin, status):
    declaration_for(booking=booking, by=supplier_admin, status=status)

    with pytest.raises(ValidationError) as refused:
        create_inbound_notice(booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10))

    assert "not declared to customs yet" in refused.value.messages[0]
    assert booking.inbound_notices.count() == 0


def test_a_submitted_booking_may_be_announced(booking, supplier_admin):
    declaration = declaration_for(booking=booking, by=supplier_admin, status=DeclarationStatus.SUBMITTED)

    notice = create_inbound_notice(
        booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10)
    )

    assert notice.declaration == declaration


def test_the_inbound_notice_lists_the_booking_with_its_lot_and_coa(notice, released_declaration):
    line = notice.lines.get()

    assert notice.declaration == released_declaration and notice.warehouse == notice.booking.warehouse
    assert (line.lot_number, line.expected_quantity, line.coa.title) == (
        "L2611-01",
        Decimal("40.000"),
        "COA lot L2611-01",
    )


def test_a_variance_needs_a_reason_and_the_lot_holds_what_arrived(notice, supplier_admin):
    with pytest.raises(ValidationError) as refused:
        _received(notice, supplier_admin, quantity="38")
    notice.refresh_from_db()
    assert notice.status == InboundStatus.EXPECTED and StockLot.objects.count() == 0
    assert list(refused.value.message_dict.values()) == [["Say why 38 were received instead of 40."]]

    _received(notice, supplier_admin, quantity="38", reason="Two IBCs damaged at Zabaikalsk, refused")

    notice.refresh_from_db()
    line = notice.lines.get()
    lot = StockLot.objects.get()
    assert notice.status == InboundStatus.RECEIVED and line.variance == Decimal("-2.000")
    assert (lot.received_quantity, lot.on_hand, lot.lot_number) == (
        Decimal("38.000"),
        Decimal("38.000"),
        "L2611-01",
    )
    assert lot.declaration == notice.declaration and lot.coa == line.coa and lot.warehouse == notice.warehouse
    with pytest.raises(ValidationError):  # received once only
        _received(notice, supplier_admin)


def test_outbound_cannot_take_more_than_the_lot_holds(notice, supplier_admin, warehouse):
    _received(notice, supplier_admin)
    lot = StockLot.objects.get()
    create_outbound_order(
        warehouse=warehouse, buyer=SIBIR, picks=[Pick(lot=lot, quantity=Decimal(30))], by=supplier_admin
    )

    with pytest.raises(ValidationError) as refused:
        create_outbound_order(
            warehouse=warehouse, buyer=SIBIR, picks=[Pick(lot=lot, quantity=Decimal(11))], by=supplier_admin
        )

    lot.refresh_from_db()
    assert refused.value.messages == ["Lot L2611-01 has only 10 t left."]
    assert lot.on_hand == Decimal("10.000") and warehouse.outbound_orders.count() == 1


def test_an_outbound_order_needs_a_buyer(notice, supplier_admin, warehouse):
    _received(notice, supplier_admin)
    lot = StockLot.objects.get()

    with pytest.raises(ValidationError) as refused:
        create_outbound_order(
            warehouse=warehouse,
            buyer=OutboundBuyer(),
            picks=[Pick(lot=lot, quantity=Decimal(1))],
            by=supplier_admin,
        )

    lot.refresh_from_db()
    assert set(refused.value.message_dict) == {"buyer_name", "buyer_address", "buyer_country"}
    assert lot.on_hand == Decimal("40.000")


def test_trace_an_outbound_line_to_its_lot_declaration_and_booking(
    notice, supplier_admin, warehouse, booking, released_declaration
):
    _received(notice, supplier_admin)
    lot = StockLot.objects.get()
    outbound = create_outbound_order(
        warehouse=warehouse, buyer=SIBIR, picks=[Pick(lot=lot, quantity=Decimal(5))], by=supplier_admin
    )

    page = outbound_for_page(user=supplier_admin, number=outbound.number)
    trace = trace_outbound_line(line=page.lines.all()[0])

    assert trace.lot == lot
    assert trace.declaration == released_declaration
    assert trace.booking == booking
    assert trace.booking_line == booking.lines.get()
    assert trace.inbound_notice == notice


def test_shipping_and_proof_of_delivery_move_a_linked_order_once(
    notice, supplier_admin, warehouse, order, buyer_user
):
    _received(notice, supplier_admin)
    lot = StockLot.objects.get()
    outbound = create_outbound_order(
        warehouse=warehouse,
        buyer=OutboundBuyer(order=order, address="Peace Avenue 10"),
        picks=[Pick(lot=lot, quantity=Decimal(40))],
        by=supplier_admin,
    )

    with pytest.raises(ValidationError):  # no delivery before it left the warehouse
        record_proof_of_delivery(outbound=outbound, by=supplier_admin, received_by_name="B. Bat")
    ship_outbound(outbound=outbound, by=supplier_admin)
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
    record_proof_of_delivery(outbound=outbound, by=supplier_admin, received_by_name="B. Bat")

    outbound.refresh_from_db()
    order.refresh_from_db()
    assert outbound.status == OutboundStatus.DELIVERED and outbound.received_by_name == "B. Bat"
    assert outbound.buyer_name == order.buyer_company.name and outbound.buyer_country == "MN"
    assert order.status == OrderStatus.COMPLETED


def test_outsiders_cannot_sell_from_the_warehouse(notice, supplier_admin, warehouse, firm_user, buyer_user):
    _received(notice, supplier_admin)
    lot = StockLot.objects.get()

    for user in (firm_user, buyer_user):
        with pytest.raises(PermissionDenied):
            create_outbound_order(
                warehouse=warehouse, buyer=SIBIR, picks=[Pick(lot=lot, quantity=Decimal(1))], by=user
            )

    lot.refresh_from_db()
    assert lot.on_hand == Decimal("40.000")
