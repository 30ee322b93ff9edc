"""sitemap.xml: the CMS pages in every locale, and every listed product in every language.

Both sections use the host that served the sitemap, so page and product addresses agree
whatever the Wagtail and Django site records say.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from catalog.selectors import browsable_products


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap lists only the active language's tree; this lists all translations."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for home in root.get_translations(inclusive=True):
            trees |= Page.objects.descendant_of(home, inclusive=True)
        return trees.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            url = item.get_url(self.request)
            if url:
                urls.append(
                    {
                        "item": item,
                        "location": self.request.build_absolute_uri(url),
                        "lastmod": self.lastmod(item),
                    }
                )
        return urls


class ProductSitemap(WagtailSitemap):
    """Listed products, once per language (their pages live under /ru/ and /zh-hans/ too)."""

    i18n = True
    languages = [code for code, _name in settings.LANGUAGES]
    alternates = True
    x_default = True
    limit = 5000
    _urls = DjangoSitemap._urls  # the plain Django section, not Wagtail's page walk

    def get_domain(self, site=None):
        return self.request.get_host()

    def items(self):
        return (
            browsable_products()
            .prefetch_related(None)
            .select_related(None)
            .only("pk", "slug", "date_updated")
            .order_by("pk")
        )

    def location(self, product):
        return product.get_absolute_url()

    def lastmod(self, product):
        return product.date_updated
