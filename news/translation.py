from modeltranslation.translator import register

from core.translation import BasePageTranslation
from news.models import NewsIndexPage, NewsPage


@register(NewsIndexPage)
class NewsIndexPageTranslation(BasePageTranslation):
    fields = ("body",)


@register(NewsPage)
class NewsPageTranslation(BasePageTranslation):
    fields = ("body",)
