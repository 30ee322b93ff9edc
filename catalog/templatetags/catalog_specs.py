from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def quantity(value) -> str:
    """1000.000 → "1000", 12.500 → "12.5" (Decimal.normalize alone would give 1E+3)."""
    if value in (None, ""):
        return ""
    return format(Decimal(value).normalize(), "f")
