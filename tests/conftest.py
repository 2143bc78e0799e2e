import pytest
from django.core.cache import caches
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """Caches hold site root paths, renditions and pages that outlive each test's database."""
    for cache in caches.all():
        cache.clear()
    translation.activate("da")
    yield
    for cache in caches.all():
        cache.clear()
    translation.deactivate()
