"""Fixes from the review of the customs app: locks, bad input that must not reach the database,
one export rule for desk and API, and what a buyer sees."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from catalog.reference.models import HSCode, Unit
from marketplace.customs import services, warehousing
from marketplace.customs.models import (
    BookingStatus,
    Declaration,
    DeclarationReceipt,
    DeclarationStatus,
    ExportLicence,
)
from marketplace.customs.receipts import ReceiptEntry, record_receipt
from tests.factories import SupplierFactory
from tests.factories.customs import booking_for, complete, order_for, warehouse_for
from tests.factories.customs import waybill as make_waybill

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(buyer, buyer_user, supplier, polypropylene):
    return order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)


@pytest.fixture
def declaration(order, supplier_admin):
    return services.open_declaration_for_order(order=order, user=supplier_admin)


@pytest.fixture
def booking(supplier, supplier_admin, polypropylene):
    warehouse = warehouse_for(supplier=supplier)
    return booking_for(supplier=supplier, user=supplier_admin, warehouse=warehouse, product=polypropylene)


def _rejected(declaration, user, reason="Consignee address incomplete"):
    declaration = complete(declaration, user=user)
    services.mark_ready(declaration=declaration, user=user)
    services.submit_declaration(declaration=declaration, user=user)
    record_receipt(
        declaration=declaration,
        entry=ReceiptEntry(message="CEB304", return_status="100", return_info=reason),
        user=user,
    )
    declaration.refresh_from_db()
    return declaration


# --- transactions -------------------------------------------------------------------------


def test_a_booking_is_declared_only_once(booking, supplier_admin):
    first = services.open_declaration_for_booking(booking=booking, user=supplier_admin)

    with pytest.raises(ValidationError, match="already on a declaration"):
        services.open_declaration_for_booking(booking=booking, user=supplier_admin)

    assert list(Declaration.objects.filter(booking=booking)) == [first]


def test_a_booking_whose_declaration_was_cancelled_is_declared_again(booking, supplier_admin):
    first = services.open_declaration_for_booking(booking=booking, user=supplier_admin)
    services.cancel_declaration(declaration=first, user=supplier_admin, reason="Wrong warehouse")

    second = services.open_declaration_for_booking(booking=booking, user=supplier_admin)

    assert second.pk != first.pk and second.booking_id == booking.pk


def test_opening_locks_the_order_and_the_booking(order, booking, supplier_admin):
    with CaptureQueriesContext(connection) as queries:
        services.open_declaration_for_order(order=order, user=supplier_admin)
        services.open_declaration_for_booking(booking=booking, user=supplier_admin)

    locked = [query["sql"] for query in queries if "FOR UPDATE" in query["sql"]]
    assert any('"order_order"' in sql for sql in locked)
    assert any('"customs_warehousebooking"' in sql for sql in locked)


def test_a_booking_on_a_declaration_cannot_be_cancelled(booking, supplier_admin):
    services.open_declaration_for_booking(booking=booking, user=supplier_admin)

    with pytest.raises(ValidationError, match="cancel the declaration first"):
        warehousing.cancel_booking(booking=booking, user=supplier_admin)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


# --- permissions --------------------------------------------------------------------------


def test_a_line_cannot_take_another_suppliers_licence(declaration, supplier_admin):
    other = SupplierFactory(name="Other Co")
    licence = ExportLicence.objects.create(
        supplier=other,
        number="EL-OTHER-1",
        kind="export",
        hs_code=HSCode.objects.get(code=declaration.lines.get().hs_code),
        quantity=Decimal("10"),
        unit=Unit.objects.get(code="kg"),
        valid_from=date(2026, 1, 1),
        valid_until=date(2026, 12, 31),
    )
    line = declaration.lines.get()

    with pytest.raises(ValidationError) as refused:
        services.update_declaration_line(line=line, user=supplier_admin, licence=licence)

    assert refused.value.message_dict == {"licence": ["The licence belongs to another supplier."]}
    line.refresh_from_db()
    assert line.licence_id is None


def test_the_buyer_sees_the_status_but_not_customs_reason(client, declaration, supplier_admin, buyer_user):
    declaration = _rejected(declaration, supplier_admin)
    url = reverse("orders:detail", args=[declaration.order.number])

    client.force_login(buyer_user)
    as_buyer = client.get(url).content.decode()
    client.force_login(supplier_admin)
    as_supplier = client.get(url).content.decode()

    assert "badge-declaration-rejected" in as_buyer
    assert "Consignee address incomplete" not in as_buyer
    assert "Consignee address incomplete" in as_supplier


# --- one export rule ----------------------------------------------------------------------


def test_the_api_refuses_exports_of_a_declaration_with_problems(client, declaration, supplier_admin):
    # A rejected declaration whose data has problems: the desk offered no download, nor may the API.
    Declaration.objects.filter(pk=declaration.pk).update(status=DeclarationStatus.REJECTED)
    api = APIClient()
    api.force_authenticate(supplier_admin)
    client.force_login(supplier_admin)

    response = api.get(reverse("customs-api:declaration-xml", args=[declaration.pk, "ceb303"]))
    page = client.get(reverse("customs:export-xml", args=[declaration.pk, "ceb303"]))

    assert response.status_code == 400
    assert response.json() == {"status": "Exports are offered once the declaration is ready and valid."}
    assert page.status_code == 404


# --- bad input is a message, not a 500 ----------------------------------------------------


def test_a_receipt_status_longer_than_four_characters_is_refused_on_the_page(
    client, declaration, supplier_admin
):
    client.force_login(supplier_admin)

    response = client.post(
        reverse("customs:receipt-entry", args=[declaration.pk]),
        {"message": "CEB304", "return_status": "-1234"},
    )

    assert response.status_code == 400
    assert response.context["receipt_form"].errors["return_status"]
    assert not DeclarationReceipt.objects.exists()


def test_a_receipt_with_too_long_numbers_is_refused_by_the_service_and_the_api(declaration, supplier_admin):
    declaration = complete(declaration, user=supplier_admin)
    services.mark_ready(declaration=declaration, user=supplier_admin)
    services.submit_declaration(declaration=declaration, user=supplier_admin)
    api = APIClient()
    api.force_authenticate(supplier_admin)

    with pytest.raises(ValidationError) as refused:
        record_receipt(
            declaration=declaration,
            entry=ReceiptEntry(message="CEB304", return_status="12345", pre_no="P" * 19),
            user=supplier_admin,
        )
    response = api.post(
        reverse("customs-api:declaration-receipts", args=[declaration.pk]),
        {"message": "CEB304", "return_status": "120", "invt_no": "9" * 19},
        format="json",
    )

    assert set(refused.value.message_dict) == {"return_status", "pre_no"}
    assert response.status_code == 400 and "invt_no" in response.json()
    assert not DeclarationReceipt.objects.exists()
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.SUBMITTED


def test_too_many_packages_are_refused_next_to_the_field(client, declaration, supplier_admin):
    client.force_login(supplier_admin)
    data = {
        "logistics_code": "1506980003",
        "logistics_name": "Erenhot Freight",
        "waybill_number": "EH1",
        "freight": "0",
        "insured_fee": "0",
        "currency": "USD",
        "gross_weight_kg": "10",
        "package_count": "99999999999",
        "goods_description": "Polypropylene",
    }

    response = client.post(reverse("customs:declaration-waybill", args=[declaration.pk]), data)

    assert response.status_code == 400
    assert response.context["waybill_form"].errors["package_count"]
    declaration.refresh_from_db()
    assert declaration.waybill_number == ""


def test_a_waybill_from_a_shipment_too_long_for_the_columns_is_refused(declaration, supplier_admin):
    waybill = replace(make_waybill(currency="USD"), goods_description="x" * 201, package_count=10**10)

    with pytest.raises(ValidationError) as refused:
        services.fill_waybill(declaration=declaration, waybill=waybill, user=supplier_admin)

    assert set(refused.value.message_dict) == {"goods_description", "package_count"}
    declaration.refresh_from_db()
    assert declaration.waybill_number == ""
