"""The design in a real browser: the alert banner, narrow screens and zoom, print."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import AXE_OPTIONS, NOT_FOUND_PATHS, format_violations, one_of_each_type

pytestmark = pytest.mark.browser

ALERTS = {
    # A warning with its own English text and a link.
    "warning": {
        "alert_text_da": "Stormflod ventes i aften. Følg beredskabets råd.",
        "alert_text_en": "A storm surge is expected tonight. Follow the emergency advice.",
        "alert_link_url": "https://www.vejle.dk/",
    },
    # Information in Danish only: shown on English pages too, marked lang="da".
    "information": {"alert_text_da": "Vejarbejde på havnen i denne uge."},
}


@pytest.fixture(params=list(ALERTS))
def alert_level(request, site_pages):
    """The site-wide alert switched on (before the browser starts: see conftest)."""
    from core.models import SiteSettings

    settings = SiteSettings.objects.get()
    settings.alert_enabled = True
    settings.alert_level = request.param
    for name, value in ALERTS[request.param].items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return request.param


def test_axe_with_the_alert_banner_switched_on(site_url, site_pages, alert_level, page):
    """The banner on every page; axe on one page of each type per language and the 404 pages
    (the banner is the same on every page of a type; test_accessibility.py runs axe on every
    page without it)."""
    axe = Axe()
    urls = [f"{site_url}{url.path}" for url in site_pages]
    urls += [f"{site_url}{path}" for path in NOT_FOUND_PATHS.values()]
    checked_by_axe = {f"{site_url}{url.path}" for url in one_of_each_type(site_pages)}
    checked_by_axe.update(f"{site_url}{path}" for path in NOT_FOUND_PATHS.values())
    role = "alert" if alert_level == "warning" else "status"
    failures = []
    for url in urls:
        page.goto(url)
        banner = page.locator(f'.alert-banner[role="{role}"]')
        if banner.count() != 1:
            failures.append(f"{url}: {banner.count()} alert banners with role={role}")
            continue
        if url not in checked_by_axe:
            continue
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(
                f"{url}: {len(violations)} violation(s)\n{format_violations(violations)}"
            )
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("width", [320, 640])
def test_no_horizontal_scrolling_on_narrow_screens_or_at_200_percent_zoom(
    site_url, site_pages, page, width
):
    """320 CSS px is WCAG's reflow width; 640 is a 1280 px window zoomed to 200 %."""
    page.set_viewport_size({"width": width, "height": 800})
    failures = []
    for url in site_pages:
        page.goto(f"{site_url}{url.path}")
        if not page.evaluate(NO_HORIZONTAL_SCROLL):
            scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
            failures.append(f"{url}: {scroll_width} px wide at a {width} px viewport")
        # The skip link, navigation and footer stay reachable and visible.
        if not page.locator("main#main h1").is_visible():
            failures.append(f"{url}: no visible h1 at {width} px")
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


def test_print_shows_the_content_without_navigation_and_with_link_addresses(
    site_url, site_pages, page
):
    page.emulate_media(media="print")
    page.goto(f"{site_url}/strategien/")
    for selector in [".site-header", ".breadcrumbs", ".site-footer__links"]:
        assert page.locator(selector).first.is_hidden(), f"{selector} is printed"
    assert page.locator("main h1").is_visible()
    after = page.evaluate(
        """() => getComputedStyle(
            document.querySelector('main a[href="/strategien.pdf"]'), '::after'
        ).content"""
    )
    assert after == '" (/strategien.pdf)"', after


def test_reduced_motion_is_respected(site_url, site_pages, page):
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{site_url}/")
    durations = page.evaluate(
        """() => [...document.querySelectorAll('*')].map(
            el => getComputedStyle(el).transitionDuration + getComputedStyle(el).animationName
        ).filter(value => value !== '0snone')"""
    )
    assert durations == [], durations
