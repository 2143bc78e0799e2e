"""Template tags for the page furniture: navigation, language links, contacts, metadata."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core.languages import (
    DEFAULT_LANGUAGE,
    current_language,
    is_translated,
    page_url_in,
    translated_only,
)
from core.models import SiteSettings
from core.models import short_title as title_without_subtitle
from core.models import site_name as translated_site_name

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def home_url(context, language=None):
    """The home page's URL in `language` (default: the active one)."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return "/"
    return page_url_in(root, language or current_language(), request) or "/"


@register.simple_tag
def site_name() -> str:
    """ "Resiliente Vejle" or "Resilient Vejle": the site's name in the active language."""
    return translated_site_name()


@register.filter
def short_title(page) -> str:
    return title_without_subtitle(page.title)


@register.filter
def is_within(page, section) -> bool:
    """Whether `page` is `section` or lies below it in the page tree (menu: the current section)."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))


@register.simple_tag
def other_languages() -> list[tuple[str, str]]:
    """(code, name) of the languages other than the active one, each named in itself
    ("English", "Dansk"): Django's {% get_available_languages %} would translate the names."""
    current = current_language()
    return [(code, name) for code, name in settings.LANGUAGES if code != current]


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """Top-level pages that are in the menu and exist in the active language."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []
    from caching.lookups import public_pages  # core uses caching only when called

    return translated_only(public_pages(root.get_children().live()).in_menu())


@register.simple_tag(takes_context=True)
def contact_person(context):
    """The page's own contact person, else the site's default (looked up only when needed)."""
    page = context.get("page")
    request = context.get("request")
    default = SiteSettings.for_request(request).default_contact if request is not None else None
    person_id = getattr(page, "contact_person_id", None)
    if person_id is None or (default is not None and person_id == default.pk):
        return default  # fetched with the settings: no query of its own
    return page.contact_person


@register.simple_tag(takes_context=True)
def site_alert(context):
    """The site-wide alert banner while it is switched on and in its time window, else None."""
    request = context.get("request")
    if request is None:
        return None
    site_settings = SiteSettings.for_request(request)
    if not site_settings.alert_is_showing():
        return None
    return {
        "level": site_settings.alert_level,
        "url": site_settings.alert_link_url,
        **site_settings.alert_in_language(current_language()),
    }


def listed_person_ids(page) -> set[int]:
    """Contact persons a page shows in its own content (the contact page lists its people)."""
    listed = getattr(page, "listed_person_ids", None)
    return listed() if listed else set()


@register.simple_tag(takes_context=True)
def footer_contact(context):
    """The footer's contact card: the page's contact, unless the page already shows them."""
    person = contact_person(context)
    if person is not None and person.pk in listed_person_ids(context.get("page")):
        return None
    return person


@register.simple_tag(takes_context=True)
def press_block(context):
    """The press block: press contacts not yet shown on the page as cards, those already shown
    by name, and the municipality's own contact and press page."""
    from contacts.models import ContactPerson

    page = context.get("page")
    shown = listed_person_ids(page)
    in_footer = footer_contact(context)
    if in_footer is not None:
        shown.add(in_footer.pk)
    people = list(ContactPerson.press_contacts())
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request is not None else None
    return {
        "cards": [person for person in people if person.pk not in shown],
        "named": [person for person in people if person.pk in shown],
        "url": site_settings.press_page_link if site_settings else "",
        "municipality": site_settings.municipality_name if site_settings else "",
    }


# Characters that could end the <script> element or start markup inside it.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """One <script type="application/ld+json"> per item of `data` (safe inside HTML)."""
    scripts = []
    for item in data or []:
        text = json.dumps(item, cls=DjangoJSONEncoder, ensure_ascii=False)
        scripts.append(
            format_html(
                '<script type="application/ld+json">{}</script>',
                mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
            )
        )
    return mark_safe("\n".join(scripts))  # noqa: S308 (each part is built by format_html)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    if not url:
        return ""
    return request.build_absolute_uri(url) if request else url


@register.filter
def is_translated_now(page) -> bool:
    """Whether `page` has a title in the active language (Danish always does)."""
    return is_translated(page)


@register.filter
def text_language(page) -> str:
    """The language `page`'s title is shown in: the active one, or Danish as the fallback."""
    return current_language() if is_translated(page) else DEFAULT_LANGUAGE


# Open Graph wants a territory with the language.
OG_LOCALES = {"da": "da_DK", "en": "en_GB"}


@register.filter
def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, language)
