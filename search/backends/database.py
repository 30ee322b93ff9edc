"""Search with a plain database query: the embedded default, no external service needed."""

from typing import Any

from django.db.models import Case, IntegerField, Min, Q, QuerySet, Value, When

from catalog.selectors import browsable_products
from search.backends.base import ProductHit, ProductQuery, SortBy

_ORDERINGS = {
    SortBy.NEWEST: ("-date_created", "-pk"),
    SortBy.PRICE_ASC: ("min_price", "pk"),
    SortBy.PRICE_DESC: ("-min_price", "pk"),
    SortBy.TITLE_ASC: ("title", "pk"),
    SortBy.TITLE_DESC: ("-title", "pk"),
}


class DatabaseResults:
    def __init__(self, queryset: QuerySet):
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [ProductHit(product) for product in self.queryset[index]]
        return ProductHit(self.queryset[index])


class DatabaseBackend:
    name = "database"

    def search(self, query: ProductQuery) -> DatabaseResults:
        products = browsable_products()
        products = self._filter(products, query)
        terms = query.text.split()
        for term in terms:
            products = products.filter(
                Q(title__icontains=term)
                | Q(upc__iexact=term)
                | Q(description__icontains=term)
                | Q(product_class__name__icontains=term)
                # Russian and Chinese names and search words (метанол, 甲醇).
                | Q(translations__title__icontains=term)
                | Q(translations__search_text__icontains=term)
            )
        products = products.annotate(min_price=Min("stockrecords__price")).distinct()
        return DatabaseResults(self._order(products, query))

    def _filter(self, products: QuerySet, query: ProductQuery) -> QuerySet:
        if query.category_ids:
            products = products.filter(categories__in=query.category_ids)
        if query.product_class:
            products = products.filter(product_class__slug=query.product_class)
        if query.supplier_id:
            products = products.filter(supplier_id=query.supplier_id)
        if query.incoterm:
            products = products.filter(stockrecords__incoterms__incoterm__code=query.incoterm)
        if query.dangerous_goods is not None:
            # Chemicals with a UN number, and lithium batteries (always class 9).
            dangerous = Q(chemical_spec__un_number__gt="") | Q(battery_spec__isnull=False)
            products = products.filter(dangerous if query.dangerous_goods else ~dangerous)
        return products

    def _order(self, products: QuerySet, query: ProductQuery) -> QuerySet:
        if query.sort_by in _ORDERINGS:
            return products.order_by(*_ORDERINGS[query.sort_by])
        if query.text:
            # Relevance: a title containing the whole phrase ranks first.
            products = products.annotate(
                title_match=Case(
                    When(title__icontains=query.text, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
            return products.order_by("-title_match", "-priority", "title", "pk")
        return products.order_by("-priority", "-date_created", "pk")

    def status(self) -> dict[str, Any]:
        return {"backend": self.name, "ok": True}
