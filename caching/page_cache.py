"""The page cache: whole anonymous page responses in Django's cache, served before anything else.

Keys. A path has one **index** entry (`page_key(path)`) naming its stored variants, and one
entry per **variant**: scheme, host and the query parameters a view reads
(PAGE_CACHE_QUERY_PARAMETERS, e.g. `page`); any other parameter (`utm_source`, made-up junk)
cannot change the page, so it makes no variant. A hit reads its own variant only (one cache
read, one Redis round trip, or none from the process's copy: caching/page_memory.py); at
most MAX_VARIANTS variants are kept per path; dropping a path
(caching/invalidation.py) reads its index and deletes every variant with it.

Paths. The key is the decoded path, as Django's `request.path` has it (`/strategien/grønt/`,
whether the browser sent `gr%C3%B8nt` or raw UTF-8); invalidation hands over the
percent-encoded form that Wagtail's `get_url_parts()` returns, and `page_key` decodes it.
"""

import hashlib
from urllib.parse import parse_qsl, unquote, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from caching.backend import cache_is_down
from caching.lookups import content_version
from caching.page_memory import memory_of

PAGE_KEY_PREFIX = "page-cache:"
# Seconds an entry lives at most; edits delete it sooner. Shared caches get the same s-maxage.
PAGE_CACHE_SECONDS = 24 * 60 * 60
# Browsers re-ask after a minute, so a visitor sees a publication within a minute.
BROWSER_SECONDS = 60
# Variants (host, scheme, meaningful query) kept per path; past that a variant is rendered, not
# kept: made-up `?page=` values cannot crowd the cache.
MAX_VARIANTS = 64
# Response headers not replayed from the cache (the server sets them per response).
UNSTORED_HEADERS = {"date", "x-page-cache", "set-cookie"}


def page_key(path: str) -> str:
    """The index entry of `path`, given as in a URL (percent-encoded or not)."""
    return _index_key(unquote(path))


def _index_key(decoded_path: str) -> str:
    return PAGE_KEY_PREFIX + hashlib.sha1(decoded_path.encode()).hexdigest()


def delete_pages(paths) -> None:
    """Drops every variant of `paths` (as in URLs: percent-encoded or not)."""
    cache = caches["default"]
    index_keys = list({page_key(path) for path in paths})
    if not index_keys:
        return
    indexes = cache.get_many(index_keys)
    variant_keys = [f"{key}:{variant}" for key, names in indexes.items() for variant in names]
    cache.delete_many(index_keys + variant_keys)
    if hasattr(cache, "publish_drops"):  # Redis: every process's copies go too
        cache.publish_drops(index_keys)


def mark_cacheable(response, request=None) -> None:
    """A public page: may be kept by the page cache and by shared caches (Varnish, a CDN).

    Not for a logged-in user: their page has the userbar in it and must never be kept, nor
    reused by their own browser after they publish.
    """
    if (
        request is not None
        and settings.SESSION_COOKIE_NAME in request.COOKIES
        and getattr(request, "user", None) is not None
        and request.user.is_authenticated
    ):
        patch_cache_control(response, private=True, no_cache=True)
        return
    response.page_cacheable = True
    patch_cache_control(response, public=True, max_age=BROWSER_SECONDS, s_maxage=PAGE_CACHE_SECONDS)


def is_anonymous_request(request) -> bool:
    """No session cookie, no credentials: an editor who is logged in never uses the cache."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(settings.STATIC_URL)
    )


class PageCacheMiddleware:
    """Serves anonymous visitors' pages from Django's cache; fills it from cacheable pages.

    First in the middleware list: a hit costs one cache read and no database query, and it
    replays every header the inner middleware set (security headers included). The scheme is
    part of the variant, so a plain-HTTP request still reaches SecurityMiddleware's redirect.
    Only responses marked by `mark_cacheable` (BasePage.serve for live public pages) are
    stored, never one that sets a cookie. While Redis is down (caching/backend.py) pages are
    rendered and not stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = getattr(settings, "PAGE_CACHE_ENABLED", True)
        self.parameters = frozenset(getattr(settings, "PAGE_CACHE_QUERY_PARAMETERS", ("page",)))

    def variant(self, request) -> str:
        # The raw Host header: an invalid one is refused further in (400) and never stored.
        host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
        query = request.META.get("QUERY_STRING", "")
        if query:
            kept = [
                pair
                for pair in parse_qsl(query, keep_blank_values=True)
                if pair[0] in self.parameters
            ]
            query = urlencode(sorted(kept))
        variant = f"{request.scheme}://{host}?{query}"
        return hashlib.sha1(variant.encode()).hexdigest()[:20]

    def __call__(self, request):
        if not self.enabled or not is_anonymous_request(request):
            return self.get_response(request)
        if cache_is_down():
            return self.get_response(request)  # rendered; nothing is read or kept meanwhile
        cache = caches["default"]
        index_key = _index_key(request.path)
        variant = self.variant(request)
        memory = memory_of(cache)
        if memory is not None and memory.start(cache):
            # This process's copy, or Redis's entry kept as one (caching/page_memory.py).
            stored = memory.get(index_key, variant)
            if stored is None:
                generation = memory.generation
                stored = cache.get(f"{index_key}:{variant}")
                if stored is not None:
                    memory.keep(index_key, variant, stored, generation)
        else:
            stored = cache.get(f"{index_key}:{variant}")
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response

        # An edit during the render makes what was rendered stale: then it is not stored.
        version_before = content_version()
        response = self.get_response(request)
        if (
            getattr(response, "page_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and request.method == "GET"
            and content_version() == version_before
            and not cache_is_down()
        ):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ]
            entry = (response.status_code, headers, response.content)
            if self.store(cache, index_key, variant, entry):
                response["X-Page-Cache"] = "miss"
                # An edit that dropped the path between the check above and the store: undone.
                if content_version() != version_before:
                    cache.delete(f"{index_key}:{variant}")
        return response

    def store(self, cache, index_key: str, variant: str, entry) -> bool:
        index = cache.get(index_key) or ()
        if variant not in index:
            if len(index) >= MAX_VARIANTS:
                return False
            index = (*index, variant)
        # The index is written first and with every store, so it outlives each variant it names:
        # a drop always finds them.
        cache.set(index_key, index, PAGE_CACHE_SECONDS)
        cache.set(f"{index_key}:{variant}", entry, PAGE_CACHE_SECONDS)
        return True
