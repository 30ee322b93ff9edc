"""Each DOMAIN.md validation rule: a failing case tied to its field, and the passing case."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from catalog.documents.models import ProductDocument
from catalog.reference.models import Incoterm, Unit
from catalog.specs.models import BatterySpec, ChemicalSpec
from marketplace.customs import services
from marketplace.customs.models import (
    Declaration,
    DeclarationLine,
    DeclarationStatus,
    ExportLicence,
    LicenceKind,
    RegistrationStatus,
    StatisticsFlag,
    TransportMode,
)
from marketplace.customs.validation import validate_declaration
from tests.factories.customs import (
    booking_for,
    complete,
    order_for,
    used_vehicle,
    warehouse_for,
)

pytestmark = pytest.mark.django_db


def fields(declaration):
    return {problem.field for problem in validate_declaration(Declaration.objects.get(pk=declaration.pk))}


@pytest.fixture
def valid(buyer, buyer_user, supplier, supplier_admin, polypropylene):
    order = order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)
    declaration = services.open_declaration_for_order(order=order, user=supplier_admin)
    return complete(declaration, user=supplier_admin)


def test_a_complete_declaration_passes_every_rule(valid):
    assert validate_declaration(valid) == []


# Rule 1: HS code and route.
def test_rule_1_hs_code_must_have_10_digits(valid):
    DeclarationLine.objects.filter(declaration=valid).update(hs_code="39021000")

    assert fields(valid) == {"lines.1.hs_code"}


def test_rule_1_the_list_is_refused_above_the_limit(valid):
    Declaration.objects.filter(pk=valid.pk).update(value_cny=Decimal("5000.01"))

    assert fields(valid) == {"route"}


def test_rule_1_the_full_declaration_needs_the_inspection_code(valid, supplier_admin):
    services.update_declaration(
        declaration=valid,
        user=supplier_admin,
        claims_vat_refund=True,
        statistics_flag=StatisticsFlag.SUMMARY,
        terms_of_sale="3",
    )
    assert fields(valid) == set()
    DeclarationLine.objects.filter(declaration=valid).update(inspection_code="")

    assert fields(valid) == {"lines.1.inspection_code"}


# Rule 2: statistics flag A.
def test_rule_2_flag_a_is_refused_with_a_vat_refund(valid, supplier_admin):
    services.update_declaration(
        declaration=valid, user=supplier_admin, claims_vat_refund=True, terms_of_sale="3"
    )

    assert fields(valid) == {"statistics_flag"}


# Rule 3: amounts and weights.
def test_rule_3_total_must_be_quantity_times_price(valid):
    DeclarationLine.objects.filter(declaration=valid).update(total_price=Decimal("501"))
    Declaration.objects.filter(pk=valid.pk).update(goods_value=Decimal("501"))

    assert fields(valid) == {"lines.1.total_price"}


def test_rule_3_goods_value_must_be_the_sum_of_totals(valid):
    Declaration.objects.filter(pk=valid.pk).update(goods_value=Decimal("499"))

    assert "goods_value" in fields(valid)


def test_rule_3_net_weight_within_gross(valid):
    Declaration.objects.filter(pk=valid.pk).update(gross_weight_kg=Decimal("9"))

    assert fields(valid) == {"gross_weight_kg"}


def test_rule_3_line_net_weights_add_up_to_the_head(valid):
    Declaration.objects.filter(pk=valid.pk).update(net_weight_kg=Decimal("9.5"))

    assert "net_weight_kg" in fields(valid)


def test_rule_3_qty1_in_kg_equals_the_net_weight(valid):
    DeclarationLine.objects.filter(declaration=valid).update(qty1=Decimal("11"))

    assert fields(valid) == {"lines.1.qty1"}


# Rule 4: order, waybill and list agree.
def test_rule_4_the_seller_needs_its_customs_code(valid, supplier):
    supplier.customs_code = ""
    supplier.save()

    assert "supplier" in fields(valid)


def test_rule_4_lines_agree_with_the_order(valid):
    DeclarationLine.objects.filter(declaration=valid).update(
        quantity=Decimal("11"),
        total_price=Decimal("550"),
        qty1=Decimal("11"),
        net_weight_kg=Decimal("11"),
        gross_weight_kg=Decimal("11.5"),
    )
    Declaration.objects.filter(pk=valid.pk).update(
        goods_value=Decimal("550"), net_weight_kg=Decimal("11"), gross_weight_kg=Decimal("11.5")
    )

    assert fields(valid) == {"lines.1.item_no"}


def test_rule_4_the_waybill_number_is_required(valid):
    Declaration.objects.filter(pk=valid.pk).update(waybill_number="")

    assert "waybill_number" in fields(valid)


# Rule 5: product data.
@pytest.fixture
def chemical_line(valid, polypropylene):
    spec = ChemicalSpec.objects.create(
        product=polypropylene,
        cas_number="9003-07-0",
        un_number="UN1230",
        transport_class="3",
        packing_group="II",
    )
    ProductDocument.objects.create(
        product=polypropylene, kind="sds", version=1, file="sds.pdf", issue_date=date(2026, 1, 1)
    )
    return spec


def test_rule_5_a_dangerous_chemical_with_its_sds_passes(valid, chemical_line):
    assert "lines.1.product" not in fields(valid)


def test_rule_5_cas_check_digit(valid, chemical_line):
    ChemicalSpec.objects.filter(pk=chemical_line.pk).update(cas_number="9003-07-1")

    assert "lines.1.product" in fields(valid)


def test_rule_5_un_number_format(valid, chemical_line):
    ChemicalSpec.objects.filter(pk=chemical_line.pk).update(un_number="1230")

    assert "lines.1.product" in fields(valid)


def test_rule_5_known_class_and_packing_group(valid, chemical_line):
    ChemicalSpec.objects.filter(pk=chemical_line.pk).update(transport_class="10", packing_group="IV")

    messages = [p.message for p in validate_declaration(valid) if p.field == "lines.1.product"]
    assert messages == [
        "The dangerous-goods class is not a known class.",
        "The packing group must be I, II or III.",
    ]


def test_rule_5_sds_present(valid, chemical_line, polypropylene):
    ProductDocument.objects.filter(product=polypropylene).delete()

    messages = [p.message for p in validate_declaration(valid) if p.field == "lines.1.product"]
    assert messages == ["A hazardous chemical needs its safety data sheet (SDS)."]


def test_rule_5_un38_3_summary_for_lithium_batteries(valid, polypropylene):
    BatterySpec.objects.create(
        product=polypropylene,
        chemistry="LFP",
        form="cell",
        watt_hours=Decimal("896"),
        voltage=Decimal("3.2"),
        amp_hours=Decimal("280"),
        un_number="UN3480",
        un38_3_tested=True,
    )
    assert "lines.1.product" in fields(valid)

    ProductDocument.objects.create(
        product=polypropylene, kind="un38_3", version=1, file="t.pdf", issue_date=date(2026, 1, 1)
    )
    assert "lines.1.product" not in fields(valid)


@pytest.fixture
def vehicle_declaration(buyer, buyer_user, supplier, supplier_admin):
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
    declaration = complete(declaration, user=supplier_admin)
    services.update_declaration(
        declaration=declaration,
        user=supplier_admin,
        terms_of_sale="3",
        statistics_flag=StatisticsFlag.SUMMARY,
    )
    return declaration, product


def _licence(supplier, product, quantity="1", vins=None):
    return ExportLicence.objects.create(
        supplier=supplier,
        number=f"L-{quantity}",
        kind=LicenceKind.USED_VEHICLE,
        hs_code_id="8703801090",
        quantity=Decimal(quantity),
        unit=Unit.objects.get(code="vehicle"),
        valid_from=date.today() - timedelta(days=1),
        valid_until=date.today() + timedelta(days=180),
        vins=product.vehicle_spec.vin if vins is None else vins,
    )


def test_rule_5_a_used_vehicle_needs_its_licence(vehicle_declaration, supplier, supplier_admin):
    declaration, product = vehicle_declaration
    assert fields(declaration) == {"lines.1.licence"}

    services.update_declaration_line(
        line=declaration.lines.get(), user=supplier_admin, licence=_licence(supplier, product)
    )
    assert fields(declaration) == set()


def test_rule_5_licence_quantity_equals_the_declared_quantity(vehicle_declaration, supplier, supplier_admin):
    declaration, product = vehicle_declaration
    services.update_declaration_line(
        line=declaration.lines.get(), user=supplier_admin, licence=_licence(supplier, product, quantity="2")
    )

    messages = [p.message for p in validate_declaration(declaration) if p.field == "lines.1.licence"]
    assert messages == ["The licence quantity must equal the declared quantity."]


def test_rule_5_the_licence_lists_the_vin(vehicle_declaration, supplier, supplier_admin):
    declaration, product = vehicle_declaration
    services.update_declaration_line(
        line=declaration.lines.get(),
        user=supplier_admin,
        licence=_licence(supplier, product, vins="LSVAU2180N2000000"),
    )

    messages = [p.message for p in validate_declaration(declaration) if p.field == "lines.1.licence"]
    assert messages == ["The licence does not list this vehicle's VIN."]


def test_rule_5_vin_check_digit(vehicle_declaration, supplier, supplier_admin):
    declaration, product = vehicle_declaration
    services.update_declaration_line(
        line=declaration.lines.get(), user=supplier_admin, licence=_licence(supplier, product)
    )
    vin = product.vehicle_spec.vin
    wrong = vin[:8] + ("1" if vin[8] != "1" else "2") + vin[9:]
    type(product.vehicle_spec).objects.filter(pk=product.vehicle_spec.pk).update(vin=wrong)

    assert "lines.1.product" in fields(declaration)


# Rule 6: 9810.
@pytest.fixture
def booking_declaration(supplier, supplier_admin, polypropylene):
    warehouse = warehouse_for(supplier=supplier)
    booking = booking_for(supplier=supplier, user=supplier_admin, warehouse=warehouse, product=polypropylene)
    declaration = services.open_declaration_for_booking(booking=booking, user=supplier_admin)
    return complete(declaration, user=supplier_admin, gross=Decimal("10.5")), warehouse


def test_rule_6_a_booking_to_an_active_warehouse_passes(booking_declaration):
    declaration, _ = booking_declaration

    assert validate_declaration(declaration) == []
    assert declaration.order_type == "W"


def test_rule_6_the_warehouse_must_stay_registered(booking_declaration):
    declaration, warehouse = booking_declaration
    type(warehouse).objects.filter(pk=warehouse.pk).update(registration_status=RegistrationStatus.SUSPENDED)

    assert fields(declaration) == {"booking"}


def test_rule_6_destination_is_the_warehouse_country(booking_declaration):
    declaration, _ = booking_declaration
    Declaration.objects.filter(pk=declaration.pk).update(destination_country="MN")

    assert fields(declaration) == {"destination_country"}


# Rule 7: sea-only Incoterms.
def test_rule_7_cif_needs_sea_transport(valid, supplier_admin):
    services.update_declaration(
        declaration=valid, user=supplier_admin, incoterm=Incoterm.objects.get(code="CIF")
    )
    assert fields(valid) == {"incoterm"}

    services.update_declaration(
        declaration=valid, user=supplier_admin, transport_mode=TransportMode.objects.get(code="2")
    )
    assert fields(valid) == set()


def test_nothing_becomes_ready_while_a_rule_fails(valid, supplier_admin):
    Declaration.objects.filter(pk=valid.pk).update(waybill_number="")

    with pytest.raises(ValidationError, match="Give the waybill number"):
        services.mark_ready(declaration=valid, user=supplier_admin)
    assert Declaration.objects.get(pk=valid.pk).status == DeclarationStatus.DRAFT
