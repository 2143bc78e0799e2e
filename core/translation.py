"""Fields translated with modeltranslation (Page's own are registered by the package)."""

from modeltranslation.translator import TranslationOptions, register

from core.models import InformationPage, SiteSettings


class BasePageTranslation(TranslationOptions):
    """Translated fields every page has; page types extend `fields`."""

    fields = ("summary",)
    # English fields stay empty rather than showing Danish text under lang="en".
    fallback_languages = {"default": ()}


@register(InformationPage)
class InformationPageTranslation(BasePageTranslation):
    fields = ("body",)


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("alert_text", "alert_link_text")
    fallback_languages = {"default": ()}
