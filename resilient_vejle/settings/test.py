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


def redis_database_of_this_worker(url: str, worker: str) -> str:
    """Under `pytest -n` (pytest-xdist) each worker empties the caches between its tests, so
    each gets a Redis database of its own, counting down from the given one: gw0 the given one
    (e.g. 15), gw1 the one below (14), and so on."""
    if not url or not worker.startswith("gw"):
        return url
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    given = int(parts.path.strip("/") or 0)
    database = given - int(worker[2:])
    if database < 0:
        raise ValueError(f"DJANGO_TEST_REDIS_URL={url}: no Redis database left for {worker}")
    return parts._replace(path=f"/{database}").geturl()


TEST_REDIS_URL = redis_database_of_this_worker(
    os.environ.get("DJANGO_TEST_REDIS_URL", ""), os.environ.get("PYTEST_XDIST_WORKER", "")
)
# The tests read it from the environment too (and hand it to the servers they start, which are
# not workers: tests/servers.py's subprocess_env leaves PYTEST_XDIST_WORKER out).
if TEST_REDIS_URL:
    os.environ["DJANGO_TEST_REDIS_URL"] = TEST_REDIS_URL
CACHES = cache_settings(TEST_REDIS_URL, "test")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The tests' requests come "through nginx" (REMOTE_ADDR 127.0.0.1, the client in X-Forwarded-For).
PROXY_COUNT = 1
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
