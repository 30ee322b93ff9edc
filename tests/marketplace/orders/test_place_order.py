"""place_order: agreed lines, locked FX rates, the schedule, states and who sees the order."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from catalog.reference.models import ExchangeRate
from marketplace.core.models import AuditEvent
from marketplace.orders import services
from marketplace.orders.models import MilestoneStatus, OrderStatus
from marketplace.orders.selectors import buyer_has_ordered, orders_visible_to
from tests.factories import CompanyFactory as BuyerFactory
from tests.factories import ServiceFirmFactory, SupplierFactory, member_of
from tests.marketplace.orders.conftest import order_request

pytestmark = pytest.mark.django_db


def test_an_order_from_agreed_lines(order, buyer, supplier):
    line = order.lines.get()

    assert order.buyer_company == buyer and order.supplier == supplier.partner
    assert order.total_incl_tax == Decimal("27500.00") and order.currency == "USD"
    assert (line.agreed_quantity, line.unit.code, line.unit_price_excl_tax) == (
        Decimal(100),
        "t",
        Decimal("275.00"),
    )
    assert [(m.label, m.amount_minor) for m in order.milestones.all()] == [
        ("Deposit", 825_000),
        ("Balance before shipment", 1_925_000),
    ]
    assert order.status == OrderStatus.AWAITING_DEPOSIT
    assert AuditEvent.objects.filter(subject_id=str(order.pk), verb="order.placed").exists()


def test_the_rate_in_force_at_placement_is_locked(buyer, buyer_user, supplier, methanol):
    ExchangeRate.objects.create(
        base_id="USD", quote_id="CNY", rate=Decimal("7.10"), valid_from=timezone.now() - timedelta(days=1)
    )
    order = services.place_order(
        request=order_request(buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=methanol)
    )
    ExchangeRate.objects.create(
        base_id="USD", quote_id="CNY", rate=Decimal("7.30"), valid_from=timezone.now()
    )

    order.refresh_from_db()
    assert order.locked_rate("CNY") == Decimal("7.10")
    assert order.locked_rate("USD") == 1


def test_payments_move_the_order_through_its_states(order, supplier_admin):
    deposit, balance = order.milestones.all()

    services.record_payment(milestone=deposit, method="card", reference="pi_1")
    services.record_payment(milestone=deposit, method="card", reference="pi_1")  # a repeat changes nothing
    order.refresh_from_db()
    assert order.status == OrderStatus.IN_PRODUCTION

    services.finish_production(order=order, by=supplier_admin)
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_BALANCE
    with pytest.raises(ValidationError):
        services.mark_shipped(order=order, by=supplier_admin)  # the balance is not in

    services.record_payment(milestone=balance, method="bank_transfer", reference="TT-77")
    services.mark_shipped(order=order, by=supplier_admin, reference="CMR 123")
    services.mark_shipped(order=order, by=supplier_admin)  # once
    services.mark_delivered(order=order)

    order.refresh_from_db()
    assert order.status == OrderStatus.COMPLETED
    verbs = list(
        AuditEvent.objects.filter(subject_id=str(order.pk)).order_by("pk").values_list("verb", flat=True)
    )
    assert verbs.count("order.shipped") == 1
    assert verbs[-3:] == ["order.shipped", "order.delivered", "order.completed"]


def test_full_payment_on_order_goes_straight_to_ready_after_production(
    buyer, buyer_user, supplier, methanol, supplier_admin
):
    order = services.place_order(
        request=order_request(
            buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=methanol, schedule="100"
        )
    )
    services.record_payment(milestone=order.milestones.get(), method="card", reference="pi_2")
    services.finish_production(order=order, by=supplier_admin)

    order.refresh_from_db()
    assert order.status == OrderStatus.READY_TO_SHIP


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"price": "0"}, "positive quantity and price"),
        ({"quantity": "-5"}, "positive quantity and price"),
    ],
)
def test_bad_lines_are_refused(buyer, buyer_user, supplier, methanol, change, message):
    with pytest.raises(ValidationError) as refused:
        services.place_order(
            request=order_request(
                buyer=buyer, buyer_user=buyer_user, supplier=supplier, product=methanol, **change
            )
        )

    assert message in str(refused.value)


def test_a_buyer_cannot_order_for_another_company_or_from_another_supplier(
    buyer, buyer_user, supplier, methanol
):
    other_buyer = BuyerFactory(name="Other buyer")
    with pytest.raises(PermissionDenied):
        services.place_order(
            request=order_request(
                buyer=other_buyer, buyer_user=buyer_user, supplier=supplier, product=methanol
            )
        )
    other_supplier = SupplierFactory(name="Other plant")
    with pytest.raises(ValidationError):
        services.place_order(
            request=order_request(
                buyer=buyer, buyer_user=buyer_user, supplier=other_supplier, product=methanol
            )
        )


def test_who_sees_an_order(order, buyer_user, supplier_admin, operator, supplier):
    firm = ServiceFirmFactory(name="Erenhot brokers")
    from marketplace.accounts.services import authorise_firm

    authorise_firm(supplier=supplier, firm=firm, by=supplier_admin)
    outsiders = [member_of(BuyerFactory(name="Rival buyer")), member_of(SupplierFactory(name="Rival plant"))]

    for user in (buyer_user, supplier_admin, operator, member_of(firm)):
        assert order in orders_visible_to(user=user)
    for user in outsiders:
        assert order not in orders_visible_to(user=user)


def test_a_buyer_with_an_order_may_read_restricted_documents(order, buyer_user, methanol):
    assert buyer_has_ordered(user=buyer_user, product=methanol)
    assert not buyer_has_ordered(user=member_of(BuyerFactory(name="Rival buyer")), product=methanol)


def test_cancelling(order, buyer_user, operator):
    with pytest.raises(ValidationError):
        services.cancel_order(order=order, by=buyer_user, reason="")
    services.cancel_order(order=order, by=buyer_user, reason="Changed supplier")

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert set(order.milestones.values_list("status", flat=True)) == {MilestoneStatus.CANCELLED}
    with pytest.raises(ValidationError):
        services.record_payment(milestone=order.milestones.first(), method="card", reference="late")
