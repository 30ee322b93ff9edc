from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from oscar.templatetags.currency_filters import currency as format_currency

from catalog.currency import display_price
from catalog.offers.rules import offer_price_range as price_range

register = template.Library()


def _price_html(shown: str, original: str | None, original_currency: str, per: str = ""):
    if per:
        shown = format_html('{}<span class="price-unit"> / {}</span>', shown, per)
    if original is None:
        return format_html('<span class="price">{}</span>', shown)
    note = _("Converted at today's rate; the supplier's price is in %(currency)s.") % {
        "currency": original_currency
    }
    return format_html(
        '<span class="price" title="{}">≈ {}</span> <span class="price-original">{}</span>',
        note,
        shown,
        original,
    )


@register.simple_tag(takes_context=True)
def price(context, amount, currency, per=""):
    """A price in the buyer's display currency, with the supplier's original beside it."""
    if amount is None:
        return ""
    shown = display_price(context.get("request"), amount, currency)
    original = format_currency(amount, currency) if shown.is_converted else None
    return _price_html(format_currency(shown.amount, shown.currency), original, currency, per)


@register.simple_tag(takes_context=True)
def offer_price_range(context, offer, per=""):
    """ "≈ €243.80 – €262.20 (US$265.00 – US$285.00)": best quantity break to base price."""
    low, high = price_range(offer)
    if low == high:
        return price(context, low, offer.price_currency, per)
    request = context.get("request")
    low_shown = display_price(request, low, offer.price_currency)
    high_shown = display_price(request, high, offer.price_currency)
    shown = " – ".join(format_currency(end.amount, end.currency) for end in (low_shown, high_shown))
    original = None
    if low_shown.is_converted:
        original = (
            f"{format_currency(low, offer.price_currency)} – {format_currency(high, offer.price_currency)}"
        )
    return _price_html(shown, original, offer.price_currency, per)
