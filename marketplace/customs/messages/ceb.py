"""Build and read CEB303 (order / booking), CEB505 (waybill) and CEB603 (declaration list).

``build_ceb303(message, codes=...)`` returns UTF-8 XML bytes in ``http://www.chinaport.gov.cn/ceb``,
elements in the XSD's sequence order, after two checks: the codec's own (guids, decimals, codes,
arithmetic, HS code...) and validation against the copied ``ceb-export-202205.xsd``. Either failure
raises :class:`~marketplace.customs.messages.errors.MessageError` naming every field at fault, so
nothing is offered for export unless it validates. ``parse_ceb303(xml, codes=...)`` reads such a
document back into equal dataclasses (round trip), by namespace whatever the prefix.

The XML is unsigned: the trade-service firm signs it with its own key outside the system.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from marketplace.customs.messages.data import (
    BaseTransfer,
    CodeMap,
    Inventory,
    InventoryHead,
    InventoryLine,
    InventoryMessage,
    Order,
    OrderHead,
    OrderLine,
    OrderMessage,
    OrderType,
    TradeMode,
    Waybill,
    WaybillMessage,
)
from marketplace.customs.messages.errors import FieldError, MessageError
from marketplace.customs.messages.schema import ceb_schema
from marketplace.customs.messages.xmlcodec import (
    COUNTRY,
    CURRENCY,
    DATE,
    DECIMAL,
    INT,
    TIME,
    Node,
    Spec,
    build_node,
    build_root,
    inverse_codes,
    local_name,
    parse_node,
    read_xml,
    schema_errors,
    serialise,
)

GUID_RE = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")
HS_CODE_RE = re.compile(r"^\d{10}$")
OFFICE_RE = re.compile(r"^\d{4}$")
# totalPrice = qty × price, allowing for the rounding of the total to the cent.
PRICE_TOLERANCE = Decimal("0.01")

BASE_TRANSFER = Node(
    "BaseTransfer",
    "transfer",
    BaseTransfer,
    specs=(Spec("copCode"), Spec("copName"), Spec("dxpMode"), Spec("dxpId"), Spec("note", optional=True)),
)

_APP = (Spec("guid"), Spec("appType"), Spec("appTime", TIME), Spec("appStatus"))

ORDER = Node(
    "Order",
    "orders",
    Order,
    many=True,
    children=(
        Node(
            "OrderHead",
            "head",
            OrderHead,
            specs=(
                *_APP,
                Spec("orderType"),
                Spec("orderNo"),
                Spec("ebpCode"),
                Spec("ebpName"),
                Spec("ebcCode"),
                Spec("ebcName"),
                Spec("goodsValue", DECIMAL),
                Spec("freight", DECIMAL),
                Spec("currency", CURRENCY),
                Spec("note", optional=True),
            ),
        ),
        Node(
            "OrderList",
            "lines",
            OrderLine,
            many=True,
            specs=(
                Spec("gnum", INT),
                Spec("itemNo"),
                Spec("itemName"),
                Spec("itemDescribe", optional=True),
                Spec("barCode", optional=True),
                Spec("unit"),
                Spec("currency", CURRENCY),
                Spec("qty", DECIMAL),
                Spec("price", DECIMAL),
                Spec("totalPrice", DECIMAL),
                Spec("note", optional=True),
            ),
        ),
    ),
)

LOGISTICS = Node(
    "Logistics",
    "waybills",
    Waybill,
    many=True,
    specs=(
        *_APP,
        Spec("logisticsCode"),
        Spec("logisticsName"),
        Spec("logisticsNo"),
        Spec("freight", DECIMAL),
        Spec("insuredFee", DECIMAL),
        Spec("currency", CURRENCY),
        Spec("grossWeight", DECIMAL),
        Spec("packNo", INT),
        Spec("goodsInfo"),
        Spec("ebcCode", optional=True),
        Spec("ebcName", optional=True),
        Spec("ebcTelephone", optional=True),
        Spec("note", optional=True),
    ),
)

INVENTORY = Node(
    "Inventory",
    "inventories",
    Inventory,
    many=True,
    children=(
        Node(
            "InventoryHead",
            "head",
            InventoryHead,
            specs=(
                *_APP,
                Spec("customsCode"),
                Spec("ebpCode"),
                Spec("ebpName"),
                Spec("orderNo"),
                Spec("logisticsCode"),
                Spec("logisticsName"),
                Spec("logisticsNo"),
                Spec("copNo"),
                Spec("preNo", optional=True),
                Spec("invtNo", optional=True),
                Spec("ieFlag"),
                Spec("portCode"),
                Spec("ieDate", DATE),
                Spec("statisticsFlag"),
                Spec("agentCode"),
                Spec("agentName"),
                Spec("ebcCode"),
                Spec("ebcName"),
                Spec("ownerCode"),
                Spec("ownerName"),
                Spec("iacCode", optional=True),
                Spec("iacName", optional=True),
                Spec("emsNo", optional=True),
                Spec("tradeMode"),
                Spec("trafMode"),
                Spec("trafName", optional=True),
                Spec("voyageNo", optional=True),
                Spec("billNo", optional=True),
                Spec("totalPackageNo", optional=True),
                Spec("loctNo", optional=True),
                Spec("licenseNo", optional=True),
                Spec("country", COUNTRY),
                Spec("POD", attr="pod"),
                Spec("freight", DECIMAL),
                Spec("fCurrency", CURRENCY, attr="freight_currency"),
                Spec("fFlag", attr="freight_flag"),
                Spec("insuredFee", DECIMAL),
                Spec("iCurrency", CURRENCY, attr="insurance_currency"),
                Spec("iFlag", attr="insurance_flag"),
                Spec("wrapType"),
                Spec("packNo", INT),
                Spec("grossWeight", DECIMAL),
                Spec("netWeight", DECIMAL),
                Spec("note", optional=True),
            ),
        ),
        Node(
            "InventoryList",
            "lines",
            InventoryLine,
            many=True,
            specs=(
                Spec("gnum", INT),
                Spec("itemNo"),
                Spec("itemRecordNo", optional=True),
                Spec("itemName", optional=True),
                Spec("gcode"),
                Spec("gname"),
                Spec("gmodel"),
                Spec("barCode"),
                Spec("country", COUNTRY),
                Spec("currency", CURRENCY),
                Spec("qty", DECIMAL),
                Spec("qty1", DECIMAL),
                Spec("qty2", DECIMAL, optional=True),
                Spec("unit"),
                Spec("unit1"),
                Spec("unit2", optional=True),
                Spec("price", DECIMAL),
                Spec("totalPrice", DECIMAL),
                Spec("note", optional=True),
            ),
        ),
    ),
)


# --- the codec's own checks (before the schema) ------------------------------------------------


def _check_guid(value: str, field: str, errors: list[FieldError]) -> None:
    if not GUID_RE.match(value or ""):
        errors.append(FieldError(field, "must be a 36-character uppercase UUID"))


def _check_lines(lines: tuple, path: str, errors: list[FieldError]) -> None:
    if not lines:
        errors.append(FieldError(f"{path}.lines", "at least one line is required"))
    for index, line in enumerate(lines):
        where = f"{path}.lines[{index}]"
        if line.gnum != index + 1:
            errors.append(FieldError(f"{where}.gnum", f"must be {index + 1} (lines are numbered 1..n)"))
        try:
            expected = line.qty * line.price
            mismatch = abs(line.total_price - expected) > PRICE_TOLERANCE
        except TypeError:
            continue  # not Decimals: reported field by field by the builder
        if mismatch:
            errors.append(FieldError(f"{where}.total_price", f"must equal qty × price ({expected:f})"))


def _check_order(order: Order, path: str, errors: list[FieldError]) -> None:
    head = order.head
    _check_guid(head.guid, f"{path}.head.guid", errors)
    if head.order_type not in (OrderType.B2B, OrderType.WAREHOUSE):
        errors.append(FieldError(f"{path}.head.order_type", "must be B (9710) or W (9810)"))
    _check_lines(order.lines, path, errors)
    for index, line in enumerate(order.lines):
        if line.currency != head.currency:
            errors.append(
                FieldError(f"{path}.lines[{index}].currency", f"must be {head.currency} like the head")
            )
    try:
        total = sum((line.total_price for line in order.lines), Decimal(0))
    except TypeError:
        return
    if head.goods_value != total:
        errors.append(
            FieldError(f"{path}.head.goods_value", f"must equal the sum of line totals ({total:f})")
        )


def _check_waybill(waybill: Waybill, path: str, errors: list[FieldError]) -> None:
    _check_guid(waybill.guid, f"{path}.guid", errors)
    if isinstance(waybill.pack_no, int) and waybill.pack_no < 1:
        errors.append(FieldError(f"{path}.pack_no", "at least one package"))
    if isinstance(waybill.gross_weight, Decimal) and waybill.gross_weight <= 0:
        errors.append(FieldError(f"{path}.gross_weight", "must be more than 0 kg"))


def _check_inventory(inventory: Inventory, path: str, errors: list[FieldError]) -> None:
    head = inventory.head
    where = f"{path}.head"
    _check_guid(head.guid, f"{where}.guid", errors)
    for name in ("customs_code", "port_code"):
        if not OFFICE_RE.match(getattr(head, name) or ""):
            errors.append(FieldError(f"{where}.{name}", "must be a 4-digit customs office code"))
    if head.trade_mode not in (TradeMode.B2B_DIRECT, TradeMode.OVERSEAS_WAREHOUSE):
        errors.append(FieldError(f"{where}.trade_mode", "must be 9710 or 9810"))
    if head.statistics_flag not in ("A", "B"):
        errors.append(FieldError(f"{where}.statistics_flag", "must be A (simplified) or B (summary)"))
    if head.ie_flag != "E":
        errors.append(FieldError(f"{where}.ie_flag", "must be E (export)"))
    if isinstance(head.net_weight, Decimal) and isinstance(head.gross_weight, Decimal):
        if not 0 < head.net_weight <= head.gross_weight:
            errors.append(
                FieldError(f"{where}.net_weight", "must be more than 0 and at most the gross weight")
            )
    _check_lines(inventory.lines, path, errors)
    for index, line in enumerate(inventory.lines):
        if not HS_CODE_RE.match(line.gcode or ""):
            errors.append(FieldError(f"{path}.lines[{index}].gcode", "must be a 10-digit HS code"))
        if (line.qty2 is None) != (not line.unit2):
            errors.append(FieldError(f"{path}.lines[{index}].qty2", "qty2 and unit2 go together"))


# --- public API --------------------------------------------------------------------------------


def _first_per_field(errors: list[FieldError]) -> list[FieldError]:
    """The codec's own check and the value conversion may both object to a field: keep the first."""
    seen: set[str] = set()
    return [error for error in errors if not (error.field in seen or seen.add(error.field))]


def _build(tag: str, message: Any, entities_attr: str, node: Node, checker, codes: CodeMap) -> bytes:
    errors: list[FieldError] = []
    _check_guid(message.guid, "guid", errors)
    entities = getattr(message, entities_attr)
    for index, entity in enumerate(entities):
        checker(entity, f"{entities_attr}[{index}]", errors)
    root = build_root(tag, {"guid": message.guid, "version": message.version})
    for index, entity in enumerate(entities):
        build_node(root, node, entity, codes, f"{entities_attr}[{index}]", errors)
    build_node(root, BASE_TRANSFER, message.transfer, codes, "transfer", errors)
    if errors:
        raise MessageError(tag, _first_per_field(errors))
    errors = schema_errors(ceb_schema(), root, (node, BASE_TRANSFER))
    if errors:
        raise MessageError(tag, errors)
    return serialise(root)


def _parse(tag: str, document: bytes | str, cls: type, node: Node, codes: CodeMap, validate: bool) -> Any:
    root = read_xml(document)
    if local_name(root.tag) != tag:
        raise MessageError(tag, [FieldError("", f"the document is a {root.tag}, not a {tag}")])
    if validate:
        errors = schema_errors(ceb_schema(), root, (node, BASE_TRANSFER))
        if errors:
            raise MessageError(tag, errors)
    errors = []
    for attribute in ("guid", "version"):
        if not root.get(attribute):
            errors.append(FieldError(attribute, f"the {attribute} attribute is missing"))
    values = {"guid": root.get("guid", ""), "version": root.get("version", "")}
    wrapper = Node(tag, "", cls, children=(node, BASE_TRANSFER), constants=values)
    parsed = parse_node(root, wrapper, inverse_codes(codes), "", errors)
    if errors:
        raise MessageError(tag, errors)
    return parsed


def build_ceb303(message: OrderMessage, *, codes: CodeMap) -> bytes:
    """CEB303Message (orderType B for 9710, W for 9810 with the warehouse as ebp), validated."""
    return _build("CEB303Message", message, "orders", ORDER, _check_order, codes)


def build_ceb505(message: WaybillMessage, *, codes: CodeMap) -> bytes:
    """CEB505Message (waybill), validated."""
    return _build("CEB505Message", message, "waybills", LOGISTICS, _check_waybill, codes)


def build_ceb603(message: InventoryMessage, *, codes: CodeMap) -> bytes:
    """CEB603Message (declaration list), validated."""
    return _build("CEB603Message", message, "inventories", INVENTORY, _check_inventory, codes)


def parse_ceb303(document: bytes | str, *, codes: CodeMap, validate: bool = True) -> OrderMessage:
    """Read a CEB303Message back (schema-validated first unless ``validate=False``)."""
    return _parse("CEB303Message", document, OrderMessage, ORDER, codes, validate)


def parse_ceb505(document: bytes | str, *, codes: CodeMap, validate: bool = True) -> WaybillMessage:
    """Read a CEB505Message back (schema-validated first unless ``validate=False``)."""
    return _parse("CEB505Message", document, WaybillMessage, LOGISTICS, codes, validate)


def parse_ceb603(document: bytes | str, *, codes: CodeMap, validate: bool = True) -> InventoryMessage:
    """Read a CEB603Message back (schema-validated first unless ``validate=False``)."""
    return _parse("CEB603Message", document, InventoryMessage, INVENTORY, codes, validate)
