"""The project catalogue's data: filters, the filtered projects, the pillar × principle matrix.

Everything here works in the active language and within one site (the home page's path):
slugs and titles are the language's, and pages not translated into it are left out.

- **Options** (the pillars, principles and statuses one can filter by) are read once per
  content version (`remembered`): validating a request's filters costs no query.
- **Filters** come from the query string; an unknown or repeated value counts as absent, and
  the page redirects to the canonical address (core/page_cache keys pages by query string, so
  junk values must not become cache entries of their own).
- **Cards** get their pillar from the options (a project's parent is its pillar) and their
  principles from one query for the whole list, however long it is.
"""

import hashlib
from dataclasses import dataclass, field
from math import ceil
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.db.models.functions import Substr
from wagtail.models import Page

from caching.lookups import public_pages, remembered
from core.languages import current_language, translated_only
from core.listing import MAX_PAGE_NUMBER, PER_PAGE

# The query parameters the catalogue reads, in the order of its canonical address.
FILTERS = ("pillar", "principle", "status")
PAGE_PARAMETER = "page"
# Five shades per pillar colour in the matrix (static/css/site.css): 0 for none, 4 for most.
SHADE_LEVELS = 4


@dataclass(frozen=True)
class Option:
    """A pillar, principle or status as the filters, cards and matrix show it (cacheable)."""

    value: str  # the slug in the active language (a status: its stored value)
    title: str
    pk: int | None = None
    path: str = ""
    url: str = ""
    theme: str = ""


@dataclass(frozen=True)
class Options:
    pillars: tuple[Option, ...] = ()
    principles: tuple[Option, ...] = ()
    statuses: tuple[Option, ...] = ()

    def find(self, name: str, value: str) -> Option | None:
        choices = {"pillar": self.pillars, "principle": self.principles, "status": self.statuses}
        return next((option for option in choices[name] if option.value == value), None)

    def pillar_of(self, project) -> Option | None:
        parent_path = project.path[: -Page.steplen]
        return next((pillar for pillar in self.pillars if pillar.path == parent_path), None)


def home_path_of(page) -> str:
    """The path of the site's home page (depth 2) that `page` lies under."""
    return page.path[: 2 * Page.steplen]


def _option(page, **extra) -> Option:
    return Option(value=page.slug, title=page.title, pk=page.pk, path=page.path, **extra)


def options(home_path: str) -> Options:
    """The live pillars, principles and used statuses below the home page, in this language."""
    from strategy.models import PillarPage, PrinciplePage, ProjectStatus

    def compute():
        def live(model):
            pages = model.objects.live().filter(path__startswith=home_path).order_by("path")
            return translated_only(public_pages(pages))

        pillars = tuple(
            _option(page, url=page.get_url(), theme=page.theme) for page in live(PillarPage)
        )
        principles = tuple(_option(page, url=page.get_url()) for page in live(PrinciplePage))
        used = set(
            projects_of(pillars)
            .exclude(status="")
            .order_by()  # DISTINCT over the status alone, not over the ordering's path too
            .values_list("status", flat=True)
            .distinct()
        )
        statuses = tuple(
            Option(value=value, title=str(label))
            for value, label in ProjectStatus.choices
            if value in used
        )
        return Options(pillars, principles, statuses)

    return remembered(f"catalogue-options:{current_language()}:{home_path}", compute)


def projects_of(pillars) -> "QuerySet":  # noqa: F821
    """Live, public projects in this language whose pillar is one of `pillars`."""
    from strategy.models import ProjectPage

    if not pillars:
        return ProjectPage.objects.none()
    under = Q()
    for pillar in pillars:
        under |= Q(path__startswith=pillar.path)
    projects = ProjectPage.objects.live().filter(under)
    return translated_only(public_pages(projects)).order_by("path")


@dataclass
class Selection:
    """The filters of one request; each is an Option or None (absent)."""

    options: Options
    pillar: Option | None = None
    principle: Option | None = None
    status: Option | None = None
    page: int = 1
    chosen: dict = field(default_factory=dict)

    @classmethod
    def from_query(cls, options: Options, query) -> "Selection":
        """Read the filters from a QueryDict; unknown, empty or repeated values are absent."""
        selection = cls(options)
        for name in FILTERS:
            values = query.getlist(name)
            if len(values) == 1:
                setattr(selection, name, options.find(name, values[0]))
        raw = query.getlist(PAGE_PARAMETER)
        if len(raw) == 1 and raw[0].isdigit() and len(raw[0]) <= 6:
            selection.page = min(max(int(raw[0]), 1), MAX_PAGE_NUMBER)
        return selection

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in FILTERS)

    def pairs(self, **changes) -> list[tuple[str, str]]:
        """(parameter, value) in canonical order; `changes` replace filters (None removes)."""
        pairs = []
        for name in FILTERS:
            option = changes[name] if name in changes else getattr(self, name)
            if option is not None:
                pairs.append((name, option.value))
        return pairs

    def query_string(self, page: int | None = None, **changes) -> str:
        pairs = self.pairs(**changes)
        page = self.page if page is None else page
        if page > 1:
            pairs.append((PAGE_PARAMETER, str(page)))
        return urlencode(pairs)

    @property
    def key(self) -> str:
        """A short cache-key part for this filter combination (slugs may be non-ASCII)."""
        return hashlib.sha1(urlencode(self.pairs()).encode()).hexdigest()[:16]

    def projects(self):
        projects = projects_of(self.options.pillars)
        if self.pillar:
            projects = projects.filter(path__startswith=self.pillar.path)
        if self.principle:
            projects = projects.filter(principles=self.principle.pk)
        if self.status:
            projects = projects.filter(status=self.status.value)
        return projects

    def count(self, catalogue_pk: int) -> int:
        """How many projects match, remembered per content version (no query when warm)."""
        return remembered(
            f"catalogue-count:{current_language()}:{catalogue_pk}:{self.key}",
            lambda: self.projects().count(),
        )

    def last_page(self, catalogue_pk: int) -> int:
        return max(1, ceil(self.count(catalogue_pk) / PER_PAGE))


def href(base_url: str, query: str) -> str:
    return f"{base_url}?{query}" if query else base_url


def with_pillar_and_principles(projects, opts: Options, catalogue_url: str = "") -> list:
    """`projects` as a list, each with `.pillar` and `.principle_options` set (one query).

    Each option gets `.href`: the filtered catalogue when there is one, else its own page.
    """
    from strategy.models import ProjectPage

    projects = list(projects)
    through = ProjectPage.principles.through
    rows = through.objects.filter(projectpage_id__in=[project.pk for project in projects])
    chosen: dict[int, set[int]] = {}
    for project_id, principle_id in rows.values_list("projectpage_id", "principlepage_id"):
        chosen.setdefault(project_id, set()).add(principle_id)
    for project in projects:
        pillar = opts.pillar_of(project)
        project.pillar = linked(pillar, "pillar", catalogue_url) if pillar else None
        project.principle_options = [
            linked(principle, "principle", catalogue_url)
            for principle in opts.principles
            if principle.pk in chosen.get(project.pk, ())
        ]
    return projects


@dataclass(frozen=True)
class Linked:
    """A pillar or principle on a card: its title and theme, and where its link leads."""

    title: str
    theme: str
    href: str


def linked(option: Option, name: str, catalogue_url: str) -> Linked:
    if not catalogue_url:
        return Linked(option.title, option.theme, option.url)
    return Linked(
        option.title, option.theme, href(catalogue_url, urlencode([(name, option.value)]))
    )


def matrix(opts: Options, catalogue_url: str) -> list[dict]:
    """Rows per pillar, a cell per principle: the count, its shade level and its link."""
    if not opts.pillars or not opts.principles:
        return []
    from strategy.models import ProjectPage

    prefix = len(opts.pillars[0].path)
    through = ProjectPage.principles.through
    rows = (
        through.objects.filter(
            projectpage_id__in=projects_of(opts.pillars).values("pk"),
            principlepage_id__in=[principle.pk for principle in opts.principles],
        )
        .annotate(pillar_path=Substr("projectpage__path", 1, prefix))
        .values("pillar_path", "principlepage_id")
        .annotate(count=Count("projectpage_id"))
    )
    counts = {(row["pillar_path"], row["principlepage_id"]): row["count"] for row in rows}
    most = max(counts.values(), default=0)
    table = []
    for pillar in opts.pillars:
        cells = []
        for principle in opts.principles:
            count = counts.get((pillar.path, principle.pk), 0)
            query = urlencode([("pillar", pillar.value), ("principle", principle.value)])
            cells.append(
                {
                    "principle": principle,
                    "count": count,
                    "level": ceil(count / most * SHADE_LEVELS) if count else 0,
                    "href": href(catalogue_url, query) if count and catalogue_url else "",
                }
            )
        table.append({"pillar": pillar, "cells": cells})
    return table


def catalogue_url(home_path: str) -> str:
    """The live catalogue's address in this language below the home page, or ''."""
    from strategy.models import ProjectCatalogPage

    def find():
        pages = ProjectCatalogPage.objects.live().filter(path__startswith=home_path)
        page = translated_only(public_pages(pages)).order_by("path").first()
        return (page.get_url() or "") if page else ""

    return remembered(f"catalogue-url:{current_language()}:{home_path}", find)
