"""Fulfillment in a real browser: the Mongolian buyer follows a demo order on the road from Ordos to
Ulaanbaatar (legs, events and the customs status), on a desktop and on a phone, and the party
running the shipment records a tracking event on the shipment page."""

import pytest
from playwright.sync_api import expect

from marketplace.customs.models import Declaration
from marketplace.fulfillment.models import EventKind, Shipment, ShipmentStatus
from tests.browser.conftest import MOBILE, horizontal_overflow, shoot
from tests.browser.test_catalog_in_browser import BUYER, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_transit_shipment_of(email: str) -> Shipment:
    return (
        Shipment.objects.filter(
            status=ShipmentStatus.IN_TRANSIT, order__buyer_company__memberships__user__email=email
        )
        .select_related("order", "created_by")
        .order_by("pk")
        .first()
    )


def declaration_status_of(order) -> str:
    declaration = Declaration.objects.filter(order=order).order_by("-created_at", "-pk").first()
    return declaration.get_status_display() if declaration else "Not declared yet"


def test_the_buyer_follows_its_order_on_a_desktop_and_a_phone(open_page, demo):
    shipment = in_transit_shipment_of(BUYER)
    legs = list(shipment.legs.order_by("sequence"))
    assert legs, "the demo's in-transit shipment has legs"

    for viewport, name in ((None, "fulfillment-tracker.png"), (MOBILE, "fulfillment-tracker-phone.png")):
        page = open_page(viewport) if viewport else open_page()
        log_in(page, BUYER)
        page.goto(f"/orders/{shipment.order.number}/")
        page.get_by_role("link", name="Track the goods").click()
        expect(page).to_have_url(f"{page.url.split('/orders/')[0]}/orders/{shipment.order.number}/tracking/")

        card = page.locator("section", has=page.get_by_role("heading", name=shipment.number))
        expect(card.locator(".badge-shipment-in_transit")).to_be_visible()
        for leg in legs:
            expect(
                card.get_by_text(f"{leg.sequence}. {leg.get_mode_display()}: {leg.origin}")
            ).to_be_visible()
        expect(card.get_by_text("Late").first).to_be_visible()  # the border leg's ETA has passed
        expect(page.get_by_text(declaration_status_of(shipment.order)).first).to_be_visible()
        shoot(page, name)
        if viewport:
            assert horizontal_overflow(page) == 0


def test_the_shipments_manager_records_a_position_report(open_page, demo):
    shipment = in_transit_shipment_of(BUYER)
    page = open_page()
    log_in(page, shipment.created_by.email)  # the supplier, or the firm it authorised
    page.goto(f"/shipments/{shipment.number}/")

    page.locator("#id_kind").select_option(EventKind.LOCATION)
    page.locator("#id_location").fill("Choir, Govisümber")
    page.locator("#id_note").fill("Cleared the TIR inspection; 230 km to go.")
    page.get_by_role("button", name="Record", exact=True).click()

    expect(page.locator(".alert-success")).to_contain_text("Event recorded.")
    expect(page.get_by_text("Choir, Govisümber")).to_be_visible()
    shoot(page, "fulfillment-shipment-event.png")
    event = shipment.events.order_by("-pk").first()
    assert (event.kind, event.location, event.recorded_by) == (
        EventKind.LOCATION,
        "Choir, Govisümber",
        shipment.created_by,
    )

    phone = open_page(MOBILE)
    log_in(phone, shipment.created_by.email)
    phone.goto(f"/shipments/{shipment.number}/")
    shoot(phone, "fulfillment-shipment-phone.png")
    assert horizontal_overflow(phone) == 0
