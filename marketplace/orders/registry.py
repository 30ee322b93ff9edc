"""What orders add to shared registries: menu entries, audit verb labels, and the catalog's
document access rule (a buyer with an order sees the product's restricted documents)."""

from django.utils.translation import gettext_lazy as _

from catalog.documents.access import register_access_rule
from marketplace.accounts.models import CompanyKind
from marketplace.core.audit import register_verbs
from marketplace.core.navigation import OPERATOR, NavItem, register
from marketplace.orders.selectors import buyer_has_ordered

register(
    NavItem(
        _("Orders"),
        "orders:list",
        frozenset(
            {CompanyKind.BUYER.value, CompanyKind.SUPPLIER.value, CompanyKind.SERVICE_FIRM.value, OPERATOR}
        ),
        order=20,
    ),
)

register_verbs(
    {
        "order.placed": _("Order placed"),
        "order.payment_received": _("Payment received"),
        "order.in_production": _("In production"),
        "order.awaiting_balance": _("Balance due"),
        "order.ready_to_ship": _("Ready to ship"),
        "order.shipped": _("Shipped"),
        "order.delivered": _("Delivered"),
        "order.completed": _("Completed"),
        "order.cancelled": _("Cancelled"),
    }
)

register_access_rule(buyer_has_ordered)
