from django import template

from catalog.specs.selectors import product_with_specs, specification_groups

register = template.Library()


@register.inclusion_tag("catalog/partials/specifications.html")
def product_specifications(product):
    """The grouped specification tables of a product page (one query)."""
    return {"groups": specification_groups(product=product_with_specs(product_id=product.pk))}
