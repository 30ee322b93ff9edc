"""Receipts from customs: CEB304 (order), CEB506 (waybill), CEB604 (declaration list).

:func:`parse_receipts` reads any of the three by namespace, whatever prefix the sender chose (``ceb:``,
another one, or a default namespace), skipping a byte-order mark, comments and whitespace, and returns a
:class:`~marketplace.customs.messages.data.ReceiptMessage` with one
:class:`~marketplace.customs.messages.data.Receipt` per return entity, in document order (a message may
carry up to 100). By default the document is first validated against ``ceb-export-202205.xsd`` (the
official samples pass); ``validate=False`` reads what it can and still refuses a receipt that lacks
guid, returnStatus or returnTime. ``returnTime`` is read as Beijing time (``yyyyMMddHHmmssfff``; a
14-digit time without milliseconds is accepted when not validating).

:func:`build_receipts` writes receipts back (for demo data and tests that play customs' part).
"""

from __future__ import annotations

from marketplace.customs.messages.data import Receipt, ReceiptKind, ReceiptMessage
from marketplace.customs.messages.errors import FieldError, MessageError
from marketplace.customs.messages.schema import ceb_schema
from marketplace.customs.messages.xmlcodec import (
    TIME_MS,
    Node,
    Spec,
    build_node,
    build_root,
    local_name,
    parse_node,
    read_xml,
    schema_errors,
    serialise,
)

# Receipts are customs' words: where the schema lets a field be empty (invtNo of a rejected list,
# returnInfo), so does the codec.
_RETURN = (Spec("returnStatus"), Spec("returnTime", TIME_MS), Spec("returnInfo", blank=True))

RECEIPT_NODES: dict[str, Node] = {
    "CEB304Message": Node(
        "OrderReturn",
        "receipts",
        Receipt,
        many=True,
        constants={"kind": ReceiptKind.ORDER},
        specs=(
            Spec("guid"),
            Spec("ebpCode", blank=True),
            Spec("ebcCode", blank=True),
            Spec("orderNo", blank=True),
            *_RETURN,
        ),
    ),
    "CEB506Message": Node(
        "LogisticsReturn",
        "receipts",
        Receipt,
        many=True,
        constants={"kind": ReceiptKind.WAYBILL},
        specs=(Spec("guid"), Spec("logisticsCode", blank=True), Spec("logisticsNo", blank=True), *_RETURN),
    ),
    "CEB604Message": Node(
        "InventoryReturn",
        "receipts",
        Receipt,
        many=True,
        constants={"kind": ReceiptKind.INVENTORY},
        specs=(
            Spec("guid"),
            Spec("agentCode", blank=True),
            Spec("copNo", blank=True),
            Spec("preNo", blank=True),
            Spec("invtNo", blank=True),
            Spec("ebcCode", blank=True),
            Spec("ebpCode", blank=True),
            Spec("orderNo", blank=True),
            Spec("statisticsFlag", blank=True),
            *_RETURN,
        ),
    ),
}
MESSAGE_FOR_KIND = {
    ReceiptKind.ORDER: "CEB304Message",
    ReceiptKind.WAYBILL: "CEB506Message",
    ReceiptKind.INVENTORY: "CEB604Message",
}
# Fields a receipt cannot do without, even when read leniently.
_ESSENTIAL = {"guid", "return_status", "return_time"}


def parse_receipts(document: bytes | str, *, validate: bool = True) -> ReceiptMessage:
    """Read a CEB304, CEB506 or CEB604 receipt message (see the module docstring)."""
    root = read_xml(document)
    tag = local_name(root.tag)
    if tag not in RECEIPT_NODES:
        expected = ", ".join(RECEIPT_NODES)
        raise MessageError(
            "Receipt", [FieldError("", f"the document is a {root.tag}, not one of {expected}")]
        )
    node = RECEIPT_NODES[tag]
    if validate:
        errors = schema_errors(ceb_schema(), root, (node,))
        if errors:
            raise MessageError(tag, errors)
    lenient = node if validate else _lenient(node)
    errors: list[FieldError] = []
    receipts = tuple(
        parse_node(element, lenient, {}, f"receipts[{index}]", errors)
        for index, element in enumerate(el for el in root if local_name(el.tag) == node.tag)
    )
    if not receipts:
        errors.append(FieldError("receipts", f"no {node.tag} in the message"))
    if errors:
        raise MessageError(tag, errors)
    return ReceiptMessage(
        message_type=tag.removesuffix("Message"),
        guid=root.get("guid", ""),
        version=root.get("version", ""),
        receipts=receipts,
    )


def _lenient(node: Node) -> Node:
    specs = tuple(
        Spec(spec.xml, spec.kind, optional=spec.name not in _ESSENTIAL, attr=spec.attr, blank=spec.blank)
        for spec in node.specs
    )
    return Node(node.tag, node.attr, node.cls, specs=specs, many=node.many, constants=node.constants)


def build_receipts(message: ReceiptMessage) -> bytes:
    """Write a receipt message (all receipts of one kind), validated against the schema."""
    kinds = {receipt.kind for receipt in message.receipts}
    tag = f"{message.message_type}Message"
    if tag not in RECEIPT_NODES or kinds != {RECEIPT_NODES[tag].constants["kind"]}:
        raise MessageError(tag, [FieldError("receipts", f"must all be receipts of {message.message_type}")])
    node = RECEIPT_NODES[tag]
    root = build_root(tag, {"guid": message.guid, "version": message.version})
    errors: list[FieldError] = []
    for index, receipt in enumerate(message.receipts):
        build_node(root, node, receipt, None, f"receipts[{index}]", errors)
    errors = errors or schema_errors(ceb_schema(), root, (node,))
    if errors:
        raise MessageError(tag, errors)
    return serialise(root)
