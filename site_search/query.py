"""Searching the SearchText table: the visitor's language only, live and public pages only.

PostgreSQL: full-text search with the language's configuration (stemming: "skybrud" finds
"skybruddene", "floods" finds "flooding"), the visitor's words also as prefixes (Danish
compounds: "stormflod" finds "stormflodsbeskyttelse"), ranked with ts_rank and highlighted
with ts_headline. Elsewhere (SQLite): every word must occur in the text, case-insensitively;
titles that hold every word come first; highlighting is done here in Python.
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from core.languages import translated_only
from core.page_cache import public_pages
from site_search.indexing import (
    HIGHLIGHT_START,
    HIGHLIGHT_STOP,
    MIN_WORD_LENGTH,
    SEARCH_CONFIGS,
    clean_text,
)
from site_search.models import SearchText, SearchWord

# Longer queries are cut (and the page says so): no visitor types more, and it bounds the work.
MAX_QUERY_LENGTH = 200
# Words used for plain matching and prefixes; the rest of a long query is ignored there.
MAX_TERMS = 12
# Words this short are matched whole, never as a prefix (PostgreSQL).
MIN_PREFIX_LENGTH = 3
# How much of a body an excerpt shows around the first match (plain matching).
EXCERPT_LENGTH = 200

_WORD = re.compile(r"[^\W_]+")


@dataclass
class SearchQueryText:
    text: str
    truncated: bool = False
    terms: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.text)


def parse_query(raw: str | None) -> SearchQueryText:
    """The visitor's query as clean text, at most MAX_QUERY_LENGTH characters, and its words."""
    raw = raw or ""
    # Only the start of a huge query string is worth cleaning.
    head = raw[: MAX_QUERY_LENGTH * 4]
    text = clean_text(head)
    truncated = len(text) > MAX_QUERY_LENGTH or (len(raw) > len(head) and bool(text))
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rstrip()
    terms = []
    for word in _WORD.findall(text.lower()):
        if word not in terms:
            terms.append(word)
    return SearchQueryText(text=text, truncated=truncated, terms=terms[:MAX_TERMS])


def visible_pages(language: str, root: Page | None = None) -> QuerySet:
    """Live, public pages translated into `language` (below `root`, the site's home page)."""
    pages = translated_only(public_pages(Page.objects.live()), language)
    if root is not None:
        pages = pages.descendant_of(root, inclusive=True)
    return pages


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def _prefix_tsquery(text: str) -> str | None:
    """to_tsquery() source: the query's words as prefixes, '-word' as NOT, 'or' left out.

    Built only from letters and digits, so no tsquery syntax can come from the visitor.
    """
    positive, negative = [], []
    for chunk in text.split()[: MAX_TERMS * 2]:
        words = _WORD.findall(chunk)
        if not words or chunk.lower() == "or":
            continue
        if chunk.startswith("-"):
            negative.extend(words)
        else:
            positive.extend(words)
    if not positive:
        return None
    operands = [
        f"{word}:*" if len(word) >= MIN_PREFIX_LENGTH else word for word in positive[:MAX_TERMS]
    ]
    operands += [f"!{word}" for word in negative[:MAX_TERMS]]
    return " & ".join(operands)


def _full_text_query(query: SearchQueryText, language: str):
    from django.contrib.postgres.search import SearchQuery

    config = SEARCH_CONFIGS[language]
    tsquery = SearchQuery(query.text, config=config, search_type="websearch")
    prefixes = _prefix_tsquery(query.text)
    if prefixes:
        tsquery = tsquery | SearchQuery(prefixes, config=config, search_type="raw")
    return tsquery


def search(query: SearchQueryText, language: str, pages: QuerySet) -> QuerySet:
    """SearchText rows in `language` of `pages` that match `query`, best first."""
    rows = SearchText.objects.filter(language=language, page__in=pages).select_related("page")
    if not query.terms:
        # Nothing to look for (only punctuation, symbols or emoji): no results, no query.
        return rows.none()
    if uses_full_text_search():
        from django.contrib.postgres.search import SearchHeadline, SearchRank

        config = SEARCH_CONFIGS[language]
        tsquery = _full_text_query(query, language)
        marks = {"start_sel": HIGHLIGHT_START, "stop_sel": HIGHLIGHT_STOP}
        return (
            rows.filter(search_vector=tsquery)
            .annotate(
                rank=SearchRank(F("search_vector"), tsquery),
                summary_headline=SearchHeadline(
                    "summary", tsquery, config=config, highlight_all=True, **marks
                ),
                # Shown instead of the summary when only the body matches.
                body_headline=SearchHeadline(
                    "body",
                    tsquery,
                    config=config,
                    max_words=30,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                    **marks,
                ),
            )
            .order_by("-rank", "page__path")
        )
    for term in query.terms:
        rows = rows.filter(folded_text__contains=term)
    title_has_all = reduce(and_, [Q(folded_title__contains=term) for term in query.terms])
    return rows.annotate(
        rank=Case(When(title_has_all, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by("-rank", "page__path")


# -- typos (PostgreSQL) -------------------------------------------------------------------------
# pg_trgm's similarity (shared trigrams ÷ all trigrams) at or above which a word counts as a
# likely misspelling of an indexed word (pg_trgm's own default for `%`).
SIMILAR = 0.3
# ... and at or above which the correction is confident enough to show its results at once
# ("fjordbyn" → "fjordbyen" is 0.58, "resilliens" → "resiliens" 0.75).
CONFIDENT = 0.5


@dataclass
class Correction:
    query: SearchQueryText
    confident: bool


def _is_known(word: str, language: str) -> bool:
    """An indexed word, or the start of one (the prefix search finds those already)."""
    return SearchWord.objects.filter(language=language, word__startswith=word).exists()


def correct(query: SearchQueryText, language: str) -> Correction | None:
    """The query with each unknown word replaced by the most similar indexed word, or None.

    Only on PostgreSQL (pg_trgm); words shorter than MIN_WORD_LENGTH, digits and words that are
    known are kept as they are. Confident when every replaced word is at least CONFIDENT
    similar.
    """
    if not uses_full_text_search() or not query.terms:
        return None
    from django.contrib.postgres.search import TrigramSimilarity

    words, changed, confident = [], False, True
    for term in query.terms:
        if len(term) < MIN_WORD_LENGTH or not term.isalpha() or _is_known(term, language):
            words.append(term)
            continue
        best = (
            SearchWord.objects.filter(language=language, word__trigram_similar=term)
            .annotate(similarity=TrigramSimilarity("word", term))
            .filter(similarity__gte=SIMILAR)
            .order_by("-similarity", "word")
            .values_list("word", "similarity")
            .first()
        )
        if best is None:
            words.append(term)
            continue
        word, similarity = best
        words.append(word)
        changed = True
        confident = confident and similarity >= CONFIDENT
    if not changed:
        return None
    return Correction(query=parse_query(" ".join(words)), confident=confident)


# -- highlighting -------------------------------------------------------------------------------
def marks_to_html(headline: str) -> SafeString:
    """PostgreSQL's headline (with private-use marks) as escaped HTML with <mark> elements."""
    html = str(escape(headline or ""))
    return mark_safe(  # noqa: S308 (escaped above; only our own tags are added)
        html.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    )


def _terms_pattern(terms: list[str]):
    if not terms:
        return None
    alternatives = sorted({re.escape(term) for term in terms}, key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text` escaped, with every occurrence of the terms wrapped in <mark>."""
    pattern = _terms_pattern(terms)
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (each part escaped)


def snippet(row, terms: list[str], full_text: bool) -> SafeString:
    """The summary with the matches marked; an excerpt of the body if only the body matches."""
    if full_text:
        for headline in (row.summary_headline, row.body_headline):
            if HIGHLIGHT_START in (headline or ""):
                return marks_to_html(headline)
    else:
        pattern = _terms_pattern(terms)
        if pattern and pattern.search(row.summary):
            return highlight(row.summary, terms)
        if pattern and pattern.search(row.body):
            return excerpt(row.body, terms)
    if row.summary:
        return escape(row.summary)
    return excerpt(row.body, [])


def excerpt(text: str, terms: list[str], length: int = EXCERPT_LENGTH) -> SafeString:
    """About `length` characters of `text` around the first match, highlighted."""
    if not text:
        return mark_safe("")  # noqa: S308 (empty)
    pattern = _terms_pattern(terms)
    match = pattern.search(text) if pattern else None
    start = max(0, (match.start() if match else 0) - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    fragment = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{highlight(fragment, terms)}{suffix}")  # noqa: S308
