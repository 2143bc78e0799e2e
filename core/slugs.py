"""Slugs made from titles: Danish letters spelled out (æ→ae, ø→oe, å→aa), other accents dropped.

Wagtail keeps "ø" in a slug made from a title (WAGTAIL_ALLOW_UNICODE_SLUGS) and its browser
transliteration spells "ø" as "o"; the shipped pages and the help text use "oe". Editors can
still type any slug by hand, and existing non-ASCII slugs stay valid (the model field allows
Unicode).
"""

from django.utils.text import slugify
from wagtail.admin.widgets import SlugInput

# Upper case too: "Ærø" becomes "Aeroe" before slugify lowers it.
DANISH_LETTERS = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}


def danish_slugify(text: str) -> str:
    for letter, spelled in DANISH_LETTERS.items():
        text = text.replace(letter, spelled)
    # ASCII only: Django drops what NFKD leaves of other accented letters (é→e, ü→u).
    return slugify(text, allow_unicode=False)


class DanishSlugInput(SlugInput):
    """Wagtail's slug field (Stimulus w-slug) with the same spelling in the editor's browser:
    the formatters run before Wagtail's own transliteration, which then drops other accents."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(
            # False leaves the attribute out: ASCII transliteration in the browser.
            attrs={"data-w-slug-allow-unicode-value": False, **(attrs or {})},
            formatters=formatters or list(DANISH_LETTERS.items()),
            locale=locale,
        )
