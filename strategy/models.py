"""Page types of the resilience strategy: home, strategy, pillars, projects, principles, network."""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from caching.lookups import public_pages, remembered
from core.blocks import BodyBlock
from core.languages import current_language, translated_only
from core.listing import PER_PAGE, paginated
from core.models import BasePage
from strategy import catalogue


def body_field():
    return StreamField(BodyBlock(), verbose_name=_("indhold"), blank=True)


class HomePage(BasePage):
    """Resiliente Vejle's front page: the introduction, the quote and the way into the strategy."""

    body = body_field()

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "strategy.StrategyPage",
        "strategy.PrinciplesIndexPage",
        "strategy.ProjectCatalogPage",
        "strategy.NetworkPage",
        "contacts.ContactPage",
        "core.InformationPage",
        "news.NewsIndexPage",
        "open_data.OpenDataPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("forside")
        verbose_name_plural = _("forsider")

    def route_by_url_path(self, request, path_components):
        """Find a page below the home page in one query by its path in the active language.

        wagtail-modeltranslation's route walks the tree a level at a time and loads every
        child of each level (a pillar with 1,000 projects: 1,000 rows per request). The
        url_path_da/url_path_en columns hold each page's full path, so one lookup finds it; a
        path that is not there (e.g. a Danish slug under /en/) takes the walk with fallbacks.
        Installed as HomePage.route by StrategyConfig.ready, after the package's patch.
        """
        if path_components:
            path = f"{self.url_path}{'/'.join(path_components)}/"
            language = current_language()
            # (page id, type id) per path, remembered until the next edit (content version).
            found = remembered(
                f"route:{language}:{hashlib.sha1(path.encode()).hexdigest()}",
                lambda: (
                    (
                        Page.objects.filter(**{f"url_path_{language}": path})
                        .descendant_of(self)
                        .values_list("pk", "content_type_id")
                        .first()
                    )
                    or ()
                ),
            )
            if found:
                page_id, type_id = found
                model = ContentType.objects.get_for_id(type_id).model_class()
                target = model.objects.filter(pk=page_id).first() if model else None
                if target is not None:
                    return target.route(request, [])
        return Page.route(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: evaluated only when the home page's cached listing fragments are cold.
        context["sections"] = lambda: self.featured_sections(request)
        context["pillars"] = lambda: self.listing_of(StrategyPage, "get_pillars")
        context["principles"] = lambda: self.listing_of(PrinciplesIndexPage, "get_principles")
        context["matrix_href"] = self.matrix_href
        return context

    def matrix_href(self) -> str:
        """The catalogue's pillar × principle table (where the principles row leads), or ''."""
        url = catalogue.catalogue_url(catalogue.home_path_of(self))
        return f"{url}#matrix-heading" if url else ""

    def featured_sections(self, request):
        """The sections below the home page as cards, except the privacy page (in the footer)."""
        from core.models import SiteSettings

        sections = translated_only(public_pages(self.get_children().live()).specific())
        privacy_id = SiteSettings.for_request(request).privacy_page_id
        return sections.exclude(pk=privacy_id) if privacy_id else sections

    def listing_of(self, section_type, method: str):
        """The pillars (or principles) below this home page's strategy (or principles) page."""
        section = translated_only(public_pages(section_type.objects.child_of(self).live())).first()
        return getattr(section, method)() if section else []


class StrategyPage(BasePage):
    """The strategy "Vi gør udfordringer til muligheder" as adopted, with its PDF per language."""

    adopted_by = models.CharField(
        _("vedtaget af"), max_length=120, blank=True, help_text=_("Fx 'Vejle Byråd'.")
    )
    adopted_year = models.PositiveSmallIntegerField(
        _("vedtaget år"), null=True, blank=True, help_text=_("Fx 2016.")
    )
    strategy_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("strategien som PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Dokumentet på sidens sprog. Det hentes altid fra den faste adresse "
            "/strategien.pdf (dansk) eller /en/strategy.pdf (engelsk), også når du skifter "
            "filen ud."
        ),
    )
    body = body_field()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("adopted_by"), FieldPanel("adopted_year"), FieldPanel("strategy_document")],
            heading=_("Vedtagelse og dokument"),
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = ["strategy.PillarPage"]
    max_count = 1
    describes_organisation = True

    class Meta:
        verbose_name = _("strategiside")
        verbose_name_plural = _("strategisider")

    def get_pillars(self):
        return translated_only(public_pages(PillarPage.objects.child_of(self).live()))

    def get_context(self, request, *args, **kwargs):
        from strategy.downloads import strategy_download

        context = super().get_context(request, *args, **kwargs)
        context["pillars"] = self.get_pillars()
        context["download"] = lambda: strategy_download(self)
        return context


class PillarTheme(models.TextChoices):
    """The colour and icon of a pillar on the site."""

    CLIMATE = "climate", _("Klima – vand og grønt (blågrøn, dråbe)")
    SOCIAL = "social", _("Socialt – fællesskab (varm, hænder)")
    DEMOCRACY = "democracy", _("Demokrati – dialog (blå, taleboble)")


class PillarPage(BasePage):
    """One of the strategy's three pillars; lists the resilience projects below it."""

    theme = models.CharField(
        _("farve og ikon"),
        max_length=20,
        choices=PillarTheme.choices,
        default=PillarTheme.CLIMATE,
        help_text=_("Søjlens farve og ikon på sitet."),
    )
    body = body_field()

    content_panels = BasePage.content_panels + [FieldPanel("theme"), FieldPanel("body")]

    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = ["strategy.ProjectPage", "participation.ParticipationPage"]

    class Meta:
        verbose_name = _("strategisk søjle")
        verbose_name_plural = _("strategiske søjler")

    @property
    def number(self) -> int:
        """Position among the pillars, from the order in the page tree (1, 2, 3)."""
        return PillarPage.objects.sibling_of(self).filter(path__lt=self.path).count() + 1

    def get_projects(self):
        return translated_only(public_pages(ProjectPage.objects.child_of(self).live()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home_path = catalogue.home_path_of(self)
        context["projects"] = lambda: with_cards(paginated(request, self.get_projects()), home_path)
        # Lazy: only the cold fragment asks (a remembered lookup then).
        context["catalogue_href"] = lambda: catalogue_link(home_path, pillar=self.slug)
        return context


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    ONGOING = "ongoing", _("I gang")
    COMPLETED = "completed", _("Afsluttet")


class ProjectPage(BasePage):
    """A resilience project under a pillar, tagged with the principles it applies."""

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProjectStatus.choices,
        blank=True,
        help_text=_("Tom, hvis status ikke er kendt; så vises den ikke."),
    )
    principles = ParentalManyToManyField(
        "strategy.PrinciplePage",
        verbose_name=_("principper"),
        blank=True,
        related_name="projects",
        help_text=_("De principper, projektet bygger på."),
    )
    external_link = models.URLField(
        _("link til projektets egen side"), blank=True, help_text=_("Valgfrit.")
    )
    body = body_field()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("principles"), FieldPanel("external_link")],
            heading=_("Om projektet"),
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["strategy.PillarPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("resiliensprojekt")
        verbose_name_plural = _("resiliensprojekter")

    def get_principles(self):
        # In previews the relation holds unsaved choices (not a real queryset), so go by id.
        chosen = [principle.pk for principle in self.principles.all()]
        principles = public_pages(PrinciplePage.objects.filter(pk__in=chosen).live())
        return translated_only(principles.order_by("path"))

    def get_related(self, limit: int = 3) -> list:
        """Projects under the same pillar or sharing a principle, most shared principles first."""
        home_path = catalogue.home_path_of(self)
        opts = catalogue.options(home_path)
        ids = [principle.pk for principle in self.principles.all()]
        through = ProjectPage.principles.through
        shared = (
            through.objects.filter(projectpage_id=OuterRef("pk"), principlepage_id__in=ids)
            .order_by()
            .values("projectpage_id")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        same_pillar = Q(path__startswith=self.path[: -Page.steplen])
        sharing = Q(pk__in=through.objects.filter(principlepage_id__in=ids).values("projectpage"))
        related = (
            catalogue.projects_of(opts.pillars)
            .exclude(pk=self.pk)
            .filter(same_pillar | sharing)
            .annotate(
                shared=Coalesce(Subquery(shared), 0),
                same=Case(When(same_pillar, then=1), default=0, output_field=IntegerField()),
            )
            .order_by("-shared", "-same", "path")[:limit]
        )
        return catalogue.with_pillar_and_principles(
            related, opts, catalogue.catalogue_url(home_path)
        )

    def get_facts(self) -> dict:
        """The pillar and the principles, linked to the filtered catalogue (if there is one)."""
        home_path = catalogue.home_path_of(self)
        opts = catalogue.options(home_path)
        url = catalogue.catalogue_url(home_path)
        pillar = opts.pillar_of(self)
        chosen = {principle.pk for principle in self.get_principles()}
        return {
            "pillar": catalogue.linked(pillar, "pillar", url) if pillar else None,
            "principles": [
                catalogue.linked(principle, "principle", url)
                for principle in opts.principles
                if principle.pk in chosen
            ],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["facts"] = self.get_facts
        context["related"] = self.get_related
        return context


class ProjectCatalogPage(BasePage):
    """Every live project, filtered by pillar, principle and status, and the pillar ×
    principle matrix (at /projekter/ and /en/projects/ in the initial content)."""

    body = body_field()

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["strategy.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("projektkatalog")
        verbose_name_plural = _("projektkataloger")

    def selection(self, request) -> catalogue.Selection:
        opts = catalogue.options(catalogue.home_path_of(self))
        selection = catalogue.Selection.from_query(opts, request.GET)
        # Past the last page: the last page (its own address, so no variant per number).
        selection.page = min(selection.page, selection.last_page(self.pk))
        return selection

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False) and self.is_translated_into(
            current_language()
        ):
            selection = self.selection(request)
            canonical = selection.query_string()
            # Unknown, empty or repeated values or another order: one address per result
            # (shareable, and one page-cache entry each, never unbounded). Parameters the
            # catalogue does not read (utm_source, ...) are left alone, as the page cache does.
            given = urlencode(
                [
                    (name, value)
                    for name, value in parse_qsl(
                        request.META.get("QUERY_STRING", ""), keep_blank_values=True
                    )
                    if name in (*catalogue.FILTERS, catalogue.PAGE_PARAMETER)
                ]
            )
            if given != canonical:
                return HttpResponseRedirect(catalogue.href(request.path, canonical))
            request.catalogue_selection = selection
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selection = getattr(request, "catalogue_selection", None) or self.selection(request)
        home_path = catalogue.home_path_of(self)
        context["selection"] = selection
        context["results"] = lambda: self.results(request, selection, home_path)
        context["matrix"] = lambda: catalogue.matrix(
            selection.options, catalogue.catalogue_url(home_path)
        )
        return context

    def results(self, request, selection, home_path) -> dict:
        from django.core.paginator import Paginator

        paginator = Paginator(selection.projects(), PER_PAGE)
        paginator.count = selection.count(self.pk)  # remembered already: no second COUNT
        page_obj = paginator.get_page(selection.page)
        page_obj.object_list = catalogue.with_pillar_and_principles(
            page_obj.object_list, selection.options, catalogue.catalogue_url(home_path)
        )
        path = request.path

        def page_href(number):
            return catalogue.href(path, selection.query_string(page=number))

        return {
            "page_obj": page_obj,
            "previous_href": page_href(page_obj.number - 1) if page_obj.has_previous() else "",
            "next_href": page_href(page_obj.number + 1) if page_obj.has_next() else "",
        }


class PrinciplesIndexPage(BasePage):
    """The five principles that guide every project, one page each below this one."""

    body = body_field()

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = ["strategy.PrinciplePage"]
    max_count = 1

    class Meta:
        verbose_name = _("oversigt over principper")
        verbose_name_plural = _("oversigter over principper")

    def get_principles(self):
        return translated_only(public_pages(PrinciplePage.objects.child_of(self).live()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["principles"] = self.get_principles
        home_path = catalogue.home_path_of(self)
        context["matrix"] = lambda: catalogue.matrix(
            catalogue.options(home_path), catalogue.catalogue_url(home_path)
        )
        return context


class PrinciplePage(BasePage):
    """One of the five principles; lists the projects that apply it."""

    body = body_field()

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["strategy.PrinciplesIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("princip")
        verbose_name_plural = _("principper")

    @property
    def number(self) -> int:
        """Position among the principles, from the order in the page tree (1–5)."""
        return PrinciplePage.objects.sibling_of(self).filter(path__lt=self.path).count() + 1

    def get_projects(self):
        return translated_only(public_pages(self.projects.live()).order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home_path = catalogue.home_path_of(self)
        # In tree order, so a page of them comes grouped by pillar (the template regroups).
        context["projects"] = lambda: with_cards(paginated(request, self.get_projects()), home_path)
        context["catalogue_href"] = lambda: catalogue_link(home_path, principle=self.slug)
        return context


def with_cards(page_obj, home_path: str):
    """A page of projects, each with its pillar and principles for its card."""
    page_obj.object_list = catalogue.with_pillar_and_principles(
        page_obj.object_list,
        catalogue.options(home_path),
        catalogue.catalogue_url(home_path),
    )
    return page_obj


def catalogue_link(home_path: str, **filters) -> str:
    """The catalogue filtered by `filters` ({"pillar": slug}), or '' without a catalogue."""
    from urllib.parse import urlencode

    url = catalogue.catalogue_url(home_path)
    return catalogue.href(url, urlencode(list(filters.items()))) if url else ""


class NetworkPage(BasePage):
    """Vejle's membership of the Resilient Cities Network and the partner cities."""

    network_name = models.CharField(
        _("netværkets navn"), max_length=120, default="Resilient Cities Network"
    )
    network_url = models.URLField(_("netværkets hjemmeside"), blank=True)
    body = body_field()

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("network_name"), FieldPanel("network_url")], heading=_("Netværket")
        ),
        FieldPanel("body"),
        InlinePanel("partner_cities", label=_("Partnerbyer"), heading=_("Partnerbyer")),
    ]

    parent_page_types = ["strategy.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("side om netværket")
        verbose_name_plural = _("sider om netværket")


class PartnerCity(Orderable):
    """A city in the network that Vejle works with; editors set the order."""

    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="partner_cities")
    name = models.CharField(_("by"), max_length=120)
    country = models.CharField(_("land"), max_length=120, blank=True)

    panels = [FieldPanel("name"), FieldPanel("country")]

    class Meta(Orderable.Meta):
        verbose_name = _("partnerby")
        verbose_name_plural = _("partnerbyer")

    def __str__(self) -> str:
        return self.name
