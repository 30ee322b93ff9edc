from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from marketplace.health import healthz

# Outside the language prefixes: machines, admin tools and the API.
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("django-admin/", admin.site.urls),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("marketplace.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
]

# Pages for people: English at /, Russian at /ru/, Chinese at /zh-hans/.
urlpatterns += i18n_patterns(
    path("dashboard/", apps.get_app_config("dashboard").urls),
    # Accounts open with a company: Oscar's bare registration form leads to our sign-up.
    path("catalog/accounts/register/", RedirectView.as_view(pattern_name="accounts:signup"), name="register"),
    path("catalog/", include(apps.get_app_config("oscar").urls[0])),
    path("", include("marketplace.accounts.urls")),
    # Wagtail's catch-all serves the home page and content pages; it must come last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
