from django import template

from marketplace.orders.hooks import templates_for

register = template.Library()


@register.simple_tag
def order_hook_templates(hook):
    """Templates other apps registered for ``hook`` (see marketplace/orders/hooks.py)."""
    return templates_for(hook)
