import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_cache_and_language():
    """wagtail-modeltranslation caches site root paths per language; tests change sites."""
    cache.clear()
    translation.activate("da")
    yield
    cache.clear()
    translation.deactivate()
