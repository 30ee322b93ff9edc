from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from catalog.currency import set_display_currency
from cms.sitemaps import PageSitemap, ProductSitemap
from cms.views import robots_txt
from marketplace.accounts.views import LoginView
from marketplace.api.views import not_found as api_not_found
from marketplace.core.security import csp_allow
from marketplace.health import healthz
from marketplace.orders.views import oscar_order

# drf-spectacular's Swagger UI page loads Swagger UI from jsDelivr and starts it with an inline
# script and style block; the API's readers get that page, every other page keeps the strict policy.
SWAGGER_UI_SOURCES = {
    "script-src": ["'unsafe-inline'", "https://cdn.jsdelivr.net"],
    "style-src": ["'unsafe-inline'", "https://cdn.jsdelivr.net"],
    "img-src": ["https://cdn.jsdelivr.net"],
}

# Outside the language prefixes: machines, admin tools and the API.
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap, "products": ProductSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("currency/", set_display_currency, name="set-display-currency"),
    path("django-admin/", admin.site.urls),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("marketplace.api.urls")),
    path("api/v1/", include("catalog.api_urls")),
    path("api/v1/", include("catalog.imports.api_urls")),
    path("api/v1/", include("marketplace.suppliers.api_urls")),
    path("api/v1/", include("marketplace.orders.api_urls")),
    path("api/v1/", include("catalog.documents.api_urls")),
    path("api/v1/", include("search.api_urls")),
    path("api/v1/", include("marketplace.payments.api_urls")),
    path("api/v1/", include("rfq.api_urls")),
    path("api/v1/", include("marketplace.customs.api_urls")),
    path("api/v1/", include("marketplace.fulfillment.api_urls")),
    # Any other /api/v1/…/ (an id that is not a number, a path that is not there) answers the API's
    # JSON 404, not the site's page; paths without the final slash still get APPEND_SLASH's redirect.
    re_path(r"^api/v1/(?:.*/)?$", api_not_found, name="api-not-found"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "api/docs/",
        csp_allow(SWAGGER_UI_SOURCES)(SpectacularSwaggerView.as_view(url_name="schema")),
        name="api-docs",
    ),
]

# Pages for people: English at /, Russian at /ru/, Chinese at /zh-hans/.
urlpatterns += i18n_patterns(
    path("dashboard/", apps.get_app_config("dashboard").urls),
    # Accounts open with a company: Oscar's bare registration leads to our sign-up, and its
    # login page only logs in.
    path("catalog/accounts/register/", RedirectView.as_view(pattern_name="accounts:signup"), name="register"),
    path("catalog/accounts/login/", LoginView.as_view(), name="login"),
    # Oscar's account pages of an order lead to the B2B order page (marketplace/orders/views.py).
    path("catalog/accounts/orders/<str:order_number>/", oscar_order, name="oscar-order"),
    path("catalog/accounts/orders/<str:order_number>/<int:line_id>/", oscar_order, name="oscar-order-line"),
    path("catalog/", include(apps.get_app_config("oscar").urls[0])),
    path("", include("marketplace.suppliers.urls")),
    path("", include("marketplace.checkout.urls")),
    path("", include("marketplace.orders.urls")),
    path("operator/products/", include("catalog.moderation_urls")),
    path("", include("catalog.documents.urls")),
    path("", include("catalog.imports.urls")),
    path("", include("marketplace.payments.urls")),
    path("", include("rfq.urls")),
    path("", include("marketplace.customs.urls")),
    path("", include("marketplace.fulfillment.urls")),
    path("", include("marketplace.accounts.urls")),
    # Wagtail's catch-all serves the home page and content pages; it must come last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Public media (product images) for small deployments without a web server in front;
    # private documents live elsewhere and are never served from here.
    urlpatterns = [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        ),
        *urlpatterns,
    ]
