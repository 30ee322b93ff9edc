import dataclasses
from decimal import Decimal

from marketplace.customs.messages.crosscheck import cross_check
from marketplace.customs.messages.data import Inventory, InventoryLine
from tests.customs.messages.examples import inventory_message, order_message, waybill_message


def _matching_list(order, waybill) -> Inventory:
    template = inventory_message().inventories[0]
    head = dataclasses.replace(
        template.head,
        order_no=order.head.order_no,
        ebc_code=order.head.ebc_code,
        ebp_code=order.head.ebp_code,
        logistics_code=waybill.logistics_code,
        logistics_no=waybill.logistics_no,
    )
    lines = tuple(
        InventoryLine(
            gnum=line.gnum,
            item_no=line.item_no,
            gcode="2905110000",
            gname=line.item_name,
            gmodel="0|0|甲醇|99.85%",
            country="MN",
            currency=line.currency,
            qty=line.qty,
            unit=line.unit,
            qty1=line.qty * 1000,
            unit1="035",
            price=line.price,
            total_price=line.total_price,
        )
        for line in order.lines
    )
    return Inventory(head=head, lines=lines)


def test_order_waybill_and_list_that_agree_pass():
    order, waybill = order_message().orders[0], waybill_message().waybills[0]

    assert cross_check(order=order, waybill=waybill, inventory=_matching_list(order, waybill)) == []


def test_each_disagreement_is_named_on_the_list():
    # given a list with another waybill number, a different quantity and a 9810 trade mode for a B order
    order, waybill = order_message().orders[0], waybill_message().waybills[0]
    inventory = _matching_list(order, waybill)
    inventory = dataclasses.replace(
        inventory,
        head=dataclasses.replace(inventory.head, logistics_no="EH-OTHER", trade_mode="9810"),
        lines=(dataclasses.replace(inventory.lines[0], qty=Decimal("19")), inventory.lines[1]),
    )

    # when the three are compared
    errors = cross_check(order=order, waybill=waybill, inventory=inventory)

    # then each disagreement names its field
    assert [error.field for error in errors] == [
        "inventory.head.logistics_no",
        "inventory.head.trade_mode",
        "inventory.lines[0].qty",
    ]
