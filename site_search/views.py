"""The public search page: /soeg/ in Danish, /en/search/ in English."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from contacts.models import ContactPage
from core.languages import current_language
from site_search.models import SearchText
from site_search.query import (
    MAX_QUERY_LENGTH,
    correct,
    parse_query,
    search,
    snippet,
    uses_full_text_search,
    visible_pages,
)
from strategy.models import PillarPage

RESULTS_PER_PAGE = 10
# Larger page numbers count as this one; past the last page, the last page is shown.
MAX_PAGE_NUMBER = 10_000

# The search page's path per language, chosen when a URL is resolved or reversed (as a
# translated route would be, without depending on the message catalogues).
SEARCH_PATHS = {"da": "soeg/", "en": "search/"}
SEARCH_ROUTE = lazy(lambda: SEARCH_PATHS.get(current_language(), SEARCH_PATHS["da"]), str)()


def search_url(language: str | None = None, query: str = "") -> str:
    with translation.override(language or current_language()):
        url = reverse("site_search")
    return f"{url}?{urlencode({'q': query})}" if query else url


def page_number(raw: str | None) -> int:
    """The asked-for page: a plain positive number, at most MAX_PAGE_NUMBER; else 1."""
    if not (raw and raw.isascii() and raw.isdigit()):
        return 1
    if len(raw) > len(str(MAX_PAGE_NUMBER)):
        return MAX_PAGE_NUMBER  # never parse a huge number
    return min(max(int(raw), 1), MAX_PAGE_NUMBER)


def _ancestors_by_path(pages) -> dict[str, Page]:
    """Every ancestor (below the tree root) of `pages`, fetched in one query."""
    steplen = Page.steplen
    paths = {page.path[: steplen * depth] for page in pages for depth in range(2, page.depth)}
    if not paths:
        return {}
    return {page.path: page for page in Page.objects.filter(path__in=paths)}


def _results(rows, query, request) -> list[dict]:
    rows = list(rows)
    ancestors = _ancestors_by_path([row.page for row in rows])
    steplen = Page.steplen
    full_text = uses_full_text_search()
    results = []
    for row in rows:
        page = row.page
        page_class = page.specific_class or Page
        results.append(
            {
                "title": row.title,
                "url": page.get_url(request),
                "type": capfirst(page_class._meta.verbose_name),
                "breadcrumbs": [
                    ancestors[page.path[: steplen * depth]]
                    for depth in range(2, page.depth)
                    if page.path[: steplen * depth] in ancestors
                ],
                "snippet": snippet(row, query.terms, full_text),
            }
        )
    return results


def _promotions(query, language, pages, request) -> list[dict]:
    """Pages editors promoted for this query (Søgning → Promoverede søgeresultater)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    page_ids = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query.text), page__in=pages
        )
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)
    )
    if not page_ids:
        return []
    rows = {
        row.page_id: row
        for row in SearchText.objects.filter(
            page_id__in=page_ids, language=language
        ).select_related("page")
    }
    promoted, seen = [], set()
    for page_id in page_ids:
        row = rows.get(page_id)
        if row is None or page_id in seen:
            continue
        seen.add(page_id)
        promoted.append(
            {
                "title": row.title,
                "url": row.page.get_url(request),
                "summary": row.summary,
                "type": capfirst((row.page.specific_class or Page)._meta.verbose_name),
            }
        )
    return promoted


def _suggestions(pages) -> dict:
    """Where to go when nothing was found: the strategy's pillars and the contact page."""
    return {
        "pillars": list(PillarPage.objects.filter(pk__in=pages).order_by("path")),
        "contact_page": ContactPage.objects.filter(pk__in=pages).first(),
    }


def _alternates(query) -> list[dict]:
    """The language switcher leads to the search page in the other language, same query."""
    language = current_language()
    return [
        {
            "code": code,
            "name": name,
            "translated": True,
            "url": search_url(code, query.text),
            "current": code == language,
        }
        for code, name in settings.LANGUAGES
    ]


@require_safe
def search_view(request):
    language = current_language()
    query = parse_query(request.GET.get("q"))
    site = Site.find_for_request(request)
    pages = visible_pages(language, site.root_page if site else None)

    context = {
        "query": query.text,
        "query_truncated": query.truncated,
        "max_query_length": MAX_QUERY_LENGTH,
        "alternates": _alternates(query),
        "promotions": [],
        "results": [],
        "results_page": None,
    }
    if query:
        paginator = Paginator(search(query, language, pages), RESULTS_PER_PAGE)
        results_page = paginator.get_page(page_number(request.GET.get("page")))
        context["paginator"] = paginator
        context["results_page"] = results_page
        context["results"] = _results(results_page.object_list, query, request)
        if results_page.number == 1:
            context["promotions"] = _promotions(query, language, pages, request)
        shown = query
        if not paginator.count:
            correction = _correction(query, language, pages)
            if correction is not None:
                context["correction"] = correction.query.text
                context["correction_url"] = search_url(language, correction.query.text)
            if correction is not None and correction.confident:
                # A confident correction: its results at once, under "Did you mean …?".
                shown = correction.query
                paginator = correction.paginator
                results_page = paginator.get_page(page_number(request.GET.get("page")))
                context["correction_shown"] = True
                context["paginator"] = paginator
                context["results_page"] = results_page
                context["results"] = _results(results_page.object_list, shown, request)
            else:
                context.update(_suggestions(pages))
        if results_page.has_previous():
            context["previous_url"] = _page_url(shown, results_page.previous_page_number())
        if results_page.has_next():
            context["next_url"] = _page_url(shown, results_page.next_page_number())

    response = TemplateResponse(request, "site_search/search_page.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _correction(query, language, pages):
    """The query with its typos corrected (PostgreSQL), if the corrected one finds pages."""
    correction = correct(query, language)
    if correction is None:
        return None
    paginator = Paginator(search(correction.query, language, pages), RESULTS_PER_PAGE)
    if not paginator.count:
        return None
    correction.paginator = paginator
    return correction


def _page_url(query, number: int) -> str:
    params = {"q": query.text}
    if number > 1:
        params["page"] = number
    return f"{search_url()}?{urlencode(params)}"
