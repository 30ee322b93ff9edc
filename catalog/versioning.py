"""The catalogue's "last changed" version: a cache key that changes whenever listings change.

Pages that show live catalogue content (CMS blocks, key figures) put this version into their
cache keys, so a product that is unpublished, repriced or moved disappears from every cached
page at once. The catalogue only bumps the version; it never knows who reads it.
"""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "catalog:version"


def catalog_version() -> str:
    """The current version; a fresh one when the cache has none (after a restart or a clear)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY) or ""
    return version


def bump_catalog_version() -> str:
    version = uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    return version


def bump_on_commit() -> None:
    """Bump once the change is committed: readers may cache the old rows until then.

    Never during the write itself, so saving a product does no cache work inside its
    transaction (receivers.py calls this from post_save); with the cache down the bump is
    dropped (marketplace/core/cache.py), and cached pages age out with their timeouts.
    """
    transaction.on_commit(bump_catalog_version, robust=True)
