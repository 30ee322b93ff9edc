"""Cross-matching of the three documents customs compares (三单对碰) before a list is accepted.

DOMAIN.md rule 4: the order (CEB303), the waybill (CEB505) and the declaration list (CEB603) agree on
order number, seller, platform, logistics company and number, and on the lines (item no., quantity,
unit, price); rule 6: a 9810 list goes with a W order, a 9710 list with a B order.
"""

from __future__ import annotations

from marketplace.customs.messages.data import Inventory, Order, Waybill, order_type_for
from marketplace.customs.messages.errors import FieldError


def cross_check(*, order: Order, waybill: Waybill, inventory: Inventory) -> list[FieldError]:
    """Every disagreement, named by the list field that differs (``inventory.lines[0].qty``)."""
    errors: list[FieldError] = []
    head = inventory.head

    def differ(field: str, listed: object, expected: object, source: str) -> None:
        if listed != expected:
            errors.append(
                FieldError(f"inventory.{field}", f"{listed!r} differs from the {source} ({expected!r})")
            )

    differ("head.order_no", head.order_no, order.head.order_no, "order")
    differ("head.ebc_code", head.ebc_code, order.head.ebc_code, "order")
    differ("head.ebp_code", head.ebp_code, order.head.ebp_code, "order")
    differ("head.logistics_no", head.logistics_no, waybill.logistics_no, "waybill")
    differ("head.logistics_code", head.logistics_code, waybill.logistics_code, "waybill")
    if waybill.ebc_code and waybill.ebc_code != order.head.ebc_code:
        errors.append(
            FieldError("waybill.ebc_code", f"differs from the order's seller ({order.head.ebc_code!r})")
        )
    try:
        expected_type = order_type_for(head.trade_mode)
    except ValueError:
        expected_type = None
    if expected_type is not None and order.head.order_type != expected_type:
        errors.append(
            FieldError(
                "inventory.head.trade_mode",
                f"a {head.trade_mode} list needs an order of type {expected_type}",
            )
        )
    if len(inventory.lines) != len(order.lines):
        errors.append(
            FieldError("inventory.lines", f"{len(inventory.lines)} lines, the order has {len(order.lines)}")
        )
    order_lines = {line.gnum: line for line in order.lines}
    for index, line in enumerate(inventory.lines):
        ordered = order_lines.get(line.gnum)
        if ordered is None:
            errors.append(FieldError(f"inventory.lines[{index}].gnum", f"the order has no line {line.gnum}"))
            continue
        for field, listed, expected in (
            ("item_no", line.item_no, ordered.item_no),
            ("qty", line.qty, ordered.qty),
            ("unit", line.unit, ordered.unit),
            ("price", line.price, ordered.price),
            ("currency", line.currency, ordered.currency),
        ):
            differ(f"lines[{index}].{field}", listed, expected, f"order line {line.gnum}")
    return errors
