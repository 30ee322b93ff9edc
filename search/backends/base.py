from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from search.facets import FACETS, Facet


class SortBy:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    PRICE_ASC = "price-asc"
    PRICE_DESC = "price-desc"
    LEAD_TIME = "lead-time"
    TITLE_ASC = "title-asc"
    TITLE_DESC = "title-desc"

    ALL = (RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC, LEAD_TIME, TITLE_ASC, TITLE_DESC)


Filters = tuple[tuple[str, tuple[str, ...]], ...]


def as_filters(selected: Mapping[str, Iterable[str]]) -> Filters:
    """Facet selections in the hashable form ProductQuery keeps: ``(("incoterm", ("FCA",)),)``."""
    return tuple(
        (name, tuple(dict.fromkeys(str(value) for value in values)))
        for name, values in sorted(selected.items())
        if name in FACETS and values
    )


@dataclass(frozen=True)
class ProductQuery:
    """What a browse, category or search page, the API or a content block asks for."""

    text: str = ""
    # The page's scope: a category page passes its category and descendants.
    category_ids: tuple[int, ...] = ()
    sort_by: str = SortBy.RELEVANCE
    # Single-valued shortcuts, kept for callers that pick one value.
    product_class: str = ""
    supplier_id: int | None = None
    incoterm: str = ""
    dangerous_goods: bool | None = None
    # Facet selections (search/facets.py): values within a facet are ORed.
    filters: Filters = ()
    # In the buyer's currency (``currency``; the default currency when empty).
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    currency: str = ""
    moq_max: Decimal | None = None
    lead_time_max: int | None = None
    # Which facets to count; none by default (a content block needs no counts).
    facets: tuple[str, ...] = ()

    def selections(self) -> dict[str, tuple[str, ...]]:
        """Every facet selection, the shortcuts folded in."""
        selected = {name: values for name, values in self.filters}
        shortcuts = {
            "product_class": self.product_class,
            "supplier": self.supplier_id,
            "incoterm": self.incoterm,
            "dangerous_goods": None
            if self.dangerous_goods is None
            else ("yes" if self.dangerous_goods else "no"),
        }
        for name, value in shortcuts.items():
            if value not in (None, ""):
                selected[name] = tuple(dict.fromkeys((*selected.get(name, ()), str(value))))
        return selected


@dataclass(frozen=True)
class ProductHit:
    # Oscar's templates read results as ``result.object``.
    object: Any


@dataclass(frozen=True)
class Suggestion:
    """A query to try instead, with how many products it finds."""

    text: str
    count: int


@dataclass(frozen=True)
class SupplierHit:
    id: int  # partner id, as the supplier facet uses
    name: str
    location: str


class ProductResults(Protocol):
    """A lazy, sliceable result list; Django's Paginator calls ``count()`` and slices it.

    ``facets()`` counts the query's facets (each without its own selection, so other values
    of a multi-select facet keep their counts); ``corrected_text`` is the query with typos
    fixed when fixes were used; ``suggestions()`` proposes other queries when nothing matched.
    """

    corrected_text: str

    def count(self) -> int: ...

    def __getitem__(self, index: slice) -> Sequence[ProductHit]: ...

    def facets(self) -> list[Facet]: ...

    def suggestions(self) -> list[Suggestion]: ...


@dataclass(frozen=True)
class Suggestions:
    """What the search box proposes while a buyer types."""

    products: list = field(default_factory=list)  # (product id, title, url)
    suppliers: list[SupplierHit] = field(default_factory=list)
    categories: list = field(default_factory=list)  # (category, url)


class SearchBackend(Protocol):
    name: str

    def search(self, query: ProductQuery) -> ProductResults: ...

    def suggest(self, text: str, *, limit: int = 6) -> Suggestions: ...

    def index_products(self, product_ids: Iterable[int]) -> None:
        """Bring these products' entries up to date: write the listed, remove the others."""
        ...

    def rebuild(self, *, progress=None) -> int:
        """Index every listed product afresh; returns how many. ``progress(done, total)``."""
        ...

    def check(self) -> dict[str, list[int]]:
        """Products ``missing`` from the index, ``stale`` in it, or ``orphaned`` (no longer listed)."""
        ...

    def status(self) -> dict[str, Any]:
        """State for /healthz: ``{"backend": name, "ok": bool, ...}``."""
        ...
