"""Reads of orders, scoped to who is asking."""

from django.db.models import QuerySet
from oscar.core.loading import get_model

from marketplace.accounts.models import CompanyKind
from marketplace.accounts.policy import AnyUser, visible_to

Product = get_model("catalogue", "Product")

Order = get_model("order", "Order")
Line = get_model("order", "Line")


def _orders() -> QuerySet[Order]:
    return Order.objects.select_related("buyer_company", "supplier__company", "incoterm")


def orders_visible_to(*, user: AnyUser) -> QuerySet[Order]:
    """The buyer company, the supplier company, firms the supplier authorised, and operators."""
    return visible_to(
        user=user, queryset=_orders(), supplier_field="supplier__company", buyer_field="buyer_company"
    )


def supplier_orders_visible_to(*, user: AnyUser) -> QuerySet[Order]:
    """The orders the user handles for their supplier: its members, its firms, operators (no buyers)."""
    return visible_to(user=user, queryset=_orders(), supplier_field="supplier__company")


def order_for_page(*, user: AnyUser, number: str) -> Order:
    return (
        orders_visible_to(user=user)
        .prefetch_related("lines__unit", "lines__product", "milestones")
        .get(number=number)
    )


def buyer_has_ordered(*, user: AnyUser, product: Product) -> bool:
    """The catalog's document access rule: the buyer's company has an order for the product."""
    company = user.company if user.is_authenticated else None
    if company is None or company.kind != CompanyKind.BUYER:
        return False
    return (
        Line.objects.filter(product=product, order__buyer_company=company)
        .exclude(order__status="cancelled")
        .exists()
    )


def role_in(*, user: AnyUser, order: Order) -> str:
    """ "buyer", "supplier", "firm" or "operator": what the user may do with the order."""
    if user.is_staff:
        return "operator"
    company = user.company
    if company and company.pk == order.buyer_company_id:
        return "buyer"
    if company and order.supplier and company.pk == order.supplier.company_id:
        return "supplier"
    return "firm"


def actions_for(*, order: Order, role: str) -> list[str]:
    """The buttons the order page offers this party in the order's state."""
    from marketplace.orders.models import MilestoneStatus, OrderStatus

    actions = []
    if role in ("supplier", "operator") and order.status == OrderStatus.IN_PRODUCTION:
        actions.append("finish_production")
    if role in ("supplier", "firm", "operator") and order.status == OrderStatus.READY_TO_SHIP:
        actions.append("ship")
    if role in ("buyer", "supplier", "firm", "operator") and order.status == OrderStatus.SHIPPED:
        actions.append("deliver")
    cancellable = order.status in (
        OrderStatus.AWAITING_DEPOSIT,
        OrderStatus.IN_PRODUCTION,
        OrderStatus.AWAITING_BALANCE,
        OrderStatus.READY_TO_SHIP,
    )
    nothing_paid = not any(m.status == MilestoneStatus.PAID for m in order.milestones.all())
    if cancellable and (role == "operator" or (role == "buyer" and nothing_paid)):
        actions.append("cancel")
    return actions


def proforma_context(*, order: Order) -> dict:
    """Everything the proforma invoice prints: parties, lines with HS codes, totals, schedule."""
    from catalog.specs.models import TradeSpec

    lines = list(order.lines.select_related("unit", "product"))
    hs_codes = dict(
        TradeSpec.objects.filter(product__in=[line.product_id for line in lines]).values_list(
            "product_id", "hs_code_id"
        )
    )
    for line in lines:
        line.hs_code = hs_codes.get(line.product_id, "")
    return {"order": order, "lines": lines, "milestones": list(order.milestones.all())}
