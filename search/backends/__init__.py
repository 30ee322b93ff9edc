"""The one interface through which browse, category and search pages find products."""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from search.backends.base import ProductQuery, ProductResults, SearchBackend

__all__ = ["ProductQuery", "ProductResults", "SearchBackend", "get_backend"]


@cache
def get_backend() -> SearchBackend:
    return import_string(settings.SEARCH_BACKEND)()
