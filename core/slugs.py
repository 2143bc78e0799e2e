"""Slugs made from titles: Danish letters spelled out (æ→ae, ø→oe, å→aa), other accents dropped.

Wagtail keeps "ø" in a slug made from a title (WAGTAIL_ALLOW_UNICODE_SLUGS) and its browser
transliteration spells "ø" as "o"; the shipped pages and the help text use "oe". Existing
non-ASCII slugs stay valid (the model field allows Unicode).
"""

from django.utils.text import slugify
from wagtail.admin.widgets import SlugInput

# Upper case too: "Ærø" becomes "Aeroe" before slugify lowers it.
DANISH_LETTERS = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
# Letters that Unicode does not decompose into a base letter and an accent.
OTHER_LETTERS = {"ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"}

# The browser has no NFKD in a regular expression, so the common accented Latin letters are
# listed (either case); any other letter is kept, as Wagtail does.
ACCENTED = {
    "a": "àáâãäāăą",
    "c": "çćč",
    "d": "ď",
    "e": "èéêëēėęě",
    "g": "ğ",
    "i": "ìíîïīį",
    "l": "ĺľ",
    "n": "ñńň",
    "o": "òóôõöōő",
    "r": "ŕř",
    "s": "śšş",
    "t": "ťţ",
    "u": "ùúûüūůű",
    "y": "ýÿ",
    "z": "źżž",
}
BROWSER_FORMATTERS = [
    (letter, spelled) for letter, spelled in {**DANISH_LETTERS, **OTHER_LETTERS}.items()
] + [(f"[{letters}]", base, "giu") for base, letters in ACCENTED.items()]


def danish_slugify(text: str) -> str:
    for letter, spelled in {**DANISH_LETTERS, **OTHER_LETTERS}.items():
        text = text.replace(letter, spelled)
    # ASCII only: Django drops what NFKD leaves of other accented letters (é→e, ü→u).
    return slugify(text, allow_unicode=False)


class DanishSlugInput(SlugInput):
    """Wagtail's slug field (Stimulus w-slug) with the same spelling in the editor's browser,
    when the title is copied to the slug and when the slug field is left: the formatters run
    before Wagtail's own clean-up."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or BROWSER_FORMATTERS, locale=locale)
