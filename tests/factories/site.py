from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from wagtail.models import Locale, Page, Site

from cms.models import HomePage


def ensure_home_page() -> HomePage:
    """The state cms/migrations/0002 creates, rebuilt after a transactional test's flush."""
    home = HomePage.objects.first()
    if home is None:
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locale)
        )
        home = root.add_child(
            instance=HomePage(title=settings.SITE_NAME, slug="home", locale=locale, live=True)
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": settings.SITE_NAME},
    )
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )
    return home
