"""Request handling before the page tree: unreadable addresses, and the language from the URL."""

from urllib.parse import unquote_to_bytes

from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render


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
