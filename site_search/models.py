"""The public search's own index: one row of plain text per live page and language.

Wagtail's database search backend keeps one tsvector per object, built with one PostgreSQL
text search configuration, so it cannot stem Danish fields as Danish and English fields as
English at the same time. This table holds each page's text once per language it is translated
into, and on PostgreSQL a tsvector built with that language's configuration ('danish' or
'english'). Rows are kept current by site_search.signals and rebuilt by `rebuild_site_search`
(also run by `update_index`).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchText(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="site_search_texts"
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    # The page's text in `language`, as published: shown (and highlighted) in the results.
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Lower-cased title and all text, for plain matching where there is no full-text search
    # (SQLite lower-cases only ASCII, so Python does it when the row is written).
    folded_title = models.TextField(blank=True)
    folded_text = models.TextField(blank=True)
    # PostgreSQL only (stays NULL elsewhere): title (A), summary (B) and body (C), stemmed with
    # the language's text search configuration; its GIN index is made in migration 0001.
    search_vector = SearchVectorField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="site_search_one_text_per_page_and_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class SearchWord(models.Model):
    """Every word of the indexed text per language: what a misspelt word is compared with.

    PostgreSQL only (filled by site_search.indexing there): trigram similarity (pg_trgm, GIN
    index from migration 0002) finds "fjordbyen" for "fjordbyn". Words of pages that are gone
    may linger until the next rebuild; a suggestion is only offered when it finds pages.
    """

    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    word = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"], name="site_search_one_word_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.word} ({self.language})"
