"""News: an index page (/nyheder/, /en/news/) and dated news pages below it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from caching.lookups import public_pages
from core.blocks import BodyBlock
from core.languages import translated_only
from core.listing import paginated
from core.models import BasePage


def live_news(language: str | None = None):
    """Live, public news pages translated into `language`, newest first."""
    pages = translated_only(public_pages(NewsPage.objects.live()), language)
    return pages.order_by("-date", "-first_published_at", "-pk")


class DatePrecision(models.TextChoices):
    """How much of the date is known: a source may give only the month or the year."""

    DAY = "day", _("Dag")
    MONTH = "month", _("Måned")
    YEAR = "year", _("År")


class NewsIndexPage(BasePage):
    """The news section: every news item in the page's language, newest first, paginated."""

    body = StreamField(BodyBlock(), verbose_name=_("indhold"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("nyhedsoversigt")
        verbose_name_plural = _("nyhedsoversigter")

    def get_news(self):
        return translated_only(public_pages(NewsPage.objects.child_of(self).live())).order_by(
            "-date", "-first_published_at", "-pk"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: only evaluated when the cached listing fragment is cold.
        context["news_items"] = lambda: paginated(request, self.get_news())
        return context


class NewsPage(BasePage):
    """One dated news item with summary, text, an optional image and the projects it concerns."""

    date = models.DateField(
        _("dato"), default=timezone.localdate, help_text=_("Nyhedens dato, som den vises.")
    )
    date_precision = models.CharField(
        _("datoens nøjagtighed"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Vis kun måned og år (eller kun året), når kilden ikke nævner dagen."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("billede"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vises øverst i nyheden. Billedets beskrivelse bruges som alt-tekst."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("indhold"), blank=True)
    related_projects = ParentalManyToManyField(
        "strategy.ProjectPage",
        verbose_name=_("relaterede projekter"),
        blank=True,
        related_name="news",
        help_text=_("Projekter, nyheden handler om; de linkes nederst i nyheden."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("date_precision"),
                FieldPanel("image"),
                FieldPanel("related_projects"),
            ],
            heading=_("Om nyheden"),
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("nyhed")
        verbose_name_plural = _("nyheder")

    def get_related_projects(self):
        from strategy.models import ProjectPage

        # In previews the relation holds unsaved choices (not a queryset), so go by id.
        chosen = [project.pk for project in self.related_projects.all()]
        projects = public_pages(ProjectPage.objects.filter(pk__in=chosen).live())
        return translated_only(projects.order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_projects"] = self.get_related_projects
        return context
