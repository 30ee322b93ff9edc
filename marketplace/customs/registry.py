"""What customs adds to shared registries: menu entries, audit verbs and the order page card."""

from django.utils.translation import gettext_lazy as _

from marketplace.accounts.models import CompanyKind
from marketplace.core.audit import register_verbs
from marketplace.core.navigation import OPERATOR, NavItem, register
from marketplace.customs.models import DeclarationStatus
from marketplace.orders.hooks import ORDER_SIDEBAR
from marketplace.orders.hooks import register as register_order_hook

FILERS = frozenset({CompanyKind.SUPPLIER.value, CompanyKind.SERVICE_FIRM.value, OPERATOR})

register(
    NavItem(_("Customs"), "customs:desk", FILERS, order=30),
    NavItem(_("Overseas warehouses"), "customs:warehouses", FILERS, order=40, menu="account"),
    NavItem(_("Warehouse bookings (9810)"), "customs:bookings", FILERS, order=41, menu="account"),
    NavItem(_("Export licences"), "customs:licences", FILERS, order=42, menu="account"),
)

register_verbs(
    {
        "declaration.opened": _("Customs declaration opened"),
        "declaration.edited": _("Declaration edited"),
        "declaration.waybill": _("Waybill data recorded"),
        "declaration.receipt": _("Customs receipt recorded"),
        **{f"declaration.{status.value}": status.label for status in DeclarationStatus},
        "warehouse.added": _("Overseas warehouse added"),
        "warehouse.registration": _("Warehouse registration changed"),
        "warehouse.evidence": _("Warehouse evidence uploaded"),
        "booking.created": _("Warehouse booking created"),
        "booking.cancelled": _("Warehouse booking cancelled"),
        "licence.recorded": _("Export licence recorded"),
    }
)

register_order_hook(ORDER_SIDEBAR, "customs/partials/order_declarations.html")
