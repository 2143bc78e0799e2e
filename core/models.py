"""The abstract base page every page type is built on, its mixins, and site-wide settings."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.blocks import BodyBlock
from core.documents import read_page_count
from core.languages import (
    DEFAULT_LANGUAGE,
    current_language,
    is_translated,
    language_codes,
    page_url_in,
)
from core.slugs import danish_slugify
from core.storage import document_storage
from core.structured_data import breadcrumb_list, government_organization
from editorial.help_texts import PageForm
from editorial.panels import EnglishCompletenessPanel

# The site's name as visitors see it (header, <title>, shared links), in the page's language.
# Wagtail's Site.site_name (WAGTAIL_SITE_NAME) stays the admin's single, Danish name.
SITE_NAME = _("Resiliente Vejle")

# " – " or " — " between a page's name and its subtitle ("Klimaresiliens – vandet og det grønne").
SUBTITLE_SEPARATOR = re.compile(r"\s+[–—]\s+")


def site_name() -> str:
    return str(SITE_NAME)


def short_title(title: str) -> str:
    """A title without its subtitle, where space is short (breadcrumbs, the back link)."""
    return SUBTITLE_SEPARATOR.split(title or "", maxsplit=1)[0].strip() or title


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
    content_panels = (
        [EnglishCompletenessPanel()]
        + Page.content_panels
        + [FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3}))]
    )
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("contact_person")],
            heading=_("Deling og kontakt"),
        )
    ]

    # The admin's search and title autocomplete in both languages (Page's own "title" follows
    # the editor's admin language). The public search has its own index (site_search).
    search_fields = Page.search_fields + [
        index.SearchField("title_da", boost=2),
        index.SearchField("title_en", boost=2),
        index.AutocompleteField("title_da"),
        index.AutocompleteField("title_en"),
        index.SearchField("summary_da"),
        index.SearchField("summary_en"),
    ]

    # Plain-Danish help texts for fields that have none in their model (editorial/).
    base_form_class = PageForm
    # One preview per language, so editors see the English page before publishing it.
    preview_modes = [("da", "Dansk"), ("en", "English")]
    # Pages journalists consult for whom to call also describe the municipality (JSON-LD).
    describes_organisation = False

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
        """Ancestors below the tree root, home page first (lazy: cached fragments skip it)."""
        return self.get_ancestors().filter(depth__gt=1)

    @property
    def html_title(self) -> str:
        """The <title>: the SEO title (else the title) with the site's name after it."""
        title = self.seo_title or self.title
        name = site_name()
        if self.depth <= 2 or name.casefold() in title.casefold():
            return title  # the home page's title already names the site
        return f"{title} | {name}"

    def get_structured_data(self, request, breadcrumbs) -> list[dict]:
        data = [breadcrumb_list(request, breadcrumbs, self)]
        if self.describes_organisation:
            from contacts.models import ContactPerson

            site_settings = SiteSettings.for_request(request)
            contact = self.contact_person or site_settings.default_contact
            press = list(ContactPerson.press_contacts())
            data.append(government_organization(site_settings, press, contact))
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["alternates"] = self.get_language_alternates(request)
        context["breadcrumbs"] = breadcrumbs = self.get_breadcrumbs()
        # Called by the template only when its cached fragment is cold.
        context["structured_data"] = lambda: self.get_structured_data(request, breadcrumbs)
        return context

    # -- slugs -------------------------------------------------------------------------------
    def _set_core_field_defaults(self):
        """A language's empty slug is made from its title, before Wagtail's own default (which
        would keep "ø" and only knows the admin's language)."""
        if self.path:
            self._slugs_from_titles()
        super()._set_core_field_defaults()

    def _slugs_from_titles(self):
        siblings = None
        for language in language_codes():
            title = getattr(self, f"title_{language}", None)
            if getattr(self, f"slug_{language}", None) or not title:
                continue
            base = danish_slugify(title)
            if not base:
                continue
            if siblings is None:
                siblings = Page.objects.none()
                if self.depth and self.depth > 1:
                    siblings = Page.objects.child_of(self.get_parent()).exclude(pk=self.pk)
            taken = set(
                siblings.filter(**{f"slug_{language}__startswith": base}).values_list(
                    f"slug_{language}", flat=True
                )
            )
            slug, number = base, 1
            while slug in taken:
                number += 1
                slug = f"{base}-{number}"
            setattr(self, f"slug_{language}", slug)

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

    def get_view_restrictions(self):
        """Wagtail checks these before serving; none anywhere is the usual case, so it is
        remembered per content version (PageViewRestriction changes bump it)."""
        # caching/ uses core at import time; core uses caching only when called.
        from caching.lookups import view_restrictions_exist

        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        if not self.is_translated_into(current_language()):
            response = self.untranslated_response(request)
        else:
            response = super().serve(request, *args, **kwargs)
        # Wagtail has checked view restrictions before serve(); previews are never cached.
        if not getattr(request, "is_preview", False):
            from caching.page_cache import mark_cacheable

            mark_cacheable(response, request)
        return response

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


class SiteDocument(AbstractDocument):
    """Wagtail's document plus what a download line shows: language, date and page count."""

    language = models.CharField(
        _("dokumentets sprog"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Vises ved downloadlinket, fx 'Dansk'."),
    )
    published_on = models.DateField(
        _("udgivet"),
        null=True,
        blank=True,
        help_text=_("Datoen, dokumentet blev udgivet. Tom: datoen, det blev lagt op."),
    )
    # Wagtail's field with the documents' own storage: private objects in a bucket
    # (core/storage.py), the same folder on the disk as before without one.
    file = models.FileField(
        upload_to="documents",
        verbose_name=AbstractDocument._meta.get_field("file").verbose_name,
        storage=document_storage,
    )
    # Set by load_initial_content on the summary it ships; a download of a placeholder says so
    # in its link text and shows no date. Uploading a new file clears it (save()).
    is_placeholder = models.BooleanField(
        _("pladsholder"),
        default=False,
        help_text=_(
            "Filen er en midlertidig pladsholder, ikke det rigtige dokument: links til den "
            "siger 'pladsholder', og der vises ingen udgivelsesdato. Slås fra af sig selv, "
            "når du lægger en ny fil op."
        ),
    )
    # Read once from the file when it is uploaded, not on every request.
    page_count = models.PositiveIntegerField(_("antal sider"), null=True, editable=False)
    # When the file itself last changed: Last-Modified of the stable download address.
    file_changed_at = models.DateTimeField(null=True, editable=False)

    admin_form_fields = (
        "title",
        "file",
        "language",
        "published_on",
        "is_placeholder",
        "collection",
        "tags",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")

    def save(self, *args, **kwargs):
        file_is_new = self._file_is_new()
        if file_is_new or (self.page_count is None and self.file and self.is_pdf):
            self.page_count = read_page_count(self) if self.is_pdf else None
            self.file_changed_at = timezone.now()
        if file_is_new and self.pk is not None:
            # A new file in place of the placeholder is the real document.
            self.is_placeholder = False
        super().save(*args, **kwargs)

    def _file_is_new(self) -> bool:
        if not self.file:
            return False
        if self.pk is None:
            return True
        stored = type(self).objects.filter(pk=self.pk).values_list("file", "file_hash").first()
        return stored != (self.file.name, self.file_hash)

    def get_page_count(self) -> int | None:
        """The stored page count; read once and stored for PDFs uploaded before it existed."""
        if self.page_count is None and self.file and self.is_pdf:
            self.page_count = read_page_count(self)
            if self.page_count is not None and self.pk:
                type(self).objects.filter(pk=self.pk).update(page_count=self.page_count)
        return self.page_count

    @property
    def is_pdf(self) -> bool:
        return self.file_extension.lower() == "pdf"

    @property
    def published_date(self):
        """The date shown as 'published': the editor's date, else the upload date; none for a
        placeholder (its upload day is not a publication of anything)."""
        if self.is_placeholder:
            return self.published_on
        return self.published_on or timezone.localdate(self.created_at)

    @property
    def last_modified(self):
        return self.file_changed_at or self.created_at


class ImageDescription(models.Model):
    """The English description (alt text) of an image in Wagtail's image library.

    Wagtail's own `description` stays the Danish one (so existing images keep theirs), and
    wagtailimages' models cannot take modeltranslation fields (their migrations live in
    site-packages); a custom image model would mean moving every existing image. So the English
    text sits beside the image, one row per image that has one (core/image_alt.py reads it).
    """

    image = models.OneToOneField(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="english_description",
    )
    description_en = models.CharField(_("beskrivelse (engelsk)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("engelsk billedbeskrivelse")
        verbose_name_plural = _("engelske billedbeskrivelser")

    def __str__(self):
        return self.description_en


class AlertLevel(models.TextChoices):
    INFORMATION = "information", _("Information")
    WARNING = "warning", _("Advarsel")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide values that editors change without a developer."""

    # Every page shows the share image (the footer, with the contact, is a cached fragment).
    select_related = ["default_social_image"]

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
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("standardbillede til deling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Vises, når en side uden eget delingsbillede deles på sociale medier. "
            "Mindst 1200 × 630 pixel."
        ),
    )
    municipality_name = models.CharField(
        _("kommunens navn"), max_length=100, default="Vejle Kommune"
    )
    municipality_url = models.URLField(
        _("kommunens hjemmeside"),
        default="https://www.vejle.dk/",
        help_text=_("Linkes fra sidefoden og står i sidernes strukturerede data."),
    )
    press_page_url = models.URLField(
        _("kommunens side om kontakt og presse"),
        blank=True,
        help_text=_(
            "Linkes fra presseboksen på strategisiden og kontaktsiden, så journalister kan nå "
            "kommunen. Tom: kommunens hjemmeside."
        ),
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
    security_contact = models.CharField(
        _("kontakt om sikkerhedshuller"),
        max_length=254,
        blank=True,
        help_text=_(
            "E-mailadresse eller https-adresse, hvor man kan melde et sikkerhedshul. Står i "
            "/.well-known/security.txt. Tom: filen findes ikke."
        ),
    )

    # A site-wide banner, e.g. a storm-surge warning; text per language (core/translation.py).
    alert_enabled = models.BooleanField(
        _("vis varsel"),
        default=False,
        help_text=_(
            "Varslet vises øverst på alle sider, så længe det er slået til og inden "
            "for tidsrummet nedenfor."
        ),
    )
    alert_level = models.CharField(
        _("type"),
        max_length=20,
        choices=AlertLevel.choices,
        default=AlertLevel.INFORMATION,
        help_text=_("Advarsler læses op med det samme af skærmlæsere; information, når der er ro."),
    )
    alert_text = models.TextField(
        _("tekst"),
        max_length=400,
        blank=True,
        help_text=_(
            "Kort og klart, fx 'Stormflod ventes i aften. Følg beredskabets råd.' "
            "Uden engelsk tekst vises den danske også på de engelske sider."
        ),
    )
    alert_link_url = models.URLField(
        _("link"), blank=True, help_text=_("Valgfrit: hvor man kan læse mere.")
    )
    alert_link_text = models.CharField(
        _("linktekst"), max_length=80, blank=True, help_text=_("Tom: 'Læs mere'.")
    )
    alert_starts_at = models.DateTimeField(
        _("vis fra"), null=True, blank=True, help_text=_("Tom: med det samme.")
    )
    alert_ends_at = models.DateTimeField(
        _("vis til"), null=True, blank=True, help_text=_("Tom: indtil det slås fra.")
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("alert_enabled"),
                FieldPanel("alert_level"),
                FieldPanel("alert_text", widget=forms.Textarea(attrs={"rows": 3})),
                FieldPanel("alert_link_url"),
                FieldPanel("alert_link_text"),
                FieldPanel("alert_starts_at"),
                FieldPanel("alert_ends_at"),
            ],
            heading=_("Varsel på alle sider"),
        ),
        FieldPanel("default_contact"),
        FieldPanel("default_social_image"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "municipality_name",
                    help_text=_("Står i sidefoden og i sidernes strukturerede data."),
                ),
                FieldPanel("municipality_url"),
                FieldPanel("press_page_url"),
            ],
            heading=_("Kommunen"),
        ),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_statement_domain"),
        FieldPanel("security_contact"),
    ]

    class Meta:
        verbose_name = _("indstillinger for sitet")

    @classmethod
    def for_site(cls, site):
        """Read once per content version: every page needs them, and every save bumps it."""
        from caching.lookups import remembered

        if site is None:
            return super().for_site(site)
        return remembered(
            f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site)
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.alert_enabled and not (self.alert_text_da or "").strip():
            errors["alert_text_da"] = _("Skriv varslets tekst på dansk, før du slår det til.")
        if (
            self.alert_starts_at
            and self.alert_ends_at
            and self.alert_ends_at <= self.alert_starts_at
        ):
            errors["alert_ends_at"] = _("Sluttidspunktet skal ligge efter starttidspunktet.")
        if self.security_contact and not self.security_contact_uri():
            errors["security_contact"] = _(
                "Skriv en e-mailadresse eller en adresse, der begynder med https://."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def press_page_link(self) -> str:
        """Where the press block sends journalists: the press page, else the municipality."""
        return self.press_page_url or self.municipality_url

    def security_contact_uri(self) -> str:
        """The security contact as security.txt's Contact: mailto: or https:, else ''."""
        value = self.security_contact.strip()
        try:
            if value.startswith("https://"):
                URLValidator(schemes=["https"])(value)
                return value
            address = value.removeprefix("mailto:")
            validate_email(address)
        except ValidationError:
            return ""
        return f"mailto:{address}"

    def alert_is_showing(self, now=None) -> bool:
        """Switched on, has Danish text and is inside its time window."""
        if not self.alert_enabled or not (self.alert_text_da or "").strip():
            return False
        now = now or timezone.now()
        if self.alert_starts_at and now < self.alert_starts_at:
            return False
        return not (self.alert_ends_at and now >= self.alert_ends_at)

    def alert_in_language(self, language: str) -> dict:
        """The banner's text and link text in `language`, else Danish, and which one it is."""
        text = (getattr(self, f"alert_text_{language}", "") or "").strip()
        shown_in = language if text else DEFAULT_LANGUAGE
        return {
            "text": text or self.alert_text_da,
            "link_text": getattr(self, f"alert_link_text_{shown_in}", "") or "",
            "language": shown_in,
        }
