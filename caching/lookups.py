"""Lookups every page repeats, remembered in Django's cache until the next edit.

The **content version** is a number in Django's cache that every edit visitors can see bumps
(see caching/invalidation.py). Fragments that many pages share (navigation, footer,
breadcrumbs, the home page's listings) are cached under it with Django's `{% cache %}` tag
(caching/context_processors.py), and so are the lookups below.
"""

import hashlib
import time

from django.core.cache import cache

CONTENT_VERSION_KEY = "content-version"
# Seconds a remembered lookup lives at most; edits retire it sooner (a new content version).
REMEMBERED_SECONDS = 24 * 60 * 60


def content_version() -> int:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        # A new number after a cache flush, so that no old fragment comes back.
        cache.add(CONTENT_VERSION_KEY, time.time_ns() // 1000, None)
        version = cache.get(CONTENT_VERSION_KEY)
        if version is None:  # a cache that keeps nothing: every lookup is computed afresh
            version = time.time_ns() // 1000
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
        cache.set(key, value, REMEMBERED_SECONDS)
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
