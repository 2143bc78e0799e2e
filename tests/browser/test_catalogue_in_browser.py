"""The project catalogue and the pillar × principle matrix in Chromium: axe-core with filters
applied, the matrix at 320 and 1366 px, the filter form without JavaScript, print."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import AXE_OPTIONS, format_violations

pytestmark = pytest.mark.browser

# Initial content slugs (strategy/initial_content.py).
FILTERED = [
    "/projekter/",
    "/projekter/?pillar=klimaresiliens",
    "/projekter/?pillar=klimaresiliens&principle=mervaerdi",
    "/projekter/?principle=samarbejde-og-partnerskaber",
    "/projekter/?pillar=demokratisk-dialog&principle=afledte-konsekvenser",  # no results
    "/en/projects/?pillar=climate-resilience&principle=added-value",
    "/en/projects/?principle=collaboration-and-partnerships",
]
MATRIX_PAGES = ["/projekter/", "/principper/", "/en/projects/", "/en/principles/"]
NO_PAGE_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def axe_failures(page, axe, url) -> list[str]:
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    if violations:
        return [f"{url}: {len(violations)} violation(s)\n{format_violations(violations)}"]
    return []


def test_axe_on_the_catalogue_with_filters_and_the_matrix_at_320_and_1366_px(
    site_url, site_pages, page
):
    axe = Axe()
    failures = []
    for width in (320, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        for path in dict.fromkeys(FILTERED + MATRIX_PAGES):
            response = page.goto(f"{site_url}{path}")
            assert response.status == 200, path
            # The filters were taken as given: no redirect to another address.
            assert page.url == f"{site_url}{path}", (path, page.url)
            failures += axe_failures(page, axe, f"{path} at {width} px")
            if not page.evaluate(NO_PAGE_SCROLL):
                failures.append(f"{path}: the page scrolls sideways at {width} px")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


def test_the_matrix_scrolls_in_its_own_labelled_region_at_320_px(site_url, site_pages, page):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{site_url}/projekter/")
    region = page.locator(".matrix__scroll")
    assert region.get_attribute("role") == "region"
    assert page.get_by_role("region", name="Antal projekter i hver søjle").count() == 1
    # The table is wider than the phone: the region scrolls, not the page.
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    assert page.evaluate(NO_PAGE_SCROLL)
    # Keyboard users can reach it to scroll it.
    region.focus()
    assert page.evaluate("() => document.activeElement.classList.contains('matrix__scroll')")
    # Each shaded cell gets its colour from a class: CSP allows no inline style.
    climate = page.locator("td.matrix__cell--climate-4").first
    assert climate.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(0, 115, 138)"
    empty = page.locator("td.matrix__cell").filter(has_text="0").first
    if empty.count():
        assert empty.locator("a").count() == 0


def test_filter_form_without_javascript_and_a_matrix_link(site_url, site_pages, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/projekter/")
        page.select_option("#filter-principle", "mervaerdi")
        page.get_by_role("button", name="Vis projekter").click()
        # "Alle søjler" sends pillar= : the catalogue redirects to the canonical address.
        assert page.url == f"{site_url}/projekter/?principle=mervaerdi"
        heading = page.locator("#results-heading").inner_text()
        cards = page.locator(".catalogue-results .project-card").count()
        assert heading == f"{cards} projekter" or (cards == 1 and heading == "1 projekt")

        page.goto(f"{site_url}/en/projects/")
        link = page.locator("td.matrix__cell a").first
        count = int(link.inner_text())
        link.click()
        assert "/en/projects/?pillar=" in page.url and "&principle=" in page.url
        assert page.locator(".catalogue-results .project-card").count() == count
        page.get_by_role("link", name="Clear the filters and show all projects").click()
        assert page.url == f"{site_url}/en/projects/"
    finally:
        context.close()


def test_print_shows_the_matrix_without_the_filter_form(site_url, site_pages, page):
    page.emulate_media(media="print")
    page.goto(f"{site_url}/projekter/")
    assert page.locator(".catalogue-filters").is_hidden()
    assert page.locator(".matrix__table").is_visible()
    after = page.evaluate(
        "() => getComputedStyle(document.querySelector('td.matrix__cell a'), '::after').content"
    )
    assert after in ("none", "normal"), after
