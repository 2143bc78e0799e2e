"""axe-core on the news section and the open data page in both languages, news items included
(they are also in the walk over every page in test_accessibility.py; here by name, so that
they cannot drop out of it unnoticed), and the latest news on the home page at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import AXE_OPTIONS, format_violations

pytestmark = pytest.mark.browser

PATHS = ["/nyheder/", "/en/news/", "/data/", "/en/data/", "/", "/en/"]


def test_news_and_data_pages_have_no_violations(site_url, site_pages, page):
    news_items = [url.path for url in site_pages if "/nyheder/" in url.path or "/news/" in url.path]
    assert len(news_items) >= 10, news_items  # the index and five items, in both languages
    axe = Axe()
    failures = []
    for width in (320, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        for path in dict.fromkeys(PATHS + news_items):
            response = page.goto(f"{site_url}{path}")
            assert response is not None and response.status == 200, path
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                failures.append(f"{path} at {width} px:\n{format_violations(violations)}")
            # No horizontal scrolling of the page at 320 px.
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                failures.append(f"{path} at {width} px scrolls sideways ({scroll} px)")
    assert not failures, "\n".join(failures)


def test_latest_news_on_the_home_page(site_url, page):
    page.goto(f"{site_url}/")
    items = page.locator(".latest-news li")
    assert items.count() == 3
    page.goto(f"{site_url}/en/")
    assert page.locator(".latest-news h2").inner_text() == "Latest news"
