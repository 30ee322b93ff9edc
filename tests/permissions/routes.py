"""Every URL pattern of the project, read from Django's resolver (pages, the API, Oscar, Wagtail)."""

import inspect
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or the pattern itself for an unnamed route
    pattern: str  # the whole path pattern, without the language prefix
    module: str  # where the view is defined: tells framework views from ours
    callback: object = field(compare=False, repr=False, default=None)

    @property
    def api_view(self):
        """The DRF view class, if it is one: it says which methods it takes."""
        cls = getattr(self.callback, "cls", None)
        return cls if inspect.isclass(cls) else None

    def __str__(self) -> str:
        return self.name


def _module_of(callback) -> str:
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback
    return getattr(view, "__module__", "") or ""


def _walk(patterns, prefix: str, namespaces: tuple[str, ...]):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            # i18n_patterns' prefix is "" for the default language; include() namespaces nest.
            inner = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            pattern = prefix + str(entry.pattern)
            name = ":".join((*namespaces, entry.name)) if entry.name else pattern
            yield Route(
                name=name, pattern=pattern, module=_module_of(entry.callback), callback=entry.callback
            )


def all_routes() -> list[Route]:
    """Each route once; Oscar mounts a few names twice (wishlists' add and remove), kept apart by pattern."""
    seen, routes = set(), []
    for route in _walk(get_resolver().url_patterns, "", ()):
        if (route.name, route.pattern) not in seen:
            seen.add((route.name, route.pattern))
            routes.append(route)
    return routes
