"""Per-language texts of the form page and of the fields editors add to it."""

from modeltranslation.translator import TranslationOptions, register

from core.translation import BasePageTranslation
from participation.models import ParticipationFormField, ParticipationPage


@register(ParticipationPage)
class ParticipationPageTranslation(BasePageTranslation):
    fields = ("intro", "consent_text", "thank_you_text")


@register(ParticipationFormField)
class ParticipationFormFieldTranslation(TranslationOptions):
    fields = ("label", "help_text", "choices", "default_value")
    # No Danish under lang="en": the page form asks for English labels (forms.py).
    fallback_languages = {"default": ()}
