"""The currency a buyer reads prices in: chosen in the header, kept in the session.

Prices stay in the offer's own currency; pages show them converted at today's rate with the
original beside, so a buyer never mistakes an estimate for the supplier's price.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalog.reference.models import Currency
from catalog.reference.selectors import ExchangeRateMissingError, RateTable, rates_at

SESSION_KEY = "display_currency"


def offered_currencies() -> list[str]:
    return list(Currency.objects.filter(is_offered=True).values_list("code", flat=True))


def display_currency(request) -> str:
    return request.session.get(SESSION_KEY) or settings.OSCAR_DEFAULT_CURRENCY


def rate_table(request) -> RateTable:
    # One query per request, however many prices the page shows.
    if not hasattr(request, "_rate_table"):
        request._rate_table = rates_at()
    return request._rate_table


@dataclass(frozen=True)
class DisplayPrice:
    amount: Decimal
    currency: str
    original_amount: Decimal
    original_currency: str

    @property
    def is_converted(self) -> bool:
        return self.currency != self.original_currency


def display_price(request, amount: Decimal, currency: str) -> DisplayPrice:
    """``amount`` in the buyer's currency; the original when no rate is in force."""
    wanted = display_currency(request) if request is not None else currency
    if wanted != currency:
        try:
            converted = rate_table(request).convert(amount, currency=currency, to=wanted)
            return DisplayPrice(converted, wanted, amount, currency)
        except ExchangeRateMissingError:
            pass
    return DisplayPrice(amount, currency, amount, currency)


@require_POST
def set_display_currency(request):
    code = request.POST.get("currency", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if code in offered_currencies():
        request.session[SESSION_KEY] = code
    else:
        messages.error(request, _("Prices cannot be shown in %(code)s.") % {"code": code[:3]})
    return HttpResponseRedirect(next_url)


def context(request):
    return {
        "display_currency": display_currency(request),
        "display_currencies": SimpleLazyObject(offered_currencies),
    }
