"""WCAG 2.1 AA in a real browser: axe-core on every page, the language switcher, the skip link.

Each test walks the whole initial tree in both languages and reports every URL that fails.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.pages import (
    AXE_OPTIONS,
    NOT_FOUND_PATHS,
    SKIP_LINK_TEXT,
    format_violations,
)

pytestmark = pytest.mark.browser


def visit(page, url: str, status: int, failures: list[str]) -> bool:
    """Load `url` afresh in `page`; False (and a failure) if it did not answer `status`."""
    response = page.goto(url)
    if response is None or response.status != status:
        failures.append(f"{url}: HTTP {response.status if response else 'no response'}")
        return False
    return True


def test_axe_finds_no_wcag_a_or_aa_violations(site_url, site_pages, page):
    axe = Axe()
    # The harness itself: axe-core runs and reports a known violation.
    page.set_content(
        '<!doctype html><html lang="da"><title>t</title><main><img src="data:,"></main>'
    )
    known = {
        violation["id"] for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]
    }
    assert "image-alt" in known, f"axe-core missed a known violation (found {known})"
    visits = [(f"{site_url}{url.path}", 200, str(url)) for url in site_pages]
    visits += [(f"{site_url}{path}", 404, f"{path} (404)") for path in NOT_FOUND_PATHS.values()]
    failures = []
    for url, status, label in visits:
        if not visit(page, url, status, failures):
            continue
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(
                f"{label}: {len(violations)} violation(s)\n{format_violations(violations)}"
            )
    if failures:
        pytest.fail(
            f"axe-core found violations on {len(failures)} of {len(visits)} URLs:\n"
            + "\n".join(failures),
            pytrace=False,
        )


def test_language_switcher_leads_to_the_same_page_in_the_other_language(site_url, site_pages, page):
    failures = []
    for url in site_pages:
        for language, expected in url.switch_to.items():
            if not visit(page, f"{site_url}{url.path}", 200, failures):
                continue
            link = page.locator(f'nav.language-switcher a[hreflang="{language}"]')
            if link.count() != 1:
                failures.append(f"{url}: {link.count()} switcher links to {language!r}")
                continue
            with page.expect_navigation():
                link.click()
            if page.url != f"{site_url}{expected}":
                failures.append(
                    f"{url}: switcher to {language!r} led to {page.url}, not {expected}"
                )
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


IS_IN_MAIN = """() => {
    const main = document.querySelector("main#main");
    const active = document.activeElement;
    return Boolean(main && active && (active === main || main.contains(active)));
}"""
DESCRIBE_ACTIVE = """() => {
    const el = document.activeElement;
    if (!el) return "nothing";
    const cls = el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : "";
    const text = (el.innerText || "").trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls}> ${text}`;
}"""


def test_tab_focuses_the_skip_link_and_enter_moves_focus_to_main(site_url, site_pages, page):
    visits = [(f"{site_url}{url.path}", 200, url.language, str(url)) for url in site_pages]
    visits += [
        (f"{site_url}{path}", 404, language, f"{path} (404)")
        for language, path in NOT_FOUND_PATHS.items()
    ]
    failures = []
    for url, status, language, label in visits:
        if not visit(page, url, status, failures):
            continue
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.matches('a.skip-link'),"
            " document.activeElement.textContent.trim()]"
        )
        if focused != [True, SKIP_LINK_TEXT[language]]:
            failures.append(
                f"{label}: Tab focused {page.evaluate(DESCRIBE_ACTIVE)}, not the skip link "
                f"{SKIP_LINK_TEXT[language]!r}"
            )
            continue
        page.keyboard.press("Enter")
        try:
            page.wait_for_function(IS_IN_MAIN, timeout=2000)
        except PlaywrightTimeoutError:
            failures.append(
                f"{label}: after Enter on the skip link the focus is on "
                f"{page.evaluate(DESCRIBE_ACTIVE)}, not in main#main"
            )
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)


SEARCH_PATHS = [
    "/soeg/",
    "/soeg/?q=stormflod",
    "/soeg/?q=findesikke",
    "/en/search/",
    "/en/search/?q=flood",
    "/en/search/?q=nothinghere",
]


def test_axe_finds_no_violations_on_the_search_page(site_url, site_pages, page):
    # Publishing the initial content filled the search index (site_search.signals).
    axe = Axe()
    failures = []
    for path in SEARCH_PATHS:
        url = f"{site_url}{path}"
        if not visit(page, url, 200, failures):
            continue
        if page.locator("[role=search] input[type=search]").count() < 1:
            failures.append(f"{path}: no search box in a search landmark")
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(
                f"{path}: {len(violations)} violation(s)\n{format_violations(violations)}"
            )
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
