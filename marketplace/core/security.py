"""Content-Security-Policy and Permissions-Policy headers on every response.

The policies are fixed strings from settings, one per kind of page, never built per request
(no nonces), so pages stay cacheable:

- ``CONTENT_SECURITY_POLICY``: every public page. Scripts, styles, fonts and requests come from
  our own origin only, with no inline script or style: a script a supplier smuggled into a
  page would not run even if the sanitiser (marketplace/core/html.py) missed it.
- ``CONTENT_SECURITY_POLICY_STAFF``: paths under ``CONTENT_SECURITY_POLICY_STAFF_PATHS`` (the
  Wagtail admin, Django admin, Oscar's dashboard). Those tools ship inline scripts and styles
  of their own, so this policy allows inline code but still no other origin.
- A view may add sources for its own responses with ``csp_allow``: the card payment page adds
  Stripe.js, the API docs page Swagger UI.

With DEBUG on, Django's error pages (inline styles and scripts) get the staff policy.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Policy = dict[str, list[str]]


def policy_header(policy: Policy, extra: Policy | None = None) -> str:
    """``policy`` (plus ``extra`` sources) as a header value: "default-src 'self'; …"."""
    extra = extra or {}
    directives = {name: [*sources, *extra.get(name, [])] for name, sources in policy.items()}
    directives |= {name: sources for name, sources in extra.items() if name not in policy}
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def csp_allow(sources: Policy) -> Callable:
    """View decorator: the public policy plus ``sources`` (directive → origins) for this view."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            response = view(request, *args, **kwargs)
            response.csp_sources = sources
            return response

        return wrapped

    return decorator


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        staff = request.path.startswith(tuple(settings.CONTENT_SECURITY_POLICY_STAFF_PATHS))
        if staff or (settings.DEBUG and response.status_code >= 400):
            policy = policy_header(settings.CONTENT_SECURITY_POLICY_STAFF)
        else:
            policy = policy_header(settings.CONTENT_SECURITY_POLICY, getattr(response, "csp_sources", None))
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
