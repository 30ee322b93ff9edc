"""Fulfillment pages: the desk, a shipment, the buyer's tracker, the order page's card, making a
shipment and recording events, the shipping documents and the warehouse pages, scoped to the parties."""

import datetime
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.customs.models import DeclarationStatus
from marketplace.fulfillment.models import EventKind, Shipment, StockLot, TransportMode
from marketplace.fulfillment.services.shipments import (
    EventDetails,
    add_leg,
    create_shipment,
    record_tracking_event,
)
from marketplace.fulfillment.services.warehouse import (
    OutboundBuyer,
    Pick,
    ReceivedLine,
    create_inbound_notice,
    create_outbound_order,
    receive_inbound,
)
from marketplace.orders.models import OrderStatus
from tests.factories import CompanyFactory, ServiceFirmFactory, SupplierFactory, member_of
from tests.factories.fulfillment import declaration_for, details, packed_order_lines

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipment(order, supplier_admin):
    shipment = create_shipment(
        order=order,
        by=supplier_admin,
        details=details(waybill_number="ERL0000123"),
        lines=packed_order_lines(order, packages=24, net="100000", gross="101250.5"),
    )
    add_leg(
        shipment=shipment,
        by=supplier_admin,
        mode=TransportMode.ROAD,
        origin="Ordos",
        destination="Erenhot",
        arrival_planned=timezone.now() - timedelta(hours=2),
    )
    add_leg(
        shipment=shipment,
        by=supplier_admin,
        mode=TransportMode.RAIL,
        origin="Erenhot",
        destination="Ulaanbaatar",
        arrival_planned=timezone.now() + timedelta(days=2),
    )
    record_tracking_event(
        shipment=shipment,
        by=supplier_admin,
        event=EventDetails(
            kind=EventKind.DEPARTED, occurred_at=timezone.now() - timedelta(hours=5), location="Ordos"
        ),
    )
    return shipment


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_each_party_sees_the_shipment_and_outsiders_do_not(
    client, shipment, buyer_user, supplier_admin, authorised_firm_user, operator
):
    for user in (buyer_user, supplier_admin, authorised_firm_user, operator):
        client.force_login(user)
        assert client.get(reverse("fulfillment:shipment", args=[shipment.number])).status_code == 200
        assert shipment.number in client.get(reverse("fulfillment:desk")).content.decode()
    outsiders = (
        member_of(CompanyFactory(name="Rival buyer")),
        member_of(SupplierFactory(name="Rival supplier")),
        member_of(
            CompanyFactory(kind="service_firm", name="Unauthorised firm", verification_status="verified")
        ),
    )
    for outsider in outsiders:
        client.force_login(outsider)
        assert client.get(reverse("fulfillment:shipment", args=[shipment.number])).status_code == 404
        assert shipment.number not in client.get(reverse("fulfillment:desk")).content.decode()
        assert (
            client.get(reverse("fulfillment:order_tracking", args=[shipment.order.number])).status_code == 404
        )


def test_the_desk_filters_searches_and_lists_late_legs(
    client, shipment, supplier_admin, django_assert_max_num_queries
):
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(12):
        in_transit = client.get(reverse("fulfillment:desk"), {"status": "in_transit", "mode": "rail"})
    delivered = client.get(reverse("fulfillment:desk"), {"status": "delivered"})
    searched = client.get(reverse("fulfillment:desk"), {"q": "ERL0000123"})
    with django_assert_max_num_queries(10):
        late = client.get(reverse("fulfillment:late"))

    assert shipment.number in in_transit.content.decode()
    assert '<td class="text-right">24</td>' in in_transit.content.decode()  # 24 packages over two legs
    assert "No shipments" in delivered.content.decode()
    assert shipment.number in searched.content.decode()
    assert "Ordos → Erenhot" in late.content.decode() and "Erenhot → Ulaanbaatar" not in late.content.decode()


def test_the_buyer_tracks_the_order_from_factory_to_delivery(
    client, shipment, order, buyer_user, supplier_admin, django_assert_max_num_queries
):
    declaration_for(order=order, by=supplier_admin, status=DeclarationStatus.RELEASED)
    client.force_login(buyer_user)

    with django_assert_max_num_queries(11):
        response = client.get(reverse("fulfillment:order_tracking", args=[order.number]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Released (800)" in page
    assert "China–Europe rail" in page and "Erenhot → <strong>Ulaanbaatar</strong>" in page
    assert "Left the factory" in page and "Late" in page


def test_the_order_page_shows_the_shipments_card(
    client, shipment, order, buyer_user, django_assert_max_num_queries
):
    client.force_login(buyer_user)

    with django_assert_max_num_queries(30):
        response = client.get(reverse("orders:detail", args=[order.number]))

    page = response.content.decode()
    assert shipment.number in page and reverse("fulfillment:order_tracking", args=[order.number]) in page
    assert (
        reverse("fulfillment:new_order_shipment", args=[order.number]) not in page
    )  # the buyer ships nothing


def test_the_shipment_page_query_count(client, shipment, supplier_admin, django_assert_max_num_queries):
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(16):
        response = client.get(reverse("fulfillment:shipment", args=[shipment.number]))

    assert response.status_code == 200 and "UN1230" in response.content.decode()


def test_the_supplier_creates_a_shipment_on_the_page(client, order, supplier_admin):
    declaration = declaration_for(order=order, by=supplier_admin)
    client.force_login(supplier_admin)
    line = order.lines.get()
    prefix = f"line-{line.pk}"

    form = client.get(reverse("fulfillment:new_order_shipment", args=[order.number]))
    response = client.post(
        reverse("fulfillment:new_order_shipment", args=[order.number]),
        {
            "carrier": "Erenhot TIR Logistics",
            "waybill_number": "ERL555",
            "origin": "Ordos",
            "destination": "Ulaanbaatar",
            "destination_country": "mn",
            "freight": "900",
            "insured_fee": "0",
            "currency": "usd",
            f"{prefix}-quantity": "100",
            f"{prefix}-package_count": "100",
            f"{prefix}-package_kind": "IBC",
            f"{prefix}-net_weight_kg": "100000",
            f"{prefix}-gross_weight_kg": "101000",
        },
    )

    shipment = Shipment.objects.get()
    assert 'value="101000' in form.content.decode()  # gross weight proposed from the catalog
    assert response.status_code == 302 and response["Location"] == reverse(
        "fulfillment:shipment", args=[shipment.number]
    )
    assert (shipment.destination_country, shipment.currency, shipment.lines.get().package_count) == (
        "MN",
        "USD",
        100,
    )
    declaration.refresh_from_db()  # the draft declaration got the new shipment's waybill
    assert (declaration.waybill_number, declaration.package_count) == ("ERL555", 100)


def test_a_bad_weight_is_shown_next_to_the_line(client, order, supplier_admin):
    client.force_login(supplier_admin)
    prefix = f"line-{order.lines.get().pk}"

    response = client.post(
        reverse("fulfillment:new_order_shipment", args=[order.number]),
        {
            "carrier": "X",
            "waybill_number": "W1",
            "origin": "Ordos",
            "destination": "Ulaanbaatar",
            "destination_country": "MN",
            "freight": "0",
            "insured_fee": "0",
            "currency": "USD",
            f"{prefix}-quantity": "100",
            f"{prefix}-package_count": "1",
            f"{prefix}-net_weight_kg": "5000",
            f"{prefix}-gross_weight_kg": "10",
        },
    )

    assert response.status_code == 200 and "at most the gross weight" in response.content.decode()
    assert Shipment.objects.count() == 0


def test_events_on_the_page_deliver_the_order_and_the_buyer_cannot_post(
    client, shipment, order, supplier_admin, buyer_user
):
    url = reverse("fulfillment:add_event", args=[shipment.number])
    when = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    client.force_login(buyer_user)
    assert client.post(url, {"kind": "delivered", "occurred_at": when}).status_code == 404

    client.force_login(supplier_admin)
    client.post(url, {"kind": "delivered", "occurred_at": when, "location": "Ulaanbaatar"})

    order.refresh_from_db()
    assert order.status == OrderStatus.COMPLETED


def test_commercial_invoice_and_packing_list_carry_packages_weights_and_hs_codes(
    client, shipment, buyer_user, methanol
):
    shipment.lines.update(description="Methanol 甲醇 99.85%")
    client.force_login(buyer_user)

    invoice = client.get(reverse("fulfillment:document", args=[shipment.number, "commercial-invoice"]))
    packing = client.get(reverse("fulfillment:document", args=[shipment.number, "packing-list"]))

    assert invoice["Content-Type"] == "application/pdf" and packing["Content-Type"] == "application/pdf"
    invoice_text, packing_text = pdf_text(invoice.content), pdf_text(packing.content)
    assert "2905110000" in invoice_text and "27,500.00 USD" in invoice_text and "FCA Erenhot" in invoice_text
    assert "Net weight: 100000 kg" in invoice_text and "Gross weight: 101250.5 kg" in invoice_text
    assert "甲醇" in packing_text and "24 IBC" in packing_text
    assert "100000" in packing_text and "101250.5" in packing_text
    assert "UN1230" in packing_text and "METHANOL" in packing_text


def _stocked(booking, supplier_admin, quantity="40"):
    notice = create_inbound_notice(
        booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10)
    )
    line = notice.lines.get()
    receive_inbound(
        notice=notice,
        by=supplier_admin,
        received=[
            ReceivedLine(line=line, quantity=Decimal(quantity), reason="short" if quantity != "40" else "")
        ],
    )
    return notice


def test_warehouse_pages_for_the_supplier_and_not_for_buyers(
    client,
    booking,
    released_declaration,
    supplier_admin,
    buyer_user,
    warehouse,
    django_assert_max_num_queries,
):
    notice = _stocked(booking, supplier_admin)
    lot = StockLot.objects.get()
    outbound = create_outbound_order(
        warehouse=warehouse,
        buyer=OutboundBuyer(name="Altai Trade", address="Barnaul", country="RU"),
        picks=[Pick(lot=lot, quantity=Decimal(4))],
        by=supplier_admin,
    )
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(10):
        stock = client.get(reverse("fulfillment:stock"), {"q": "L2611"})
    with django_assert_max_num_queries(10):
        outbound_page = client.get(reverse("fulfillment:outbound", args=[outbound.number]))
    with django_assert_max_num_queries(10):
        inbound_page = client.get(reverse("fulfillment:inbound", args=[notice.number]))
    listing = client.get(reverse("fulfillment:outbound_list"), {"q": "Altai"})

    assert "L2611-01" in stock.content.decode() and ">36</strong> t" in stock.content.decode()
    assert released_declaration.number in outbound_page.content.decode()
    assert booking.number in outbound_page.content.decode()
    assert notice.number in outbound_page.content.decode()
    assert inbound_page.status_code == 200 and outbound.number in listing.content.decode()
    client.force_login(buyer_user)
    assert client.get(reverse("fulfillment:stock")).status_code == 403
    assert client.get(reverse("fulfillment:outbound", args=[outbound.number])).status_code == 404


def test_receiving_on_the_page_asks_for_the_reason_of_a_difference(
    client, booking, released_declaration, supplier_admin
):
    notice = create_inbound_notice(
        booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10)
    )
    prefix = f"line-{notice.lines.get().pk}"
    client.force_login(supplier_admin)
    url = reverse("fulfillment:inbound", args=[notice.number])

    refused = client.post(url, {f"{prefix}-quantity": "39", f"{prefix}-reason": ""})
    accepted = client.post(url, {f"{prefix}-quantity": "39", f"{prefix}-reason": "One IBC leaking"})

    assert (
        refused.status_code == 200 and "Say why 39 were received instead of 40." in refused.content.decode()
    )
    assert accepted.status_code == 302 and StockLot.objects.get().on_hand == Decimal("39.000")


def test_an_empty_desk_says_so(client, firm_user):
    client.force_login(firm_user)

    response = client.get(reverse("fulfillment:desk"))

    assert "No shipments" in response.content.decode()
    assert "No stock" in client.get(reverse("fulfillment:stock")).content.decode()


def test_the_menu_links_the_desk_for_every_company_kind(client, buyer_user, supplier_admin, firm_user):
    for user in (buyer_user, supplier_admin, firm_user):
        client.force_login(user)
        assert f'href="{reverse("fulfillment:desk")}"' in client.get(reverse("orders:list")).content.decode()


def test_inbound_notices_for_the_supplier_and_its_firm_only(
    client,
    booking,
    released_declaration,
    supplier_admin,
    authorised_firm_user,
    buyer_user,
    django_assert_max_num_queries,
):
    notice = create_inbound_notice(
        booking=booking, by=supplier_admin, expected_on=datetime.date(2026, 12, 10)
    )
    for user in (supplier_admin, authorised_firm_user):
        client.force_login(user)
        with django_assert_max_num_queries(12):
            listing = client.get(reverse("fulfillment:inbound_list"))
        assert notice.number in listing.content.decode()
        assert client.get(reverse("fulfillment:inbound", args=[notice.number])).status_code == 200
    for outsider in (
        member_of(SupplierFactory(name="Rival plant")),
        member_of(ServiceFirmFactory(name="Other firm")),
    ):
        client.force_login(outsider)
        assert notice.number not in client.get(reverse("fulfillment:inbound_list")).content.decode()
        assert client.get(reverse("fulfillment:inbound", args=[notice.number])).status_code == 404
        prefix = f"line-{notice.lines.get().pk}"
        posted = client.post(
            reverse("fulfillment:inbound", args=[notice.number]), {f"{prefix}-quantity": "40"}
        )
        assert posted.status_code == 404
    client.force_login(buyer_user)
    assert client.get(reverse("fulfillment:inbound_list")).status_code == 403
    assert StockLot.objects.count() == 0


def test_the_outbound_list_query_count(
    client, booking, released_declaration, supplier_admin, warehouse, django_assert_max_num_queries
):
    _stocked(booking, supplier_admin)
    lot = StockLot.objects.get()
    for name in ("Altai Trade", "Baikal Chem", "Kuzbass Plast"):
        create_outbound_order(
            warehouse=warehouse,
            buyer=OutboundBuyer(name=name, address="Barnaul", country="RU"),
            picks=[Pick(lot=lot, quantity=Decimal(1))],
            by=supplier_admin,
        )
    client.force_login(supplier_admin)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("fulfillment:outbound_list"), {"status": "open"})

    assert response.content.decode().count("Barnaul") == 0 and "Kuzbass Plast" in response.content.decode()


def test_a_shipment_to_the_overseas_warehouse_from_the_desk(client, booking, supplier_admin, buyer_user):
    client.force_login(supplier_admin)
    listing = client.get(reverse("fulfillment:inbound_list")).content.decode()
    url = reverse("fulfillment:new_booking_shipment", args=[booking.pk])
    prefix = f"line-{booking.lines.get().pk}"

    form = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "carrier": "China Railway Container Transport",
            "waybill_number": "SMGS-0520",
            "origin": "Ordos",
            "destination": "Novosibirsk bonded warehouse",
            "destination_country": "RU",
            "freight": "2400",
            "insured_fee": "0",
            "currency": "USD",
            f"{prefix}-quantity": "40",
            f"{prefix}-package_count": "40",
            f"{prefix}-package_kind": "IBC",
            f"{prefix}-net_weight_kg": "40000",
            f"{prefix}-gross_weight_kg": "40400",
        },
    )

    shipment = Shipment.objects.get()
    assert booking.number in listing and url in listing
    assert 'value="40400' in form  # the booking line's own gross weight
    assert response.status_code == 302 and shipment.booking == booking and shipment.incoterm.code == "DAP"
    assert booking.number not in client.get(reverse("fulfillment:inbound_list")).content.decode()
    client.force_login(buyer_user)
    assert client.get(url).status_code == 404
