"""9810: bookings to a registered, active warehouse in the destination country only."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.customs import exports, services
from marketplace.customs.messages.ceb import parse_ceb303
from marketplace.customs.models import RegistrationStatus, TradeMode, WarehouseBooking
from tests.factories import SupplierFactory, member_of
from tests.factories.customs import booking_for, complete, warehouse_for

pytestmark = pytest.mark.django_db


def test_a_booking_to_a_registered_warehouse_is_declared_under_9810(supplier, supplier_admin, polypropylene):
    warehouse = warehouse_for(supplier=supplier)
    booking = booking_for(supplier=supplier, user=supplier_admin, warehouse=warehouse, product=polypropylene)

    declaration = services.open_declaration_for_booking(booking=booking, user=supplier_admin)
    declaration = complete(declaration, user=supplier_admin)
    services.mark_ready(declaration=declaration, user=supplier_admin)

    assert (declaration.mode, declaration.destination_country) == (TradeMode.WAREHOUSE, "RU")
    head = parse_ceb303(exports.build_xml(declaration, "ceb303"), codes=exports.code_map()).orders[0].head
    assert (head.order_type, head.order_no, head.ebp_code, head.ebp_name) == (
        "W",
        booking.number,
        warehouse.customs_registration_number,
        warehouse.name,
    )


@pytest.mark.parametrize(
    ("warehouse_fields", "country", "field", "message"),
    [
        ({"status": RegistrationStatus.PENDING}, None, "warehouse", "not registered"),
        (
            {"status": RegistrationStatus.SUSPENDED, "customs_registration_number": "X1"},
            None,
            "warehouse",
            "not registered",
        ),
        ({"lease_end": date.today() - timedelta(days=1)}, None, "warehouse", "not active"),
        ({}, "MN", "destination_country", "warehouse's country"),
    ],
)
def test_a_booking_is_refused(
    supplier, supplier_admin, polypropylene, warehouse_fields, country, field, message
):
    warehouse = warehouse_for(supplier=supplier, **warehouse_fields)

    with pytest.raises(ValidationError) as refused:
        booking_for(
            supplier=supplier,
            user=supplier_admin,
            warehouse=warehouse,
            product=polypropylene,
            country=country,
        )

    assert message in " ".join(refused.value.message_dict[field])
    assert not WarehouseBooking.objects.exists()


def test_a_booking_to_another_suppliers_warehouse_is_refused(supplier, supplier_admin, polypropylene):
    warehouse = warehouse_for(supplier=SupplierFactory())

    with pytest.raises(ValidationError, match="another supplier"):
        booking_for(supplier=supplier, user=supplier_admin, warehouse=warehouse, product=polypropylene)


def test_only_the_supplier_or_its_firm_books(supplier, polypropylene):
    warehouse = warehouse_for(supplier=supplier)
    stranger = member_of(SupplierFactory())

    with pytest.raises(PermissionDenied):
        booking_for(supplier=supplier, user=stranger, warehouse=warehouse, product=polypropylene)


def test_only_operators_record_the_customs_registration(supplier, supplier_admin):
    from marketplace.customs.warehousing import set_warehouse_registration
    from tests.factories import OperatorFactory

    warehouse = warehouse_for(supplier=supplier, status=RegistrationStatus.PENDING)

    with pytest.raises(PermissionDenied):
        set_warehouse_registration(
            warehouse=warehouse, status="registered", registration_number="W1", user=supplier_admin
        )
    set_warehouse_registration(
        warehouse=warehouse, status="registered", registration_number="OW-MN-7", user=OperatorFactory()
    )

    warehouse.refresh_from_db()
    assert (warehouse.registration_status, warehouse.customs_registration_number) == ("registered", "OW-MN-7")
    assert warehouse.is_active


def test_warehouse_evidence_must_be_a_pdf_or_image(supplier, supplier_admin, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from marketplace.customs.warehousing import add_warehouse_evidence

    settings.MEDIA_ROOT = tmp_path
    warehouse = warehouse_for(supplier=supplier)

    with pytest.raises(ValidationError):
        add_warehouse_evidence(
            warehouse=warehouse,
            kind="lease",
            user=supplier_admin,
            file=SimpleUploadedFile("lease.pdf", b"<html>not a pdf</html>"),
        )
    evidence = add_warehouse_evidence(
        warehouse=warehouse,
        kind="lease",
        user=supplier_admin,
        file=SimpleUploadedFile("lease.pdf", b"%PDF-1.4 lease"),
    )

    assert list(warehouse.evidence.all()) == [evidence]


def test_a_used_vehicle_licence_lists_valid_vins(supplier, supplier_admin):
    from catalog.reference.models import HSCode, Unit
    from marketplace.customs.warehousing import LicenceData, record_licence
    from tests.factories.customs import valid_vin

    data = {
        "number": "UV-1",
        "kind": "used_vehicle",
        "hs_code": HSCode.objects.get(code="8703801090"),
        "quantity": 1,
        "unit": Unit.objects.get(code="vehicle"),
        "valid_from": date(2026, 1, 1),
        "valid_until": date(2026, 6, 30),
    }

    with pytest.raises(ValidationError):
        record_licence(
            supplier=supplier, user=supplier_admin, data=LicenceData(**data, vins="LSVAU2180N2183290")
        )
    licence = record_licence(
        supplier=supplier, user=supplier_admin, data=LicenceData(**data, vins=valid_vin())
    )

    assert licence.vin_list == [valid_vin()]
