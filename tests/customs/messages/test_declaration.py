import dataclasses
import json
from decimal import Decimal

import pytest
from jsonschema import Draft202012Validator

from marketplace.customs.messages.declaration import (
    export_full_declaration,
    full_declaration_to_dict,
    parse_full_declaration,
    validate_declaration_json,
)
from marketplace.customs.messages.errors import MessageError
from marketplace.customs.messages.schema import declaration_json_schema
from tests.customs.messages.examples import full_declaration


def _exported() -> dict:
    return json.loads(export_full_declaration(full_declaration()))


def test_the_schema_file_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(declaration_json_schema())


def test_full_declaration_json_validates_against_its_schema_and_reads_back_equal():
    # given a full-route declaration (a dangerous chemical and a licensed electric car)
    declaration = full_declaration()

    # when it is exported
    document = export_full_declaration(declaration)
    data = json.loads(document)

    # then the JSON validates, carries the codes and the 10000004 attachment, and reads back equal
    assert list(Draft202012Validator(declaration_json_schema()).iter_errors(data)) == []
    assert data["head"]["trade_mode"] == "9710"
    assert data["head"]["destination_country"] == "MNG"
    assert data["head"]["terms_of_sale"] == "7"
    assert data["lines"][1]["commodity_code"] == "8703801090101"
    assert data["lines"][1]["unit_price"] == "18500.12345"
    assert data["lines"][1]["qty2"] == "3700"
    assert "qty2" not in data["lines"][0]
    assert data["attachments"] == [
        {"type": "10000004", "document_number": "ORD-2026-000123", "description": "跨境B2B出口单证"}
    ]
    assert parse_full_declaration(document) == declaration


@pytest.mark.parametrize(
    ("breakage", "field", "pointer"),
    [
        (lambda d: d["lines"][0].update(hs_code="29051100"), "lines[0].hs_code", "/lines/0/hs_code"),
        (
            lambda d: d["lines"][0].update(inspection_code="99"),
            "lines[0].inspection_code",
            "/lines/0/inspection_code",
        ),
        (
            lambda d: d["head"].update(destination_country="MN"),
            "head.destination_country",
            "/head/destination_country",
        ),
        (lambda d: d["head"].update(currency="usd"), "head.currency", "/head/currency"),
        (lambda d: d["head"].update(trade_mode="9610"), "head.trade_mode", "/head/trade_mode"),
        (lambda d: d["head"].pop("terms_of_sale"), "head.terms_of_sale", "/head/terms_of_sale"),
        (lambda d: d["lines"][0].update(qty=20.5), "lines[0].qty", "/lines/0/qty"),
        (
            lambda d: d["lines"][0].update(unit_price="412.123456"),
            "lines[0].unit_price",
            "/lines/0/unit_price",
        ),
        (lambda d: d["attachments"][0].update(type="10000001"), "attachments", "/attachments"),
        (lambda d: d["lines"][1].pop("unit2"), "lines[1].unit2", "/lines/1/unit2"),
    ],
)
def test_broken_json_does_not_validate_and_names_the_field(breakage, field, pointer):
    # given an exported record broken in one place
    data = _exported()
    breakage(data)

    # when it is validated
    errors = validate_declaration_json(data)

    # then exactly that field is named, with its JSON pointer
    assert [(error.field, error.location) for error in errors] == [(field, pointer)]


def test_missing_attachment_message_says_what_is_needed():
    data = _exported()
    data["attachments"][0]["type"] = "10000001"

    assert validate_declaration_json(data)[0].message == (
        "must include a type-10000004 attachment naming the order or booking"
    )


def test_arithmetic_a_schema_cannot_express_is_checked_too():
    # given a record whose line total is off and whose net weight exceeds the gross weight
    data = _exported()
    data["lines"][0]["total_price"] = "8260"
    data["head"]["net_weight"] = "30000"

    # when it is validated
    errors = validate_declaration_json(data)

    # then both fields are named
    assert [str(error) for error in errors] == [
        "head.net_weight (/head/net_weight): must not exceed the gross weight",
        "lines[0].total_price (/lines/0/total_price): must equal qty × unit price (8250.0)",
    ]


def test_export_refuses_a_bad_record_with_the_whole_error_list():
    # given a declaration with a 6-digit HS code and an alpha-2 country on its first line
    declaration = full_declaration()
    line = dataclasses.replace(declaration.lines[0], hs_code="290511", origin_country="CN")
    declaration = dataclasses.replace(declaration, lines=(line, declaration.lines[1]))

    # when it is exported
    with pytest.raises(MessageError) as refused:
        export_full_declaration(declaration)

    # then both fields are listed
    assert refused.value.fields == ["lines[0].commodity_code", "lines[0].hs_code", "lines[0].origin_country"]


def test_export_refuses_float_amounts():
    declaration = dataclasses.replace(full_declaration(), freight=1200.0)

    with pytest.raises(MessageError) as refused:
        export_full_declaration(declaration)

    assert refused.value.fields == ["freight"]


def test_record_for_a_warehouse_booking_names_the_booking():
    # given a 9810 record for an overseas-warehouse booking
    declaration = dataclasses.replace(full_declaration(), trade_mode="9810", attachment_number="W-2026-0007")

    # when it is turned into JSON
    data = full_declaration_to_dict(declaration)

    # then it validates and its attachment names the booking
    assert validate_declaration_json(data) == []
    assert data["attachments"][0]["document_number"] == "W-2026-0007"
    assert Decimal(data["head"]["insurance"]) == Decimal("35.5")
