"""Production: every secret and path comes from the environment, and a missing one stops start-up.

Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DJANGO_MEDIA_ROOT (unless DJANGO_S3_BUCKET),
DJANGO_STATIC_ROOT,
REDIS_URL (or DJANGO_CACHE=local for a single process).
Media in a bucket of S3-compatible storage instead of DJANGO_MEDIA_ROOT: DJANGO_S3_BUCKET with
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, DJANGO_S3_ENDPOINT_URL (other stores than AWS),
DJANGO_S3_REGION, DJANGO_S3_CUSTOM_DOMAIN (a CDN's host); a half configuration stops start-up.
Optional: DATABASE_URL (SQLite beside the code when unset, see base.py), WAGTAILADMIN_BASE_URL,
DJANGO_CONN_MAX_AGE, DJANGO_HSTS_SECONDS, DJANGO_LOG_LEVEL, DJANGO_PROXY_COUNT (the reverse
proxies that append to X-Forwarded-For, default 1; anything but a whole number stops start-up).

Assumes a TLS-terminating proxy (nginx) that sets X-Forwarded-Proto.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DEBUG = False
SECRET_KEY = required_env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in required_env("DJANGO_ALLOWED_HOSTS").split(",") if h.strip()]
# ".example.org" in ALLOWED_HOSTS means the domain and its subdomains.
CSRF_TRUSTED_ORIGINS = [
    f"https://*{host}" if host.startswith(".") else f"https://{host}"
    for host in ALLOWED_HOSTS
    if host != "*"
]

STATIC_ROOT = Path(required_env("DJANGO_STATIC_ROOT"))

# gunicorn's workers and cron's publish_scheduled are separate processes: an edit made in one
# must empty the page cache of all, so they share Redis (base.py). DJANGO_CACHE=local keeps
# each process's own memory instead, for one process alone (a trial, the benchmark).
if os.environ.get("DJANGO_CACHE", "").strip() != "local":
    required_env("REDIS_URL")


def check_media_bucket(environ) -> None:
    """Refuse a half-configured bucket: a server would otherwise write media to its own disk
    (bucket missing) or fail at the first upload (credentials missing)."""
    bucket = environ.get("DJANGO_S3_BUCKET", "").strip()
    given = [
        name
        for name in ("DJANGO_S3_ENDPOINT_URL", "DJANGO_S3_REGION", "DJANGO_S3_CUSTOM_DOMAIN")
        if environ.get(name, "").strip()
    ]
    if not bucket:
        if given:
            raise ImproperlyConfigured(
                f"{', '.join(given)} set without DJANGO_S3_BUCKET: set the bucket too, or unset "
                "them to keep media on the disk (DJANGO_MEDIA_ROOT)."
            )
        return
    keys = [n for n in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY") if environ.get(n, "")]
    endpoint = environ.get("DJANGO_S3_ENDPOINT_URL", "").strip()
    # On AWS itself the keys may come from the machine's role; elsewhere they must be given.
    if len(keys) == 1 or (endpoint and not keys):
        raise ImproperlyConfigured(
            "DJANGO_S3_BUCKET needs both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
            + (
                f" for the store at {endpoint}."
                if endpoint
                else " (or neither, on AWS with a role)."
            )
        )
    if endpoint and not endpoint.startswith(("https://", "http://")):
        raise ImproperlyConfigured(
            f"DJANGO_S3_ENDPOINT_URL must be an http(s):// address, not {endpoint!r}."
        )


check_media_bucket(os.environ)
# Uploaded media (unless in the bucket) and collected static files live outside the checkout.
if not os.environ.get("DJANGO_S3_BUCKET", "").strip():
    MEDIA_ROOT = Path(required_env("DJANGO_MEDIA_ROOT"))

# The proxy terminates TLS and tells us the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# HSTS, nosniff, Referrer-Policy, CSP and the cookie flags: base.py ("Hardening").
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)

# Hashed, compressed static files with far-future caching, served by whitenoise.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
