from django import template
from django.contrib.auth.models import AnonymousUser

from marketplace.payments import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def payment_panel(context, order, milestones=None):
    """The order's milestones with card payments, proofs and refunds, and what the viewer may do."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user") or AnonymousUser()
    return selectors.payment_panel(user=user, order=order, milestones=milestones)
