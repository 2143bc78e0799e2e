"""Lets a same-origin post reach a participation form without Django's CSRF cookie."""

from django.urls import Resolver404, resolve
from wagtail.models import Page

from participation import guards


def participation_page_for(request):
    """The ParticipationPage this request is addressed to, or None (one routing, which
    Wagtail's serve view then reuses from the request)."""
    from participation.models import ParticipationPage

    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return None
    path = match.args[0] if match.args else match.kwargs.get("path", "")
    route = Page.route_for_request(request, path)
    page = route[0] if route else None
    return page if isinstance(page, ParticipationPage) else None


class SameOriginFormMiddleware:
    """For posts to a participation form only: the browser's Origin / Sec-Fetch-Site instead
    of the CSRF cookie (the public site sets none). Cross-site posts get 403 here; same-origin
    ones skip Django's cookie check. Before django.middleware.csrf.CsrfViewMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and participation_page_for(request) is not None:
            if not guards.is_same_origin(request):
                return guards.refused_cross_site(request)
            request.participation_same_origin = True
            request._dont_enforce_csrf_checks = True
        return self.get_response(request)
