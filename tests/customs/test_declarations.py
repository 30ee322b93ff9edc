"""Opening declarations from orders and bookings, completing them and marking them ready."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.core.models import AuditEvent
from marketplace.customs import services
from marketplace.customs.models import Declaration, DeclarationStatus, Route, TradeMode
from marketplace.customs.validation import validate_declaration
from tests.factories import SupplierFactory, member_of
from tests.factories.customs import complete, order_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(buyer, buyer_user, supplier, polypropylene):
    # 10 kg × USD 50 = USD 500 = RMB 3,550 at 7.10: within the list limit.
    return order_for(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=polypropylene)


def test_a_9710_declaration_copies_the_order(order, supplier, supplier_admin):
    declaration = services.open_declaration_for_order(order=order, user=supplier_admin)

    line = declaration.lines.get()
    assert (declaration.mode, declaration.order, declaration.supplier) == (TradeMode.DIRECT, order, supplier)
    assert declaration.status == DeclarationStatus.DRAFT and declaration.firm is None
    assert (line.item_no, line.quantity, line.unit_price, line.total_price) == (
        order.lines.get().partner_sku,
        Decimal("10"),
        Decimal("50.00"),
        Decimal("500.00"),
    )
    assert (line.hs_code, line.unit1.customs_code, line.qty1) == ("3902100090", "035", Decimal("10.000"))
    assert declaration.fx_rate_cny == Decimal("7.10") and declaration.value_cny == Decimal("3550.00")
    assert declaration.route == Route.LIST
    assert AuditEvent.objects.for_subject(declaration).filter(verb="declaration.opened").count() == 1


def test_a_complete_declaration_becomes_ready(order, supplier_admin):
    declaration = services.open_declaration_for_order(order=order, user=supplier_admin)
    declaration = complete(declaration, user=supplier_admin)

    assert validate_declaration(declaration) == []
    services.mark_ready(declaration=declaration, user=supplier_admin)

    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.READY


def test_an_incomplete_declaration_stays_a_draft(order, supplier_admin):
    declaration = services.open_declaration_for_order(order=order, user=supplier_admin)

    with pytest.raises(ValidationError):
        services.mark_ready(declaration=declaration, user=supplier_admin)

    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.DRAFT


def test_another_supplier_cannot_declare_the_order(order):
    stranger = member_of(SupplierFactory())

    with pytest.raises(PermissionDenied):
        services.open_declaration_for_order(order=order, user=stranger)
    assert not Declaration.objects.exists()


def test_an_authorised_firm_declares_and_is_recorded(order, firm_member, authorised_firm):
    declaration = services.open_declaration_for_order(order=order, user=firm_member)

    assert declaration.firm == authorised_firm
