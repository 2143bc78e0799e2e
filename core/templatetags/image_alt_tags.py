"""`{% image_alt image as alt %}`: an image's alt text in the page's language (core/image_alt)."""

from django import template

from core.image_alt import alt_text
from core.languages import current_language

register = template.Library()


@register.simple_tag
def image_alt(image):
    return alt_text(image, current_language())
