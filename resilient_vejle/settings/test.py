"""Test settings: fast hashing, in-memory cache and media in a temporary folder."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-resilient-vejle"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# DJANGO_MEDIA_ROOT: a subprocess of a test (e.g. `manage.py restore`) writes where it can look.
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT") or tempfile.mkdtemp(
    prefix="resilient-vejle-test-media-"
)
# Each process's memory, or a Redis database of its own for the tests (they empty it):
# DJANGO_TEST_REDIS_URL, never the site's REDIS_URL. CI runs the PostgreSQL suite on Redis.
CACHES = cache_settings(os.environ.get("DJANGO_TEST_REDIS_URL", ""), "test")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The tests' requests come "through nginx" (REMOTE_ADDR 127.0.0.1, the client in X-Forwarded-For).
PROXY_COUNT = 1
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
