"""The abstract base page every page type is built on, its mixins, and site-wide settings."""

from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from core.blocks import BodyBlock
from core.languages import (
    DEFAULT_LANGUAGE,
    current_language,
    is_translated,
    language_codes,
    page_url_in,
)


class ListingFieldsMixin(models.Model):
    """The short text shown at the top of a page and wherever the page is listed."""

    summary = models.TextField(
        _("resumé"),
        blank=True,
        max_length=400,
        help_text=_(
            "Et eller to korte afsnit: vises øverst på siden, i oversigter og som beskrivelse "
            "i søgemaskiner, når feltet 'Søgebeskrivelse' er tomt."
        ),
    )

    class Meta:
        abstract = True


class SocialMetaMixin(models.Model):
    """What a page looks like when it is shared (the social image)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("billede til deling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vises, når siden deles på sociale medier. Bruges ikke på selve siden."),
    )

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        return (self.search_description or self.summary or "").strip()


class ContactBlockMixin(models.Model):
    """The contact person shown in the page's contact block (the site default otherwise)."""

    contact_person = models.ForeignKey(
        "contacts.ContactPerson",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vises i sidens kontaktboks. Tom: sitets standardkontakt (Indstillinger)."),
    )

    class Meta:
        abstract = True


class BasePage(ListingFieldsMixin, SocialMetaMixin, ContactBlockMixin, Page):
    """Shared behaviour: per-language serving and preview, breadcrumbs, alternates."""

    # Concrete page types extend these; modeltranslation splits each translated field per language.
    content_panels = Page.content_panels + [
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3}))
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("contact_person")],
            heading=_("Deling og kontakt"),
        )
    ]

    # One preview per language, so editors see the English page before publishing it.
    preview_modes = [("da", "Dansk"), ("en", "English")]

    class Meta:
        abstract = True

    # -- languages ---------------------------------------------------------------------------
    def is_translated_into(self, language: str) -> bool:
        return is_translated(self, language)

    def get_language_alternates(self, request=None) -> list[dict]:
        """One entry per language: its URL and whether this page exists in it."""
        alternates = []
        for code, name in settings.LANGUAGES:
            alternates.append(
                {
                    "code": code,
                    "name": name,
                    "translated": self.is_translated_into(code),
                    "url": page_url_in(self, code, request),
                    "current": code == current_language(),
                }
            )
        return alternates

    def get_breadcrumbs(self):
        """Ancestors below the tree root, home page first; the current page comes last."""
        return list(self.get_ancestors().filter(depth__gt=1))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["alternates"] = self.get_language_alternates(request)
        context["breadcrumbs"] = self.get_breadcrumbs()
        return context

    # -- serving -----------------------------------------------------------------------------
    def untranslated_response(self, request) -> HttpResponse:
        """The page asked for in a language it has no text in: say so and link to Danish."""
        context = {
            "page": self,
            "self": self,
            "request": request,
            "alternates": self.get_language_alternates(request),
            "danish_url": page_url_in(self, DEFAULT_LANGUAGE, request),
            "danish_title": self.title_da,
        }
        response = TemplateResponse(request, "core/untranslated_page.html", context)
        response["X-Robots-Tag"] = "noindex"
        return response

    def serve(self, request, *args, **kwargs):
        if not self.is_translated_into(current_language()):
            return self.untranslated_response(request)
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in language_codes() else DEFAULT_LANGUAGE
        # Render inside the language, so template strings, URLs and fields follow it.
        with translation.override(language):
            request.LANGUAGE_CODE = language
            if self.is_translated_into(language):
                response = super().serve_preview(request, mode_name)
            else:
                response = self.untranslated_response(request)
            response.render()
        return response


class InformationPage(BasePage):
    """A plain text page, e.g. the privacy page."""

    body = StreamField(BodyBlock(), verbose_name=_("indhold"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["strategy.HomePage"]
    subpage_types: list[str] = []

    template = "core/information_page.html"

    class Meta:
        verbose_name = _("informationsside")
        verbose_name_plural = _("informationssider")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide values that editors change without a developer."""

    default_contact = models.ForeignKey(
        "contacts.ContactPerson",
        verbose_name=_("standardkontakt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vises i sidefoden og på sider uden egen kontaktperson."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("side om privatliv"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linkes fra sidefoden."),
    )
    accessibility_statement_domain = models.CharField(
        _("domæne i tilgængelighedserklæringen"),
        max_length=253,
        default="resilient.vejle.dk",
        help_text=_(
            "Domænet, som erklæringen er lavet for i Digitaliseringsstyrelsens WAS-værktøj. "
            "/was sender videre til https://was.digst.dk/<domæne>."
        ),
    )

    panels = [
        FieldPanel("default_contact"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_statement_domain"),
    ]

    class Meta:
        verbose_name = _("indstillinger for sitet")
