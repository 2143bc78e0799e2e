from core.translation import BasePageTranslation
from modeltranslation.translator import register

from open_data.models import OpenDataPage


@register(OpenDataPage)
class OpenDataPageTranslation(BasePageTranslation):
    fields = ("body",)
