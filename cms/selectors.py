"""Reads for the CMS pages: live catalogue content, cached under the catalogue's version.

Every key includes ``catalog_version()``, which the catalogue bumps whenever a product, offer,
category or supplier changes; an unpublished product therefore leaves every page at once.
Search-driven content goes through the search interface, never raw product querysets.
"""

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import HttpRequest
from oscar.core.loading import get_model
from wagtail.models import Page

from catalog.selectors import browsable_products
from catalog.versioning import catalog_version
from marketplace.accounts.models import Company, CompanyKind, VerificationStatus
from search.backends import ProductQuery, get_backend
from search.backends.base import SortBy, as_filters

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

CACHE_SECONDS = 60 * 60
MAX_PRODUCTS = 24


def _cached(name: str, parts: Iterable[Any], compute: Callable[[], Any]) -> Any:
    digest = hashlib.sha1(repr(tuple(parts)).encode()).hexdigest()[:16]
    key = f"cms:{name}:{catalog_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


# --- Catalogue content -------------------------------------------------------------------------


def home_page_catalogue(*, product_count: int = 8) -> dict:
    """Live catalogue content for the home page: top-level categories and newest products."""

    def compute() -> dict:
        return {
            "categories": list(Category.get_root_nodes().filter(is_public=True)),
            "newest_products": list(browsable_products().order_by("-date_created", "-pk")[:product_count]),
        }

    return _cached("home", [product_count], compute)


def category_scope(*, category_ids: Iterable[int]) -> tuple[int, ...]:
    """The categories and all their descendants, as a search scope."""
    ids = sorted(set(category_ids))
    if not ids:
        return ()

    def compute() -> tuple[int, ...]:
        paths = Category.objects.filter(pk__in=ids).values_list("path", flat=True)
        condition = Q(pk__in=[])
        for path in paths:
            condition |= Q(path__startswith=path)
        return tuple(Category.objects.filter(condition).order_by("pk").values_list("pk", flat=True))

    return _cached("scope", ids, compute)


def searched_products(
    *,
    text: str = "",
    category_ids: Iterable[int] = (),
    filters: dict[str, Iterable[str]] | None = None,
    sort_by: str = SortBy.RELEVANCE,
    supplier_id: int | None = None,
    limit: int = 8,
) -> list:
    """The top ``limit`` listed products for a search with filters, through the search backend."""
    scope = category_scope(category_ids=category_ids)
    query = ProductQuery(
        text=text,
        category_ids=scope,
        filters=as_filters(filters or {}),
        sort_by=sort_by if sort_by in SortBy.ALL else SortBy.RELEVANCE,
        supplier_id=supplier_id,
    )
    limit = max(1, min(limit, MAX_PRODUCTS))

    def compute() -> list:
        return [hit.object for hit in get_backend().search(query)[:limit]]

    return _cached("search", [query, limit], compute)


def chosen_products(*, product_ids: Iterable[int]) -> list:
    """The chosen products still listed, in the editor's order."""
    ids = [pk for pk in product_ids if pk]

    def compute() -> list:
        products = browsable_products().in_bulk(ids)
        return [products[pk] for pk in ids if pk in products]

    return _cached("chosen", ids, compute) if ids else []


def _verified_suppliers():
    return Company.objects.filter(
        kind=CompanyKind.SUPPLIER, verification_status=VerificationStatus.VERIFIED, partner__isnull=False
    ).select_related("partner")


def belt_suppliers(*, category_ids: Iterable[int], limit: int = 12) -> list:
    """Verified suppliers with listed products in the belt's categories, the busiest first."""
    scope = category_scope(category_ids=category_ids)

    def compute() -> list:
        listed = browsable_products().filter(categories__in=scope).values("supplier_id")
        return list(
            _verified_suppliers()
            .filter(partner__in=listed)
            .annotate(listed=Count("partner__products", filter=Q(partner__products__is_public=True)))
            .order_by("-listed", "name")[:limit]
        )

    return _cached("belt-suppliers", [scope, limit], compute) if scope else []


def featured_suppliers(*, limit: int = 6) -> list:
    """Verified suppliers with the most listed products, for the home page."""

    def compute() -> list:
        listed = browsable_products().values("supplier_id")
        return list(
            _verified_suppliers()
            .filter(partner__in=listed)
            .annotate(listed=Count("partner__products", filter=Q(partner__products__is_public=True)))
            .order_by("-listed", "name")[:limit]
        )

    return _cached("featured-suppliers", [limit], compute)


def belt_figures(*, category_ids: Iterable[int]) -> dict[str, int]:
    """How many verified suppliers and listed products the belt's categories hold."""
    scope = category_scope(category_ids=category_ids)

    def compute() -> dict[str, int]:
        if not scope:
            return {"suppliers": 0, "products": 0}
        products = browsable_products().filter(categories__in=scope)
        return {
            "suppliers": products.values("supplier_id").distinct().count(),
            "products": products.values("pk").distinct().count(),
        }

    return _cached("belt-figures", [scope], compute)


def supplier_partner(*, company: Company) -> Partner | None:
    return Partner.objects.filter(company=company).first()


# --- Pages (cached under the pages version, cms/receivers.py) ----------------------------------


def _pages_cached(name: str, parts: Iterable[Any], compute: Callable[[], Any]) -> Any:
    from cms.receivers import pages_version

    digest = hashlib.sha1(repr(tuple(parts)).encode()).hexdigest()[:16]
    key = f"cms:{name}:{pages_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def live_children(*, page: Page, page_type: type[Page]) -> list[Page]:
    def compute() -> list:
        return list(page_type.objects.child_of(page).live().public().order_by("path"))

    return _pages_cached("children", [page.pk, page_type.__name__], compute)


def home_sections(*, home: Page, news_count: int = 3) -> dict:
    """The home page's belts, newest news of its locale and the news index."""
    from cms.models import IndustryBeltPage, NewsIndexPage, NewsPage

    def compute() -> dict:
        return {
            "belts": list(IndustryBeltPage.objects.child_of(home).live().public().order_by("path")),
            "latest_news": list(
                NewsPage.objects.live()
                .public()
                .filter(locale_id=home.locale_id)
                .order_by("-date", "-pk")[:news_count]
            ),
            "news_index": NewsIndexPage.objects.child_of(home).live().first(),
        }

    return _pages_cached("home", [home.pk, news_count], compute)


def translation_urls(*, page: Page, request: HttpRequest) -> dict[str, tuple[str, bool]]:
    """Each language's URL for ``page``: its live translation, else that language's home page."""
    from cms.models import HomePage

    def compute() -> dict[str, tuple[str, bool]]:
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
        urls = {code: (translation.get_url(request), True) for code, translation in translations.items()}
        if len(urls) < len(settings.LANGUAGES):
            for home in HomePage.objects.live().select_related("locale"):
                urls.setdefault(home.locale.language_code, (home.get_url(request), False))
        return urls

    return _pages_cached("translations", [page.pk, request.get_host()], compute)
