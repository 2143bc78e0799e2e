"""The URLs the browser tests visit, read from the database, and helpers shared by the tests."""

from dataclasses import dataclass

from wagtail.models import Page, Site

from core.languages import is_translated, language_codes, page_url_in

# An address that is no page, per language (the 404 page is translated).
NOT_FOUND_PATHS = {"da": "/findes-ikke/", "en": "/en/does-not-exist/"}

# The skip link's text per language (templates/base.html, locale/en/LC_MESSAGES/django.po).
SKIP_LINK_TEXT = {"da": "Gå til hovedindhold", "en": "Skip to main content"}

# axe-core rules for WCAG 2.0 and 2.1, levels A and AA (the Danish web accessibility law).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@dataclass(frozen=True)
class PageURL:
    page_id: int
    title: str
    language: str
    path: str
    # Where the language switcher should lead, per other language.
    switch_to: dict
    # The page's model, e.g. "ProjectPage": pages of one type share their templates.
    page_type: str = ""

    def __str__(self):
        return f"{self.path} ({self.language}, {self.title})"


def live_page_urls() -> list[PageURL]:
    """Every live page below the tree root, once per language it is translated into."""
    languages = language_codes()
    pages = list(Page.objects.live().filter(depth__gt=1).order_by("path").specific())
    home = Site.objects.get(is_default_site=True).root_page
    homes = {language: page_url_in(home, language) for language in languages}
    urls = []
    for page in pages:
        paths = {language: page_url_in(page, language) for language in languages}
        for language in languages:
            if not is_translated(page, language):
                continue
            switch_to = {
                other: paths[other] if is_translated(page, other) else homes[other]
                for other in languages
                if other != language
            }
            title = getattr(page, f"title_{language}")
            urls.append(
                PageURL(page.pk, title, language, paths[language], switch_to, type(page).__name__)
            )
    return urls


def one_of_each_type(urls: list[PageURL]) -> list[PageURL]:
    """The first page of each page type in each language."""
    seen, chosen = set(), []
    for url in urls:
        if (url.page_type, url.language) not in seen:
            seen.add((url.page_type, url.language))
            chosen.append(url)
    return chosen


def format_violations(violations: list[dict], targets: int = 3) -> str:
    """axe's violations, one line each: id, impact, help, the first few targets and HTML."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        selectors = [", ".join(map(str, node["target"])) for node in nodes[:targets]]
        more = f" (+{len(nodes) - targets} more)" if len(nodes) > targets else ""
        lines.append(
            f"  - {violation['id']} [{violation['impact']}] {violation['help']}: "
            f"{' | '.join(selectors)}{more}"
        )
        for node in nodes[:targets]:
            lines.append(f"      {' '.join(node['html'].split())[:200]}")
    return "\n".join(lines)
