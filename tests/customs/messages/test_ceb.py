import dataclasses
from datetime import datetime
from decimal import Decimal

import pytest

from marketplace.customs.messages.ceb import (
    build_ceb303,
    build_ceb505,
    build_ceb603,
    parse_ceb303,
    parse_ceb505,
    parse_ceb603,
)
from marketplace.customs.messages.data import CEB_NAMESPACE, OrderType, TradeMode, order_type_for
from marketplace.customs.messages.errors import MessageError
from marketplace.customs.messages.schema import ceb_schema
from marketplace.customs.messages.xmlcodec import read_xml
from tests.customs.messages.examples import CODES, inventory_message, order_message, waybill_message

CEB = f"{{{CEB_NAMESPACE}}}"


def _replace_head(message, **changes):
    order = message.orders[0]
    return dataclasses.replace(
        message, orders=(dataclasses.replace(order, head=dataclasses.replace(order.head, **changes)),)
    )


def _replace_line(message, attr, index=0, **changes):
    entity = getattr(message, attr)[0]
    lines = list(entity.lines)
    lines[index] = dataclasses.replace(lines[index], **changes)
    return dataclasses.replace(message, **{attr: (dataclasses.replace(entity, lines=tuple(lines)),)})


def _refusal(build, message):
    with pytest.raises(MessageError) as refused:
        build(message, codes=CODES)
    return refused.value


@pytest.mark.parametrize(
    ("build", "parse", "message"),
    [
        (build_ceb303, parse_ceb303, order_message(order_type=OrderType.B2B)),
        (build_ceb303, parse_ceb303, order_message(order_type=OrderType.WAREHOUSE)),
        (build_ceb505, parse_ceb505, waybill_message()),
        (build_ceb603, parse_ceb603, inventory_message(trade_mode=TradeMode.B2B_DIRECT)),
        (build_ceb603, parse_ceb603, inventory_message(trade_mode=TradeMode.OVERSEAS_WAREHOUSE)),
    ],
    ids=["CEB303-B", "CEB303-W", "CEB505", "CEB603-9710", "CEB603-9810"],
)
def test_built_message_validates_against_the_official_schema_and_parses_back_equal(build, parse, message):
    # given a message as customs-core would map it from its models
    # when it is built
    xml = build(message, codes=CODES)

    # then the XML validates against the copied XSD and reads back to equal data
    assert ceb_schema().is_valid(xml)
    assert parse(xml, codes=CODES) == message


def test_order_head_is_written_in_the_schema_order_with_customs_codes():
    # given a 9810 booking to a warehouse, amounts in USD
    message = order_message(order_type=order_type_for("9810"))

    # when it is built
    root = read_xml(build_ceb303(message, codes=CODES))

    # then the root carries guid and version, the head follows the XSD sequence, codes are mapped
    assert root.tag == f"{CEB}CEB303Message"
    assert root.attrib == {"guid": "311AF125-6FED-4603-8C5D-49B1FA4B4B9B", "version": "1.0"}
    assert [child.tag.removeprefix(CEB) for child in root] == ["Order", "BaseTransfer"]
    head = root.find(f"{CEB}Order/{CEB}OrderHead")
    assert [(child.tag.removeprefix(CEB), child.text) for child in head] == [
        ("guid", "4CDE1CFD-EDED-46B1-946C-B8022E42FC94"),
        ("appType", "1"),
        ("appTime", "20260507153401"),
        ("appStatus", "2"),
        ("orderType", "W"),
        ("orderNo", "W-2026-0007"),
        ("ebpCode", "MNUB2026OW01"),
        ("ebpName", "Ulaanbaatar Overseas Warehouse"),
        ("ebcCode", "91150600MA0N123456"),
        ("ebcName", "Ordos Clean Chemicals Ltd."),
        ("goodsValue", "10703.93"),
        ("freight", "0"),
        ("currency", "502"),
    ]
    transfer = root.find(f"{CEB}BaseTransfer")
    assert [child.text for child in transfer] == [
        "1505960001",
        "Ordos Trade Service Co.",
        "DXP",
        "DXPENT0000012345",
    ]


def test_list_line_maps_country_and_keeps_the_ten_digit_hs_code():
    # given a 9710 declaration list to Mongolia
    message = inventory_message()

    # when it is built
    line = read_xml(build_ceb603(message, codes=CODES)).find(f"{CEB}Inventory/{CEB}InventoryList")

    # then the line carries the HS code, the customs country and currency codes and the legal unit
    assert line.findtext(f"{CEB}gcode") == "5108109000"
    assert line.findtext(f"{CEB}country") == "124"
    assert line.findtext(f"{CEB}currency") == "502"
    assert line.findtext(f"{CEB}unit1") == "035"
    assert line.find(f"{CEB}qty2") is None


def test_parse_reads_any_prefix_and_a_default_namespace():
    # given a built waybill re-written with another prefix and with a default namespace
    xml = build_ceb505(waybill_message(), codes=CODES).decode()
    other_prefix = xml.replace("ceb:", "x:").replace("xmlns:ceb=", "xmlns:x=")
    default_ns = xml.replace("ceb:", "").replace("xmlns:ceb=", "xmlns=")

    # when both are parsed
    # then they read the same data
    assert parse_ceb505(other_prefix, codes=CODES) == waybill_message()
    assert parse_ceb505(default_ns, codes=CODES) == waybill_message()


def test_microseconds_are_dropped_so_the_message_round_trips():
    # given an order filed at a time with microseconds
    message = _replace_head(
        order_message(), app_time=datetime.fromisoformat("2026-05-07T15:34:01.654321+08:00")
    )

    # when it is built and parsed
    parsed = parse_ceb303(build_ceb303(message, codes=CODES), codes=CODES)

    # then the time is kept to the second
    assert parsed.orders[0].head.app_time == datetime.fromisoformat("2026-05-07T15:34:01+08:00")
    assert parsed == message


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"order_no": "X" * 61}, "orders[0].head.order_no", "value length cannot be greater than 60"),
        ({"ebc_code": "9115060" * 3}, "orders[0].head.ebc_code", "value length cannot be greater than 18"),
        ({"order_type": "E"}, "orders[0].head.order_type", "must be B (9710) or W (9810)"),
        ({"guid": "4cde1cfd-eded-46b1-946c-b8022e42fc94"}, "orders[0].head.guid", "36-character uppercase"),
        ({"goods_value": Decimal("10703.94")}, "orders[0].head.goods_value", "sum of line totals (10703.93)"),
        ({"app_time": datetime(2026, 5, 7, 15, 34)}, "orders[0].head.app_time", "timezone-aware"),
        ({"freight": 12.5}, "orders[0].head.freight", "must be a Decimal"),
        ({"order_no": "  "}, "orders[0].head.order_no", "is required"),
        ({"ebp_name": None}, "orders[0].head.ebp_name", "must be text"),
    ],
)
def test_order_with_a_bad_head_field_is_refused_naming_the_field(change, field, reason):
    # given an order with one bad head field
    message = _replace_head(order_message(), **change)

    # when it is built
    refused = _refusal(build_ceb303, message)

    # then the error names that field and why
    assert refused.fields == [field]
    assert reason in refused.errors[0].message
    assert field in str(refused)


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"price": Decimal("412.123456")}, "orders[0].lines[0].price", "more than 5 decimal places"),
        ({"gnum": 2}, "orders[0].lines[0].gnum", "must be 1"),
        ({"unit": "35"}, "orders[0].lines[0].unit", "length has to be 3"),
        ({"qty": Decimal("-20")}, "orders[0].lines[0].qty", "must not be negative"),
        ({"total_price": 8250.0}, "orders[0].lines[0].total_price", "must be a Decimal"),
    ],
)
def test_order_with_a_bad_line_field_is_refused_naming_the_field(change, field, reason):
    # given an order with one bad line field (totals kept consistent where it matters)
    message = _replace_line(order_message(), "orders", **change)
    if "price" in change or "qty" in change:
        line = message.orders[0].lines[0]
        message = _replace_line(message, "orders", total_price=line.qty * line.price)
        message = _replace_head(message, goods_value=sum(ln.total_price for ln in message.orders[0].lines))

    # when it is built
    refused = _refusal(build_ceb303, message)

    # then the error names that field
    assert field in refused.fields
    assert reason in next(error.message for error in refused.errors if error.field == field)


def test_line_total_must_equal_quantity_times_price():
    # given a line whose total is one yuan off
    message = _replace_line(order_message(), "orders", total_price=Decimal("8251"))
    message = _replace_head(message, goods_value=Decimal("10704.93"))

    # when it is built
    refused = _refusal(build_ceb303, message)

    # then the total is named
    assert refused.fields == ["orders[0].lines[0].total_price"]
    assert refused.errors[0].message == "must equal qty × price (8250.00)"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"gcode": "510810"}, "inventories[0].lines[0].gcode"),
        ({"country": "XX"}, "inventories[0].lines[0].country"),
        ({"qty2": Decimal("1")}, "inventories[0].lines[0].qty2"),
        ({"gmodel": "x" * 251}, "inventories[0].lines[0].gmodel"),
    ],
)
def test_list_with_a_bad_line_field_is_refused_naming_the_field(change, field):
    # given a declaration list with one bad line field
    message = _replace_line(inventory_message(), "inventories", **change)

    # when it is built
    refused = _refusal(build_ceb603, message)

    # then the error names that field
    assert refused.fields == [field]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"statistics_flag": "C"}, "inventories[0].head.statistics_flag"),
        ({"trade_mode": "9610"}, "inventories[0].head.trade_mode"),
        ({"net_weight": Decimal("140")}, "inventories[0].head.net_weight"),
        ({"customs_code": "07"}, "inventories[0].head.customs_code"),
        ({"port_code": ""}, "inventories[0].head.port_code"),
        ({"logistics_no": "L" * 33}, "inventories[0].head.logistics_no"),
        ({"pod": "12"}, "inventories[0].head.pod"),
    ],
)
def test_list_with_a_bad_head_field_is_refused_naming_the_field(change, field):
    # given a declaration list with one bad head field
    message = inventory_message()
    entity = message.inventories[0]
    message = dataclasses.replace(
        message, inventories=(dataclasses.replace(entity, head=dataclasses.replace(entity.head, **change)),)
    )

    # when it is built
    refused = _refusal(build_ceb603, message)

    # then the error names that field
    assert refused.fields == [field]


def test_waybill_without_packages_or_with_a_long_goods_description_is_refused():
    # given a waybill with no packages and 201 characters of goods information
    waybill = dataclasses.replace(waybill_message().waybills[0], pack_no=0, goods_info="g" * 201)
    message = dataclasses.replace(waybill_message(), waybills=(waybill,))

    # when it is built
    refused = _refusal(build_ceb505, message)

    # then both fields are named (the codec's check first, then the schema's)
    assert refused.fields == ["waybills[0].pack_no"]
    fixed = dataclasses.replace(message, waybills=(dataclasses.replace(waybill, pack_no=1),))
    assert _refusal(build_ceb505, fixed).fields == ["waybills[0].goods_info"]


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"currency": "EUR"}, "waybills[0].currency", "no customs code for currency 'EUR'"),
        ({"freight": Decimal("1e30")}, "waybills[0].freight", "is too large"),
        ({"freight": Decimal("1e19")}, "waybills[0].freight", "digits has to be lesser or equal than 19"),
        ({"app_time": "20260507153401"}, "waybills[0].app_time", "must be a timezone-aware datetime"),
    ],
)
def test_waybill_with_a_bad_field_is_refused_naming_the_field(change, field, reason):
    # given a waybill with one bad field
    waybill = dataclasses.replace(waybill_message().waybills[0], **change)
    message = dataclasses.replace(waybill_message(), waybills=(waybill,))

    # when it is built
    refused = _refusal(build_ceb505, message)

    # then that field is named
    assert refused.fields == [field]
    assert reason in refused.errors[0].message


def test_parse_refuses_another_message_and_names_a_missing_element():
    # given a waybill offered as an order, and a waybill without its logisticsNo
    xml = build_ceb505(waybill_message(), codes=CODES).decode()
    missing = xml.replace("<ceb:logisticsNo>EH2026050700001</ceb:logisticsNo>", "")

    # when they are parsed
    with pytest.raises(MessageError) as wrong_type:
        parse_ceb303(xml, codes=CODES)
    with pytest.raises(MessageError) as invalid:
        parse_ceb505(missing, codes=CODES)
    with pytest.raises(MessageError) as unvalidated:
        parse_ceb505(missing, codes=CODES, validate=False)

    # then each refusal says what is wrong
    assert "not a CEB303Message" in str(wrong_type.value)
    assert invalid.value.fields == ["waybills[0]"]
    assert "logisticsNo" in str(invalid.value)
    assert unvalidated.value.fields == ["waybills[0].logistics_no"]


def test_xml_with_an_entity_declaration_is_refused():
    # given a document declaring an entity (billion-laughs style)
    xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'

    # when it is parsed
    with pytest.raises(MessageError) as refused:
        parse_ceb303(xml, codes=CODES)

    # then it is refused before anything is read
    assert "refused" in str(refused.value)
