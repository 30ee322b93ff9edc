"""Domain events: delivered once after commit, never on rollback, at once outside a transaction; a
failing subscriber breaks neither the publisher nor the others; the real services publish theirs."""

import logging
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from catalog import moderation
from catalog.models import ProductStatus
from marketplace.core import events, gates
from marketplace.core.events import Event, Name
from marketplace.customs import services as customs_services
from marketplace.customs.models import ReceiptMessage
from marketplace.customs.receipts import ReceiptEntry, record_receipt
from marketplace.fulfillment.models import EventKind, StockLot
from marketplace.fulfillment.services.shipments import EventDetails, create_shipment, record_tracking_event
from marketplace.fulfillment.services.warehouse import (
    Pick,
    ReceivedLine,
    create_outbound_order,
    receive_inbound,
)
from marketplace.orders import services as order_services
from rfq import services as rfq_services
from tests.factories.fulfillment import details, packed_order_lines, placed_order, ready_to_ship
from tests.marketplace.core.conftest import SIBIR
from tests.rfq.conftest import quote_terms, rfq_details


def _event(kind: str, minutes_ago: int) -> EventDetails:
    return EventDetails(kind=kind, occurred_at=timezone.now() - timedelta(minutes=minutes_ago))


class Inbox:
    """A subscriber that keeps what it receives."""

    def __init__(self):
        self.received: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.received.append(event)


def test_an_event_reaches_its_subscriber_once_after_commit(db, django_capture_on_commit_callbacks):
    inbox = Inbox()

    with events.subscribed(Name.RFQ_SUBMITTED, inbox):
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                events.publish(Name.RFQ_SUBMITTED, rfq_id=7)
                assert inbox.received == []  # not before the commit

    assert inbox.received == [Event(name="rfq.submitted", payload={"rfq_id": 7})]


def test_a_rolled_back_event_is_never_delivered(db, django_capture_on_commit_callbacks):
    inbox = Inbox()

    with events.subscribed(Name.RFQ_SUBMITTED, inbox):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            with pytest.raises(RuntimeError), transaction.atomic():
                events.publish(Name.RFQ_SUBMITTED, rfq_id=7)
                raise RuntimeError("the action failed after publishing")

    assert callbacks == [] and inbox.received == []


@pytest.fixture
def autocommit(django_db_setup, django_db_blocker):
    """The test database as production uses it: autocommit, real commits and rollbacks.

    Not the transactional_db fixture: that flushes every table afterwards, and later tests of a
    --reuse-db run need the migrations' rows. These tests write nothing, so nothing is left over.
    """
    with django_db_blocker.unblock():
        yield


def test_with_a_real_commit_an_event_is_delivered_once_and_outside_a_transaction_at_once(autocommit):
    inbox = Inbox()
    assert not transaction.get_connection().in_atomic_block  # no test transaction around us

    with events.subscribed(Name.ORDER_PLACED, inbox):
        with transaction.atomic():
            events.publish(Name.ORDER_PLACED, order_id=1)
            assert inbox.received == []
        with pytest.raises(RuntimeError), transaction.atomic():
            events.publish(Name.ORDER_PLACED, order_id=2)
            raise RuntimeError("rolled back")
        events.publish(Name.ORDER_PLACED, order_id=3)  # autocommit: no transaction to wait for

    assert [event.payload["order_id"] for event in inbox.received] == [1, 3]


def test_a_failing_subscriber_is_logged_and_the_others_still_receive(
    db, django_capture_on_commit_callbacks, caplog
):
    before, after = Inbox(), Inbox()

    def broken(event: Event) -> None:
        raise KeyError("credit account missing")

    with (
        events.subscribed(Name.QUOTE_SUBMITTED, before),
        events.subscribed(Name.QUOTE_SUBMITTED, broken),
        events.subscribed(Name.QUOTE_SUBMITTED, after),
        caplog.at_level(logging.ERROR, logger="marketplace.core.events"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        published = events.publish(Name.QUOTE_SUBMITTED, quote_id=5)

    assert before.received == [published] and after.received == [published]
    assert [record.getMessage() for record in caplog.records] == [
        f"Subscriber {broken!r} failed on event quote.submitted"
    ]
    assert caplog.records[0].exc_info[0] is KeyError


def test_unknown_event_names_are_refused():
    with pytest.raises(ValueError, match="Unknown event 'order.placd'"):
        events.publish("order.placd", order_id=1)
    with pytest.raises(ValueError, match="Unknown event 'order.shiped'"):
        events.subscribe("order.shiped", Inbox())


def test_subscribing_twice_delivers_once(db, django_capture_on_commit_callbacks):
    inbox = Inbox()

    with events.subscribed(Name.PRODUCT_PUBLISHED, inbox):
        events.subscribe(Name.PRODUCT_PUBLISHED, inbox)
        with django_capture_on_commit_callbacks(execute=True):
            events.publish(Name.PRODUCT_PUBLISHED, product_id=1)

    assert len(inbox.received) == 1


def test_recording_collects_what_is_published_inside_the_block(db):
    events.publish(Name.LOT_RELEASED, lot_id=1)  # before the block: not recorded

    with events.recording() as published:
        events.publish(Name.LOT_RELEASED, lot_id=2)

    events.publish(Name.LOT_RELEASED, lot_id=3)  # after: not recorded either
    assert published == [Event(name="lot.released", payload={"lot_id": 2})]


def test_publishing_costs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        for name in Name.values:
            events.publish(name)


# --- the real services publish their events ---------------------------------------------------


def _names(published: list[Event]) -> list[str]:
    return [event.name for event in published]


def test_placing_an_order_publishes_order_placed_once_with_the_order(buyer_user, supplier, methanol):
    with events.recording() as published:
        order = placed_order(buyer_user=buyer_user, supplier=supplier, product=methanol)

    assert published == [
        Event(
            name="order.placed",
            payload={
                "order_id": order.pk,
                "order": order,
                "buyer_id": buyer_user.company.pk,
                "supplier_id": supplier.partner.pk,
                "source": "checkout",
                "source_reference": "",
                "total": Decimal("27500.00"),
                "currency": "USD",
                "user_id": buyer_user.pk,
            },
        )
    ]


def test_a_placed_order_reaches_subscribers_after_commit_and_not_when_rolled_back(
    buyer_user, supplier, methanol, django_capture_on_commit_callbacks
):
    inbox = Inbox()

    with events.subscribed(Name.ORDER_PLACED, inbox), django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            placed_order(buyer_user=buyer_user, supplier=supplier, product=methanol)
            raise RuntimeError("the caller's transaction fails afterwards")
        order = placed_order(buyer_user=buyer_user, supplier=supplier, product=methanol)

    assert [event.payload["order"] for event in inbox.received] == [order]


def test_payment_shipping_and_delivery_publish_their_events(buyer_user, supplier, supplier_admin, methanol):
    order = placed_order(buyer_user=buyer_user, supplier=supplier, product=methanol)
    milestone = order.milestones.get()

    with events.recording() as paid:
        ready_to_ship(order, supplier_user=supplier_admin)
        order_services.record_payment(milestone=milestone, method="card", reference="again")  # idempotent
    shipment = create_shipment(
        order=order, by=supplier_admin, details=details(), lines=packed_order_lines(order)
    )
    with events.recording() as departed:
        record_tracking_event(shipment=shipment, by=supplier_admin, event=_event(EventKind.DEPARTED, 90))
    with events.recording() as delivered:
        record_tracking_event(shipment=shipment, by=supplier_admin, event=_event(EventKind.DELIVERED, 10))

    assert _names(paid) == ["milestone.paid"]
    assert {key: paid[0].payload[key] for key in ("milestone_id", "order_id", "method", "amount_minor")} == {
        "milestone_id": milestone.pk,
        "order_id": order.pk,
        "method": "card",
        "amount_minor": 2750000,
    }
    assert _names(departed) == ["order.shipped", "shipment.event"]
    assert (departed[0].payload["order_id"], departed[0].payload["reference"]) == (order.pk, shipment.number)
    tracking = shipment.events.get(kind=EventKind.DEPARTED)
    assert departed[1].payload == {
        "shipment_id": shipment.pk,
        "shipment": departed[1].payload["shipment"],
        "tracking_event_id": tracking.pk,
        "tracking_event": tracking,
        "kind": "departed",
        "order_id": order.pk,
        "user_id": supplier_admin.pk,
    }
    assert departed[1].payload["shipment"].pk == shipment.pk
    assert _names(delivered) == ["order.delivered", "shipment.event"]
    assert delivered[0].payload["order_id"] == order.pk and delivered[1].payload["kind"] == "delivered"


def test_declaration_states_and_receipts_publish_their_events(ready_declaration, filer):
    with events.recording() as filed:
        customs_services.submit_declaration(declaration=ready_declaration, user=filer.user)
    with events.recording() as accepted:
        record_receipt(
            declaration=ready_declaration,
            entry=ReceiptEntry(message=ReceiptMessage.ORDER, return_status="120"),
            user=filer.user,
        )
    with events.recording() as rejected:
        record_receipt(
            declaration=ready_declaration,
            entry=ReceiptEntry(message=ReceiptMessage.WAYBILL, return_status="100", return_info="Weight"),
            user=filer.user,
        )

    assert filed == [
        Event(
            name="declaration.state_changed",
            payload={
                "declaration_id": ready_declaration.pk,
                "declaration": filed[0].payload["declaration"],
                "before": "ready",
                "after": "submitted",
                "user_id": filer.user.pk,
            },
        )
    ]
    assert _names(accepted) == ["receipt.recorded"]
    receipt = ready_declaration.receipts.get(message=ReceiptMessage.ORDER)
    assert accepted[0].payload == {
        "receipt_id": receipt.pk,
        "receipt": receipt,
        "declaration_id": ready_declaration.pk,
        "message": "CEB304",
        "return_status": "120",
        "status_before": "submitted",
        "status_after": "submitted",
        "user_id": filer.user.pk,
    }
    assert _names(rejected) == ["declaration.state_changed", "receipt.recorded"]
    assert (rejected[0].payload["before"], rejected[0].payload["after"]) == ("submitted", "rejected")


def test_rfqs_and_quotes_publish_their_events(buyer_user, quoting_supplier):
    with events.recording() as sent:
        rfq = rfq_services.create_rfq(
            buyer_user=buyer_user, details=rfq_details(product=quoting_supplier.product)
        )
    with events.recording() as quoted:
        quote = rfq_services.submit_quote(
            rfq=rfq, by=quoting_supplier.user, terms=quote_terms(quoting_supplier)
        )
    with events.recording() as accepted:
        order = rfq_services.accept_quote(quote=quote, by=buyer_user, quantity=Decimal(40))

    assert sent == [
        Event(
            name="rfq.submitted",
            payload={
                "rfq_id": rfq.pk,
                "rfq": rfq,
                "buyer_id": rfq.buyer_id,
                "direct": True,
                "user_id": buyer_user.pk,
            },
        )
    ]
    assert quoted == [
        Event(
            name="quote.submitted",
            payload={
                "quote_id": quote.pk,
                "quote": quote,
                "rfq_id": rfq.pk,
                "supplier_id": quoting_supplier.partner.pk,
                "user_id": quoting_supplier.user.pk,
            },
        )
    ]
    assert _names(accepted) == ["order.placed", "quote.accepted"]
    assert accepted[0].payload["source"] == "rfq" and accepted[0].payload["source_reference"] == rfq.number
    assert {key: value for key, value in accepted[1].payload.items() if key != "quote"} == {
        "quote_id": quote.pk,
        "rfq_id": rfq.pk,
        "supplier_id": quoting_supplier.partner.pk,
        "order_id": order.pk,
        "order": order,
        "quantity": Decimal(40),
        "user_id": buyer_user.pk,
    }


def test_publishing_a_product_publishes_product_published_and_other_moves_nothing(
    product_in_review, operator, supplier_admin
):
    with events.recording() as published:
        moderation.move(product=product_in_review, to=ProductStatus.PUBLISHED, by=operator)
    with events.recording() as retired:
        moderation.move(product=product_in_review, to=ProductStatus.RETIRED, by=supplier_admin)

    assert published == [
        Event(
            name="product.published",
            payload={
                "product_id": product_in_review.pk,
                "product": published[0].payload["product"],
                "supplier_id": product_in_review.supplier_id,
                "user_id": operator.pk,
            },
        )
    ]
    assert retired == []


def test_receiving_and_selling_warehouse_stock_publish_lot_events(inbound_notice, supplier_admin):
    line = inbound_notice.lines.get()

    with events.recording() as received:
        receive_inbound(
            notice=inbound_notice, by=supplier_admin, received=[ReceivedLine(line=line, quantity=Decimal(40))]
        )
    lot = StockLot.objects.get(inbound_line=line)
    with events.recording() as released:
        outbound = create_outbound_order(
            warehouse=lot.warehouse,
            buyer=SIBIR,
            picks=[Pick(lot=lot, quantity=Decimal(15))],
            by=supplier_admin,
        )

    common = {"lot_id": lot.pk, "warehouse_id": lot.warehouse_id, "product_id": lot.product_id}
    assert _names(received) == ["lot.received"]
    assert {key: value for key, value in received[0].payload.items() if key != "lot"} == {
        **common,
        "quantity": Decimal("40.000"),
        "inbound_notice_id": inbound_notice.pk,
        "user_id": supplier_admin.pk,
    }
    assert _names(released) == ["lot.released"]
    assert {key: value for key, value in released[0].payload.items() if key != "lot"} == {
        **common,
        "quantity": Decimal(15),
        "outbound_order_id": outbound.pk,
        "user_id": supplier_admin.pk,
    }


def test_a_refused_action_publishes_nothing(quote, buyer_user):
    def refuse(*, obj, user, **details):
        raise ValidationError("Held.")

    with gates.registered(gates.Action.QUOTE_ACCEPT, refuse), events.recording() as published:
        with pytest.raises(ValidationError):
            rfq_services.accept_quote(quote=quote, by=buyer_user)

    assert published == []
