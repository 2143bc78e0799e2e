"""Views outside the page tree: /was, the sitemap, robots.txt, security.txt, the error pages."""

import sys
from datetime import UTC, datetime, time, timedelta

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.models import Site

from core.models import SiteSettings
from core.sitemaps import PageSitemap
from core.storage import storage_unavailable

# How long a client (or a proxy in front) should wait before asking again, in seconds.
RETRY_AFTER_SECONDS = 30
# Errors that mean "the database cannot be reached (right now)", not a bug in the code.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


@require_safe
def accessibility_statement(request):
    """/was → the statement published in Digitaliseringsstyrelsen's WAS tool (legal requirement)."""
    site = Site.find_for_request(request)
    domain = SiteSettings.for_site(site).accessibility_statement_domain if site else ""
    return HttpResponsePermanentRedirect(f"https://was.digst.dk/{domain or request.get_host()}")


@require_safe
def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": PageSitemap(request)})


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def security_txt(request):
    """/.well-known/security.txt (RFC 9116) with the contact from the site settings."""
    site = Site.find_for_request(request)
    contact = SiteSettings.for_site(site).security_contact_uri() if site else ""
    if not contact:
        raise Http404("No security contact is set.")
    # RFC 9116 wants an expiry under a year ahead; the file is rebuilt on every request.
    expires = datetime.combine(timezone.now().date() + timedelta(days=180), time(), tzinfo=UTC)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: da, en",
        f"Canonical: {request.build_absolute_uri(reverse('security_txt'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def service_unavailable(request):
    """The short bilingual "temporarily unavailable" page; renders without the database."""
    response = render(request, "503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def server_error(request):
    # Called while the uncaught exception is being handled: a database or media bucket that
    # cannot be reached is an outage to wait out (503, Retry-After), not an error in the site.
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE) or (error and storage_unavailable(error)):
        return service_unavailable(request)
    return render(request, "500.html", status=500)
