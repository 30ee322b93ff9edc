from django import template

from rfq.selectors import response_rate

register = template.Library()


@register.simple_tag
def supplier_response_rate(partner):
    """The supplier card's line: quotes sent / RFQs received."""
    return response_rate(partner=partner) if partner is not None else None
