from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from catalog.reference.models import HSCode, Unit
from catalog.specs.models import ChemicalSpec, TradeSpec, VehicleSpec
from catalog.specs.registry import spec_models_for
from catalog.specs.selectors import product_with_specs, specification_groups
from tests.factories.catalogue import ProductFactory, offered_product

pytestmark = pytest.mark.django_db


def trade_spec(product, **overrides) -> TradeSpec:
    fields = {
        "product": product,
        "hs_code": HSCode.objects.get(code="2905110000"),
        "commercial_unit": Unit.objects.get(code="t"),
        "net_weight_kg": Decimal("1000"),
        "gross_weight_kg": Decimal("1000"),
        **overrides,
    }
    return TradeSpec(**fields)


def methanol_spec(product, **overrides) -> ChemicalSpec:
    fields = {
        "product": product,
        "cas_number": "67-56-1",
        "un_number": "UN1230",
        "transport_class": "3",
        "subsidiary_class": "6.1",
        "packing_group": "II",
        **overrides,
    }
    return ChemicalSpec(**fields)


def test_a_valid_methanol_spec_is_dangerous_goods():
    spec = methanol_spec(ProductFactory())
    spec.full_clean()
    spec.save()

    assert spec.is_dangerous_goods


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"cas_number": "67-56-2"}, "cas_number", "check digit should be 1"),
        ({"un_number": "1230"}, "un_number", "UN1230"),
        ({"transport_class": "10"}, "transport_class", ""),
        ({"packing_group": "IV"}, "packing_group", ""),
    ],
)
def test_chemical_specs_explain_what_is_wrong(overrides, field, message):
    spec = methanol_spec(ProductFactory(), **overrides)

    with pytest.raises(ValidationError) as error:
        spec.full_clean()

    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])


def test_dangerous_goods_need_class_and_packing_group_in_forms_and_in_the_database():
    spec = methanol_spec(ProductFactory(), transport_class="", packing_group="")

    with pytest.raises(ValidationError) as error:
        spec.full_clean()
    assert "Dangerous goods need a transport class and packing group." in str(error.value)

    with pytest.raises(IntegrityError), transaction.atomic():
        spec.save()
    assert not ChemicalSpec.objects.exists()


def test_net_weight_may_not_exceed_gross_weight():
    spec = trade_spec(ProductFactory(), net_weight_kg=Decimal("26"), gross_weight_kg=Decimal("25"))

    with pytest.raises(ValidationError) as error:
        spec.full_clean()

    assert "at most the gross weight" in str(error.value)


def test_a_used_vehicle_needs_a_valid_vin_and_a_bev_its_battery():
    used = VehicleSpec(
        product=ProductFactory(),
        make="Steppe",
        model="ED60",
        model_year=2020,
        powertrain="ICE",
        condition="used",
    )
    with pytest.raises(ValidationError) as error:
        used.full_clean()
    assert "A used vehicle needs its VIN." in str(error.value)

    used.vin = "1M8GDM9AXKP042789"  # wrong check digit
    with pytest.raises(ValidationError) as error:
        used.full_clean()
    assert "vin" in error.value.message_dict

    used.vin = "1M8GDM9AXKP042788"
    used.full_clean()

    electric = VehicleSpec(
        product=ProductFactory(), make="Steppe", model="ED60", model_year=2026, powertrain="BEV"
    )
    with pytest.raises(ValidationError) as error:
        electric.full_clean()
    assert "battery size" in str(error.value)


def test_each_class_carries_its_specs():
    assert spec_models_for("chemical") == (TradeSpec, ChemicalSpec)
    assert spec_models_for("vehicle") == (TradeSpec, VehicleSpec)
    assert spec_models_for("unknown") == (TradeSpec,)


def test_specifications_are_grouped_for_display_in_one_query(django_assert_num_queries):
    product = ProductFactory()
    trade_spec(product, packaging="ISO tank").save()
    methanol_spec(product).save()

    with django_assert_num_queries(1):
        groups = specification_groups(product=product_with_specs(product_id=product.pk))

    assert [group.title for group in groups] == ["Trade and customs", "Chemical", "Dangerous goods"]
    trade = dict(groups[0].rows)
    assert str(trade["HS code"]).startswith("2905110000")
    assert trade["Packaging"] == "ISO tank"
    assert trade["Country of origin"] == "China"
    dangerous = dict(groups[2].rows)
    assert dangerous == {
        "UN number": "UN1230",
        "Transport class": "3",
        "Subsidiary risk": "6.1",
        "Packing group": "II",
    }


def test_the_product_page_shows_the_specifications(client, supplier, django_assert_max_num_queries):
    product = offered_product(partner=supplier.partner, title="Methanol 99.85%")
    trade_spec(product).save()
    methanol_spec(product).save()

    with django_assert_max_num_queries(33):
        response = client.get(product.get_absolute_url())

    page = response.content.decode()
    assert "Specifications" in page
    assert "67-56-1" in page and "UN1230" in page
