"""Writes and rules of customs declarations: opening one from an order or a booking, the route,
the waybill, readiness, filing, corrections and cancellation.

Receipts from customs move declarations through ``marketplace.customs.receipts``; warehouses,
bookings and licences are written by ``marketplace.customs.warehousing``. Split by subject; every
name stays importable from ``marketplace.customs.services``.
"""

from marketplace.customs.services.common import (
    FIVE_PLACES,
    _firm_of,
    _locked,
    _move,
    _new_number,
    _recompute,
    _require_filer,
)
from marketplace.customs.services.editing import (
    HEAD_FIELDS,
    LINE_FIELDS,
    WAYBILL_FIELDS,
    _back_to_draft,
    _require_editable,
    fill_waybill,
    update_declaration,
    update_declaration_line,
)
from marketplace.customs.services.opening import open_declaration_for_booking, open_declaration_for_order
from marketplace.customs.services.states import (
    CANCELLABLE,
    cancel_declaration,
    correct_declaration,
    mark_ready,
    submit_declaration,
)

__all__ = [
    "CANCELLABLE",
    "FIVE_PLACES",
    "HEAD_FIELDS",
    "LINE_FIELDS",
    "WAYBILL_FIELDS",
    "_back_to_draft",
    "_firm_of",
    "_locked",
    "_move",
    "_new_number",
    "_recompute",
    "_require_editable",
    "_require_filer",
    "cancel_declaration",
    "correct_declaration",
    "fill_waybill",
    "mark_ready",
    "open_declaration_for_booking",
    "open_declaration_for_order",
    "submit_declaration",
    "update_declaration",
    "update_declaration_line",
]
