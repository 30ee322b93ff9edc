"""What fulfillment adds to shared registries: the desk's menu entry, audit verb labels and the
shipments card on the order page."""

from django.utils.translation import gettext_lazy as _

from marketplace.accounts.models import CompanyKind
from marketplace.core.audit import register_verbs
from marketplace.core.navigation import OPERATOR, NavItem, register
from marketplace.orders import hooks

register(
    NavItem(
        _("Shipments"),
        "fulfillment:desk",
        frozenset(
            {CompanyKind.BUYER.value, CompanyKind.SUPPLIER.value, CompanyKind.SERVICE_FIRM.value, OPERATOR}
        ),
        order=25,
    ),
)

register_verbs(
    {
        "shipment.created": _("Shipment created"),
        "shipment.leg_added": _("Leg added"),
        "shipment.departed": _("Left the factory"),
        "shipment.leg_departed": _("Leg departed"),
        "shipment.border": _("Crossed the border"),
        "shipment.location": _("Position report"),
        "shipment.leg_arrived": _("Leg arrived"),
        "shipment.delayed": _("Delayed"),
        "shipment.delivered": _("Delivered"),
        "shipment.cancelled": _("Shipment cancelled"),
        "inbound.notified": _("Inbound notice sent"),
        "inbound.received": _("Received at the warehouse"),
        "outbound.created": _("Outbound order created"),
        "outbound.shipped": _("Left the warehouse"),
        "outbound.delivered": _("Proof of delivery"),
    }
)

hooks.register(hooks.ORDER_SECTIONS, "fulfillment/partials/order_shipments.html")
