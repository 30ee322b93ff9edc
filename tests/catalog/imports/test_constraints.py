"""Check constraints evaluated in memory give the database's answer, message for message."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, F, Q

from catalog.imports.constraints import validate_constraints
from catalog.specs.models import ChemicalSpec, TradeSpec, VehicleSpec

pytestmark = pytest.mark.django_db


def messages(check, instance) -> list[str]:
    try:
        check(instance)
    except ValidationError as error:
        return sorted(error.messages)
    return []


@pytest.mark.parametrize(
    "instance",
    [
        TradeSpec(net_weight_kg=Decimal("1000"), gross_weight_kg=Decimal("1000")),
        TradeSpec(net_weight_kg=Decimal("1000"), gross_weight_kg=Decimal("999.999")),
        TradeSpec(net_weight_kg=Decimal("0"), gross_weight_kg=Decimal("5")),
        TradeSpec(net_weight_kg=None, gross_weight_kg=Decimal("5")),
        ChemicalSpec(un_number="", transport_class="", packing_group=""),
        ChemicalSpec(un_number="UN1230", transport_class="3", packing_group="II"),
        ChemicalSpec(un_number="UN1230", transport_class="3", packing_group=""),
        ChemicalSpec(un_number="UN1230", transport_class="", packing_group="II"),
        VehicleSpec(condition="used", vin="", powertrain="ICE", battery_kwh=None),
        VehicleSpec(condition="new", vin="", powertrain="BEV", battery_kwh=None),
        VehicleSpec(
            condition="used", vin="LFV2A21K0A4000001", powertrain="PHEV", battery_kwh=Decimal("18.3")
        ),
    ],
    ids=lambda instance: type(instance).__name__,
)
def test_the_catalogue_constraints_agree_with_the_database(instance):
    assert messages(validate_constraints, instance) == messages(lambda i: i.validate_constraints(), instance)


def test_excluded_fields_skip_their_constraints_as_in_django():
    spec = TradeSpec(net_weight_kg=Decimal("10"), gross_weight_kg=Decimal("1"))

    assert messages(lambda i: validate_constraints(i, exclude={"gross_weight_kg"}), spec) == []
    assert messages(lambda i: i.validate_constraints(exclude={"gross_weight_kg"}), spec) == []


def test_conditions_it_does_not_know_go_to_the_database(monkeypatch):
    odd = CheckConstraint(
        condition=Q(packaging__startswith="ISO") | Q(net_weight_kg__lt=F("gross_weight_kg")),
        name="odd",
        violation_error_message="Odd.",
    )
    monkeypatch.setattr(TradeSpec._meta, "constraints", [odd])
    spec = TradeSpec(packaging="bags", net_weight_kg=Decimal("2"), gross_weight_kg=Decimal("1"))

    assert messages(validate_constraints, spec) == ["Odd."]
