"""The full-route declaration record as JSON, checked against ``schemas/declaration.schema.json``.

:func:`export_full_declaration` turns a :class:`~marketplace.customs.messages.data.FullDeclaration` into
UTF-8 JSON (decimals as strings, never floats) after two checks: the JSON Schema kept in the repo
(draft 2020-12: ISO 3166-1 alpha-3 / ISO 4217 codes, 10-digit HS + 3-digit inspection code, trade mode
9710/9810, a type-10000004 attachment...) and the arithmetic a schema cannot express (totalPrice =
qty × price, lines numbered 1..n, 0 < net ≤ gross, the attachment names the order or booking). It
raises :class:`~marketplace.customs.messages.errors.MessageError` with the whole error list, each error
naming its field (``lines[0].hs_code``) and JSON pointer (``/lines/0/hs_code``).

:func:`validate_declaration_json` checks any JSON document (an upload, an API body) the same way and
returns the error list; :func:`parse_full_declaration` reads an exported record back.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from marketplace.customs.messages.data import FullDeclaration, FullDeclarationLine
from marketplace.customs.messages.errors import FieldError, MessageError
from marketplace.customs.messages.schema import declaration_json_schema
from marketplace.customs.messages.xmlcodec import MAX_FRACTION

FORMAT_VERSION = "1.0"
ATTACHMENT_TYPE_B2B_EXPORT = "10000004"
SUBJECT = "Full declaration"
PRICE_TOLERANCE = Decimal("0.01")

_HEAD_FIELDS = [f.name for f in fields(FullDeclaration) if f.name not in ("lines", "attachment_type")]
_HEAD_FIELDS.remove("attachment_number")
_LINE_FIELDS = [f.name for f in fields(FullDeclarationLine)]
_DECIMALS = {
    "freight",
    "insurance",
    "gross_weight",
    "net_weight",
    "qty",
    "qty1",
    "qty2",
    "unit_price",
    "total_price",
}
_OPTIONAL_TEXT = {"transport_document_no", "license_no", "note", "unit2"}


def _json_value(name: str, value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.quantize(MAX_FRACTION) else format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value"):  # StrEnum
        return str(value)
    return value


def full_declaration_to_dict(declaration: FullDeclaration) -> dict[str, Any]:
    """The JSON-ready record (not yet validated)."""
    head = {}
    for name in _HEAD_FIELDS:
        value = getattr(declaration, name)
        if name in _OPTIONAL_TEXT and not value:
            continue
        head[name] = _json_value(name, value)
    lines = []
    for line in declaration.lines:
        row = {}
        for name in _LINE_FIELDS:
            value = getattr(line, name)
            if (name in _OPTIONAL_TEXT and not value) or (name == "qty2" and value is None):
                continue
            row[name] = _json_value(name, value)
        row["commodity_code"] = f"{line.hs_code}{line.inspection_code}"
        lines.append(row)
    attachment = {
        "type": declaration.attachment_type,
        "document_number": declaration.attachment_number,
        "description": "跨境B2B出口单证",
    }
    return {"format_version": FORMAT_VERSION, "head": head, "lines": lines, "attachments": [attachment]}


def _field_name(path: list[Any]) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(declaration_json_schema())


def validate_declaration_json(data: Any) -> list[FieldError]:
    """Every JSON Schema error of ``data``, then the arithmetic checks, each naming its field."""
    errors = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        if error.validator == "required" and isinstance(error.instance, dict):
            missing = [name for name in error.validator_value if name not in error.instance]
            path = path + missing[:1]
        if error.validator == "dependentRequired" and isinstance(error.instance, dict):
            missing = [
                dependency
                for name, dependencies in error.validator_value.items()
                if name in error.instance
                for dependency in dependencies
                if dependency not in error.instance
            ]
            path = path + missing[:1]
        message = error.message
        if error.validator == "contains" and path == ["attachments"]:
            message = "must include a type-10000004 attachment naming the order or booking"
        pointer = "/" + "/".join(str(part) for part in path)
        errors.append(FieldError(_field_name(path), message, pointer))
    if not errors:
        errors = _arithmetic_errors(data)
    return errors


def _arithmetic_errors(data: dict[str, Any]) -> list[FieldError]:
    errors = []
    head = data["head"]
    if Decimal(head["net_weight"]) > Decimal(head["gross_weight"]):
        errors.append(FieldError("head.net_weight", "must not exceed the gross weight", "/head/net_weight"))
    for index, line in enumerate(data["lines"]):
        if line["gnum"] != index + 1:
            errors.append(
                FieldError(
                    f"lines[{index}].gnum",
                    f"must be {index + 1} (lines are numbered 1..n)",
                    f"/lines/{index}/gnum",
                )
            )
        expected = Decimal(line["qty"]) * Decimal(line["unit_price"])
        if abs(Decimal(line["total_price"]) - expected) > PRICE_TOLERANCE:
            errors.append(
                FieldError(
                    f"lines[{index}].total_price",
                    f"must equal qty × unit price ({expected:f})",
                    f"/lines/{index}/total_price",
                )
            )
        if line["commodity_code"] != line["hs_code"] + line["inspection_code"]:
            errors.append(
                FieldError(
                    f"lines[{index}].commodity_code",
                    "must be the HS code followed by the inspection code",
                    f"/lines/{index}/commodity_code",
                )
            )
    return errors


def export_full_declaration(declaration: FullDeclaration) -> bytes:
    """The record as UTF-8 JSON, refused with the full error list unless it validates."""
    errors = _type_errors(declaration)
    data = full_declaration_to_dict(declaration) if not errors else {}
    errors = errors or validate_declaration_json(data)
    if errors:
        raise MessageError(SUBJECT, errors)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _type_errors(declaration: FullDeclaration) -> list[FieldError]:
    """Amounts must arrive as Decimals (floats would lose cents) and the date as a date."""
    errors = []
    rows = [("", declaration)] + [(f"lines[{i}].", line) for i, line in enumerate(declaration.lines)]
    for prefix, row in rows:
        for name in _DECIMALS:
            value = getattr(row, name, Decimal(0))
            if value is not None and (isinstance(value, bool) or not isinstance(value, Decimal | int)):
                errors.append(FieldError(f"{prefix}{name}", "must be a Decimal"))
    if not isinstance(declaration.declared_on, date):
        errors.append(FieldError("declared_on", "must be a date"))
    return errors


def parse_full_declaration(document: bytes | str | dict[str, Any]) -> FullDeclaration:
    """Read an exported record back (validated first)."""
    try:
        data = json.loads(document) if isinstance(document, bytes | str) else document
    except ValueError as exc:
        raise MessageError(SUBJECT, [FieldError("", f"not JSON ({exc})")])
    errors = validate_declaration_json(data)
    if errors:
        raise MessageError(SUBJECT, errors)
    head = data["head"]
    attachment = next(item for item in data["attachments"] if item["type"] == ATTACHMENT_TYPE_B2B_EXPORT)
    try:
        lines = tuple(
            FullDeclarationLine(
                **{name: _read(name, value) for name, value in line.items() if name != "commodity_code"}
            )
            for line in data["lines"]
        )
        values = {name: _read(name, value) for name, value in head.items()}
    except (InvalidOperation, ValueError) as exc:
        raise MessageError(SUBJECT, [FieldError("", str(exc))])
    return FullDeclaration(
        **values,
        lines=lines,
        attachment_type=attachment["type"],
        attachment_number=attachment["document_number"],
    )


def _read(name: str, value: Any) -> Any:
    if name in _DECIMALS:
        return Decimal(value)
    if name == "declared_on":
        return date.fromisoformat(value)
    return value
