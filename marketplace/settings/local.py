"""Development and the embedded default: everything works with no configuration at all."""

from marketplace.settings.base import *  # noqa: F403
from marketplace.settings.base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# A development-only key; production.py refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
