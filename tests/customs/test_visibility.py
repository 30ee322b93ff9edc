"""Who sees what: a firm never sees suppliers that did not authorise it."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from catalog.reference.models import Unit
from marketplace.accounts.models import SupplierAuthorisation
from marketplace.customs import selectors, services
from marketplace.customs.models import ExportLicence, LicenceKind
from tests.factories import CompanyFactory, OperatorFactory, ServiceFirmFactory, member_of
from tests.factories.customs import booking_for, order_for, warehouse_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(buyer, buyer_user, supplier, supplier_admin, polypropylene):
    order = order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)
    declaration = services.open_declaration_for_order(order=order, user=supplier_admin)
    warehouse = warehouse_for(supplier=supplier)
    booking = booking_for(supplier=supplier, user=supplier_admin, warehouse=warehouse, product=polypropylene)
    licence = ExportLicence.objects.create(
        supplier=supplier,
        number="L-1",
        kind=LicenceKind.EXPORT,
        hs_code_id="3902100090",
        quantity=Decimal(1),
        unit=Unit.objects.get(code="t"),
        valid_from=date(2026, 1, 1),
        valid_until=date(2026, 12, 31),
    )
    return {
        "order": order,
        "declaration": declaration,
        "warehouse": warehouse,
        "booking": booking,
        "licence": licence,
    }


def seen(user, world):
    return {
        "declaration": list(selectors.declarations_visible_to(user=user)) == [world["declaration"]],
        "booking": list(selectors.bookings_visible_to(user=user)) == [world["booking"]],
        "warehouse": list(selectors.warehouses_visible_to(user=user)) == [world["warehouse"]],
        "licence": list(selectors.licences_visible_to(user=user)) == [world["licence"]],
    }


ALL = {"declaration": True, "booking": True, "warehouse": True, "licence": True}
NONE = {"declaration": False, "booking": False, "warehouse": False, "licence": False}


def test_the_supplier_sees_its_own(world, supplier_admin):
    assert seen(supplier_admin, world) == ALL


def test_an_authorised_firm_sees_the_suppliers_records(world, firm_member):
    assert seen(firm_member, world) == ALL


def test_a_firm_without_authorisation_sees_nothing(world):
    outsider = member_of(ServiceFirmFactory())

    assert seen(outsider, world) == NONE
    assert not selectors.orders_awaiting_declaration(user=outsider).exists()
    assert not selectors.bookings_awaiting_declaration(user=outsider).exists()


def test_a_revoked_authorisation_hides_everything(world, firm_member, authorised_firm):
    SupplierAuthorisation.objects.filter(firm=authorised_firm).update(revoked_at=timezone.now())

    assert seen(firm_member, world) == NONE


def test_another_supplier_sees_nothing(world):
    from tests.factories import SupplierFactory

    assert seen(member_of(SupplierFactory()), world) == NONE


def test_the_buyer_sees_only_its_orders_declarations(world, buyer_user):
    other_buyer = member_of(CompanyFactory())

    assert seen(buyer_user, world) == {**NONE, "declaration": True}
    assert seen(other_buyer, world) == NONE
    assert not selectors.orders_awaiting_declaration(user=buyer_user).exists()


def test_operators_see_everything(world):
    assert seen(OperatorFactory(), world) == ALL


def test_the_queue_lists_orders_until_every_line_is_declared(
    world, supplier_admin, buyer, buyer_user, supplier, polypropylene
):
    waiting = order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)

    assert list(selectors.orders_awaiting_declaration(user=supplier_admin)) == [waiting]
    assert list(selectors.bookings_awaiting_declaration(user=supplier_admin)) == [world["booking"]]
