from django import template

from marketplace.fulfillment import selectors

register = template.Library()


@register.simple_tag
def order_shipments(order, user) -> dict:
    """The order page's shipments card: the order's shipments (one query) and whether the user
    may create one."""
    shipments = list(
        selectors.shipments_visible_to(user=user).filter(order=order).order_by("created_at", "pk")
    )
    manages = order.supplier is not None and selectors.can_manage(user=user, supplier=order.supplier.company)
    return {"shipments": shipments, "manages": manages}
