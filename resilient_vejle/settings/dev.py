"""Local development: DEBUG on, safe defaults, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-resilient-vejle"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Unknown addresses show the site's own 404 page, as in production; other errors keep DEBUG's
# traceback. Last, so that it sees a view's 404 before any other middleware's process_exception.
MIDDLEWARE = [*MIDDLEWARE, "core.middleware.SiteNotFoundPageMiddleware"]  # noqa: F405

# Static files come from the app folders while developing (nothing is collected).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
