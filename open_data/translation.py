from modeltranslation.translator import register

from core.translation import BasePageTranslation
from open_data.models import OpenDataPage


@register(OpenDataPage)
class OpenDataPageTranslation(BasePageTranslation):
    fields = ("body",)
