from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from wagtail.models import Collection, Locale, Page, Site

from cms.models import HomePage
from marketplace.customs.seed import load_reference_data as load_customs_reference_data

# Migration modules start with a digit, so they are imported by name.
cms_editorial_set_up = import_module("cms.migrations.0004_locales_workflow_collections").set_up


def ensure_home_page() -> HomePage:
    """What the data migrations create and the site needs, rebuilt after a transactional test's
    flush: the home page and both site records (cms 0002), the root collection, locales,
    moderation workflow and collections (cms 0004), customs reference data (customs 0002)."""
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locale)
        )
        home = root.add_child(
            instance=HomePage(title=settings.SITE_NAME, slug="home", locale=locale, live=True)
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    cms_editorial_set_up(apps, None)
    load_customs_reference_data(apps)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": settings.SITE_NAME},
    )
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )
    return home
