"""The public face measured in Chromium at a desktop (1366 px) and a phone (390 px) width.

On one page of each type, in both languages, and on the 404 page: the menu's text starts where
the page heading does, nothing scrolls sideways, the menu marks the current section, the
breadcrumb trail ends in the page itself, the language link names its language in itself, the
header names the site in the page's language. On the desktop home page the pillars are the way
in above the fold, and a short page's footer reaches the bottom of the window.
"""

from dataclasses import dataclass

import pytest

from tests.browser.pages import NOT_FOUND_PATHS

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# Text may start this far from the heading's left edge (sub-pixel rounding, glyph side bearing).
ALIGNMENT_TOLERANCE_PX = 2
SITE_NAMES = {"da": "Resiliente Vejle", "en": "Resilient Vejle"}
# The other language's link, named in that language.
LANGUAGE_LINKS = {"da": ("English", "en"), "en": ("Dansk", "da")}
PHONE_MENU_MAX_ROWS = 3


@dataclass(frozen=True)
class Visit:
    label: str
    language: str
    path: str
    status: int
    # The menu entry that should carry aria-current, and its value ("page" or "true").
    section: tuple[str, str] | None
    has_trail: bool


@pytest.fixture
def face_visits(site_pages):
    """One page of each type in both languages, and the 404 pages (read from the database)."""
    from django.utils import translation
    from wagtail.models import Page

    from contacts.models import ContactPage
    from news.models import NewsPage
    from strategy.models import (
        HomePage,
        PillarPage,
        PrinciplePage,
        ProjectCatalogPage,
        ProjectPage,
        StrategyPage,
    )

    models = [
        HomePage,
        StrategyPage,
        PillarPage,
        ProjectPage,
        PrinciplePage,
        ProjectCatalogPage,
        ContactPage,
        NewsPage,
    ]
    visits = []
    for model in models:
        page = model.objects.live().order_by("path").first()
        assert page is not None, f"the initial content has no {model.__name__}"
        section = Page.objects.ancestor_of(page, inclusive=True).filter(depth=3).first()
        for language in ["da", "en"]:
            with translation.override(language):
                current = None
                if section is not None and section.show_in_menus:
                    current = (section.title, "page" if section.pk == page.pk else "true")
                visits.append(
                    Visit(
                        f"{model.__name__} ({language})",
                        language,
                        page.get_url(),
                        200,
                        current,
                        has_trail=page.depth > 2,
                    )
                )
    for language, path in NOT_FOUND_PATHS.items():
        visits.append(Visit(f"404 ({language})", language, path, 404, None, has_trail=False))
    return visits


# Left edge of the first line of an element's text (not its box: padding would hide a shift).
TEXT_LEFT = """element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()].filter(rect => rect.width > 0);
    return rects.length ? rects[0].left : null;
}"""
# The text left edge of the first link in each row of the menu, with the row's top.
MENU_ROW_STARTS = """() => {
    const rows = new Map();
    for (const link of document.querySelectorAll("nav.main-navigation a")) {
        const top = Math.round(link.getBoundingClientRect().top);
        if (rows.has(top)) continue;
        const range = document.createRange();
        range.selectNodeContents(link);
        rows.set(top, [...range.getClientRects()].filter(rect => rect.width > 0)[0].left);
    }
    return [...rows.entries()];
}"""
# How many lines an element's text takes.
CHIP_LINES = """element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rects = [...range.getClientRects()].filter(rect => rect.width > 0);
    return new Set(rects.map(rect => Math.round(rect.top))).size;
}"""
NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def layout_failures(page, visit: Visit, viewport: dict) -> list[str]:
    where = f"{visit.label} {visit.path} at {viewport['width']} px"
    failures = []
    heading_left = page.locator("main h1").first.evaluate(TEXT_LEFT)
    rows = page.evaluate(MENU_ROW_STARTS)
    if not rows:
        failures.append(f"{where}: no main menu")
    for top, left in rows:
        if abs(left - heading_left) > ALIGNMENT_TOLERANCE_PX:
            failures.append(
                f"{where}: menu row at y={top} starts at x={left:.1f}, "
                f"the heading at x={heading_left:.1f}"
            )
    if viewport is PHONE and len(rows) > PHONE_MENU_MAX_ROWS:
        failures.append(f"{where}: the menu takes {len(rows)} rows (at most {PHONE_MENU_MAX_ROWS})")
    if not page.evaluate(NO_HORIZONTAL_SCROLL):
        width = page.evaluate("() => document.documentElement.scrollWidth")
        failures.append(f"{where}: scrolls sideways ({width} px wide)")

    current = page.eval_on_selector_all(
        "nav.main-navigation a[aria-current]",
        "links => links.map(link => [link.textContent.trim(), link.getAttribute('aria-current')])",
    )
    expected = [list(visit.section)] if visit.section else []
    if current != expected:
        failures.append(f"{where}: menu aria-current {current}, expected {expected}")

    if visit.has_trail:
        crumbs = page.locator("nav.breadcrumbs")
        last = crumbs.locator("ol > li").last
        marked = crumbs.locator('[aria-current="page"]')
        if marked.count() != 1 or last.locator("a").count() != 0:
            failures.append(f"{where}: the trail does not end in the page as text")
        elif marked.text_content().strip() != page.locator("main h1").first.text_content().strip():
            failures.append(f"{where}: the trail ends in {marked.text_content()!r}, not the h1")
        # The trail on wide screens, the back link on phones: one of them is shown.
        shown = (
            crumbs.locator("ol").is_visible() or crumbs.locator(".breadcrumbs__back").is_visible()
        )
        if not shown:
            failures.append(f"{where}: neither the trail nor the back link is visible")

    links = page.eval_on_selector_all(
        "nav.language-switcher a",
        "links => links.map(link => [link.textContent.trim().split('\\n')[0].trim(),"
        " link.getAttribute('lang')])",
    )
    if links != [list(LANGUAGE_LINKS[visit.language])]:
        failures.append(f"{where}: language links {links}")
    name = page.locator(".site-header__name").text_content().strip()
    if name != SITE_NAMES[visit.language]:
        failures.append(f"{where}: the header names the site {name!r}")
    return failures


def test_menu_aligned_no_sideways_scroll_current_section_trail_and_names(
    site_url, face_visits, page
):
    failures = []
    for viewport in [DESKTOP, PHONE]:
        page.set_viewport_size(viewport)
        for visit in face_visits:
            response = page.goto(f"{site_url}{visit.path}")
            if response is None or response.status != visit.status:
                failures.append(f"{visit.label} {visit.path}: HTTP {response and response.status}")
                continue
            failures += layout_failures(page, visit, viewport)
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


def test_pillars_above_the_fold_principle_chips_and_footer_at_the_bottom(
    site_url, site_pages, page
):
    page.set_viewport_size(DESKTOP)
    for home in ["/", "/en/"]:
        page.goto(f"{site_url}{home}")
        pillar_links = page.locator("main .pillars .page-card a")
        assert pillar_links.count() == 3, home
        top = pillar_links.first.bounding_box()["y"]
        assert top < DESKTOP["height"], f"{home}: the first pillar link starts at y={top}"
        # The strategy's name and its sentence come before the pillars, also above the fold.
        summary = page.locator("main .home-hero__summary").bounding_box()
        assert summary["y"] + summary["height"] < top, home

    # The principle chips read as links (underlined) and each title keeps to one line.
    for viewport in [DESKTOP, PHONE]:
        page.set_viewport_size(viewport)
        page.goto(f"{site_url}/")
        chips = page.eval_on_selector_all(
            "main .principle-row a",
            f"links => links.map(link => [link.textContent.trim(), "
            f"getComputedStyle(link).textDecorationLine, ({CHIP_LINES})(link)])",
        )
        assert len(chips) == 5, chips
        for title, decoration, lines in chips:
            assert "underline" in decoration, f"{title!r} is not underlined"
            assert lines == 1, f"{title!r} takes {lines} lines at {viewport['width']} px"
    page.set_viewport_size(DESKTOP)

    # A page shorter than the window: the footer's bottom is the window's bottom.
    for path in NOT_FOUND_PATHS.values():
        page.goto(f"{site_url}{path}")
        height = page.evaluate("() => document.documentElement.scrollHeight")
        assert height <= DESKTOP["height"], f"{path} is {height} px tall: not a short page"
        bottom = page.locator("footer.site-footer").bounding_box()
        gap = DESKTOP["height"] - (bottom["y"] + bottom["height"])
        assert abs(gap) < 1, f"{path}: {gap:.0f} px of white under the footer"
