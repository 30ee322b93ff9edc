"""Browse, category and search pages, served through ``search.backends.get_backend()``."""

from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from search.backends import get_backend
from search.forms import SearchForm

Category = get_model("catalogue", "Category")


class ProductListView(TemplateView):
    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    page_sizes = ("24", "48", "96")

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET, with_filters=True)
        results = get_backend().search(self.form.product_query(self.get_category_ids()))
        paginator = Paginator(results, self.get_paginate_by())
        try:
            self.page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage:
            messages.error(request, _("The given page number was invalid."))
            query = request.GET.copy()
            query.pop("page", None)
            return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)
        return super().get(request, *args, **kwargs)

    def get_paginate_by(self) -> int:
        # Buyers comparing many grades may show more per page; only the offered sizes.
        size = self.request.GET.get("page_size", "")
        return int(size) if size in self.page_sizes else self.paginate_by

    def get_category_ids(self) -> tuple[int, ...]:
        return ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
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
                "has_facets": False,
                "facet_data": {},
                "selected_facets": [],
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
        return tuple(self.category.get_descendants_and_self().values_list("pk", flat=True))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context
