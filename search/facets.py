"""Facets of the catalogue: what they are, their range buckets, and their labels.

Backends count; this module says what is counted and names the values for people. Values
are strings in URLs: a product class slug, a supplier (partner) id, a category id, an
Incoterm code, ``yes``/``no``, or a range ``lo-hi`` meaning ``lo < x <= hi`` (either end
may be empty). Several values of one facet widen the results (OR); facets narrow each other.
"""

import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog.reference.models import Currency, Incoterm
from catalog.reference.selectors import ExchangeRateMissingError, RateTable

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
ProductClass = get_model("catalogue", "ProductClass")

TERMS_FACETS = ("category", "product_class", "supplier", "supplier_verified", "dangerous_goods")
TERMS_FACETS += ("transport_class", "incoterm", "certification")
RANGE_FACETS = ("price", "moq", "lead_time")
FACETS = TERMS_FACETS + RANGE_FACETS
# Facets with several values per product live in ProductDocumentValue.
MULTI_VALUED = ("category", "incoterm", "certification")
FLAGS = ("supplier_verified", "dangerous_goods")

LABELS = {
    "category": _("Category"),
    "product_class": _("Product type"),
    "supplier": _("Supplier"),
    "supplier_verified": _("Verified supplier"),
    "dangerous_goods": _("Dangerous goods"),
    "transport_class": _("Transport class"),
    "incoterm": _("Incoterm offered"),
    "certification": _("Certification"),
    "price": _("Price"),
    "moq": _("Minimum order"),
    "lead_time": _("Lead time"),
}

Bucket = tuple[Decimal | None, Decimal | None]
MOQ_BUCKETS: list[Bucket] = [
    (None, Decimal(1)),
    (Decimal(1), Decimal(10)),
    (Decimal(10), Decimal(100)),
    (Decimal(100), Decimal(1000)),
    (Decimal(1000), None),
]
LEAD_TIME_BUCKETS: list[Bucket] = [
    (None, Decimal(7)),
    (Decimal(7), Decimal(14)),
    (Decimal(14), Decimal(30)),
    (Decimal(30), Decimal(60)),
    (Decimal(60), None),
]
# In the pivot currency (USD); shown in the buyer's currency rounded to 1, 2 or 5 × 10ⁿ.
PRICE_BUCKETS_PIVOT = [Decimal(100), Decimal(500), Decimal(2000), Decimal(10000)]


def bucket_key(bucket: Bucket) -> str:
    low, high = bucket
    return f"{'' if low is None else _plain(low)}-{'' if high is None else _plain(high)}"


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def parse_range(key: str) -> Bucket | None:
    """``"10-100"`` → (10, 100); ``"-7"`` → (None, 7); None when it is not a range."""
    low, separator, high = (key or "").partition("-")
    if not separator or (not low and not high):
        return None
    try:
        bounds = tuple(Decimal(part) if part else None for part in (low, high))
    except InvalidOperation:
        return None
    if any(bound is not None and not bound.is_finite() for bound in bounds):
        return None
    if bounds[0] is not None and bounds[1] is not None and bounds[0] >= bounds[1]:
        return None
    return bounds


def _nice(amount: Decimal) -> Decimal:
    """The nearest of 1, 2, 5 × 10ⁿ: price steps read as round numbers in any currency."""
    exponent = amount.adjusted()
    steps = [Decimal(step).scaleb(power) for power in (exponent, exponent + 1) for step in (1, 2, 5)]
    return min(steps, key=lambda step: abs(step - amount))


_currencies: tuple[float, list[str]] = (0.0, [])


def known_currencies() -> list[str]:
    """Currency codes, kept a minute per process: every search with prices needs them."""
    global _currencies
    read_at, codes = _currencies
    if time.monotonic() - read_at > 60:
        codes = list(Currency.objects.values_list("code", flat=True))
        _currencies = (time.monotonic(), codes)
    return codes


@dataclass(frozen=True)
class PriceContext:
    """The buyer's currency and the rates to bring each offer currency into it."""

    currency: str
    rates: dict[str, Decimal]  # offer currency → how many buyer-currency units one is worth

    @classmethod
    def build(cls, currency: str, table: RateTable) -> "PriceContext":
        currency = currency or settings.OSCAR_DEFAULT_CURRENCY
        rates = {}
        for code in known_currencies():
            try:
                rates[code] = table.rate(code, currency)
            except ExchangeRateMissingError:
                continue  # offers in this currency have no price in the buyer's currency
        rates[currency] = Decimal(1)
        return cls(currency=currency, rates=rates)

    def buckets(self) -> list[Bucket]:
        to_buyer = self.rates.get(settings.FX_PIVOT_CURRENCY, Decimal(1))
        edges = list(dict.fromkeys(_nice(edge * to_buyer) for edge in PRICE_BUCKETS_PIVOT))
        return [(None, edges[0]), *zip(edges, edges[1:], strict=False), (edges[-1], None)]

    def bounds_in(self, bucket: Bucket) -> list[tuple[str, Decimal | None, Decimal | None]]:
        """A range in the buyer's currency as (offer currency, low, high) in that currency."""
        low, high = bucket
        return [
            (code, None if low is None else low / rate, None if high is None else high / rate)
            for code, rate in self.rates.items()
        ]


def range_buckets(facet: str, prices: PriceContext | None) -> list[Bucket]:
    if facet == "moq":
        return MOQ_BUCKETS
    if facet == "lead_time":
        return LEAD_TIME_BUCKETS
    return prices.buckets() if prices else []


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: list[FacetValue]

    @property
    def is_range(self) -> bool:
        return self.name in RANGE_FACETS


def _range_label(facet: str, bucket: Bucket, currency: str) -> str:
    low, high = (None if bound is None else f"{bound.normalize():,f}" for bound in bucket)
    unit = {"price": f" {currency}", "lead_time": " " + str(_("days"))}.get(facet, "")
    if low is None:
        return str(_("Up to %(high)s%(unit)s")) % {"high": high, "unit": unit}
    if high is None:
        return str(_("Over %(low)s%(unit)s")) % {"low": low, "unit": unit}
    return f"{low}–{high}{unit}"


def _names(facet: str, keys: set[str]) -> dict[str, str]:
    """People's names for facet values, one query per facet that needs one."""
    if not keys:
        return {}
    ids = [int(key) for key in keys if key.isdigit()]
    if facet == "category":
        return {str(pk): name for pk, name in Category.objects.filter(pk__in=ids).values_list("pk", "name")}
    if facet == "supplier":
        return {str(pk): name for pk, name in Partner.objects.filter(pk__in=ids).values_list("pk", "name")}
    if facet == "product_class":
        return dict(ProductClass.objects.filter(slug__in=keys).values_list("slug", "name"))
    if facet == "incoterm":
        return {code: f"{code} – {name}" for code, name in Incoterm.objects.values_list("code", "name")}
    if facet in FLAGS:
        return {"yes": str(_("Yes")), "no": str(_("No"))}
    if facet == "transport_class":
        return {key: str(_("Class %(number)s")) % {"number": key} for key in keys}
    return {key: key for key in keys}


def labelled_facets(
    counts: dict[str, dict[str, int]], selected: dict[str, tuple[str, ...]], prices: PriceContext | None
) -> list[Facet]:
    """Counted values with names, selected values kept even when nothing is left of them."""
    facets = []
    for name in FACETS:
        if name not in counts:
            continue
        chosen = selected.get(name, ())
        found = {key: count for key, count in counts[name].items() if key and count}
        if name in RANGE_FACETS:
            keys = [bucket_key(bucket) for bucket in range_buckets(name, prices)]
            keys += [key for key in chosen if key not in keys]
            ordered = [key for key in keys if key in found or key in chosen]
            labels = {
                key: _range_label(name, parse_range(key), prices.currency if prices else "")
                for key in ordered
            }
        else:
            ordered = sorted(set(found) | set(chosen), key=lambda key: (-found.get(key, 0), key))
            labels = _names(name, set(ordered))
        values = [FacetValue(key, labels.get(key, key), found.get(key, 0), key in chosen) for key in ordered]
        facets.append(Facet(name=name, label=str(LABELS[name]), values=values))
    return facets
