"""The engine under the CEB builders and parsers: one field table per XSD element, used both ways.

A :class:`Node` describes an XML entity (``OrderHead``) as the dataclass it maps to and its leaf
fields (:class:`Spec`) *in the XSD's sequence order*; the builder writes them in that order and the
parser reads them back by namespace-qualified name, whatever prefix (or default namespace) a document
uses. Schema errors are reported with both the dataclass path and the XML path of the element at fault.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

import xmlschema
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from marketplace.customs.messages.data import CEB_NAMESPACE, CodeMap
from marketplace.customs.messages.errors import FieldError, MessageError

BEIJING = ZoneInfo("Asia/Shanghai")
MAX_FRACTION = Decimal("0.00001")
TEXT, DECIMAL, INT, TIME, TIME_MS, DATE, CURRENCY, COUNTRY = (
    "text",
    "decimal",
    "int",
    "time",
    "time_ms",
    "date",
    "currency",
    "country",
)

ET.register_namespace("ceb", CEB_NAMESPACE)


def snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


@dataclass(frozen=True)
class Spec:
    """One leaf element: its XML name, the dataclass attribute, how to convert, whether it may be absent."""

    xml: str
    kind: str = TEXT
    optional: bool = False
    attr: str = ""
    blank: bool = False  # a required text element that may be empty (receipts' returnInfo)

    @property
    def name(self) -> str:
        return self.attr or snake(self.xml)


@dataclass(frozen=True)
class Node:
    """An entity element mapped to a dataclass ``cls``; ``attr`` is its attribute on the parent."""

    tag: str
    attr: str
    cls: type
    specs: tuple[Spec, ...] = ()
    children: tuple[Node, ...] = ()
    many: bool = False
    constants: Mapping[str, Any] = field(default_factory=dict)


def q(tag: str) -> str:
    return f"{{{CEB_NAMESPACE}}}{tag}"


# --- values ------------------------------------------------------------------------------------


def _decimal_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ValueError("must be a Decimal")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError("must be a finite number")
    if value < 0:
        raise ValueError("must not be negative")
    try:
        rounded = value.quantize(MAX_FRACTION)
    except InvalidOperation:
        raise ValueError("is too large")
    if value != rounded:
        raise ValueError("has more than 5 decimal places")
    return format(value.normalize(), "f")


def _to_text(value: Any, spec: Spec, codes: CodeMap | None) -> str:
    if spec.kind == DECIMAL:
        return _decimal_text(value)
    if spec.kind == INT:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError("must be a whole number ≥ 0")
        return str(value)
    if spec.kind in (TIME, TIME_MS):
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("must be a timezone-aware datetime")
        local = value.astimezone(BEIJING)
        text = local.strftime("%Y%m%d%H%M%S")
        return text + f"{local.microsecond // 1000:03d}" if spec.kind == TIME_MS else text
    if spec.kind == DATE:
        if not isinstance(value, date):
            raise ValueError("must be a date")
        return value.strftime("%Y%m%d")
    if spec.kind in (CURRENCY, COUNTRY):
        table = codes.currencies if spec.kind == CURRENCY else codes.countries
        if value not in table:
            what = "currency" if spec.kind == CURRENCY else "country"
            raise ValueError(f"no customs code for {what} {value!r}")
        return table[value]
    if not isinstance(value, str):
        raise ValueError("must be text")
    if not value.strip() and not spec.blank:
        raise ValueError("is required")
    return value


def _from_text(text: str, spec: Spec, inverse: Mapping[str, Mapping[str, str]]) -> Any:
    if spec.kind == DECIMAL:
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(f"{text!r} is not a number")
    if spec.kind == INT:
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"{text!r} is not a whole number")
        if number != number.to_integral_value():
            raise ValueError(f"{text!r} is not a whole number")
        return int(number)
    if spec.kind in (TIME, TIME_MS):
        formats = {14: "%Y%m%d%H%M%S", 17: "%Y%m%d%H%M%S%f"}
        if len(text) not in formats or not text.isdigit():
            raise ValueError(f"{text!r} is not a time (yyyyMMddHHmmss[fff])")
        return datetime.strptime(text, formats[len(text)]).replace(tzinfo=BEIJING)
    if spec.kind == DATE:
        try:
            return datetime.strptime(text, "%Y%m%d").date()
        except ValueError:
            raise ValueError(f"{text!r} is not a date (YYYYMMDD)")
    if spec.kind in (CURRENCY, COUNTRY):
        table = inverse[spec.kind]
        if text not in table:
            raise ValueError(f"unknown customs {spec.kind} code {text!r}")
        return table[text]
    return text


def inverse_codes(codes: CodeMap | None) -> dict[str, dict[str, str]]:
    if codes is None:
        return {CURRENCY: {}, COUNTRY: {}}
    inverse: dict[str, dict[str, str]] = {CURRENCY: {}, COUNTRY: {}}
    for kind, table in ((CURRENCY, codes.currencies), (COUNTRY, codes.countries)):
        for iso, customs in table.items():
            inverse[kind].setdefault(customs, iso)
    return inverse


# --- building ----------------------------------------------------------------------------------


def build_node(
    parent: ET.Element, node: Node, obj: Any, codes: CodeMap | None, path: str, errors: list[FieldError]
) -> None:
    element = ET.SubElement(parent, q(node.tag))
    for spec in node.specs:
        value = getattr(obj, spec.name)
        if spec.optional and (value is None or value == ""):
            continue
        try:
            text = _to_text(value, spec, codes)
        except ValueError as exc:
            errors.append(FieldError(f"{path}.{spec.name}", str(exc)))
            text = ""
        ET.SubElement(element, q(spec.xml)).text = text
    for child in node.children:
        value = getattr(obj, child.attr)
        if child.many:
            for index, item in enumerate(value):
                build_node(element, child, item, codes, f"{path}.{child.attr}[{index}]", errors)
        else:
            build_node(element, child, value, codes, f"{path}.{child.attr}", errors)


def build_root(tag: str, attributes: Mapping[str, str]) -> ET.Element:
    return ET.Element(q(tag), {key: str(value) for key, value in attributes.items()})


def serialise(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


# --- reading -----------------------------------------------------------------------------------


def read_xml(document: bytes | str) -> ET.Element:
    """Parse a document safely (no entities, no DTD), tolerating a byte-order mark and blank lines."""
    raw = document.encode("utf-8") if isinstance(document, str) else bytes(document)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    raw = raw.lstrip()
    try:
        return SafeET.fromstring(raw)
    except DefusedXmlException as exc:
        refusal = f"refused: entity and DTD declarations are not accepted ({exc.__class__.__name__})"
        raise MessageError("XML document", [FieldError("", refusal)])
    except (ET.ParseError, ValueError) as exc:
        raise MessageError("XML document", [FieldError("", f"not well-formed XML ({exc})")])


def local_name(tag: Any) -> str | None:
    """The local name of an element in the CEB namespace, None for anything else (comments...)."""
    if not isinstance(tag, str) or not tag.startswith(f"{{{CEB_NAMESPACE}}}"):
        return None
    return tag.split("}", 1)[1]


def _children_by_name(element: ET.Element) -> dict[str, list[ET.Element]]:
    grouped: dict[str, list[ET.Element]] = {}
    for child in element:
        name = local_name(child.tag)
        if name is not None:
            grouped.setdefault(name, []).append(child)
    return grouped


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def parse_node(
    element: ET.Element,
    node: Node,
    inverse: Mapping[str, Mapping[str, str]],
    path: str,
    errors: list[FieldError],
) -> Any:
    before = len(errors)
    grouped = _children_by_name(element)
    values: dict[str, Any] = dict(node.constants)
    for spec in node.specs:
        found = grouped.get(spec.xml)
        if not found:
            if not spec.optional:
                errors.append(FieldError(_join(path, spec.name), f"{spec.xml} is missing"))
            continue
        try:
            values[spec.name] = _from_text((found[0].text or "").strip(), spec, inverse)
        except ValueError as exc:
            errors.append(FieldError(_join(path, spec.name), str(exc)))
    for child in node.children:
        found = grouped.get(child.tag, [])
        if not found:
            errors.append(FieldError(_join(path, child.attr), f"{child.tag} is missing"))
            continue
        if child.many:
            values[child.attr] = tuple(
                parse_node(item, child, inverse, f"{_join(path, child.attr)}[{index}]", errors)
                for index, item in enumerate(found)
            )
        else:
            values[child.attr] = parse_node(found[0], child, inverse, _join(path, child.attr), errors)
    if len(errors) > before:
        return None
    return node.cls(**values)


# --- schema validation with readable locations -------------------------------------------------


def _walk(element: ET.Element, nodes: tuple[Node, ...], path: str, xml_path: str) -> Iterator[tuple]:
    by_tag = {node.tag: node for node in nodes}
    counters: dict[str, int] = {}
    for child in element:
        name = local_name(child.tag)
        node = by_tag.get(name or "")
        if node is None:
            continue
        index = counters[name] = counters.get(name, -1) + 1
        child_path = _join(path, f"{node.attr}[{index}]" if node.many else node.attr)
        child_xml = f"{xml_path}/{name}[{index + 1}]" if node.many else f"{xml_path}/{name}"
        child_xml = child_xml.lstrip("/")
        yield child, child_path, child_xml
        specs = {spec.xml: spec for spec in node.specs}
        for leaf in child:
            leaf_name = local_name(leaf.tag)
            if leaf_name in specs:
                yield leaf, f"{child_path}.{specs[leaf_name].name}", f"{child_xml}/{leaf_name}"
        yield from _walk(child, node.children, child_path, child_xml)


def schema_errors(
    schema: xmlschema.XMLSchemaBase, root: ET.Element, nodes: tuple[Node, ...]
) -> list[FieldError]:
    """Validate ``root`` against ``schema``; each error names the dataclass field and XML path."""
    located = {id(element): (path, xml_path) for element, path, xml_path in _walk(root, nodes, "", "")}
    errors = []
    for error in schema.iter_errors(root):
        path, xml_path = located.get(id(error.elem), ("", error.path or ""))
        errors.append(FieldError(path, str(error.reason or error.message), xml_path))
    return errors
