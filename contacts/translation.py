from modeltranslation.translator import TranslationOptions, register

from contacts.models import ContactPage, ContactPerson
from core.translation import BasePageTranslation


@register(ContactPerson)
class ContactPersonTranslation(TranslationOptions):
    fields = ("role", "unit")
    fallback_languages = {"default": ()}


@register(ContactPage)
class ContactPageTranslation(BasePageTranslation):
    fields = ("body",)
