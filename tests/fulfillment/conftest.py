import pytest

from marketplace.customs.models import DeclarationStatus
from tests.factories import member_of
from tests.factories.fulfillment import (
    booking_of,
    declaration_for,
    methanol_product,
    placed_order,
    ready_to_ship,
    warehouse_of,
)


@pytest.fixture(autouse=True)
def _reference(reference_data):
    """Units, Incoterms, HS codes and currencies, even after a transactional test flushed them."""


@pytest.fixture
def methanol(supplier):
    return methanol_product(supplier=supplier)


@pytest.fixture
def order(buyer_user, supplier, supplier_admin, methanol):
    return ready_to_ship(
        placed_order(buyer_user=buyer_user, supplier=supplier, product=methanol), supplier_user=supplier_admin
    )


@pytest.fixture
def authorised_firm_user(firm, supplier, supplier_admin):
    from marketplace.accounts.services import authorise_firm

    authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)
    return member_of(firm)


@pytest.fixture
def warehouse(supplier):
    return warehouse_of(supplier)


@pytest.fixture
def booking(supplier, warehouse, methanol, supplier_admin):
    return booking_of(supplier=supplier, warehouse=warehouse, product=methanol, by=supplier_admin)


@pytest.fixture
def released_declaration(booking, supplier_admin):
    return declaration_for(booking=booking, by=supplier_admin, status=DeclarationStatus.RELEASED)
