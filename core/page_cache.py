"""Caching of rendered pages and of the parts every page shares.

- The **content version** is a number in Django's cache that every edit visitors can see bumps
  (see core/cache_invalidation.py). Fragments that many pages share (navigation, footer,
  breadcrumbs, the home page's listings) are cached under it with Django's `{% cache %}` tag.
- The **page cache** (PageCacheMiddleware) keeps whole anonymous page responses, one cache
  entry per path (all hosts and query strings of that path in it), so that invalidating the
  affected pages' paths after an edit is one `delete_many`.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

CONTENT_VERSION_KEY = "content-version"
PAGE_KEY_PREFIX = "page-cache:"
# Seconds an entry lives at most; edits delete it sooner. Shared caches get the same s-maxage.
PAGE_CACHE_SECONDS = 24 * 60 * 60
# Browsers re-ask after a minute, so a visitor sees a publication within a minute.
BROWSER_SECONDS = 60
# Response headers not replayed from the cache (the server sets them per response).
UNSTORED_HEADERS = {"date", "x-page-cache", "set-cookie"}


def content_version() -> int:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        # A new number after a cache flush, so that no old fragment comes back.
        cache.add(CONTENT_VERSION_KEY, time.time_ns() // 1000, None)
        version = cache.get(CONTENT_VERSION_KEY)
    return version


def bump_content_version() -> None:
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, time.time_ns() // 1000, None)


def remembered(name: str, compute):
    """`compute()`'s result, computed once per content version (it must not return None)."""
    key = f"{name}:{content_version()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, PAGE_CACHE_SECONDS)
    return value


def view_restrictions_exist() -> bool:
    """Whether any page has a view restriction (per content version: one cache lookup)."""
    from wagtail.models import PageViewRestriction

    return remembered("view-restrictions", PageViewRestriction.objects.exists)


def public_pages(queryset):
    """`queryset.public()`, which reads every view restriction at once, only when any exists."""
    return queryset.public() if view_restrictions_exist() else queryset


def site_for_request(request):
    """Wagtail's Site for the request's host and port, remembered per content version.

    Wagtail looks the site up, and then its root page, with two queries on every request
    (`Site.find_for_request` keeps it on the request only). Publishing any page or saving or
    deleting a Site bumps the content version.
    """
    from wagtail.models import Site

    def find():
        site = Site._find_for_request(request)
        if site is None:
            return False  # "no site": remembered() cannot keep None
        # Every request's routing starts at the root page's specific form: kept with the site.
        site.root_page.specific  # noqa: B018
        return site

    # get_host() refuses a host outside ALLOWED_HOSTS (DisallowedHost): nobody can fill the
    # cache with made-up hosts.
    key = hashlib.sha1(f"{request.get_host()}|{request.get_port()}".encode()).hexdigest()
    return remembered(f"site:{key}", find) or None


def page_key(path: str) -> str:
    return PAGE_KEY_PREFIX + hashlib.sha1(path.encode()).hexdigest()


def delete_pages(paths) -> None:
    cache.delete_many([page_key(path) for path in set(paths)])


def mark_cacheable(response) -> None:
    """A public page: may be kept by the page cache and by shared caches (Varnish, a CDN)."""
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

    First in the middleware list: a hit costs a cache lookup and no database query, and it
    replays every header the inner middleware set (security headers included). The scheme is
    part of the key, so a plain-HTTP request still reaches SecurityMiddleware's redirect. Only
    responses marked by `mark_cacheable` (BasePage.serve for live public pages) are stored,
    never one that sets a cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = getattr(settings, "PAGE_CACHE_ENABLED", True)

    def __call__(self, request):
        if not self.enabled or not is_anonymous_request(request):
            return self.get_response(request)
        key = page_key(request.path)
        # The raw Host header: an invalid one is refused further in (400) and never stored.
        host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
        variant = f"{request.scheme}://{host}?{request.META.get('QUERY_STRING', '')}"
        entry = cache.get(key) or {}
        stored = entry.get(variant)
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
            and content_version() == version_before
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and request.method == "GET"
        ):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ]
            entry = cache.get(key) or {}
            entry[variant] = (response.status_code, headers, response.content)
            cache.set(key, entry, PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
