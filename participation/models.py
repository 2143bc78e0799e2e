"""The citizens' input form ("Del din idé"): a Wagtail form page that needs no cookie.

Editors build the fields (wagtail.contrib.forms); every post is checked in forms.py and
guards.py (same origin, honeypot, time trap, rate limit, size) before anything is stored or
mailed. Submissions keep no IP address and are deleted after the page's retention period
(`manage.py delete_old_submissions`).
"""

import logging

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from core.languages import current_language
from core.models import BasePage
from participation import guards
from participation.forms import (
    HONEYPOT,
    STAMP,
    TRAP_FIELDS,
    ParticipationFormBuilder,
    ParticipationPageForm,
    make_stamp,
)

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 180
# The thank-you page's last path segment per language (POST/redirect/GET lands here).
THANKS_SEGMENT = {"da": "tak", "en": "thank-you"}
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class ParticipationFormField(AbstractFormField):
    """A field editors add to the form; label, help text and choices per language."""

    page = ParentalKey("ParticipationPage", on_delete=models.CASCADE, related_name="form_fields")

    def get_field_clean_name(self):
        # From the Danish label, whatever the editor's admin language: the key under which
        # answers in both languages are stored must be one and the same.
        # æ, ø and å spelled as Danes do without them (Wagtail would write "xe6" for æ).
        return get_field_clean_name((self.label_da or self.label).translate(DANISH_LETTERS))


class ParticipationSubmission(AbstractFormSubmission):
    """One citizen's answers (no IP address, no user: the form is anonymous)."""

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("indsendelse")
        verbose_name_plural = _("indsendelser")
        indexes = [models.Index(fields=["page", "submit_time"])]


class ParticipationPage(BasePage, AbstractEmailForm):
    """A form citizens fill in without cookies; answers go to the database and by e-mail."""

    intro = RichTextField(_("introduktion"), blank=True, features=RICH_TEXT_FEATURES)
    consent_text = RichTextField(
        _("samtykketekst"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Står over send-knappen: hvad vi bruger svarene til. Hvor længe vi gemmer dem, "
            "skrives automatisk under teksten."
        ),
    )
    thank_you_text = RichTextField(
        _("tak-tekst"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Vises efter afsendelse."),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("opbevaring i dage"),
        default=DEFAULT_RETENTION_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("Indsendelser slettes automatisk, når de er så mange dage gamle."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Felter")),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
        FieldPanel("retention_days"),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading=_("E-mail med hver indsendelse"),
        ),
    ]

    parent_page_types = ["strategy.PillarPage"]
    subpage_types: list[str] = []
    template = "participation/participation_page.html"
    landing_page_template = "participation/participation_page_landing.html"
    base_form_class = ParticipationPageForm
    form_builder = ParticipationFormBuilder

    class Meta:
        verbose_name = _("formular til borgere")
        verbose_name_plural = _("formularer til borgere")

    # -- Wagtail forms ---------------------------------------------------------------------
    def get_submission_class(self):
        return ParticipationSubmission

    def process_form_submission(self, form):
        # form.clean() has dropped the trap fields already; this keeps them out for certain.
        data = {name: value for name, value in form.cleaned_data.items() if name not in TRAP_FIELDS}
        submission = ParticipationSubmission.objects.create(form_data=data, page=self)
        if self.to_address:
            try:
                self.send_mail(form)
            except (
                Exception
            ):  # the answers are stored: a mail server that is down must not lose them
                logger.exception("The notification e-mail for submission %s failed", submission.pk)
        return submission

    def send_mail(self, form):
        if not self.subject:  # a recognisable subject even when the editor left it empty
            self.subject = f"{self.title}: {_('ny indsendelse')}"
        super().send_mail(form)

    def render_email(self, form):
        lines = [super().render_email(form), "", f"{_('Sprog')}: {current_language()}"]
        lines.append(f"{_('Side')}: {self.full_url}")
        return "\n".join(lines)

    # -- addresses -------------------------------------------------------------------------
    def thanks_url(self) -> str:
        return f"{self.url}{THANKS_SEGMENT.get(current_language(), THANKS_SEGMENT['da'])}/"

    def route_with_thanks(self, request, path_components):
        """The thank-you page below the form's own address. Installed as
        ParticipationPage.route by ParticipationConfig.ready, after wagtail-modeltranslation
        has replaced every page type's route()."""
        if path_components == [THANKS_SEGMENT.get(current_language())] and self.live:
            return RouteResult(self, kwargs={"thanks": True})
        return Page.route(self, request, path_components)

    # -- serving ---------------------------------------------------------------------------
    def serve(self, request, *args, thanks=False, **kwargs):
        """Never page-cached (unlike BasePage.serve): the form carries a fresh time-trap stamp,
        which a cached copy would make stale for everyone, and a post's answers or errors must
        never be kept. The thank-you page is cheap, reached once per post, and so not cached
        either (nothing to drop from the cache when its text changes)."""
        if not self.is_translated_into(current_language()):
            response = self.untranslated_response(request)
        elif thanks:
            response = self.render_landing_page(request)
        elif request.method == "POST":
            response = self.serve_post(request)
        else:
            response = self.render_form(request, self.get_form(page=self))
        add_never_cache_headers(response)
        return response

    def get_form(self, *args, **kwargs):
        kwargs.pop("user", None)  # anonymous form: never touch the session for request.user
        return super().get_form(*args, **kwargs)

    def render_form(self, request, form, *, refusal=None, status=200):
        context = self.get_context(request)
        context.update(form=form, refusal=refusal)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def serve_post(self, request):
        if not getattr(request, "participation_same_origin", False):
            # Only middleware.SameOriginFormMiddleware lets a post reach this page.
            return guards.refused_cross_site(request)
        refusal = guards.check_post(request, self)
        if refusal is not None:
            message, status = refusal
            return self.render_form(
                request, self.get_form(page=self), refusal=message, status=status
            )
        trap = guards.check_traps(request.POST)
        if trap is not None:
            # Nothing is stored; the answers come back (a person whose browser filled in the
            # honeypot loses nothing) with an empty honeypot and a fresh stamp.
            data = request.POST.copy()
            data[HONEYPOT] = ""
            data[STAMP] = make_stamp()
            form = self.get_form(data, page=self)
            return self.render_form(request, form, refusal=trap, status=400)
        form = self.get_form(request.POST, page=self)
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        self.process_form_submission(form)
        return redirect(self.thanks_url())

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        context = self.get_context(request)
        return TemplateResponse(request, self.get_landing_page_template(request), context)
