from django import template

from caching.lookups import public_pages
from core.languages import translated_only
from open_data.models import OpenDataPage

register = template.Library()


@register.simple_tag
def open_data_page():
    """The live /data/ page in the current language, or None (the footer is cached)."""
    return translated_only(public_pages(OpenDataPage.objects.live())).first()
