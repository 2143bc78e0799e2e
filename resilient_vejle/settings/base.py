"""Settings shared by every environment. dev/test/production import from here."""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Order matters: wagtail_modeltranslation (and its makemigrations override) must come before
# the project's apps so Page gets title_da/title_en etc. `migrate` is core's: the package's
# migrate (which syncs those columns), reporting briefly (core/management/commands/migrate.py).
INSTALLED_APPS = [
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "core",
    # The page cache, its invalidation, remembered lookups and the Redis backend.
    "caching",
    # Operations: backups, /healthz, security headers, client addresses behind proxies.
    "operations",
    "strategy",
    "contacts",
    "site_search",
    "editorial",
    # Citizens' input form (participation/), on Wagtail's form builder.
    "participation",
    "wagtail.contrib.forms",
    "news",
    "open_data",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
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
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Only for its Danish: Wagtail's workflow panel shows django.contrib.humanize's naturaltime
    # ("now", "a second ago"), whose catalogue Django loads for installed apps only.
    "django.contrib.humanize",
    # The trigram lookups (pg_trgm) of the typo-tolerant search; nothing on SQLite.
    "django.contrib.postgres",
    # Hardening: admin login lockout (see the "Hardening" block below).
    "axes",
]

MIDDLEWARE = [
    # Outside the page cache, so that its hits answer If-None-Match with 304 too (ETags of
    # the open data files and feeds; other pages get one computed from their bytes).
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous visitors' pages from Django's cache, before anything else runs.
    "caching.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Hardening: Content-Security-Policy (public and admin policies) and Permissions-Policy.
    "operations.security.SitePolicyCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Wagtail's Site for the host from the cache, for everything below that asks for it
    # (after whitenoise: static files need no site, nor the database).
    "caching.middleware.RememberedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix only.
    "core.middleware.UrlLocaleMiddleware",
    # After the language is known, so the 400 page speaks it.
    "core.middleware.MalformedRequestMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Posts to a participation form: same-origin by Origin/Sec-Fetch-Site, no CSRF cookie.
    "participation.middleware.SameOriginFormMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Hardening: last, as django-axes asks; answers 429 to a locked-out login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "resilient_vejle.urls"
WSGI_APPLICATION = "resilient_vejle.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "caching.context_processors.fragment_cache",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (e.g. postgres://...) switches engines.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# Hardening: on PostgreSQL, give up connecting after 2 s and cancel any statement running longer
# than DJANGO_STATEMENT_TIMEOUT_MS (default 30 s), so a stuck query cannot hold a worker.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    STATEMENT_TIMEOUT_MS = int(os.environ.get("DJANGO_STATEMENT_TIMEOUT_MS", "30000"))
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=2, options=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Hardening: long passphrases rather than short complex passwords (NIST SP 800-63B).
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Danish first: the default language lives at unprefixed URLs, English under /en/.
LANGUAGE_CODE = "da"
# Each language is named in itself, as the language switcher shows it.
LANGUAGES = [("da", "Dansk"), ("en", "English")]
# locale/: the project's own strings (makemessages); locale_wagtail/: Danish for Wagtail's msgids
# that Wagtail's own catalogue lacks (editorial/admin_messages.py). Both beat the apps' own.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "da"
MODELTRANSLATION_LANGUAGES = ("da", "en")
# English falls back to Danish only where we ask for it explicitly (untranslated pages are
# detected by their empty English title, see core.models.BasePage.is_translated_into).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("da",)}
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
# Both languages' fields always shown, one under the other (no "DA EN" toggles that hide one);
# each field's label names its language (editorial/bilingual_form.py).
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

# Django's cache framework: Redis (Django's own backend) when REDIS_URL is set, so that every
# process (gunicorn's workers, cron's publish_scheduled, several app servers) shares the page
# cache and sees each edit's invalidation; otherwise the memory of each process, which only a
# single process may use (development; production.py insists on REDIS_URL).
# "renditions" keeps Wagtail's image renditions out of the database on every page view.
REDIS_URL = os.environ.get("REDIS_URL", "")


def cache_settings(redis_url: str, prefix: str) -> dict:
    if redis_url:
        # Django's Redis backend, which lets pages be rendered uncached while Redis is away.
        backend = {
            "BACKEND": "caching.backend.ForgivingRedisCache",
            # Redis is on the same machine or network: an answer takes well under a millisecond.
            # A Redis that does not answer is given up on quickly, then left alone for a
            # cool-down (caching/backend.py), so a request waits at most this long on it.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    else:
        # Room for every page in both languages (Django's default of 300 would evict them).
        backend = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    return {
        alias: {**backend, "LOCATION": redis_url or alias, "KEY_PREFIX": f"{prefix}-{alias}"}
        for alias in ("default", "renditions")
    }


CACHES = cache_settings(REDIS_URL, "resilient-vejle")

# DJANGO_PAGE_CACHE=off serves every page freshly rendered (the benchmark's uncached runs).
PAGE_CACHE_ENABLED = os.environ.get("DJANGO_PAGE_CACHE", "on").lower() not in {"off", "0", "false"}
# The query parameters a cached page's view reads (request.GET): only these make variants of a
# page in the page cache; any other (utm_source, junk) is served the page without it. The
# project catalogue's filters redirect unknown values to its canonical address, so only real
# filter combinations become variants.
PAGE_CACHE_QUERY_PARAMETERS = ("page", "q", "pillar", "principle", "status")

# Shared HTTP caches in front of the app servers (docs/deployment.md): each is sent PURGE for
# every changed page in both languages. Comma-separated, e.g. http://10.0.0.5:6081. Read in
# every environment: the tests run app servers behind Varnish with the test settings.
WAGTAILFRONTENDCACHE = {
    f"varnish-{number}": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location.strip(),
    }
    for number, location in enumerate(os.environ.get("DJANGO_VARNISH_URLS", "").split(","))
    if location.strip()
}

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))


def media_storages(environ) -> dict:
    """STORAGES' "default" (images) and "documents": the bucket DJANGO_S3_BUCKET when set,
    else the local disk (DJANGO_MEDIA_ROOT). See core/storage.py and docs/deployment.md."""
    bucket = environ.get("DJANGO_S3_BUCKET", "").strip()
    if not bucket:
        # Removes the partly written file when a write fails (disk full), see core/storage.py.
        disk = {"BACKEND": "core.storage.MediaStorage"}
        return {"default": disk, "documents": disk}
    from botocore.config import Config

    endpoint = environ.get("DJANGO_S3_ENDPOINT_URL", "").strip() or None
    custom_domain = environ.get("DJANGO_S3_CUSTOM_DOMAIN", "").strip() or None
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": environ.get("DJANGO_S3_REGION", "").strip() or None,
        # AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are read from the environment by boto3.
        "file_overwrite": False,
        # A file read whole (a backup, Wagtail reading an original) spills to disk past 5 MB.
        "max_memory_size": 5 * 1024 * 1024,
        # A bucket that is down must not hold a worker for minutes (boto's defaults: 60 s
        # per attempt, several attempts): an upload or a download fails within seconds and
        # the editor or visitor is told (core/storage.py STORAGE_UNAVAILABLE).
        "client_config": Config(
            connect_timeout=2,
            read_timeout=10,
            retries={"mode": "standard", "total_max_attempts": 2},
            # Other S3-compatible stores (MinIO, Ceph, ...) answer at ENDPOINT/BUCKET/KEY.
            s3={"addressing_style": "path" if endpoint else "virtual"},
            signature_version="s3v4",
        ),
    }
    if endpoint and endpoint.startswith("http://"):
        common["url_protocol"] = "http:"
    return {
        "default": {
            "BACKEND": "core.storage.PublicMediaStorage",
            "OPTIONS": {
                **common,
                "custom_domain": custom_domain,
                "default_acl": "public-read",
                "querystring_auth": False,
                # Every name is new (core/storage.py), so browsers and CDNs keep each for a year.
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            },
        },
        "documents": {
            "BACKEND": "core.storage.PrivateMediaStorage",
            "OPTIONS": {**common, "default_acl": "private", "querystring_auth": True},
        },
    }


STORAGES = {
    **media_storages(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Resiliente Vejle"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False  # translation is field-level (modeltranslation), not tree-level
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("da", "Dansk"), ("en", "English")]
# Documents go through Wagtail's view (permission checks), never straight from /media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Language, publication date and page count for the download line (core.models.SiteDocument).
WAGTAILDOCS_DOCUMENT_MODEL = "core.SiteDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.forms.DocumentForm"
# Office and PDF files only: no HTML or SVG, which a browser would run on the site's domain.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- editorial (editorial/): roles, workflow, translation report, redirects, image rules ---
# Per-language redirects on slug change and move come from editorial.redirects; Wagtail's own
# follow only the admin's language and are switched off.
WAGTAILREDIRECTS_AUTO_CREATE = False
# Images need a description (alt text) unless marked decorative.
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.forms.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Publishing goes through Wagtail's moderation workflow; concurrent-edit notices every 10 s.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10000

# --- Hardening: headers, cookies, admin logins, uploads ------------------------------------------
# Security headers. HSTS is sent on HTTPS requests only (behind nginx: X-Forwarded-Proto).
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it with SAMEORIGIN
# A load balancer probes /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# django-csp (operations.security.SitePolicyCSPMiddleware): the public site loads everything from
# itself, runs no inline script or style and may not be framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}
# A page in the admin's preview panel: the public policy, but the admin may frame it.
PREVIEW_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": ["'self'"]}
}
# The admin (/admin/): enforced with what
# Wagtail's admin needs (inline scripts and styles, data:/blob: images) ...
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}
# ... and reported (browser console) against the public site's strict script and style rules.
ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "DIRECTIVES": {
        **ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
    }
}
# django-permissions-policy: no powerful browser feature is used by the site.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Cookies (only the admin sets any): HttpOnly and SameSite everywhere, Secure in production.
# Sessions end after a working day (8 hours) and when the browser closes.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# django-axes: 5 failed logins for one user from one address lock that pair out (429 and a
# message) for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/login_locked_out.html"
# The address is the client's as our proxies saw it, never one the client wrote
# (operations/client_address.py, DJANGO_PROXY_COUNT below).
AXES_CLIENT_IP_CALLABLE = "operations.client_address.client_ip"


def proxy_count_from_env() -> int:
    """DJANGO_PROXY_COUNT: how many reverse proxies append to X-Forwarded-For (default 1)."""
    value = os.environ.get("DJANGO_PROXY_COUNT", "1").strip()
    # A wrong count trusts a client-written address or locks everybody out together: refuse.
    if not re.fullmatch(r"[0-9]{1,2}", value):
        raise ImproperlyConfigured(
            f"DJANGO_PROXY_COUNT must be a whole number from 0 to 99 (the reverse proxies in "
            f"front of gunicorn: 1 for nginx, 2 for nginx and Varnish), not {value!r}."
        )
    return int(value)


# nginx alone: 1; nginx in front of Varnish: 2; gunicorn facing clients directly: 0.
PROXY_COUNT = proxy_count_from_env()

# Uploads: images up to 10 MB and 40 megapixels (decompression bombs refused), no SVG;
# documents as above. Private pages and collections by login only (no shared passwords).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# Backups (operations/backup.py): Django's JSON serialisation with times to the microsecond.
SERIALIZATION_MODULES = {"exact-json": "operations.exact_json"}


# --- E-mail: the participation form's notifications and Wagtail's admin e-mails ---------------
# DJANGO_EMAIL_URL, e.g. smtp+tls://USER:PASSWORD@smtp.example.org:587 (dj-email-url); unset,
# the mail server on this machine (smtp://localhost:25, Django's default). dev.py prints
# e-mails to the console; the tests keep them in memory (locmem).
globals().update(dj_email_url.config(env="DJANGO_EMAIL_URL", default="smtp://localhost:25"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 10  # a mail server that hangs must not hold a worker (the answer is stored first)
