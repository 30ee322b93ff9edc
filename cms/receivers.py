"""Publishing, unpublishing, moving or deleting a page bumps the pages version.

Page lists on the home and belt pages and the language switcher's links are cached under it
(cms/selectors.py), so a published news item or a new translation shows at once.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

PAGES_VERSION_KEY = "cms:pages-version"


def pages_version() -> int:
    version = cache.get(PAGES_VERSION_KEY)
    if version is None:
        cache.add(PAGES_VERSION_KEY, 1, timeout=None)
        version = cache.get(PAGES_VERSION_KEY) or 1
    return version


def bump_pages_version(**kwargs) -> None:
    def bump():
        try:
            cache.incr(PAGES_VERSION_KEY)
        except ValueError:  # not in the cache (cleared): start again
            cache.set(PAGES_VERSION_KEY, 1, timeout=None)

    # Now for this request, and after commit for requests that cached the old tree meanwhile.
    bump()
    transaction.on_commit(bump, robust=True)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_pages_version()


def connect() -> None:
    page_published.connect(bump_pages_version, dispatch_uid="cms.pages_version.published")
    page_unpublished.connect(bump_pages_version, dispatch_uid="cms.pages_version.unpublished")
    page_slug_changed.connect(bump_pages_version, dispatch_uid="cms.pages_version.slug_changed")
    post_page_move.connect(bump_pages_version, dispatch_uid="cms.pages_version.moved")
    post_delete.connect(_page_deleted, dispatch_uid="cms.pages_version.deleted")
