from django import template
from oscar.templatetags.currency_filters import currency as format_currency

from marketplace.orders.money import from_minor

register = template.Library()


@register.filter
def minor_amount(minor: int, currency: str) -> str:
    """825000, "USD" → "$8,250.00" in the page's language."""
    return format_currency(from_minor(minor, currency), currency)
