from decimal import Decimal

from django import template

from catalog.specs.selectors import product_with_specs, specification_groups

register = template.Library()


@register.inclusion_tag("catalog/partials/specifications.html")
def product_specifications(product):
    """The grouped specification tables of a product page (one query)."""
    return {"groups": specification_groups(product=product_with_specs(product_id=product.pk))}


@register.filter
def quantity(value) -> str:
    """1000.000 → "1000", 12.500 → "12.5" (Decimal.normalize alone would give 1E+3)."""
    if value in (None, ""):
        return ""
    return format(Decimal(value).normalize(), "f")
