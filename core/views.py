"""Views outside the page tree: the accessibility-statement redirect and error pages."""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Site

from core.models import SiteSettings


@require_safe
def accessibility_statement(request):
    """/was → the statement published in Digitaliseringsstyrelsen's WAS tool (legal requirement)."""
    site = Site.find_for_request(request)
    domain = SiteSettings.for_site(site).accessibility_statement_domain if site else ""
    return HttpResponsePermanentRedirect(f"https://was.digst.dk/{domain or request.get_host()}")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def server_error(request):
    return render(request, "500.html", status=500)
