from django import template

from marketplace.customs.route import describe
from marketplace.customs.selectors import declarations_for_order, declarations_visible_to

register = template.Library()


@register.simple_tag
def order_declarations(order, user):
    """The declarations of ``order`` the user may see (buyers: status only, on their own orders)."""
    return list(declarations_for_order(order=order) & declarations_visible_to(user=user).order_by())


@register.filter
def route_reason(reason):
    return describe(reason)


@register.filter
def field_problems(problems, name):
    """Problems of one field from ``problems_by_field``."""
    return (problems or {}).get(name, [])


@register.simple_tag
def line_problems(problems, gnum, name):
    return (problems or {}).get(f"lines.{gnum}.{name}", [])
