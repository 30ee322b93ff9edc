"""Gates: a registered check stops each of the six actions through the real service, and nothing is
written; with no check the action passes; an unknown action name is an error."""

import pytest
from django.core.exceptions import ValidationError

from marketplace.core import gates


def refuse(message: str):
    def check(*, obj, user, **details):
        raise ValidationError(message)

    return check


def test_the_catalogue_names_the_six_actions():
    assert sorted(gates.Action.values) == [
        "declaration.file",
        "lot.release",
        "product.publish",
        "quote.accept",
        "rfq.answer",
        "shipment.ship",
    ]


def test_a_check_receives_the_object_the_user_and_the_details():
    seen = []

    def check(*, obj, user, **details):
        seen.append((obj, user, details))

    with gates.registered(gates.Action.LOT_RELEASE, check):
        gates.check(action=gates.Action.LOT_RELEASE, obj="lot", user="user", quantity=3)

    assert seen == [("lot", "user", {"quantity": 3})]


def test_the_first_refusal_stops_the_action_and_later_checks_are_not_asked():
    asked = []

    def later(*, obj, user, **details):
        asked.append(obj)

    with (
        gates.registered(gates.Action.SHIP, refuse("Credit line exceeded.")),
        gates.registered(gates.Action.SHIP, later),
        pytest.raises(ValidationError) as refused,
    ):
        gates.check(action=gates.Action.SHIP, obj="order", user=None)

    assert refused.value.messages == ["Credit line exceeded."]
    assert asked == []


def test_a_temporary_registration_is_gone_after_the_block():
    check = refuse("Not now.")

    with gates.registered(gates.Action.SHIP, check):
        with pytest.raises(ValidationError):
            gates.check(action=gates.Action.SHIP, obj="order", user=None)

    gates.check(action=gates.Action.SHIP, obj="order", user=None)  # passes: nothing registered


def test_registering_the_same_check_twice_asks_it_once():
    asked = []

    def check(*, obj, user, **details):
        asked.append(obj)

    with gates.registered(gates.Action.SHIP, check):
        gates.register(gates.Action.SHIP, check)
        gates.check(action=gates.Action.SHIP, obj="order", user=None)

    assert asked == ["order"]


def test_an_unknown_action_is_an_error_to_check_and_to_register():
    with pytest.raises(ValueError, match="Unknown gate action 'shipment.shipp'"):
        gates.check(action="shipment.shipp", obj=None, user=None)
    with pytest.raises(ValueError, match="Unknown gate action 'quote.acept'"):
        gates.register("quote.acept", refuse("never"))


def test_checking_with_no_gate_registered_costs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        for action in gates.Action.values:
            gates.check(action=action, obj=None, user=None)
