"""The route rule: the list only up to RMB 5,000 and without licence, inspection or duty."""

from datetime import date
from decimal import Decimal

import pytest

from marketplace.customs import services
from marketplace.customs.models import CustomsSettings, Route
from marketplace.customs.route import LineFacts, decide_route, describe, has_export_duty
from tests.factories.customs import methanol, order_for, traded_product, used_vehicle

LIMIT = Decimal("5000")
PLAIN = LineFacts(item_no="PP-1", hs_code="3902100090")


def test_exactly_rmb_5000_takes_the_list():
    decision = decide_route(value_cny=Decimal("5000.00"), limit_cny=LIMIT, lines=[PLAIN])

    assert decision.route == Route.LIST
    assert [reason["code"] for reason in decision.reasons] == ["list_allowed"]


def test_one_fen_above_rmb_5000_takes_the_full_declaration():
    decision = decide_route(value_cny=Decimal("5000.01"), limit_cny=LIMIT, lines=[PLAIN])

    assert decision.route == Route.FULL
    assert decision.reasons == [{"code": "value_over_limit", "value": "5000.01", "limit": "5000.00"}]
    assert describe(decision.reasons[0]) == "The value is RMB 5000.01, above the list limit of RMB 5000.00."


def test_an_unknown_rmb_value_takes_the_full_declaration():
    assert decide_route(value_cny=None, limit_cny=LIMIT, lines=[PLAIN]).route == Route.FULL


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        (LineFacts(item_no="M", hs_code="2905110000", un_number="UN1230"), "dangerous_goods"),
        (LineFacts(item_no="V", hs_code="8703801010", used_vehicle=True), "used_vehicle"),
        (LineFacts(item_no="E", hs_code="8703801090", licensed_hs=True), "licensed_hs"),
        (LineFacts(item_no="L", hs_code="1302120000", licence_letters=frozenset("4xy")), "export_licence"),
        (LineFacts(item_no="C", hs_code="5102110000", needs_export_inspection=True), "export_inspection"),
        (LineFacts(item_no="D", hs_code="2606000000", export_duty_rate="20%"), "export_duty"),
    ],
)
def test_goods_needing_licence_inspection_or_duty_force_the_full_declaration(facts, code):
    decision = decide_route(value_cny=Decimal("100"), limit_cny=LIMIT, lines=[PLAIN, facts])

    assert decision.route == Route.FULL
    assert [reason["code"] for reason in decision.reasons] == [code]


def test_a_vat_refund_claim_forces_the_full_declaration():
    decision = decide_route(value_cny=Decimal("100"), limit_cny=LIMIT, lines=[PLAIN], claims_vat_refund=True)

    assert (decision.route, decision.reasons) == (Route.FULL, [{"code": "vat_refund"}])


@pytest.mark.parametrize(
    ("rate", "due"),
    [("20%", True), ("0.2", True), ("0", False), ("0%", False), ("", False), ("UNCONFIRMED", False)],
)
def test_export_duty_is_due_only_for_a_positive_rate(rate, due):
    assert has_export_duty(rate) is due


def test_the_electric_car_licence_applies_from_2026():
    settings_row = CustomsSettings.current()

    assert "8703801090" not in settings_row.licensed_hs_codes(date(2025, 12, 31))
    assert "8703801090" in settings_row.licensed_hs_codes(date(2026, 1, 1))


@pytest.mark.django_db
def test_the_configured_limit_is_inclusive_at_the_locked_rate(
    buyer, buyer_user, supplier, supplier_admin, polypropylene
):
    # USD 500 at the order's locked 7.10 = RMB 3,550.00.
    order = order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)
    CustomsSettings.objects.update(list_limit_cny=Decimal("3550.00"))
    at_limit = services.open_declaration_for_order(order=order, user=supplier_admin)
    services.cancel_declaration(declaration=at_limit, user=supplier_admin, reason="test")
    CustomsSettings.objects.update(list_limit_cny=Decimal("3549.99"))
    above = services.open_declaration_for_order(order=order, user=supplier_admin)

    assert (at_limit.value_cny, at_limit.route) == (Decimal("3550.00"), Route.LIST)
    assert (above.value_cny, above.route) == (Decimal("3550.00"), Route.FULL)


@pytest.mark.django_db
def test_a_small_dangerous_chemical_order_takes_the_full_declaration(
    buyer, buyer_user, supplier, supplier_admin
):
    product = methanol(supplier=supplier)
    order = order_for(
        buyer=buyer,
        buyer_user=buyer_user,
        supplier=supplier,
        product=product,
        quantity="0.1",
        price="285",
        unit="t",
    )

    declaration = services.open_declaration_for_order(order=order, user=supplier_admin)

    assert declaration.value_cny < Decimal("5000")
    assert declaration.route == Route.FULL
    assert {reason["code"] for reason in declaration.route_reasons} == {
        "dangerous_goods",
        "export_inspection",
    }


@pytest.mark.django_db
def test_a_used_vehicle_takes_the_full_declaration(buyer, buyer_user, supplier, supplier_admin):
    product = used_vehicle(supplier=supplier)
    order = order_for(
        buyer=buyer,
        buyer_user=buyer_user,
        supplier=supplier,
        product=product,
        quantity="1",
        price="600",
        unit="vehicle",
    )

    declaration = services.open_declaration_for_order(order=order, user=supplier_admin)

    assert declaration.route == Route.FULL
    codes = {reason["code"] for reason in declaration.route_reasons}
    assert "used_vehicle" in codes and "export_licence" in codes


@pytest.mark.django_db
def test_a_licensed_hs_code_takes_the_full_declaration(buyer, buyer_user, supplier, supplier_admin):
    product = traded_product(
        supplier=supplier,
        hs_code="8703801090",
        title="BEV",
        unit="vehicle",
        net="1500",
        gross="1550",
        price="600",
    )
    order = order_for(
        buyer=buyer,
        buyer_user=buyer_user,
        supplier=supplier,
        product=product,
        quantity="1",
        price="600",
        unit="vehicle",
    )
    CustomsSettings.objects.update(licence_required_hs="8703801090 2000-01-01")

    declaration = services.open_declaration_for_order(order=order, user=supplier_admin)

    assert declaration.route == Route.FULL
    assert {"code": "licensed_hs", "item": declaration.lines.get().item_no, "hs": "8703801090"} in (
        declaration.route_reasons
    )
