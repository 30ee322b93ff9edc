"""What is searchable about a listed product, read from the catalogue in batches.

Both backends index the same ``IndexedProduct``: the database backend as token columns
(search/backends/database.py), Elasticsearch as a document with language fields
(search/backends/elasticsearch.py). Only browsable products (published, verified supplier,
an own offer) are indexed.
"""

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch
from django.utils import translation
from oscar.core.loading import get_model

from catalog.reference.selectors import ExchangeRateMissingError, rates_at
from catalog.selectors import browsable_products
from marketplace.accounts.countries import country_name
from marketplace.accounts.models import VerificationStatus
from marketplace.core.html import html_to_text
from search.text import identifier_forms

Category = get_model("catalogue", "Category")
OfferIncoterm = get_model("partner", "OfferIncoterm")
StockRecord = get_model("partner", "StockRecord")
BATCH_SIZE = 500


@dataclass
class IndexedProduct:
    id: int
    title: str
    titles: dict[str, str]  # language → title: en, ru, zh-hans
    descriptions: dict[str, str]
    search_words: list[str]  # translators' extra words (синонимы)
    spec_text: list[str]  # spec values, HS description, class, categories
    supplier_name: str
    supplier_location: str
    identifiers: list[str]
    product_class: str  # slug
    supplier_id: int | None
    supplier_verified: bool
    dangerous_goods: bool
    transport_class: str
    min_price: Decimal | None
    price_currency: str
    min_moq: Decimal | None
    lead_time_days: int | None
    priority: int
    date_created: datetime
    categories: list[int] = field(default_factory=list)  # with ancestors
    incoterms: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Changes whenever anything indexed changes; ``search_check`` compares it."""
        payload = json.dumps(asdict(self), sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()


REBUILD_ORDER = ("product_class_id", "title", "pk")


def _products(product_ids: Iterable[int] | None):
    # Only what indexing reads: the product cards' prefetches are not needed here.
    products = (
        browsable_products()
        .prefetch_related(None)
        .select_related(
            "product_class",
            "supplier__company",
            "trade_spec__hs_code",
            "chemical_spec",
            "battery_spec",
            "vehicle_spec",
        )
    )
    products = products.prefetch_related(
        "categories",
        "translations",
        Prefetch(
            "stockrecords",
            StockRecord.objects.prefetch_related(
                Prefetch("incoterms", OfferIncoterm.objects.select_related("incoterm"))
            ),
            to_attr="search_offers",
        ),
    )
    if product_ids is not None:
        products = products.filter(pk__in=list(product_ids))
    return products.order_by(*REBUILD_ORDER)


def _spec(product, name: str):
    try:
        return getattr(product, name)
    except ObjectDoesNotExist:
        return None


def _spec_text(product, category_names: list[str]) -> tuple[list[str], list[str]]:
    """Words from the typed specs, and identifiers (CAS, UN, HS, VIN)."""
    words = [product.product_class.name if product.product_class_id else "", *category_names]
    cas = un = hs = vin = ""
    if trade := _spec(product, "trade_spec"):
        hs = trade.hs_code_id
        words += [trade.hs_code.description, trade.hs_code.description_zh, trade.packaging]
        words += [trade.certifications, trade.origin_country, country_name(trade.origin_country)]
    if chemical := _spec(product, "chemical_spec"):
        cas, un = chemical.cas_number, chemical.un_number
        words += [chemical.grade, chemical.proper_shipping_name, chemical.ghs_classes]
    if battery := _spec(product, "battery_spec"):
        un = battery.un_number
        words += [battery.chemistry, battery.get_chemistry_display(), battery.get_form_display()]
    if vehicle := _spec(product, "vehicle_spec"):
        vin = vehicle.vin
        words += [vehicle.make, vehicle.model, str(vehicle.model_year), vehicle.powertrain]
        words += [vehicle.get_powertrain_display(), vehicle.emission_standard]
    skus = [offer.partner_sku for offer in product.search_offers]
    identifiers = identifier_forms(cas=cas, un=un, hs=hs, others=[vin, product.upc or "", *skus])
    return [word for word in words if word], identifiers


def _danger(product) -> tuple[bool, str]:
    chemical, battery = _spec(product, "chemical_spec"), _spec(product, "battery_spec")
    if chemical and chemical.un_number:
        return True, chemical.transport_class
    if battery:
        return True, battery.transport_class
    return False, ""


def _cheapest(offers: list, rates) -> tuple[Decimal | None, str]:
    """The lowest base price among the offers, compared across currencies at today's rates."""
    priced = [offer for offer in offers if offer.price is not None]
    if not priced:
        return None, ""

    def in_pivot(offer) -> Decimal:
        try:
            return rates.convert(offer.price, currency=offer.price_currency, to=rates.pivot)
        except ExchangeRateMissingError:
            return offer.price

    best = min(priced, key=lambda offer: (in_pivot(offer), offer.pk))
    return best.price, best.price_currency


def _certifications(product) -> list[str]:
    trade = _spec(product, "trade_spec")
    if not trade or not trade.certifications:
        return []
    names = [name.strip() for name in re.split(r"[,;/\n]", trade.certifications)]
    return list(dict.fromkeys(name[:100] for name in names if name))


class _CategoryTree:
    """Every category once per batch: id → (name, ancestor ids), from the materialised path."""

    def __init__(self):
        rows = list(Category.objects.values_list("pk", "path", "name", "depth"))
        by_path = {path: (pk, name) for pk, path, name, depth in rows}
        self.steplen = Category.steplen
        self.by_id = {pk: (path, name) for pk, path, name, depth in rows}
        self.by_path = by_path

    def with_ancestors(self, category_ids: Iterable[int]) -> tuple[list[int], list[str]]:
        ids, names = [], []
        for category_id in category_ids:
            path = self.by_id.get(category_id, ("", ""))[0]
            for end in range(self.steplen, len(path) + 1, self.steplen):
                pk, name = self.by_path[path[:end]]
                ids.append(pk)
                names.append(name)
        return list(dict.fromkeys(ids)), list(dict.fromkeys(names))


def _indexed(product, tree: _CategoryTree, rates) -> IndexedProduct:
    translations = {row.language: row for row in product.translations.all()}
    category_ids, category_names = tree.with_ancestors(category.pk for category in product.categories.all())
    spec_words, identifiers = _spec_text(product, category_names)
    own_offers = [offer for offer in product.search_offers if offer.partner_id == product.supplier_id]
    min_price, currency = _cheapest(own_offers, rates)
    moqs = [offer.minimum_order_quantity for offer in own_offers if offer.minimum_order_quantity]
    lead_times = [offer.lead_time_days for offer in own_offers if offer.lead_time_days is not None]
    dangerous, transport_class = _danger(product)
    company = product.supplier.company if product.supplier_id else None
    return IndexedProduct(
        id=product.pk,
        title=product.title,
        titles={"en": product.title, **{lang: row.title for lang, row in translations.items()}},
        # Descriptions are stored as HTML; the index wants their words, not "p" or "amp".
        descriptions={
            "en": html_to_text(product.description),
            **{lang: html_to_text(row.description) for lang, row in translations.items()},
        },
        search_words=[row.search_text for row in translations.values() if row.search_text],
        spec_text=spec_words,
        supplier_name=product.supplier.name if product.supplier_id else "",
        supplier_location=" ".join(
            part for part in (company.city, company.country, company.country_name) if part
        )
        if company
        else "",
        identifiers=identifiers,
        product_class=product.product_class.slug if product.product_class_id else "",
        supplier_id=product.supplier_id,
        supplier_verified=bool(company and company.verification_status == VerificationStatus.VERIFIED),
        dangerous_goods=dangerous,
        transport_class=transport_class,
        min_price=min_price,
        price_currency=currency,
        min_moq=min(moqs) if moqs else None,
        lead_time_days=min(lead_times) if lead_times else None,
        priority=product.priority,
        date_created=product.date_created,
        categories=category_ids,
        incoterms=sorted({place.incoterm.code for offer in own_offers for place in offer.incoterms.all()}),
        certifications=_certifications(product),
    )


def indexed_products(product_ids: Iterable[int] | None = None, batch_size: int = BATCH_SIZE) -> Iterator:
    """``IndexedProduct`` for each browsable product among ``product_ids`` (all when None).

    Names are read in English so spec labels index the same whatever the request's language.
    """
    tree, rates = _CategoryTree(), rates_at()
    if product_ids is None:
        # The listed ids in one query, then batches: cheaper than paging the filter. A rebuild
        # writes similar goods next to each other (by type and title), so the rows one search
        # matches share pages and the database reads far fewer of them.
        ids = list(browsable_products().order_by(*REBUILD_ORDER).values_list("pk", flat=True))
    else:
        ids = sorted(set(product_ids))
    with translation.override("en"):
        for start in range(0, len(ids), batch_size):
            for product in _products(ids[start : start + batch_size]):
                yield _indexed(product, tree, rates)
