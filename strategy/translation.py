from modeltranslation.translator import TranslationOptions, register

from core.translation import BasePageTranslation
from strategy.models import (
    HomePage,
    NetworkPage,
    PartnerCity,
    PillarPage,
    PrinciplePage,
    PrinciplesIndexPage,
    ProjectCatalogPage,
    ProjectPage,
    StrategyPage,
)


@register(HomePage)
class HomePageTranslation(BasePageTranslation):
    fields = ("body",)


@register(StrategyPage)
class StrategyPageTranslation(BasePageTranslation):
    fields = ("adopted_by", "strategy_document", "body")


@register(PillarPage)
class PillarPageTranslation(BasePageTranslation):
    fields = ("body",)


@register(ProjectPage)
class ProjectPageTranslation(BasePageTranslation):
    fields = ("body",)


@register(ProjectCatalogPage)
class ProjectCatalogPageTranslation(BasePageTranslation):
    fields = ("body",)


@register(PrinciplesIndexPage)
class PrinciplesIndexPageTranslation(BasePageTranslation):
    fields = ("body",)


@register(PrinciplePage)
class PrinciplePageTranslation(BasePageTranslation):
    fields = ("body",)


@register(NetworkPage)
class NetworkPageTranslation(BasePageTranslation):
    fields = ("body",)


@register(PartnerCity)
class PartnerCityTranslation(TranslationOptions):
    # City names are proper nouns and stay as written; the country is translated.
    fields = ("country",)
    fallback_languages = {"default": ()}
