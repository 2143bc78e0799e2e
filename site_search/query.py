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

from caching.lookups import public_pages
from core.languages import translated_only
from site_search.indexing import (
    HIGHLIGHT_START,
    HIGHLIGHT_STOP,
    MAX_WORD_LENGTH,
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
# Trigram similarity (shared trigrams ÷ all trigrams, as pg_trgm counts them) at or above which
# a word counts as a likely misspelling of an indexed word (pg_trgm's own default for `%`) ...
SIMILAR = 0.3
# ... and at or above which the correction is confident enough to show its results at once
# ("fjordbyn" → "fjordbyen" is 0.58, "resilliens" → "resiliens" 0.75).
CONFIDENT = 0.5
# Indexed words compared more closely (in Python) per misspelt word, and misspelt words
# corrected per query: they bound the queries a search can cost (one per word).
CANDIDATES = 10
MAX_LOOKED_UP_TERMS = 4


@dataclass
class Correction:
    query: SearchQueryText
    confident: bool
    paginator: object = None


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one lower-case word (two spaces before, one after)."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's similarity() of two single words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta or tb else 0.0


def best_form(term: str, word: str) -> tuple[float, str]:
    """`word`, or for a compound the start of it that `term` misspells, with its similarity.

    "stormflood" is far from "stormflodsbeskyttelse" (0.35) but close to its start "stormflod"
    (0.75), which the prefix search then finds in every compound.
    """
    whole = similarity(term, word)
    if whole >= CONFIDENT or len(word) <= len(term):
        return whole, word
    best = (whole, word)
    low, high = max(MIN_WORD_LENGTH, len(term) - 2), min(len(word) - 1, len(term) + 2)
    for length in range(low, high + 1):
        prefix = word[:length]
        score = similarity(term, prefix)
        if score > best[0]:
            best = (score, prefix)
    return best


KNOWN = object()


def _closest_word(term: str, language: str):
    """KNOWN if `term` is an indexed word or the start of one (the prefix search finds those);
    else (similarity, form) of the closest indexed word, or None. One query.
    """
    from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
    from django.db.models.functions import Greatest

    # `%` (similar as a whole) or `%>` (similar to part of a longer word), GIN-indexed; the
    # known words (prefix match) come first.
    candidates = list(
        SearchWord.objects.filter(language=language)
        .filter(
            Q(word__startswith=term)
            | Q(word__trigram_similar=term)
            | Q(word__trigram_word_similar=term)
        )
        .annotate(
            known=Case(
                When(word__startswith=term, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            score=Greatest(TrigramSimilarity("word", term), TrigramWordSimilarity(term, "word")),
        )
        .order_by("-known", "-score", "word")
        .values_list("word", "known")[:CANDIDATES]
    )
    if candidates and candidates[0][1]:
        return KNOWN
    forms = [best_form(term, word) for word, _known in candidates]
    forms = [(score, form) for score, form in forms if score >= SIMILAR]
    # Most similar first; between equals the shorter form (it finds more through prefixes).
    return min(forms, key=lambda item: (-item[0], len(item[1]), item[1])) if forms else None


def correct(query: SearchQueryText, language: str) -> Correction | None:
    """The query with each unknown word replaced by the closest indexed word, or None.

    Only on PostgreSQL (pg_trgm). Short and overlong words, words with digits and known words
    (or starts of known words) are kept; at most MAX_LOOKED_UP_TERMS words are looked up.
    Confident when every replaced word is at least CONFIDENT similar.
    """
    if not uses_full_text_search() or not query.terms:
        return None
    words, corrected, looked_up, confident = [], 0, 0, True
    for term in query.terms:
        if (
            looked_up >= MAX_LOOKED_UP_TERMS
            or not MIN_WORD_LENGTH <= len(term) <= MAX_WORD_LENGTH
            or not term.isalpha()
        ):
            words.append(term)
            continue
        looked_up += 1
        closest = _closest_word(term, language)
        if closest is None or closest is KNOWN:
            words.append(term)
            continue
        score, form = closest
        words.append(form)
        corrected += 1
        confident = confident and score >= CONFIDENT
    if not corrected:
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
