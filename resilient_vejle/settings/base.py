"""Settings shared by every environment. dev/test/production import from here."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Order matters: wagtail_modeltranslation (and its makemigrations/migrate overrides) must come
# before the project's apps so Page gets title_da/title_en etc. and `migrate` syncs them.
INSTALLED_APPS = [
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "core",
    "strategy",
    "contacts",
    "site_search",
    "editorial",
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
]

MIDDLEWARE = [
    # Anonymous visitors' pages from Django's cache, before anything else runs.
    "core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix only.
    "core.middleware.UrlLocaleMiddleware",
    # After the language is known, so the 400 page speaks it.
    "core.middleware.MalformedRequestMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
                "core.context_processors.fragment_cache",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Danish first: the default language lives at unprefixed URLs, English under /en/.
LANGUAGE_CODE = "da"
# Each language is named in itself, as the language switcher shows it.
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "da"
MODELTRANSLATION_LANGUAGES = ("da", "en")
# English falls back to Danish only where we ask for it explicitly (untranslated pages are
# detected by their empty English title, see core.models.BasePage.is_translated_into).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("da",)}
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True

# Django's cache framework: memory of each process by default, Redis (Django's own backend) when
# REDIS_URL is set, so that several app servers share the page cache and its invalidation.
# "renditions" keeps Wagtail's image renditions out of the database on every page view.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"resilient-vejle-{alias}",
        }
        for alias in ("default", "renditions")
    }
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"resilient-vejle-{alias}",
        }
        for alias in ("default", "renditions")
    }

# DJANGO_PAGE_CACHE=off serves every page freshly rendered (the benchmark's uncached runs).
PAGE_CACHE_ENABLED = os.environ.get("DJANGO_PAGE_CACHE", "on").lower() not in {"off", "0", "false"}

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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
