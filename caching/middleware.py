"""Wagtail's Site for the request from the cache (caching/lookups.py)."""

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError

from caching.lookups import site_for_request


class RememberedSiteMiddleware:
    """Gives Wagtail the request's Site from the cache instead of a query per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            site = site_for_request(request)
        except (DatabaseError, DisallowedHost):
            pass  # answered further in: the 503 page or /healthz's JSON; the 400 page
        else:
            # Site.find_for_request returns what it finds here (Wagtail's per-request cache).
            request._wagtail_site = site
        return self.get_response(request)
