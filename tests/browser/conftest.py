"""Browser tests: the real site (initial content) in a live server, seen through Chromium.

Every test here is marked ``@pytest.mark.browser``. They run Debian's Chromium through
Playwright's sync API and never let Playwright download a browser of its own.

- Chromium missing (``/usr/bin/chromium``, or the path in ``RV_CHROMIUM``): the browser tests
  are skipped with the reason, except when ``CI`` is set to a true value: then they fail.
- ``site_url`` (per test): pytest-django's ``live_server`` (so ``transactional_db``), the shipped
  initial content loaded with ``load_initial_content``, the default Wagtail Site pointed at the
  live server's host and port.
- ``site_pages``: every live page and its URL per language, read from the database.
- ``browser`` (per test, after the database work): one headless Chromium; ``page`` is a tab in
  a fresh context (no cookies or storage) in it.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache

from tests.factories import recreate_wagtail_defaults
from tests.initial_content import load_initial_content

DEFAULT_CHROMIUM = "/usr/bin/chromium"
# No network chatter of Chromium's own (updates, sync, field trials) during the tests.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FALSE_VALUES = {"", "0", "false", "no", "off"}


def chromium_path() -> Path:
    """Debian's Chromium, or the executable named in RV_CHROMIUM (e.g. to test the skip path)."""
    return Path(os.environ.get("RV_CHROMIUM") or DEFAULT_CHROMIUM)


def ci_is_set() -> bool:
    return os.environ.get("CI", "").strip().lower() not in FALSE_VALUES


def chromium_missing_reason() -> str | None:
    path = chromium_path()
    if path.is_file() and os.access(path, os.X_OK):
        return None
    return f"Chromium not found at {path}: apt-get install chromium"


class ChromiumMissingInCI(pytest.Item):
    """Stands in for a browser test in CI when Chromium is missing: fails, never skips."""

    def __init__(self, *, reason: str, **kwargs):
        super().__init__(**kwargs)
        self.reason = reason
        self.add_marker(pytest.mark.browser)

    def runtest(self):
        pytest.fail(
            f"{self.reason} (CI is set, so browser tests fail instead of skipping)", pytrace=False
        )

    def reportinfo(self):
        return self.path, None, self.name


def pytest_collection_modifyitems(config, items):
    reason = chromium_missing_reason()
    if reason is None:
        return
    for index, item in enumerate(items):
        if item.get_closest_marker("browser") is None:
            continue
        if ci_is_set():
            # Replaced before any fixture runs: no database, live server or Playwright needed.
            items[index] = ChromiumMissingInCI.from_parent(
                item.parent, name=item.name, reason=reason
            )
        else:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def browser(site_pages):
    """A headless Chromium (Debian's, never a downloaded one), started after the database work.

    Per test rather than per session: Playwright's sync API leaves an asyncio loop running on
    the test's thread, and while it runs Django hands that thread a different database
    connection, so pytest-django's flush after the test would miss the test database.
    So the database work comes first (``site_pages``), the test then only drives the browser,
    and the browser is gone before pytest-django flushes the database.
    """
    reason = chromium_missing_reason()
    if reason is not None:  # only reached by a test that is not marked `browser`
        if ci_is_set():
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium_path()), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A tab in a fresh browser context (no cookies, no storage) for one test."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def site_url(live_server):
    """The live server's base URL (no trailing slash), serving the shipped initial content.

    ``live_server`` brings ``transactional_db``: what is loaded here is committed, so the server
    thread sees it, and it is flushed after the test.
    """
    from wagtail.models import Site

    recreate_wagtail_defaults()
    load_initial_content()
    parts = urlsplit(live_server.url)
    updated = Site.objects.filter(is_default_site=True).update(
        hostname=parts.hostname, port=parts.port
    )
    assert updated == 1, "load_initial_content left no default site"
    # wagtail-modeltranslation caches the site root paths per language.
    cache.clear()
    return live_server.url.rstrip("/")


@pytest.fixture
def site_pages(site_url):
    """Every live page of the initial tree in every language it is translated into."""
    from tests.browser.pages import live_page_urls

    pages = live_page_urls()
    assert len(pages) > 20, f"expected the whole initial tree, found {len(pages)} page URLs"
    unroutable = [str(url) for url in pages if not url.path]
    assert not unroutable, f"live pages without a URL: {unroutable}"
    return pages
