from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Areas with nothing for search engines: admin tools, the API, accounts and checkout.
PRIVATE_PREFIXES = [
    "/cms-admin/",
    "/django-admin/",
    "/dashboard/",
    "/api/",
    "/basket/",
    "/checkout/",
    "/company/",
    "/operator/",
    "/supplier/",
    "/rfqs/",
    "/orders/",
    "/documents/",
]


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    """Allows the public pages, keeps crawlers out of private areas, and names the sitemap."""
    prefixes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    lines = ["User-agent: *"]
    for path in PRIVATE_PREFIXES:
        lines.append(f"Disallow: {path}")
        lines += [f"Disallow: /{code}{path}" for code in prefixes]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
