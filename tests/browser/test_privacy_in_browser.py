"""No cookies and no third-party requests on public pages (DESIGN.md: no consent banner needed)."""

from urllib.parse import urlsplit

import pytest

from tests.browser.pages import NOT_FOUND_PATHS

pytestmark = pytest.mark.browser

# Inline resources never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


def is_offsite(url: str, server) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return False
    return (parts.hostname, parts.port) != (server.hostname, server.port)


def test_anonymous_visitors_get_no_cookies_and_no_offsite_requests(site_url, site_pages, page):
    server = urlsplit(site_url)
    visits = [(f"{site_url}{url.path}", str(url)) for url in site_pages]
    visits += [(f"{site_url}{path}", f"{path} (404)") for path in NOT_FOUND_PATHS.values()]
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    failures = []
    for url, label in visits:
        requests.clear()
        # Until something sets a cookie the context is as fresh as a new visitor's.
        page.goto(url, wait_until="networkidle")
        cookies = page.context.cookies()
        if cookies:
            names = ", ".join(f"{cookie['name']} ({cookie['domain']})" for cookie in cookies)
            failures.append(f"{label}: sets cookies: {names}")
            page.context.clear_cookies()
        offsite = [request for request in requests if is_offsite(request, server)]
        if offsite:
            failures.append(f"{label}: off-site requests: {', '.join(offsite)}")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
