"""The citizens' input form in Chromium, without shortcuts: real form posts
(Chromium sends Origin and Sec-Fetch-Site itself), no cookies, and axe-core (WCAG 2.1 A and AA)
on the empty form, the form with errors and the thank-you page, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

from participation.models import ParticipationPage
from tests.browser.pages import AXE_OPTIONS, format_violations

pytestmark = pytest.mark.browser

TEXTS = {
    "da": {"summary": "Der er et problem", "thanks": "Tak for din besked", "send": "Send"},
    "en": {"summary": "There is a problem", "thanks": "Thank you for your message", "send": "Send"},
}


@pytest.fixture
def form_urls(site_pages, settings):
    # The time trap is tested without a browser (test_participation.py); here a person's
    # answers go in at machine speed.
    settings.PARTICIPATION_MIN_SECONDS = 0
    page = ParticipationPage.objects.get()
    urls = {}
    for language in ("da", "en"):
        with translation.override(language):
            urls[language] = page.url
    return urls


def test_form_errors_and_thanks_are_accessible_and_set_no_cookie(site_url, form_urls, page):
    axe = Axe()
    failures = []

    def check(label):
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures.append(f"{label}: {len(violations)}\n{format_violations(violations)}")

    for language, path in form_urls.items():
        texts = TEXTS[language]
        response = page.goto(f"{site_url}{path}")
        assert response.status == 200
        check(f"{path} (empty form)")

        with page.expect_navigation():
            page.get_by_role("button", name=texts["send"], exact=True).click()
        summary = page.locator(".error-summary")
        assert texts["summary"] in summary.inner_text()
        assert page.title().startswith("Fejl:" if language == "da" else "Error:")
        first_link = summary.locator("a").first
        target = first_link.get_attribute("href")
        assert page.locator(target).get_attribute("aria-invalid") == "true"
        check(f"{path} (with errors)")

        page.locator("textarea").fill("Flere træer i byen – også på engelsk: more trees")
        page.locator(".form-field--checkbox input").check()
        with page.expect_navigation():
            page.get_by_role("button", name=texts["send"], exact=True).click()
        assert texts["thanks"] in page.locator("h1").inner_text(), page.url
        check(f"{page.url} (thank-you page)")

    assert page.context.cookies() == []
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
