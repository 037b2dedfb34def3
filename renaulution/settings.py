"""
Settings for Renaulution, driven by environment variables.

Nothing set means production-safe: DEBUG off, and the process refuses to
start without a real DJANGO_SECRET_KEY. Development turns DEBUG on
explicitly (`make run`, and the tests through renaulution/test_settings.py),
which also brings a development key, a SQLite file and a local-memory
cache. Production sets DJANGO_SECRET_KEY, DATABASE_URL and usually REDIS_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from renaulution.env import env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DJANGO_DEBUG", False)

_DEV_SECRET_KEY = "django-insecure-renaulution-development-only"  # noqa: S105 - DEBUG only
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS",
    ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else [],
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # django.contrib.admin, with our site (two-factor login) as admin.site.
    "renaulution.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_prose_editor",
    "imagekit",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "renaulution",
    "companies",
    "episodes",
    "timeline",
    "translations",
    # After the content apps: their translation.py registers them for revisions.
    "reversion",
    "revisions",
    "drafts",
    "webhooks",
    # The public JSON API (api/), and django-ninja for its Swagger UI's static files.
    "ninja",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, so static files carry the headers too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "renaulution.middleware.security_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The API's limit per address, before the page cache: its hits count too.
    "api.throttle.RateLimitMiddleware",
    # Before sessions, locale and auth: a hit costs two cache reads, no query.
    "renaulution.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is chosen (the 400 page speaks it), before any view.
    "renaulution.middleware.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "renaulution.login.session_idle_expiry",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Sees what views raise: a database that is down is a 503.
    "renaulution.faults.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "renaulution.urls"
WSGI_APPLICATION = "renaulution.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# Database: a SQLite file unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, process memory otherwise. django-redis
# rather than Django's RedisCache: with IGNORE_EXCEPTIONS a Redis that is down
# or unreachable makes the cache miss instead of failing the page, and the
# short timeouts keep a hung Redis from holding a request.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "renaulution",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for every image rendition's state (8 or 10 per image): at
            # the default 300 entries a page of cards evicts its own.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LOCMEM_CACHE_MAX_ENTRIES", 20000))},
        }
    }
# The page cache (renaulution/pagecache.py): anonymous public pages, dropped
# by surrogate key when what they show changes.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 3600))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", 60))

# django-redis logs each error it ignores to renaulution.cache, which LOGGING
# below reduces to one line per interval.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "renaulution.cache"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Internationalization. English is the default and the fallback of every
# localized field; the fallback is decided here, once.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("it", _("Italian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our date formats where Django's differ from the language's usage.
FORMAT_MODULE_PATH = ["renaulution.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Served from our own static files: modeltranslation's default is a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Static and uploaded files.
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    # Uploads under a random folder each: see renaulution/storage.py.
    "default": {"BACKEND": "renaulution.storage.MediaStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Where `manage.py backup` writes its archives, and `restore --force` the
# backup of what it replaces.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
# The archive's data.json: Django's JSON, datetimes to the microsecond.
SERIALIZATION_MODULES = {"backup-json": "renaulution.backup_json"}
# Largest image an editor may upload, in bytes.
MAX_IMAGE_UPLOAD_SIZE = int(os.environ.get("MAX_IMAGE_UPLOAD_SIZE", 8 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Largest image an editor may upload, in pixels (width × height): decoding
# takes about 4 bytes a pixel, so this bounds the memory an upload can claim.
MAX_IMAGE_PIXELS = int(os.environ.get("MAX_IMAGE_PIXELS", 40_000_000))
# Renditions (renaulution/images.py) are written under MEDIA_ROOT/CACHE/images;
# whether each one exists is remembered in the default cache, so a page never
# asks the database or the disk twice about the same rendition.
IMAGEKIT_CACHEFILE_DIR = "CACHE/images"
IMAGEKIT_CACHE_PREFIX = "renditions:"
IMAGEKIT_DEFAULT_CACHEFILE_BACKEND = "renaulution.images.RenditionStates"

# Security. The values below are what `check --deploy` asks for when DEBUG
# is off; behind a TLS-terminating proxy set DJANGO_SECURE_PROXY_SSL=1.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_SECURE_PROXY_SSL", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Headers, login throttling, session expiry, two-factor login.
from renaulution.security import *  # noqa: E402, F403

# An outage of the database or of Redis is logged once per interval (per
# process), not once per request: see renaulution/faults.py.
OUTAGE_LOG_INTERVAL = int(os.environ.get("OUTAGE_LOG_INTERVAL", "60"))
# Seconds a 503 page asks clients to wait before trying again.
SERVICE_UNAVAILABLE_RETRY_AFTER = int(os.environ.get("SERVICE_UNAVAILABLE_RETRY_AFTER", "30"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "cache_outage": {
            "()": "renaulution.faults.OncePerInterval",
            "interval": OUTAGE_LOG_INTERVAL,
            "message": "Cache unavailable, pages are served without it (%s)",
        },
        "database_outage": {
            "()": "renaulution.faults.OncePerInterval",
            "interval": OUTAGE_LOG_INTERVAL,
            "message": "%s; pages answer 503",
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "renaulution.cache": {"filters": ["cache_outage"]},
        "renaulution.database": {"filters": ["database_outage"]},
    },
}

# Front caches to purge by surrogate key after every change (renaulution/varnish.py):
# comma-separated addresses such as http://127.0.0.1:6081/; unset, nothing is purged.
VARNISH_PURGE_URLS = env_list("VARNISH_PURGE_URLS", [])
# Seconds to wait for each of them: a Varnish that is down must not hold the editor.
VARNISH_PURGE_TIMEOUT = float(os.environ.get("VARNISH_PURGE_TIMEOUT", "1"))
# Seconds after which the same keys are purged again, for pages that were being
# fetched while the change committed (0: once only).
VARNISH_PURGE_AGAIN_AFTER = float(os.environ.get("VARNISH_PURGE_AGAIN_AFTER", "2"))

# Webhooks (README, "Webhooks"): the site's address, for the page URLs the
# notifications carry; seconds an endpoint has to answer; and whether
# endpoints on private or loopback addresses are allowed (never in production:
# it would let a webhook reach the site's own network).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WEBHOOKS_TIMEOUT = float(os.environ.get("WEBHOOKS_TIMEOUT", "5"))
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = env_bool("WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", False)
# Machine translation in the translator's form (translations/machine.py), off
# unless MACHINE_TRANSLATION names a backend: "deepl", or a dotted path to a
# translations.machine.Backend subclass. DeepL's address follows its key: the
# Free API for a key ending in ":fx", else the Pro API; DEEPL_API_URL overrides.
MACHINE_TRANSLATION_BACKENDS = {"deepl": "translations.machine.DeepL"}
_machine = os.environ.get("MACHINE_TRANSLATION", "").strip()
MACHINE_TRANSLATION_BACKEND = MACHINE_TRANSLATION_BACKENDS.get(_machine.lower(), _machine) or None
MACHINE_TRANSLATION_TIMEOUT = float(os.environ.get("MACHINE_TRANSLATION_TIMEOUT", "10"))
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
DEEPL_API_URL = os.environ.get("DEEPL_API_URL", "") or (
    "https://api-free.deepl.com" if DEEPL_AUTH_KEY.endswith(":fx") else "https://api.deepl.com"
)
# The JSON API (api/): items per page by default and at most, and the limit
# of requests per client address and window (0: no limit).
API_DEFAULT_LIMIT = 50
API_MAX_LIMIT = 100
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 600)
API_RATE_WINDOW = env_int("API_RATE_WINDOW_SECONDS", 60)

# Page sizes of the public lists.
PRESS_RELEASES_PER_PAGE = 10
SEARCH_RESULTS_PER_PAGE = 10
COMPANIES_PER_PAGE = 12  # top-level companies, each with its first children (views.tree)
PEOPLE_PER_PAGE = 30
EPISODES_PER_PAGE = 24
# The timeline: its overview shows the newest milestones, a year page this
# many a page (a milestone past them is linked to its page, see Milestone).
TIMELINE_LATEST = 40
TIMELINE_MILESTONES_PER_PAGE = 40
# How many of each related list a detail page shows, so that no page grows
# with the data: the press releases link to the filtered press list for the
# rest, a company's children to the companies list of that company; the
# others are editorial lists that stay short and are cut as a safeguard.
DETAIL_PRESS_RELEASES = 10
DETAIL_CHILDREN = 20
DETAIL_POSITIONS = 20
DETAIL_EPISODES = 12
DETAIL_PEOPLE = 30
DETAIL_COMPANIES = 30
DETAIL_MILESTONES = 20
# The press list's quick links to the main companies (groups and their brands).
PRESS_FILTER_COMPANIES = 12
# Serve uploaded files from Django itself: on in development; in production
# the web server serves MEDIA_ROOT, unless DJANGO_SERVE_MEDIA=1.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)
# How many revisions of each object `manage.py prune_revisions` keeps, newest
# first; unset keeps them all.
REVISIONS_KEEP = env_int("REVISIONS_KEEP", None)
