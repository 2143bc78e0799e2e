"""Each page's English state: translated, missing its English title, or older than the Danish.

Definitions (DESIGN.md: a page is translated into English when its English title is set):

- The page's *text* in a language is every field modeltranslation translates for its type
  except the address fields (slug, url_path): title, SEO title, search description, summary,
  body and the type's own fields, e.g. `title_da`, `summary_da`, `body_da`, ...
- The English title is read from the page's latest revision (the editor's latest text, draft or
  published), or from the page itself when it has no revisions.
- *Missing English title*: that title is empty.
- *English older than Danish*: walking the page's revisions in order, the last revision that
  changed any Danish text field is later than the last revision that changed any English text
  field. The first revision counts as a change in both languages, and a revision that changes
  both languages leaves the English up to date.
- *Translated*: otherwise (including pages without revisions, e.g. created by code).
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from wagtail.fields import StreamValue
from wagtail.models import Page, Revision

from core.languages import DEFAULT_LANGUAGE

ENGLISH = "en"
ADDRESS_FIELDS = {"slug", "url_path"}
# Left out of "which English fields are empty": search engines fall back to the title and the
# summary, so an empty SEO title or search description is no gap.
OPTIONAL_FIELDS = {"seo_title", "search_description"}


class State(models.TextChoices):
    TRANSLATED = "translated", _("Oversat")
    MISSING = "missing", _("Mangler engelsk titel")
    OUTDATED = "outdated", _("Engelsk ældre end dansk")


@dataclass
class PageTranslation:
    state: str
    danish_changed_at: datetime | None = None
    english_changed_at: datetime | None = None

    @property
    def label(self) -> str:
        return State(self.state).label


def text_fields(model) -> list[str]:
    """The translated text fields of a page type, without the language suffix."""
    try:
        fields = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        fields = translator.get_options_for_model(Page).all_fields
    return sorted(name for name in fields if name not in ADDRESS_FIELDS)


def is_empty(value) -> bool:
    if isinstance(value, StreamValue):
        return len(value) == 0
    if isinstance(value, str):
        return not value.strip()
    return value in (None, [], {})


def _without_block_ids(value):
    """StreamField content without its block ids (a re-created block is not a text change)."""
    if isinstance(value, str) and value.startswith("[{"):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return [_without_block_ids(item) for item in value]
    if isinstance(value, dict):
        return {k: _without_block_ids(v) for k, v in value.items() if k != "id"}
    return value


def _changed(before: dict | None, after: dict, names: list[str], language: str) -> bool:
    if before is None:
        return True
    return any(
        _without_block_ids(before.get(f"{n}_{language}"))
        != _without_block_ids(after.get(f"{n}_{language}"))
        for n in names
    )


def translation_states(pages) -> dict[int, PageTranslation]:
    """{page id: PageTranslation} for a queryset of pages (any type)."""
    pages = list(pages.select_related("content_type"))
    revisions: dict[str, list] = {}
    for object_id, created_at, content in (
        Revision.page_revisions.filter(object_id__in=[str(page.pk) for page in pages])
        .order_by("created_at", "id")
        .values_list("object_id", "created_at", "content")
    ):
        revisions.setdefault(object_id, []).append((created_at, content))

    states = {}
    for page in pages:
        history = revisions.get(str(page.pk), [])
        if not history:
            missing = is_empty(getattr(page, f"title_{ENGLISH}", ""))
            states[page.pk] = PageTranslation(State.MISSING if missing else State.TRANSLATED)
            continue
        names = text_fields(page.content_type.model_class() or Page)
        danish_at = english_at = None
        before = None
        for created_at, content in history:
            if _changed(before, content, names, DEFAULT_LANGUAGE):
                danish_at = created_at
            if _changed(before, content, names, ENGLISH):
                english_at = created_at
            before = content
        if is_empty(before.get(f"title_{ENGLISH}")):
            state = State.MISSING
        elif danish_at > english_at:
            state = State.OUTDATED
        else:
            state = State.TRANSLATED
        states[page.pk] = PageTranslation(state, danish_at, english_at)
    return states


def report_pages():
    """Every page of the site (the tree root is not a page editors see)."""
    return Page.objects.filter(depth__gt=1).order_by("path")


def count_by_state() -> dict[str, int]:
    counts = dict.fromkeys(State.values, 0)
    for status in translation_states(report_pages()).values():
        counts[status.state] += 1
    return counts


def english_fields(model) -> list[str]:
    """The English fields an editor is expected to fill in (without the language suffix)."""
    return [name for name in text_fields(model) + ["slug"] if name not in OPTIONAL_FIELDS]


def missing_english_fields(page) -> list[str]:
    """Names (verbose, in the admin's language) of the page's empty English text fields."""
    model = type(page)
    missing = []
    for name in english_fields(model):
        if is_empty(getattr(page, f"{name}_{ENGLISH}", None)):
            missing.append(str(model._meta.get_field(name).verbose_name))
    return missing
