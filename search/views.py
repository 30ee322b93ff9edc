"""Browse, category and search pages, served through ``search.backends.get_backend()``."""

from dataclasses import dataclass
from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from catalog.currency import display_currency
from search.backends import get_backend
from search.facets import FACETS, Facet
from search.forms import SearchForm

Category = get_model("catalogue", "Category")


@dataclass(frozen=True)
class FacetLink:
    """A facet value on the page: ticking it adds it to the query string, unticking removes it."""

    value: str
    label: str
    count: int
    selected: bool
    url: str


def _toggle_url(path: str, params: QueryDict, facet: str, value: str) -> str:
    query = params.copy()
    query.pop("page", None)
    values = query.getlist(facet)
    query.setlist(facet, [item for item in values if item != value] if value in values else [*values, value])
    encoded = query.urlencode()
    return f"{path}?{encoded}" if encoded else path


def facet_links(request, facets: list[Facet]) -> list[tuple[Facet, list[FacetLink]]]:
    """Facets worth showing (more than one value, or one chosen) with a link per value."""
    shown = []
    for facet in facets:
        if len(facet.values) < 2 and not any(value.selected for value in facet.values):
            continue  # one value for every result filters nothing
        links = [
            FacetLink(
                value.value,
                value.label,
                value.count,
                value.selected,
                _toggle_url(request.path, request.GET, facet.name, value.value),
            )
            for value in facet.values
        ]
        shown.append((facet, links))
    return shown


class ProductListView(TemplateView):
    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    page_sizes = ("24", "48", "96")

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET, with_filters=True)
        query = self.form.product_query(
            self.get_category_ids(), currency=display_currency(request), facets=FACETS
        )
        self.results = get_backend().search(query)
        paginator = Paginator(self.results, self.get_paginate_by())
        try:
            self.page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage:
            messages.error(request, _("The given page number was invalid."))
            params = request.GET.copy()
            params.pop("page", None)
            return redirect(f"{request.path}?{params.urlencode()}" if params else request.path)
        return super().get(request, *args, **kwargs)

    def get_paginate_by(self) -> int:
        # Buyers comparing many grades may show more per page; only the offered sizes.
        size = self.request.GET.get("page_size", "")
        return int(size) if size in self.page_sizes else self.paginate_by

    def get_category_ids(self) -> tuple[int, ...]:
        return ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        facets = self.results.facets()
        context.update(
            {
                "form": self.form,
                "query": self.form.product_query().text,
                "paginator": self.page.paginator,
                "page_obj": self.page,
                "page": self.page,
                "is_paginated": self.page.has_other_pages(),
                "products": self.page.object_list,
                self.context_object_name: self.page.object_list,
                "facets": facets,
                "facet_links": facet_links(self.request, facets),
                "has_facets": bool(facets),
                "corrected_query": self.results.corrected_text,
                "suggestions": self.results.suggestions() if not self.page.paginator.count else [],
                "page_sizes": self.page_sizes,
            }
        )
        return context


class FacetedSearchView(ProductListView):
    template_name = "oscar/search/results.html"
    context_object_name = "results"


class CatalogueView(ProductListView):
    template_name = "oscar/catalogue/browse.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("All products")
        return context


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected_path = self.category.get_absolute_url()
        if unquote(expected_path) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected_path)
        return super().get(request, *args, **kwargs)

    def get_category_ids(self) -> tuple[int, ...]:
        # Documents carry their categories' ancestors, so the category itself is enough.
        return (self.category.pk,)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context
