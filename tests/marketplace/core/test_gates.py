"""Gates: a registered check stops each of the six actions through the real service, and nothing is
written; with no check the action passes; an unknown action name is an error."""

from contextlib import ExitStack
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from rest_framework.test import APIClient

from catalog import moderation
from catalog.models import ProductStatus
from marketplace.core import gates
from marketplace.core.models import AuditEvent
from marketplace.customs import services as customs_services
from marketplace.customs.models import DeclarationStatus
from marketplace.fulfillment.models import (
    EventKind,
    OutboundOrder,
    OutboundStatus,
    Shipment,
    ShipmentStatus,
    TrackingEvent,
)
from marketplace.fulfillment.services.shipments import EventDetails, record_tracking_event
from marketplace.fulfillment.services.warehouse import Pick, create_outbound_order, ship_outbound
from marketplace.orders import services as order_services
from marketplace.orders.models import OrderStatus
from rfq import services as rfq_services
from rfq.models import QuoteStatus, RFQStatus
from tests.marketplace.core.conftest import SIBIR
from tests.rfq.conftest import quote_terms

Order = get_model("order", "Order")


def refuse(message: str):
    def check(*, obj, user, **details):
        raise ValidationError(message)

    return check


def test_the_catalogue_names_the_six_actions():
    assert sorted(gates.Action.values) == [
        "declaration.file",
        "lot.release",
        "product.publish",
        "quote.accept",
        "rfq.answer",
        "shipment.ship",
    ]


def test_a_check_receives_the_object_the_user_and_the_details():
    seen = []

    def check(*, obj, user, **details):
        seen.append((obj, user, details))

    with gates.registered(gates.Action.LOT_RELEASE, check):
        gates.check(action=gates.Action.LOT_RELEASE, obj="lot", user="user", quantity=3)

    assert seen == [("lot", "user", {"quantity": 3})]


def test_the_first_refusal_stops_the_action_and_later_checks_are_not_asked():
    asked = []

    def later(*, obj, user, **details):
        asked.append(obj)

    with (
        gates.registered(gates.Action.SHIP, refuse("Credit line exceeded.")),
        gates.registered(gates.Action.SHIP, later),
        pytest.raises(ValidationError) as refused,
    ):
        gates.check(action=gates.Action.SHIP, obj="order", user=None)

    assert refused.value.messages == ["Credit line exceeded."]
    assert asked == []


def test_a_temporary_registration_is_gone_after_the_block():
    check = refuse("Not now.")

    with gates.registered(gates.Action.SHIP, check):
        with pytest.raises(ValidationError):
            gates.check(action=gates.Action.SHIP, obj="order", user=None)

    gates.check(action=gates.Action.SHIP, obj="order", user=None)  # passes: nothing registered


def test_registering_the_same_check_twice_asks_it_once():
    asked = []

    def check(*, obj, user, **details):
        asked.append(obj)

    with gates.registered(gates.Action.SHIP, check):
        gates.register(gates.Action.SHIP, check)
        gates.check(action=gates.Action.SHIP, obj="order", user=None)

    assert asked == ["order"]


def test_an_unknown_action_is_an_error_to_check_and_to_register():
    with pytest.raises(ValueError, match="Unknown gate action 'shipment.shipp'"):
        gates.check(action="shipment.shipp", obj=None, user=None)
    with pytest.raises(ValueError, match="Unknown gate action 'quote.acept'"):
        gates.register("quote.acept", refuse("never"))


def test_checking_with_no_gate_registered_costs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        for action in gates.Action.values:
            gates.check(action=action, obj=None, user=None)


# --- through the real services: a refusal stops the action and writes nothing ----------------

REFUSAL = "Held by the credit desk: the buyer's limit is used up."


class Refusal:
    """A check that refuses, keeping what it was asked about."""

    def __init__(self, only: type | None = None):
        self.only = only  # refuse only objects of this type, let the others through
        self.asked: list[tuple] = []

    def __call__(self, *, obj, user, **details):
        self.asked.append((obj, user, details))
        if self.only is None or isinstance(obj, self.only):
            raise ValidationError(REFUSAL)


def _ago(minutes: int = 60):
    return timezone.now() - timedelta(minutes=minutes)


def _verbs(subject) -> list[str]:
    return list(AuditEvent.objects.for_subject(subject).order_by("pk").values_list("verb", flat=True))


def test_a_gate_stops_filing_a_declaration(ready_declaration, filer):
    refusal = Refusal()

    with gates.registered(gates.Action.DECLARATION_FILE, refusal), pytest.raises(ValidationError) as refused:
        customs_services.submit_declaration(declaration=ready_declaration, user=filer.user)

    ready_declaration.refresh_from_db()
    assert refused.value.messages == [REFUSAL]
    assert (ready_declaration.status, ready_declaration.submitted_at) == (DeclarationStatus.READY, None)
    assert "declaration.submitted" not in _verbs(ready_declaration)
    assert refusal.asked == [(ready_declaration, filer.user, {})]
    # With the gate gone, the same call files it.
    submitted = customs_services.submit_declaration(declaration=ready_declaration, user=filer.user)
    assert submitted.status == DeclarationStatus.SUBMITTED


def test_a_gate_stops_a_shipment_leaving_the_factory(shipment, order, supplier_admin):
    refusal = Refusal()
    departed = EventDetails(kind=EventKind.DEPARTED, occurred_at=_ago())

    with gates.registered(gates.Action.SHIP, refusal), pytest.raises(ValidationError) as refused:
        record_tracking_event(shipment=shipment, by=supplier_admin, event=departed)

    shipment.refresh_from_db()
    order.refresh_from_db()
    assert refused.value.messages == [REFUSAL]
    assert (shipment.status, shipment.shipped_at) == (ShipmentStatus.PLANNED, None)
    assert not TrackingEvent.objects.filter(shipment=shipment).exists()
    assert order.status == OrderStatus.READY_TO_SHIP
    assert refusal.asked == [(shipment, supplier_admin, {})]
    record_tracking_event(shipment=shipment, by=supplier_admin, event=departed)
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED


def test_a_gate_on_orders_alone_also_stops_the_departure_and_rolls_it_back(shipment, order, supplier_admin):
    # The departure is asked about the shipment first (let through), then about the order it ships.
    refusal = Refusal(only=Order)

    with gates.registered(gates.Action.SHIP, refusal), pytest.raises(ValidationError):
        record_tracking_event(
            shipment=shipment,
            by=supplier_admin,
            event=EventDetails(kind=EventKind.DEPARTED, occurred_at=_ago()),
        )

    shipment.refresh_from_db()
    order.refresh_from_db()
    assert [type(obj) for obj, _user, _details in refusal.asked] == [Shipment, Order]
    assert (shipment.status, order.status) == (ShipmentStatus.PLANNED, OrderStatus.READY_TO_SHIP)
    assert not TrackingEvent.objects.filter(shipment=shipment).exists()


def test_a_gate_stops_marking_an_order_shipped_on_its_page(order, supplier_admin):
    refusal = Refusal()

    with gates.registered(gates.Action.SHIP, refusal), pytest.raises(ValidationError) as refused:
        order_services.mark_shipped(order=order, by=supplier_admin, reference="CMR 1")

    order.refresh_from_db()
    assert refused.value.messages == [REFUSAL]
    assert order.status == OrderStatus.READY_TO_SHIP and "order.shipped" not in _verbs(order)
    assert refusal.asked == [(order, supplier_admin, {})]
    assert order_services.mark_shipped(order=order, by=supplier_admin).status == OrderStatus.SHIPPED


def test_a_gate_stops_an_outbound_order_leaving_the_warehouse(lot, supplier_admin):
    outbound = create_outbound_order(
        warehouse=lot.warehouse, buyer=SIBIR, picks=[Pick(lot=lot, quantity=Decimal(10))], by=supplier_admin
    )
    refusal = Refusal()

    with gates.registered(gates.Action.SHIP, refusal), pytest.raises(ValidationError) as refused:
        ship_outbound(outbound=outbound, by=supplier_admin)

    outbound.refresh_from_db()
    assert refused.value.messages == [REFUSAL]
    assert (outbound.status, outbound.shipped_at) == (OutboundStatus.OPEN, None)
    assert refusal.asked == [(outbound, supplier_admin, {})]
    assert ship_outbound(outbound=outbound, by=supplier_admin).status == OutboundStatus.SHIPPED


def test_a_gate_stops_releasing_a_lot(lot, supplier_admin):
    refusal = Refusal()
    picks = [Pick(lot=lot, quantity=Decimal(10))]

    with gates.registered(gates.Action.LOT_RELEASE, refusal), pytest.raises(ValidationError) as refused:
        create_outbound_order(warehouse=lot.warehouse, buyer=SIBIR, picks=picks, by=supplier_admin)

    lot.refresh_from_db()
    assert refused.value.messages == [REFUSAL]
    assert lot.on_hand == Decimal("40.000") and not OutboundOrder.objects.exists()
    assert refusal.asked == [(lot, supplier_admin, {"quantity": Decimal(10)})]
    create_outbound_order(warehouse=lot.warehouse, buyer=SIBIR, picks=picks, by=supplier_admin)
    lot.refresh_from_db()
    assert lot.on_hand == Decimal("30.000")


def test_a_gate_stops_answering_an_rfq(direct_rfq, quoting_supplier):
    refusal = Refusal()
    terms = quote_terms(quoting_supplier)

    with gates.registered(gates.Action.RFQ_ANSWER, refusal), pytest.raises(ValidationError) as refused:
        rfq_services.submit_quote(rfq=direct_rfq, by=quoting_supplier.user, terms=terms)

    direct_rfq.refresh_from_db()
    assert refused.value.messages == [REFUSAL]
    assert direct_rfq.status == RFQStatus.OPEN and not direct_rfq.quotes.exists()
    assert refusal.asked == [(direct_rfq, quoting_supplier.user, {})]
    rfq_services.submit_quote(rfq=direct_rfq, by=quoting_supplier.user, terms=terms)
    direct_rfq.refresh_from_db()
    assert direct_rfq.status == RFQStatus.QUOTED


def test_a_gate_stops_revising_a_quote(quote, quoting_supplier):
    with (
        gates.registered(gates.Action.RFQ_ANSWER, Refusal()),
        pytest.raises(ValidationError) as refused,
    ):
        rfq_services.revise_quote(
            quote=quote, by=quoting_supplier.user, terms=quote_terms(quoting_supplier, price="260.00")
        )

    quote.refresh_from_db()
    assert refused.value.messages == [REFUSAL]
    assert (quote.revision, quote.unit_price, quote.revisions.count()) == (1, Decimal("280.00"), 1)


def test_a_gate_stops_accepting_a_quote(quote, direct_rfq, buyer_user):
    refusal = Refusal()

    with gates.registered(gates.Action.QUOTE_ACCEPT, refusal), pytest.raises(ValidationError) as refused:
        rfq_services.accept_quote(quote=quote, by=buyer_user)

    quote.refresh_from_db()
    direct_rfq.refresh_from_db()
    assert refused.value.messages == [REFUSAL]
    assert (quote.status, quote.awarded_quantity) == (QuoteStatus.SUBMITTED, 0)
    assert direct_rfq.awarded_quantity == 0 and not direct_rfq.awards.exists()
    assert not Order.objects.filter(source_reference=direct_rfq.number).exists()
    assert refusal.asked == [(quote, buyer_user, {"quantity": Decimal("100.000")})]
    order = rfq_services.accept_quote(quote=quote, by=buyer_user)
    assert order.source_reference == direct_rfq.number


def test_a_gate_stops_publishing_a_product(product_in_review, operator):
    refusal = Refusal()

    with gates.registered(gates.Action.PRODUCT_PUBLISH, refusal), pytest.raises(ValidationError) as refused:
        moderation.move(product=product_in_review, to=ProductStatus.PUBLISHED, by=operator)

    product_in_review.refresh_from_db()
    assert refused.value.messages == [REFUSAL]
    assert product_in_review.status == ProductStatus.IN_REVIEW and not product_in_review.is_public
    assert "product.published" not in _verbs(product_in_review)
    assert refusal.asked == [(product_in_review, operator, {})]
    published = moderation.move(product=product_in_review, to=ProductStatus.PUBLISHED, by=operator)
    assert published.status == ProductStatus.PUBLISHED


def test_other_moves_do_not_ask_the_publish_gate(product_in_review, operator):
    refusal = Refusal()

    with gates.registered(gates.Action.PRODUCT_PUBLISH, refusal):
        moderation.move(product=product_in_review, to=ProductStatus.REJECTED, by=operator, reason="No COA")

    assert refusal.asked == []


# --- pages and APIs show a refusal like their other ones: never a 500 -------------------------


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _api(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


@pytest.fixture
def refusing():
    """Refuse every one of the six actions from here on (list it after the fixtures that build the flow)."""
    with ExitStack() as stack:
        for action in gates.Action.values:
            stack.enter_context(gates.registered(action, Refusal()))
        yield


def test_refused_filing_on_the_desk_and_the_api(client, ready_declaration, filer, refusing):
    client.force_login(filer.user)

    page = client.post(reverse("customs:declaration-action", args=[ready_declaration.pk, "submit"]))
    api = _api(filer.user).post(
        reverse("customs-api:declaration-state", args=[ready_declaration.pk]),
        {"action": "submit"},
        format="json",
    )

    assert page.status_code == 302 and _messages(page) == [REFUSAL]
    assert api.status_code == 400 and api.json() == {"detail": [REFUSAL]}


def test_refused_departure_on_the_shipment_page_and_the_api(client, shipment, supplier_admin, refusing):
    client.force_login(supplier_admin)
    when = _ago()

    page = client.post(
        reverse("fulfillment:add_event", args=[shipment.number]),
        {"kind": "departed", "occurred_at": timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")},
    )
    api = _api(supplier_admin).post(
        reverse("fulfillment-api:shipment-events", args=[shipment.pk]),
        {"kind": "departed", "occurred_at": when.isoformat()},
        format="json",
    )

    assert page.status_code == 302 and _messages(page) == [REFUSAL]
    assert api.status_code == 400 and api.json() == {"detail": [REFUSAL]}


def test_refused_shipping_on_the_order_page(client, order, supplier_admin, refusing):
    client.force_login(supplier_admin)

    page = client.post(reverse("orders:action", args=[order.number, "ship"]))

    assert page.status_code == 302 and _messages(page) == [REFUSAL]


def test_refused_outbound_orders_on_the_warehouse_pages_and_the_api(client, lot, supplier_admin):
    outbound = create_outbound_order(
        warehouse=lot.warehouse, buyer=SIBIR, picks=[Pick(lot=lot, quantity=Decimal(10))], by=supplier_admin
    )
    client.force_login(supplier_admin)
    api = _api(supplier_admin)

    with ExitStack() as stack:
        stack.enter_context(gates.registered(gates.Action.SHIP, Refusal()))
        stack.enter_context(gates.registered(gates.Action.LOT_RELEASE, Refusal()))
        new_page = client.post(
            reverse("fulfillment:new_outbound", args=[lot.warehouse_id]),
            {
                "buyer_name": SIBIR.name,
                "buyer_address": SIBIR.address,
                "buyer_country": SIBIR.country,
                "pick-0-lot": lot.pk,
                "pick-0-quantity": "5",
            },
        )
        new_api = api.post(
            reverse("fulfillment-api:outbound-orders"),
            {
                "warehouse": lot.warehouse_id,
                "buyer_name": SIBIR.name,
                "buyer_address": SIBIR.address,
                "buyer_country": SIBIR.country,
                "lines": [{"lot": lot.pk, "quantity": "5"}],
            },
            format="json",
        )
        ship_page = client.post(reverse("fulfillment:ship_outbound", args=[outbound.number]))
        ship_api = api.post(
            reverse("fulfillment-api:outbound-order-ship", args=[outbound.pk]), {}, format="json"
        )

    assert new_page.status_code == 200 and new_page.context["form"].non_field_errors() == [REFUSAL]
    assert new_api.status_code == 400 and new_api.json() == {"detail": [REFUSAL]}
    assert ship_page.status_code == 302 and _messages(ship_page) == [REFUSAL]
    assert ship_api.status_code == 400 and ship_api.json() == {"detail": [REFUSAL]}


def test_refused_quotes_on_the_supplier_page_and_the_api(client, direct_rfq, quoting_supplier, refusing):
    client.force_login(quoting_supplier.user)
    offer = quoting_supplier.product.stockrecords.get()
    fields = {
        "offer": offer.pk,
        "unit_price": "279.00",
        "currency": "USD",
        "incoterm": "FCA",
        "named_place": "Erenhot",
        "quantity": "100",
        "unit": "t",
        "lead_time_days": "21",
        "valid_until": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "payment_terms": "100",
    }

    page = client.post(
        reverse("rfq:supplier_detail", args=[direct_rfq.number]),
        {**fields, "moq": "20", "tiers-TOTAL_FORMS": "5", "tiers-INITIAL_FORMS": "0"},
    )
    api = _api(quoting_supplier.user).post(
        reverse("rfq-api:quotes", args=[direct_rfq.pk]), fields, format="json"
    )

    assert page.status_code == 200 and page.context["form"].non_field_errors() == [REFUSAL]
    assert api.status_code == 400 and api.json() == {"detail": [REFUSAL]}
    assert not direct_rfq.quotes.exists()


def test_refused_acceptance_on_the_rfq_page_and_the_api(client, quote, direct_rfq, buyer_user, refusing):
    client.force_login(buyer_user)

    page = client.post(reverse("rfq:accept", args=[direct_rfq.number, quote.pk]))
    api = _api(buyer_user).post(reverse("rfq-api:accept", args=[quote.pk]), {}, format="json")

    assert page.status_code == 302 and _messages(page) == [REFUSAL]
    assert api.status_code == 400 and api.json() == {"detail": [REFUSAL]}


def test_refused_publication_on_the_review_page(client, product_in_review, operator, refusing):
    client.force_login(operator)

    page = client.post(reverse("product-review:product", args=[product_in_review.pk]), {"to": "published"})

    assert page.status_code == 200 and page.context["form"].non_field_errors() == [REFUSAL]
