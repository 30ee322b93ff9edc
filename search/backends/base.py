from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol


class SortBy:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    PRICE_ASC = "price-asc"
    PRICE_DESC = "price-desc"
    TITLE_ASC = "title-asc"
    TITLE_DESC = "title-desc"


@dataclass(frozen=True)
class ProductQuery:
    """What a browse, category or search page asks for."""

    text: str = ""
    category_ids: tuple[int, ...] = ()
    sort_by: str = SortBy.RELEVANCE
    # Filters: product class slug, supplier (partner) id, Incoterm code, dangerous goods or not.
    product_class: str = ""
    supplier_id: int | None = None
    incoterm: str = ""
    dangerous_goods: bool | None = None


@dataclass(frozen=True)
class ProductHit:
    # Oscar's templates read results as ``result.object``.
    object: Any


class ProductResults(Protocol):
    """A lazy, sliceable result list; Django's Paginator calls ``count()`` and slices it."""

    def count(self) -> int: ...

    def __getitem__(self, index: slice) -> Sequence[ProductHit]: ...


class SearchBackend(Protocol):
    name: str

    def search(self, query: ProductQuery) -> ProductResults: ...

    def status(self) -> dict[str, Any]:
        """State for /healthz: ``{"backend": name, "ok": bool, ...}``."""
        ...
