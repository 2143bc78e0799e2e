"""The strategy document's stable addresses, and what a download link shows about a file.

/strategien.pdf and /en/strategy.pdf always serve the document chosen on the live strategy
page, so a link printed in an article keeps working when editors upload a new file.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from wagtail.models import Site

from caching.lookups import public_pages, remembered
from core.languages import DEFAULT_LANGUAGE, current_language

# What the browser saves the file as, per language of the document.
FILENAMES = {
    "da": "vejle-kommune-resiliensstrategi.pdf",
    "en": "vejle-municipality-resilience-strategy.pdf",
}


# A placeholder is saved under a name that says so: a saved copy is never taken for the
# adopted strategy.
PLACEHOLDER_PREFIXES = {"da": "pladsholder-", "en": "placeholder-"}


def served_filename(document, language: str) -> str:
    """The name the stable address's file is saved as."""
    if getattr(document, "is_placeholder", False):
        return PLACEHOLDER_PREFIXES[language] + FILENAMES[language]
    return FILENAMES[language]


def stable_url(language: str) -> str:
    return reverse(f"strategy_document_{language}")


def live_strategy_page(site: Site | None):
    from strategy.models import StrategyPage

    pages = public_pages(StrategyPage.objects.live())
    if site is not None:
        pages = pages.descendant_of(site.root_page)
    return pages.select_related("strategy_document_da", "strategy_document_en").first()


@dataclass
class Download:
    """A document as a download link shows it: stable URL, format, size, pages, language, date."""

    document: object
    url: str

    @property
    def format(self) -> str:
        return self.document.file_extension.upper()

    @property
    def size(self) -> int | None:
        return self.document.get_file_size()

    @property
    def page_count(self) -> int | None:
        return self.document.get_page_count()

    @property
    def language(self) -> str:
        return self.document.language

    @property
    def language_name(self) -> str:
        return dict(settings.LANGUAGES).get(self.document.language, "")

    @property
    def published_date(self):
        return self.document.published_date

    @property
    def is_placeholder(self) -> bool:
        return getattr(self.document, "is_placeholder", False)


def strategy_download(strategy, language: str | None = None) -> Download | None:
    """The strategy document in `language`, else the Danish one; always by its stable URL."""
    language = language or current_language()
    for candidate in dict.fromkeys([language, DEFAULT_LANGUAGE]):
        document = getattr(strategy, f"strategy_document_{candidate}", None)
        if document is not None:
            return Download(document=document, url=stable_url(candidate))
    return None


def document_download(document, request=None) -> Download:
    """Any document as a download: the strategy's own documents by their stable address."""
    stable = strategy_documents(request)
    language = stable.get(document.pk)
    url = stable_url(language) if language else document.url
    return Download(document=document, url=url)


def strategy_documents(request) -> dict[int, str]:
    """{document id: language} for the live strategy page's documents.

    Looked up once per content version (caching/lookups.py), not on every page with a link.
    """
    cached = getattr(request, "_strategy_documents", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request is not None else None

    def look_up() -> dict[int, str]:
        strategy = live_strategy_page(site)
        found = {}
        if strategy is not None:
            for language in reversed([code for code, _name in settings.LANGUAGES]):
                document_id = getattr(strategy, f"strategy_document_{language}_id", None)
                if document_id:
                    found[document_id] = language
        return found

    found = remembered(f"strategy-documents:{site.pk if site else ''}", look_up)
    if request is not None:
        request._strategy_documents = found
    return found
