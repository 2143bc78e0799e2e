"""Which pages exist in which language.

A page counts as translated into a language when its title in that language is set
(DESIGN.md). Danish is the default language, so every page exists in Danish.
"""

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def current_language() -> str:
    return (translation.get_language() or DEFAULT_LANGUAGE).split("-")[0]


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def is_translated(page, language: str | None = None) -> bool:
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return True
    return bool((getattr(page, f"title_{language}", "") or "").strip())


def translated_only(queryset: QuerySet, language: str | None = None) -> QuerySet:
    """Leave out pages that have no title in `language` (for navigation and listings)."""
    language = language or current_language()
    if language == DEFAULT_LANGUAGE:
        return queryset
    field = f"title_{language}"
    return queryset.exclude(Q(**{f"{field}__isnull": True}) | Q(**{field: ""}))


def page_url_in(page, language: str, request=None) -> str | None:
    """The page's URL in `language` (translated slugs, /en/ prefix), or None if not routable."""
    with translation.override(language):
        return page.get_url(request=request)
