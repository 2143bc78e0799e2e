"""Keep the SearchText table in step with the live pages."""

import re
import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.utils.encoding import force_str
from wagtail.models import Page

from core.languages import is_translated, language_codes
from core.models import BasePage
from site_search.models import SearchText, SearchWord

# PostgreSQL text search configuration per language (`\dF` lists them).
SEARCH_CONFIGS = {"da": "danish", "en": "english"}
# tsvector has a size limit (1 MB); no page body comes near this, but a paste could.
MAX_BODY_LENGTH = 100_000
# Marks around highlighted words in PostgreSQL's headlines (private-use characters, removed
# from the indexed text, so they can only come from ts_headline).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_STOP = "\ue001"
_URL = re.compile(r"^\w+://\S*$")
_WORD = re.compile(r"[^\W\d_]+")
# Words shorter than this are never offered as corrections (too many near neighbours).
MIN_WORD_LENGTH = 4
MAX_WORD_LENGTH = 100


def clean_text(text) -> str:
    """Printable text on one line: no control characters, no highlight marks, single spaces."""
    text = force_str(text or "")
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
        for ch in text
        if ch not in (HIGHLIGHT_START, HIGHLIGHT_STOP)
    )
    return " ".join(text.split())


def body_text(page, language: str) -> str:
    """The page's StreamField body in `language` as plain text (links' addresses left out)."""
    name = f"body_{language}"
    try:
        field = page._meta.get_field(name)
    except FieldDoesNotExist:  # a page type without a body
        return ""
    value = getattr(page, name, None)
    if not value:
        return ""
    parts = [clean_text(part) for part in field.get_searchable_content(value)]
    text = " ".join(part for part in parts if part and not _URL.match(part))
    return text[:MAX_BODY_LENGTH]


def texts_for(page) -> list[SearchText]:
    """One unsaved row per language the page is translated into."""
    rows = []
    for language in language_codes():
        if not is_translated(page, language):
            continue
        title = clean_text(getattr(page, f"title_{language}", ""))
        summary = clean_text(getattr(page, f"summary_{language}", ""))
        body = body_text(page, language)
        rows.append(
            SearchText(
                page_id=page.pk,
                language=language,
                title=title,
                summary=summary,
                body=body,
                folded_title=title.lower(),
                folded_text="\n".join((title, summary, body)).lower(),
            )
        )
    return rows


def words_of(*texts) -> set[str]:
    """The distinct lower-case words (letters only) of `texts` worth comparing with a typo."""
    words = set()
    for text in texts:
        for word in _WORD.findall((text or "").lower()):
            if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH:
                words.add(word)
    return words


def _add_words(rows) -> None:
    """Remember the rows' words for typo correction (PostgreSQL, where pg_trgm compares them)."""
    if connection.vendor != "postgresql":
        return
    words = set()
    for row in rows:
        words.update((row.language, word) for word in words_of(row.title, row.summary, row.body))
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, word=word) for language, word in sorted(words)],
        ignore_conflicts=True,
        batch_size=1000,
    )


def is_searchable(page) -> bool:
    """Live pages of the project's own page types (not the tree root or Wagtail's own Page)."""
    return page.live and isinstance(page, BasePage)


def _update_vectors(queryset) -> None:
    """Build the tsvectors on PostgreSQL, with each row's language's configuration."""
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    for language, config in SEARCH_CONFIGS.items():
        queryset.filter(language=language).update(
            search_vector=SearchVector("title", weight="A", config=config)
            + SearchVector("summary", weight="B", config=config)
            + SearchVector("body", weight="C", config=config)
        )


@transaction.atomic
def index_page(page_id: int) -> int:
    """(Re)write the rows of one page from the database; returns how many it has now."""
    page = Page.objects.filter(pk=page_id).specific().first()
    SearchText.objects.filter(page_id=page_id).delete()
    if page is None or not is_searchable(page):
        return 0
    rows = SearchText.objects.bulk_create(texts_for(page))
    _update_vectors(SearchText.objects.filter(page_id=page_id))
    _add_words(rows)
    return len(rows)


@transaction.atomic
def rebuild() -> int:
    """Rebuild the whole table from the live pages; returns the number of rows."""
    SearchText.objects.all().delete()
    SearchWord.objects.all().delete()
    count = 0
    batch = []
    for page in Page.objects.live().specific().iterator(chunk_size=200):
        if is_searchable(page):
            batch.extend(texts_for(page))
        if len(batch) >= 500:
            count += len(SearchText.objects.bulk_create(batch))
            _add_words(batch)
            batch = []
    count += len(SearchText.objects.bulk_create(batch))
    _add_words(batch)
    _update_vectors(SearchText.objects.all())
    return count
