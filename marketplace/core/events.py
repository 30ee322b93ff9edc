"""Domain events: lower apps say what happened, higher apps act on it, without being imported by it.

A lower service publishes after its writes, inside its transaction::

    events.publish(events.Name.ORDER_PLACED, order_id=order.pk, order=order, ...)

and a higher app subscribes in its ``AppConfig.ready()``::

    events.subscribe(events.Name.ORDER_PLACED, open_credit_exposure)

An event reaches its subscribers after the transaction it was published in commits
(``transaction.on_commit``): never if it rolls back, exactly once per ``publish``, and at once when
published outside a transaction. A subscriber is called as ``handler(event)`` with an ``Event``.
This is a plain in-process bus, not Django signals: no hidden receivers, one catalogue of names.

A subscriber that fails does not break the request that published the event nor the other
subscribers: its exception is logged with ``logger.exception`` and delivery goes on. Work that
must be retried belongs in a Celery task the subscriber enqueues
through the outbox (``outbox.enqueue``; marketplace/core/outbox.py).

Payloads carry ids and primitive values, and the object itself where it is useful to a subscriber
(as the publisher holds it; reload it if you need it fresh or locked). ``user_id`` is the acting
user's id, None for the system (webhooks, beat tasks).
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.db import models, transaction

logger = logging.getLogger(__name__)


class Name(models.TextChoices):
    """Every event name, what it means and what its payload carries."""

    # order_id, order, buyer_id (Company), supplier_id (Partner), source ("checkout" / "rfq"),
    # source_reference, total (Decimal), currency, user_id
    ORDER_PLACED = "order.placed", "An order was placed"
    # milestone_id, milestone, order_id, sequence, amount_minor, currency, method, reference, user_id
    MILESTONE_PAID = "milestone.paid", "A payment milestone was paid (card or confirmed transfer)"
    # order_id, order, reference (shipment, outbound order or CMR), user_id
    ORDER_SHIPPED = "order.shipped", "An order was shipped"
    # order_id, order, reference, user_id
    ORDER_DELIVERED = "order.delivered", "An order was delivered"
    # declaration_id, declaration, before, after (DeclarationStatus values), user_id
    DECLARATION_STATE_CHANGED = "declaration.state_changed", "A customs declaration changed state"
    # receipt_id, receipt, declaration_id, message, return_status, status_before, status_after, user_id
    RECEIPT_RECORDED = "receipt.recorded", "A customs receipt was recorded"
    # shipment_id, shipment, tracking_event_id, tracking_event, kind, order_id (or None), user_id
    SHIPMENT_EVENT = "shipment.event", "A shipment's tracking event was recorded"
    # quote_id, quote, rfq_id, supplier_id (Partner), user_id
    QUOTE_SUBMITTED = "quote.submitted", "A supplier quoted on an RFQ"
    # quote_id, quote, rfq_id, supplier_id (Partner), order_id, order, quantity (Decimal, RFQ unit),
    # user_id
    QUOTE_ACCEPTED = "quote.accepted", "A buyer accepted a quote (an order was placed)"
    # rfq_id, rfq, buyer_id (Company), direct (bool), user_id
    RFQ_SUBMITTED = "rfq.submitted", "A buyer sent an RFQ"
    # product_id, product, supplier_id (Partner), user_id
    PRODUCT_PUBLISHED = "product.published", "An operator published a product"
    # lot_id, lot, warehouse_id, product_id, quantity (Decimal), inbound_notice_id, user_id
    LOT_RECEIVED = "lot.received", "Goods were received into a warehouse lot"
    # lot_id, lot, warehouse_id, product_id, quantity (Decimal), outbound_order_id, user_id
    LOT_RELEASED = "lot.released", "Goods were taken out of a warehouse lot for an outbound order"


@dataclass(frozen=True)
class Event:
    name: str
    payload: dict[str, Any] = field(default_factory=dict)


Handler = Callable[[Event], None]

_subscribers: dict[str, list[Handler]] = {name: [] for name in Name.values}
_recordings: list[list[Event]] = []


def _known(name: str) -> str:
    # A misspelt name would publish to nobody or subscribe to nothing, silently.
    if name not in _subscribers:
        raise ValueError(f"Unknown event {name!r}; known: {', '.join(_subscribers)}.")
    return name


def subscribe(name: str, handler: Handler) -> None:
    """Call ``handler(event)`` after each commit that published ``name`` (once per handler)."""
    handlers = _subscribers[_known(name)]
    if handler not in handlers:
        handlers.append(handler)


def unsubscribe(name: str, handler: Handler) -> None:
    handlers = _subscribers[_known(name)]
    if handler in handlers:
        handlers.remove(handler)


def publish(name: str, /, **payload: Any) -> Event:
    """Queue ``name`` for its subscribers, delivered once the current transaction commits."""
    event = Event(name=_known(name), payload=payload)
    for recording in _recordings:
        recording.append(event)
    transaction.on_commit(partial(_deliver, event))
    return event


def _deliver(event: Event) -> None:
    for handler in list(_subscribers[event.name]):
        try:
            handler(event)
        except Exception:  # noqa: BLE001 - one subscriber's bug must not cost the others their event
            logger.exception("Subscriber %r failed on event %s", handler, event.name)


@contextmanager
def subscribed(name: str, handler: Handler) -> Iterator[Handler]:
    """Subscribe ``handler`` for the ``with`` block only (tests), and unsubscribe it afterwards."""
    subscribe(name, handler)
    try:
        yield handler
    finally:
        unsubscribe(name, handler)


@contextmanager
def recording() -> Iterator[list[Event]]:
    """Collect every event published inside the block, as it is published (tests).

    This records what the code published, whether or not its transaction commits later; to see
    what subscribers receive, subscribe a handler and let the transaction commit.
    """
    recorded: list[Event] = []
    _recordings.append(recorded)
    try:
        yield recorded
    finally:
        # By identity: two recordings with the same events are equal lists.
        _recordings[:] = [other for other in _recordings if other is not recorded]
