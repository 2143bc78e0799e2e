"""Reject requests whose address cannot be read, before they reach the page tree or the DB."""

from urllib.parse import unquote_to_bytes

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
