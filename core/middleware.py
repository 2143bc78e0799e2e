"""Request handling before the page tree: unreadable addresses, and the language from the URL."""

from urllib.parse import unquote_to_bytes

from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.urls import Resolver404, get_resolver, get_urlconf


def _is_readable(raw: str) -> bool:
    """True when `raw` percent-decodes to UTF-8 text without NUL characters."""
    try:
        text = unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text


class MalformedRequestMiddleware:
    """Answer 400 (in the request's language) to NUL bytes or broken UTF-8 in path or query.

    Without this, PostgreSQL refuses NUL in a lookup (a 500 from the redirects table) and
    broken query strings would be silently mangled into something the visitor did not send.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path_ok = "\x00" not in request.path_info
        if not (path_ok and _is_readable(request.META.get("QUERY_STRING", ""))):
            return render(request, "400.html", status=400)
        return self.get_response(request)


class UrlLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without `Vary: Accept-Language`.

    The language comes from the URL alone (DESIGN.md: / is always Danish), but Django adds the
    header to every unprefixed (Danish) page, which would split shared caches by browser
    language for nothing.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.has_header("Vary"):
            kept = [
                value.strip()
                for value in response["Vary"].split(",")
                if value.strip() and value.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


class SiteNotFoundPageMiddleware:
    """With DEBUG on (`make run`), answer an unknown address with the site's own 404 page, as
    production does, instead of Django's technical 404 (a list of URL patterns, 694 px wide on
    a phone). Only 404s: other errors keep DEBUG's traceback page. Development settings only.

    Django renders its technical 404 itself whenever DEBUG is on (there is no setting for it),
    so this calls the project's handler404 first: for a 404 raised in a view (Wagtail's page
    tree) through process_exception, for an address no URL pattern matches afterwards.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and getattr(request, "resolver_match", None) is None:
            return self.site_not_found(request, Resolver404())
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return self.site_not_found(request, exception)
        return None

    @staticmethod
    def site_not_found(request, exception):
        response = get_resolver(get_urlconf()).resolve_error_handler(404)(request, exception)
        if hasattr(response, "render"):
            response.render()
        return response
