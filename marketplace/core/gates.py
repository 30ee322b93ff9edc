"""Gates: checks a higher app puts in front of an action of a lower app, without being imported by it.

A lower service asks before it writes anything::

    gates.check(action=gates.Action.SHIP, obj=shipment, user=by)

and a higher app (credit, risk, finance) registers its checks in its ``AppConfig.ready()``::

    gates.register(gates.Action.QUOTE_ACCEPT, credit_line_covers)

A check is called with keyword arguments, ``check(obj=..., user=..., **details)``, and stops the
action by raising Django's ``ValidationError`` with a message the user can read (translated with
``gettext``); otherwise it returns nothing. The services let that error through, so pages show it
like their other refusals and the APIs answer 400. Checks run in the order they were registered
and the first refusal stops the action. With no check registered for an action, ``check`` does
nothing, so it costs no query.

Checks must accept ``**details``: some actions pass more than the object (listed below), and
more may be added later.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

Check = Callable[..., None]


class Action(models.TextChoices):
    """Every action a gate can stop; what ``obj`` is, who ``user`` is and where it is checked."""

    # obj: customs Declaration (ready) being submitted to customs; user: the filer.
    # Checked by marketplace.customs.services.submit_declaration.
    DECLARATION_FILE = "declaration.file", _("File a customs declaration")
    # obj: what leaves — a fulfillment Shipment leaving the factory (record_tracking_event,
    # "departed"), a fulfillment OutboundOrder leaving an overseas warehouse (ship_outbound), or
    # an order Order becoming shipped (marketplace.orders.services.mark_shipped). A departure that
    # ships its order is checked for both, the shipment first. user: who records it (may be None).
    SHIP = "shipment.ship", _("Ship goods")
    # obj: rfq Quote the buyer accepts; user: the buyer's user; details: quantity (in the RFQ's
    # unit, Decimal). Checked by rfq.services.accept_quote before the order is placed.
    QUOTE_ACCEPT = "quote.accept", _("Accept a quote")
    # obj: catalogue Product an operator publishes; user: the operator.
    # Checked by catalog.moderation.move.
    PRODUCT_PUBLISH = "product.publish", _("Publish a product")
    # obj: rfq RFQ a supplier answers with a quote or a revision of its quote; user: the
    # supplier's user. Checked by rfq.services.submit_quote and revise_quote.
    RFQ_ANSWER = "rfq.answer", _("Answer a request for quotation")
    # obj: fulfillment StockLot an outbound order takes goods from; user: who sells;
    # details: quantity (Decimal, the lot's unit). Checked by
    # marketplace.fulfillment.services.warehouse.create_outbound_order, once per lot picked.
    LOT_RELEASE = "lot.release", _("Release a warehouse lot")


_checks: dict[str, list[Check]] = {action: [] for action in Action.values}


def _known(action: str) -> str:
    # A misspelt action name must fail loudly, not pass every action unchecked.
    if action not in _checks:
        raise ValueError(f"Unknown gate action {action!r}; known: {', '.join(_checks)}.")
    return action


def register(action: str, check: Check) -> None:
    """Put ``check`` in front of ``action`` (once; registering it again changes nothing)."""
    checks = _checks[_known(action)]
    if check not in checks:
        checks.append(check)


def unregister(action: str, check: Check) -> None:
    checks = _checks[_known(action)]
    if check in checks:
        checks.remove(check)


def check(*, action: str, obj: Any, user: Any, **details: Any) -> None:
    """Raise the ``ValidationError`` of the first registered check that refuses ``action``."""
    for registered in _checks[_known(action)]:
        registered(obj=obj, user=user, **details)


@contextmanager
def registered(action: str, check: Check) -> Iterator[Check]:
    """Register ``check`` for the ``with`` block only (tests), and take it out again afterwards."""
    register(action, check)
    try:
        yield check
    finally:
        unregister(action, check)
