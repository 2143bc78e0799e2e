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


def repair_root_url_paths() -> bool:
    """Give the tree root its per-language url_path ("/"); True if anything changed.

    Wagtail's migrations create the root before wagtail-modeltranslation adds url_path_da and
    url_path_en (its `migrate` adds the columns afterwards, so no data migration can fill
    them). Left NULL, a page added below the root would get "slug/" instead of "/slug/".
    """
    from django.db.models import F, Value
    from django.db.models.functions import Concat
    from wagtail.models import Page

    root = Page.get_first_root_node()
    changed = False
    for code in language_codes():
        field = f"url_path_{code}"
        if getattr(root, field) != "/":
            Page.objects.filter(pk=root.pk).update(**{field: "/"})
            changed = True
    # Pages that were added before the repair got a path without the leading slash.
    for field in ["url_path"] + [f"url_path_{code}" for code in language_codes()]:
        broken = (
            Page.objects.rewrite(False)
            .filter(depth__gt=1)
            .exclude(**{f"{field}__isnull": True})
            .exclude(**{f"{field}__startswith": "/"})
        )
        if broken.update(**{field: Concat(Value("/"), F(field))}):
            changed = True
    return changed
