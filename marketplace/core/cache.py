"""A Redis cache that treats an unreachable Redis as an empty cache.

The cache only ever holds copies (synonyms, catalogue and page versions, CMS blocks, DRF's
throttle history, thumbnails' key-value store), so an outage must cost speed, not pages. A
backend subclass rather than a wrapper at each call: Oscar, Wagtail, sorl-thumbnail and DRF
use the cache too, and all of them go through ``caches["default"]``.

On a connection error or timeout a read is a miss, a write is a no-op, ``incr`` raises
``ValueError`` as for a missing key, and the backend stops calling Redis for
``RETRY_AFTER`` seconds (an option, default 5), so a dead Redis costs one timeout per
process every few seconds instead of one per call. It logs one warning when it goes down and
one line when Redis answers again, never a stack trace per request.

DRF's throttles therefore fail open while Redis is down: they find no history, and what they
record is dropped. ``/healthz`` calls ``ping()``, which does raise, so the outage is still seen.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def _tolerant(miss):
    """Run the Redis call unless Redis is known to be down; answer ``miss(args)`` when it fails."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._down_until > time.monotonic():
                return miss(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self._went_down(error)
                return miss(*args, **kwargs)
            if self._down_until:
                self._down_until = 0.0
                logger.info("Cache %s answers again", self._location)
            return result

        return wrapper

    return decorate


def _raise_missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache unavailable)")


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = server if isinstance(server, str) else ",".join(server)
        self._down_until = 0.0

    def _went_down(self, error: Exception) -> None:
        if not self._down_until:
            logger.warning(
                "Cache %s unreachable (%s: %s); serving without it, retrying every %ss",
                self._location,
                type(error).__name__,
                error,
                self.retry_after,
            )
        self._down_until = time.monotonic() + self.retry_after

    def ping(self) -> bool:
        """Ask Redis directly, bypassing the tolerance: for the health check."""
        return self._cache.get_client(write=True).ping()

    add = _tolerant(lambda *a, **k: False)(RedisCache.add)
    get = _tolerant(lambda key, default=None, *a, **k: default)(RedisCache.get)
    set = _tolerant(lambda *a, **k: None)(RedisCache.set)
    touch = _tolerant(lambda *a, **k: False)(RedisCache.touch)
    delete = _tolerant(lambda *a, **k: False)(RedisCache.delete)
    get_many = _tolerant(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _tolerant(lambda *a, **k: False)(RedisCache.has_key)
    incr = _tolerant(_raise_missing)(RedisCache.incr)
    set_many = _tolerant(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _tolerant(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _tolerant(lambda *a, **k: False)(RedisCache.clear)
