"""Contact persons (a snippet any page can show) and the contact page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage
from editorial.help_texts import ModelForm


class ContactPerson(index.Indexed, models.Model):
    """A member of staff citizens and journalists can contact.

    Datatilsynet: name, role, work phone and work e-mail may be published; a photo only with
    the person's consent.
    """

    name = models.CharField(_("navn"), max_length=150)
    role = models.CharField(_("stilling"), max_length=200, blank=True)
    unit = models.CharField(_("afdeling"), max_length=200, blank=True)
    email = models.EmailField(_("arbejdsmail"), blank=True)
    phone = models.CharField(
        _("arbejdstelefon"), max_length=30, blank=True, help_text=_("Fx +45 76 81 00 00.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_consent = models.BooleanField(
        _("samtykke til foto"),
        default=False,
        help_text=_("Personen har givet samtykke til, at fotoet vises på sitet."),
    )

    is_press_contact = models.BooleanField(
        _("pressekontakt"),
        default=False,
        help_text=_(
            "Kun hvis personen faktisk tager imod henvendelser fra pressen: vises så under "
            "'Presse' på strategisiden og kontaktsiden og som pressekontakt i sidernes "
            "strukturerede data."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("unit"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("is_press_contact")],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_consent")], heading=_("Foto")),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # Plain-Danish help texts for the fields above that have none (editorial/).
    base_form_class = ModelForm

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_consent:
            raise ValidationError(
                {"photo_consent": _("Et foto må kun vises med personens samtykke.")}
            )

    @classmethod
    def press_contacts(cls):
        return cls.objects.filter(is_press_contact=True).select_related("photo")

    @property
    def visible_photo(self):
        return self.photo if self.photo_consent else None

    @property
    def phone_href(self) -> str:
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


class ContactPage(BasePage):
    """Whom to contact about the resilience work."""

    body = StreamField(BodyBlock(), verbose_name=_("indhold"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        InlinePanel("people", label=_("Kontaktperson"), heading=_("Kontaktpersoner")),
    ]

    parent_page_types = ["strategy.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    describes_organisation = True

    template = "contacts/contact_page.html"

    def listed_person_ids(self) -> set[int]:
        """The people this page shows itself: the footer and the press block leave them out."""
        return {entry.person_id for entry in self.people.all()}

    def get_context(self, request, *args, **kwargs):
        from caching.context_processors import fragment_cache

        context = super().get_context(request, *args, **kwargs)
        # The footer leaves out the card of a person listed here, so that each person is shown
        # once. Its cached fragment (base.html) is shared by all pages with the same contact
        # person; this page's fragments get a scope of their own.
        context["fragment_scope"] = f"{fragment_cache(request)['fragment_scope']}:contact-page"
        return context

    class Meta:
        verbose_name = _("kontaktside")
        verbose_name_plural = _("kontaktsider")


class ContactPagePerson(Orderable):
    """A contact person listed on the contact page, in the editor's order."""

    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        ContactPerson, verbose_name=_("kontaktperson"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]
