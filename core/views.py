"""Views outside the page tree: /was, the sitemap, robots.txt and the error pages."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from core.models import SiteSettings
from core.sitemaps import PageSitemap


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


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def server_error(request):
    return render(request, "500.html", status=500)
