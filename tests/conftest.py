import pytest
from django.core.cache import caches
from django.utils import translation


def _forget_redis_outages():
    """A test that cut Redis leaves this process's circuit breaker open for a few seconds, and
    meanwhile the page cache is skipped: the next test must not inherit that."""
    from caching.backend import _Outage

    _Outage.retry_at = 0.0
    _Outage.dropped_nothing = False
    _Outage.failing = False
    _Outage.memory.clear()


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """Caches hold site root paths, renditions and pages that outlive each test's database."""
    _forget_redis_outages()
    for cache in caches.all():
        cache.clear()
    translation.activate("da")
    yield
    _forget_redis_outages()
    for cache in caches.all():
        cache.clear()
    translation.deactivate()


@pytest.fixture(autouse=True)
def _client_login_passes_a_request(monkeypatch):
    """django-axes refuses authenticate() without a request; Client.login() gives none.

    The real login form always passes one (the lockout tests use it); this lets the tests'
    ``client.login()`` (and Wagtail's ``WagtailTestUtils.login``) go through axes the same way.
    """
    from django.http import HttpRequest
    from django.test.client import Client

    original_login = Client.login

    def login(self, **credentials):
        credentials.setdefault("request", HttpRequest())
        return original_login(self, **credentials)

    monkeypatch.setattr(Client, "login", login)
