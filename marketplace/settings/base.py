"""Settings shared by every environment, read from the environment (django-environ).

With nothing set the project runs on the embedded default: SQLite under var/, the database
search backend, Celery in eager mode, console email and local media. Each integration
switches on when its variable is set (DATABASE_URL, REDIS_URL, ELASTICSEARCH_URL, STRIPE_*).
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's OSCAR_* defaults, overridden below)
from wagtail.embeds.oembed_providers import vimeo, youtube

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
env.read_env(BASE_DIR / ".env")

VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SITE_NAME = "Ordos Industrial Exchange"
SITE_DOMAIN = env.str("SITE_DOMAIN", default="127.0.0.1:8000")
SITE_URL = env.str("SITE_URL", default=f"http://{SITE_DOMAIN}")

# --- Applications ------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
]
OSCAR_APPS = [
    "marketplace.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "marketplace.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "catalog.apps.CatalogueConfig",
    "catalog.imports",
    "catalog.documents",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "catalog.offers.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "marketplace.orders.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    # Oscar's third-party dependencies; haystack is deliberately absent (see search/).
    "widget_tweaks",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
]
WAGTAIL_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",  # its templates render sitemap.xml
    "wagtail.contrib.table_block",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
]
LOCAL_APPS = [
    "marketplace.accounts",
    "marketplace.core",
    "marketplace.suppliers",
    "marketplace.api",
    "marketplace.payments",
    "rfq.apps.RfqConfig",
    "marketplace.customs",
    "marketplace.fulfillment",
    "cms",
    "marketplace.demo",
]
INSTALLED_APPS = DJANGO_APPS + OSCAR_APPS + WAGTAIL_APPS + THIRD_PARTY_APPS + LOCAL_APPS

AUTH_USER_MODEL = "accounts.User"
SITE_ID = 1

# axes.middleware.AxesMiddleware is appended under "Logins" below: it must come last.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "marketplace.core.security.SecurityHeadersMiddleware",  # CSP, Permissions-Policy (static files too)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.core.context_processors.metadata",
                "search.context_processors.search_form",
                "catalog.currency.context",
                "marketplace.core.context_processors.navigation",
                "marketplace.core.context_processors.language_links",
            ],
        },
    }
]

# --- Database, cache, broker ---------------------------------------------------------------


def database(default_url: str) -> dict:
    """The database DATABASE_URL names (else ``default_url``), as Django's settings."""
    config = env.db("DATABASE_URL", default=default_url)
    config.setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
    if config["ENGINE"] == "django.db.backends.postgresql":
        # PostgreSQL's default random_page_cost (4) models spinning disks and makes the planner
        # scan the whole search table instead of using its GIN index; 1.1 suits SSDs and a
        # cached working set (PostgreSQL's own advice), and takes search from ~300 ms to ~20 ms.
        config.setdefault("OPTIONS", {}).setdefault(
            "options", f"-c random_page_cost={env.float('POSTGRES_RANDOM_PAGE_COST', default=1.1)}"
        )
    return config


DATABASES = {"default": database(f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REDIS_URL = env.str("REDIS_URL", default="")


def redis_cache(location: str, key_prefix: str) -> dict:
    """The Redis cache: an outage is a miss (marketplace/core/cache.py), and short socket
    timeouts keep a dead or unreachable Redis from holding requests for seconds."""
    timeout = env.float("CACHE_SOCKET_TIMEOUT", default=0.25)
    return {
        "BACKEND": "marketplace.core.cache.ResilientRedisCache",
        "LOCATION": location,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "socket_connect_timeout": timeout,
            "socket_timeout": timeout,
            "RETRY_AFTER": env.float("CACHE_RETRY_AFTER", default=5),
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, env.str("CACHE_KEY_PREFIX", default="ordos"))}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# /healthz answers within this many seconds; a check still running then counts as down.
HEALTHZ_TIMEOUT = env.float("HEALTHZ_TIMEOUT", default=0.6)

# Celery: a real Redis broker when REDIS_URL is set, otherwise tasks run in-process.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TIMEZONE = "UTC"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis redelivers a task not acknowledged within this many seconds (a killed worker's): longer
# than the longest task (a 100k-row import). Every task is idempotent, so early redelivery is harmless.
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * 60 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # Publishing to a dead broker fails within a second (not after kombu's 4 s connect retries):
    # the outbox keeps the message and retries it, so a request never waits on the broker.
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BEAT_SCHEDULE = {
    "dispatch-outbox": {
        "task": "marketplace.core.tasks.dispatch_outbox",
        "schedule": env.int("OUTBOX_DISPATCH_INTERVAL", default=30),
    },
    "sweep-notifications": {
        "task": "marketplace.core.tasks.sweep_notifications",
        "schedule": 5 * 60,
    },
    "sweep-stalled-imports": {
        "task": "catalog.imports.tasks.sweep_stalled_imports",
        "schedule": 60,
    },
    "index-pending-products": {
        "task": "search.tasks.index_pending_products",
        "schedule": 5 * 60,
    },
    "flag-expired-documents": {
        "task": "catalog.documents.tasks.flag_expired_documents",
        "schedule": 24 * 60 * 60,
    },
    "expire-rfqs-and-quotes": {
        "task": "rfq.tasks.expire_rfqs_and_quotes",
        "schedule": 60 * 60,
    },
}

# --- Outbox and long jobs (marketplace/core/outbox.py; README "Outbox and job recovery") ------
# A message handed to the broker and not done within this lease is handed over again.
OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=5 * 60)
# Retries wait base * 2 ** (attempts - 1) seconds, at most max; a task failing this often is given up.
OUTBOX_RETRY_BASE_SECONDS = env.int("OUTBOX_RETRY_BASE_SECONDS", default=30)
OUTBOX_RETRY_MAX_SECONDS = env.int("OUTBOX_RETRY_MAX_SECONDS", default=60 * 60)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
# A running job (import) whose heartbeat is older than this is resumed by the sweeper, and failed
# once it has been started JOB_MAX_STARTS times.
JOB_STALE_AFTER_SECONDS = env.int("JOB_STALE_AFTER_SECONDS", default=10 * 60)
JOB_MAX_STARTS = env.int("JOB_MAX_STARTS", default=3)
# Rows per transaction, per progress update and per heartbeat of an import.
IMPORT_CHUNK_SIZE = env.int("IMPORT_CHUNK_SIZE", default=1000)
# A notification claimed ("sending") longer than this is flagged uncertain for an operator.
NOTIFICATION_CLAIM_TIMEOUT_SECONDS = env.int("NOTIFICATION_CLAIM_TIMEOUT_SECONDS", default=10 * 60)

# --- Search ----------------------------------------------------------------------------------
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
# Elasticsearch when ELASTICSEARCH_URL is set, else the database (PostgreSQL or SQLite).
SEARCH_BACKEND = env.str(
    "SEARCH_BACKEND",
    default="search.backends.elasticsearch.ElasticsearchBackend"
    if ELASTICSEARCH_URL
    else "search.backends.database.DatabaseBackend",
)
ELASTICSEARCH_INDEX_PREFIX = env.str("ELASTICSEARCH_INDEX_PREFIX", default="ordos")
OSCAR_DYNAMIC_CLASS_LOADER = "search.loading.class_loader"

# --- Payments ------------------------------------------------------------------------------
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")  # localstripe in tests

# --- Email -----------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_HOST = EMAIL_CONFIG.get("EMAIL_HOST", "localhost")
EMAIL_PORT = EMAIL_CONFIG.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = EMAIL_CONFIG.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = EMAIL_CONFIG.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = EMAIL_CONFIG.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = EMAIL_CONFIG.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Ordos Industrial Exchange <noreply@ordos.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation --------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Shanghai"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request without it
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Serve public media from Django (development, small deployments); otherwise the web server does.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Company and trade documents: never under MEDIA_URL, served only by permission-checked views.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Authentication --------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account or address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = reverse_lazy("customer:login")
LOGIN_REDIRECT_URL = "/"

# --- Oscar -----------------------------------------------------------------------------------
OSCAR_SHOP_NAME = SITE_NAME
OSCAR_SHOP_TAGLINE = _("Industrial and bulk goods made in Ordos")
OSCAR_HOMEPAGE = "/"
OSCAR_DEFAULT_CURRENCY = "USD"
# Rates are recorded against this currency; other pairs are crossed through it.
FX_PIVOT_CURRENCY = "USD"
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_ALLOW_ANON_CHECKOUT = False
# B2B buyers do not review or wish-list bulk chemicals; hide Oscar's consumer features.
OSCAR_HIDDEN_FEATURES = ["reviews", "wishlists"]
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
THUMBNAIL_DEBUG = False
THUMBNAIL_KEY_PREFIX = "ordos-thumbnails"

# --- Requests for quotation ------------------------------------------------------------------
RFQ_RATE_LIMIT_PER_HOUR = env.int("RFQ_RATE_LIMIT_PER_HOUR", default=20)
# An open RFQ goes to at most this many matching verified suppliers.
RFQ_BROADCAST_CAP = env.int("RFQ_BROADCAST_CAP", default=10)
# Landed-cost assumptions a buyer starts from on the comparison page (amounts in USD per unit of
# the RFQ, converted to the comparison currency). Rough placeholders: buyers edit them.
RFQ_LANDED_COST_DEFAULTS = {
    "mode": "rail",
    "freight_per_unit": {"sea": "35", "rail": "60", "road": "80", "air": "900"},
    "insurance_percent": "0.5",
    "destination_charges_per_unit": "5",
    "duty_percent": {"MN": "5", "RU": "5", "KZ": "5", "UZ": "10", "DE": "6.5", "default": "5"},
}

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=f"http://{SITE_DOMAIN}")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # documents download as attachments, never render inline
WAGTAIL_I18N_ENABLED = True
# Editors write in Draftail; stored rich text keeps only these (cms/rich_text.py enforces it on save).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link"]
        },
    }
}
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Embeds only from providers whose oEmbed HTML is a plain player iframe: no provider script could
# run under the Content-Security-Policy, and frame-src names exactly these players.
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo]}]
EMBED_PLAYERS = ["https://www.youtube.com", "https://player.vimeo.com"]
# Editors' avatars (gravatar.com) and the new-release check (releases.wagtail.org) would load
# from other origins, which the admin's policy refuses.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Security headers (marketplace/core/security.py) -------------------------------------------
# Public pages: everything from our own origin, no inline script or style (templates keep their
# JavaScript and CSS in static/), so injected markup cannot run. data: images are Bootstrap's
# CSS icons. The policy is the same for every visitor, so pages stay cacheable.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": EMBED_PLAYERS,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Staff tools render inline scripts and styles of their own (Wagtail's admin and its page
# previews, Django's admin, Oscar's dashboard with TinyMCE), so they get 'unsafe-inline'; still
# nothing from another origin. Only staff reach these pages.
CONTENT_SECURITY_POLICY_STAFF = {
    **CONTENT_SECURITY_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'", *EMBED_PLAYERS],
    "frame-ancestors": ["'self'"],  # Wagtail previews pages in a frame of the admin
}
CONTENT_SECURITY_POLICY_STAFF_PATHS = [
    "/cms-admin/",
    "/django-admin/",
    "/dashboard/",
    *(f"/{code}/dashboard/" for code, _name in LANGUAGES if code != LANGUAGE_CODE),
]
# No page uses the camera, microphone or location; payments only on our pages and Stripe's frames.
PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com")'

# --- API -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "marketplace.api.schema.AutoSchema",  # adds the error answers
    # Services' Django exceptions (ValidationError, ProtectedError…) become API errors here.
    "EXCEPTION_HANDLER": "marketplace.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ordos Industrial Exchange API",
    "DESCRIPTION": "B2B marketplace for industrial goods made in Ordos, Inner Mongolia.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["marketplace.api.schema.public_api_only"],
}

# --- Logins: throttling and lockout (django-axes) ---------------------------------------------
# How many proxies in front of Django append the address they saw to X-Forwarded-For. With 0 the
# header is ignored and REMOTE_ADDR is the client; with N the N-th address from the right is.
# Login lockouts (marketplace/accounts/logins.py) and DRF's throttles both follow it.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXY_COUNT
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # turns a refused login into the lockout page
# Failures are counted per account and, separately, per client address: one address cannot try
# many accounts, and many addresses cannot try one account.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
# A login refused during the lockout does not extend it, so the owner's own retries do not
# keep them out longer.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True  # LoginAttemptHandler narrows this to the account and its address
AXES_HANDLER = "marketplace.accounts.logins.LoginAttemptHandler"
AXES_CLIENT_IP_CALLABLE = "marketplace.accounts.logins.client_ip"
AXES_USERNAME_CALLABLE = "marketplace.accounts.logins.login_name"
AXES_LOCKOUT_CALLABLE = "marketplace.accounts.logins.lockout_response"
# Successful logins are not logged by axes (the table would only grow); failures are, and the
# stored form data must not keep the password Oscar's login form posts as "login-password".
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "login-password", "csrfmiddlewaretoken"]

# --- Logging ---------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
    },
}
