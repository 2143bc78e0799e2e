"""The project catalogue and the pillar × principle matrix (issue 18), as visitors and editors
meet them: real requests through the page cache, real admin form POSTs by a moderator."""

import html
import re
from itertools import product
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from caching.lookups import bump_content_version
from caching.page_cache import delete_pages, page_key
from core.models import SiteSettings
from editorial.roles import MODERATORS
from strategy.models import (
    PillarPage,
    PrinciplePage,
    PrinciplesIndexPage,
    ProjectCatalogPage,
    ProjectPage,
)
from tests.factories import make_page, make_site_tree
from tests.initial_content import load_initial_content
from tests.test_page_types import bilingual, edit_form_data

CATALOGUE = {"da": "/projekter/", "en": "/en/projects/"}
LANGUAGES = ("da", "en")

CARD_TITLE = re.compile(r'class="page-card__title"><a href="[^"]*">([^<]+)</a>')
RESULT_COUNT = re.compile(r'<h2 id="results-heading">(\d+) ')
MATRIX_CELL = re.compile(
    r'<td class="matrix__cell matrix__cell--(\w+)-(\d)">'
    r'(?:<a href="([^"]+)">(\d+)</a>|(\d+))</td>'
)


def card_titles(content: str) -> list[str]:
    return [html.unescape(title) for title in CARD_TITLE.findall(content)]


def matrix_cells(content: str) -> list[tuple[str, int, str, int]]:
    """(theme, shade level, link or '', count) per cell, row by row."""
    return [
        (theme, int(level), html.unescape(link), int(linked or plain))
        for theme, level, link, linked, plain in MATRIX_CELL.findall(content)
    ]


class CatalogueTestCase(TestCase):
    """Two pillars, three principles, projects with and without English, statuses, a draft."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = tree = make_site_tree()
        # Made on the first request otherwise, and its save drops every page (a first render
        # would then never be kept).
        SiteSettings.objects.get_or_create(site=tree["home"].get_site())
        cls.climate = tree["pillar"]
        cls.social = make_page(
            tree["strategy"],
            PillarPage,
            "Social resiliens",
            "Social resilience",
            "social-resiliens",
            "social-resilience",
            theme="social",
        )
        cls.value = tree["principle"]  # Merværdi / Added value (slugs "mervrdi", "added-value")
        cls.long_term = make_page(
            tree["principles"],
            PrinciplePage,
            "Langsigtede løsninger",
            "Long-term solutions",
            "langsigtede-loesninger",
            "long-term-solutions",
        )
        # A non-ASCII slug: it must survive the query string and the canonical address.
        cls.together = make_page(
            tree["principles"],
            PrinciplePage,
            "Samarbejde og fællesskab",
            "Collaboration and community",
            "samarbejde-og-fællesskab",
            "collaboration",
        )
        cls.fjordbyen = tree["project"]  # climate, Merværdi, no status
        cls.wave = cls.project(
            cls.climate, "Grøn bølge", "Green wave", "ongoing", cls.value, cls.long_term
        )
        cls.orchard = cls.project(
            cls.climate, "Æblehaven", "The orchard", "completed", cls.long_term
        )
        cls.community = cls.project(
            cls.social,
            "Fællesskab i Østbyen",
            "Community in Østbyen",
            "ongoing",
            cls.together,
            cls.value,
        )
        # Danish only: not in the English catalogue, nor its status among the English filters.
        cls.youth = cls.project(cls.social, "Ungeråd", "", "planned", cls.together)
        cls.draft = cls.project(cls.social, "Kladde", "Draft", "ongoing", cls.value)
        cls.draft.unpublish()
        cls.projects = [cls.fjordbyen, cls.wave, cls.orchard, cls.community, cls.youth]

    @staticmethod
    def project(pillar, title_da, title_en, status, *principles):
        page = make_page(pillar, ProjectPage, title_da, title_en, status=status)
        page.principles.add(*principles)
        page.save()  # a ParentalManyToManyField is written on save
        return page

    # -- what the visitor should see, worked out from the fixture, not from the app ---------
    def expected(self, language, pillar=None, principle=None, status=None) -> list[str]:
        titles = []
        for project in sorted(self.projects, key=lambda page: page.path):
            project = ProjectPage.objects.get(pk=project.pk)
            title = getattr(project, f"title_{language}")
            if not project.live or not title:
                continue
            if pillar and project.get_parent().pk != pillar.pk:
                continue
            if principle and principle.pk not in {p.pk for p in project.principles.all()}:
                continue
            if status and project.status != status:
                continue
            titles.append(title)
        return titles

    def slug(self, page, language) -> str:
        return getattr(type(page).objects.get(pk=page.pk), f"slug_{language}")

    def get(self, url, **kwargs):
        response = self.client.get(url, **kwargs)
        self.assertLess(response.status_code, 500, url)
        return response


class FilterTests(CatalogueTestCase):
    def test_each_filter_and_every_combination_against_the_live_projects(self):
        pillars = [None, self.climate, self.social]
        principles = [None, self.value, self.long_term, self.together]
        statuses = [None, "ongoing", "completed", "planned"]
        checked = 0
        for language in LANGUAGES:
            english_statuses = {"ongoing", "completed"}  # "planned" only on a Danish page
            for pillar, principle, status in product(pillars, principles, statuses):
                if language == "en" and status == "planned":
                    continue
                query = []
                if pillar:
                    query.append(("pillar", self.slug(pillar, language)))
                if principle:
                    query.append(("principle", self.slug(principle, language)))
                if status:
                    query.append(("status", status))
                url = f"{CATALOGUE[language]}?{urlencode(query)}" if query else CATALOGUE[language]
                with self.subTest(url=url):
                    response = self.get(url)
                    self.assertEqual(response.status_code, 200)
                    content = response.content.decode()
                    expected = self.expected(language, pillar, principle, status)
                    self.assertEqual(card_titles(content), expected)
                    self.assertEqual(int(RESULT_COUNT.search(content).group(1)), len(expected))
                    if not expected:
                        self.assertContains(
                            response,
                            "Ingen projekter passer til de valgte filtre"
                            if language == "da"
                            else "No projects match the filters you chose",
                        )
                    checked += 1
            options = re.findall(
                r'<option value="(\w+)"', self.get(CATALOGUE[language]).content.decode()
            )
            statuses_shown = set(options) & {"planned", "ongoing", "completed"}
            self.assertEqual(
                statuses_shown, english_statuses | ({"planned"} if language == "da" else set())
            )
        self.assertEqual(checked, 4 * 3 * 4 + 3 * 3 * 4)

    def test_the_form_is_a_plain_get_form_in_a_fieldset_and_shows_the_choice(self):
        url = "/projekter/?pillar=social-resiliens&principle=samarbejde-og-f%C3%A6llesskab"
        response = self.get(url)
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        form = re.search(r'<form class="catalogue-filters".*?</form>', content, re.S).group(0)
        self.assertIn('method="get" action="/projekter/"', form)
        self.assertRegex(form, r"<fieldset>\s*<legend>Filtrér projekterne</legend>")
        for name, label in (("pillar", "Søjle"), ("principle", "Princip"), ("status", "Status")):
            self.assertIn(f'<label for="filter-{name}">{label}</label>', form)
            self.assertIn(f'<select id="filter-{name}" name="{name}">', form)
        self.assertIn('<option value="social-resiliens" selected>Social resiliens</option>', form)
        self.assertIn('value="samarbejde-og-fællesskab" selected>', form)
        self.assertEqual(card_titles(content), ["Fællesskab i Østbyen", "Ungeråd"])
        self.assertContains(response, "2 projekter")
        self.assertContains(
            response,
            '<a class="catalogue-results__clear" href="/projekter/">Fjern filtrene og vis alle',
        )
        english = self.get("/en/projects/?pillar=social-resilience").content.decode()
        self.assertIn("1 project</h2>", english)
        self.assertIn("<legend>Filter the projects</legend>", english)
        # Without filters: no link to clear them.
        self.assertNotContains(self.get("/projekter/"), "catalogue-results__clear")

    def test_bad_values_redirect_to_the_canonical_address_never_an_error(self):
        hostile = {
            "?pillar=findes-ikke": "/projekter/",
            "?pillar=%3Cscript%3Ealert(1)%3C/script%3E": "/projekter/",
            "?pillar=social-resiliens&pillar=klimaresiliens": "/projekter/",
            "?principle=mervrdi&pillar=klimaresiliens": (
                "/projekter/?pillar=klimaresiliens&principle=mervrdi"
            ),
            "?pillar=&principle=mervrdi&status=": "/projekter/?principle=mervrdi",
            "?status=unknown&status=ongoing": "/projekter/",
            "?page=0": "/projekter/",
            "?page=-1": "/projekter/",
            "?page=abc": "/projekter/",
            "?page=1": "/projekter/",
            "?page=99999999999999": "/projekter/",
            "?page=2": "/projekter/",  # only one page of results
            "?utm_source=nyhedsbrev&pillar=findes-ikke": "/projekter/",
            "?pillar=%F0%9F%92%A9": "/projekter/",
            f"?principle={'x' * 5000}": "/projekter/",
            "?pillar=Klimaresiliens": "/projekter/",  # slugs are exact
        }
        for query, target in hostile.items():
            with self.subTest(query=query[:60]):
                response = self.get(f"/projekter/{query}")
                self.assertEqual(response.status_code, 302)
                self.assertEqual(response["Location"], target)
                self.assertEqual(self.get(target).status_code, 200)
        # A Danish slug on the English catalogue is unknown there.
        response = self.get("/en/projects/?pillar=klimaresiliens")
        self.assertEqual((response.status_code, response["Location"]), (302, "/en/projects/"))
        # Broken UTF-8 is refused before the page (core.middleware): 400, in Danish.
        self.assertEqual(self.get("/projekter/?pillar=%ff").status_code, 400)

    def test_redirects_and_junk_never_become_page_cache_variants(self):
        for query in ("", "?pillar=klimaresiliens", "?pillar=junk", "?page=7", "?x=1", "?pillar="):
            self.get(f"/projekter/{query}")
        # The page cache's index of the path names its variants: the unfiltered list and the
        # one real filter; junk redirected, and ?x=1 (not read by the catalogue) was served
        # the unfiltered list.
        self.assertEqual(len(cache.get(page_key("/projekter/"))), 2)
        self.assertEqual(self.get("/projekter/?pillar=klimaresiliens")["X-Page-Cache"], "hit")
        self.assertEqual(self.get("/projekter/?x=2")["X-Page-Cache"], "hit")

    def test_pagination_keeps_the_filters_and_past_the_end_goes_to_the_last_page(self):
        for number in range(30):
            page = make_page(self.social, ProjectPage, f"Projekt {number:02}", f"Project {number}")
            page.principles.add(self.together)
            page.save()
        base = "/projekter/?pillar=social-resiliens&principle=samarbejde-og-f%C3%A6llesskab"
        first = self.get(base).content.decode()
        self.assertIn("32 projekter", first)
        self.assertEqual(len(card_titles(first)), 24)
        self.assertIn(f'href="{html.escape(base)}&amp;page=2" rel="next"', first)
        second = self.get(f"{base}&page=2").content.decode()
        self.assertEqual(len(card_titles(second)), 8)
        self.assertIn(f'href="{html.escape(base)}" rel="prev"', second)
        response = self.get(f"{base}&page=3")
        self.assertEqual((response.status_code, response["Location"]), (302, f"{base}&page=2"))


class MatrixTests(CatalogueTestCase):
    def test_counts_equal_the_filtered_lists_in_both_languages(self):
        for language in LANGUAGES:
            with translation.override(language):
                principles_url = PrinciplesIndexPage.objects.get().get_url()
            for url in (CATALOGUE[language], principles_url):
                with self.subTest(url=url):
                    content = self.get(url).content.decode()
                    cells = matrix_cells(content)
                    pillars = [self.climate, self.social]
                    principles = [self.value, self.long_term, self.together]
                    self.assertEqual(len(cells), len(pillars) * len(principles))
                    themes = [theme for theme, *_rest in cells]
                    self.assertEqual(themes, ["climate"] * 3 + ["social"] * 3)
                    for (_theme, level, link, count), (pillar, principle) in zip(
                        cells, product(pillars, principles), strict=True
                    ):
                        expected = self.expected(language, pillar, principle)
                        self.assertEqual(count, len(expected), (pillar, principle))
                        if count == 0:
                            self.assertEqual((link, level), ("", 0))
                            continue
                        query = urlencode(
                            [
                                ("pillar", self.slug(pillar, language)),
                                ("principle", self.slug(principle, language)),
                            ]
                        )
                        self.assertEqual(link, f"{CATALOGUE[language]}?{query}")
                        listed = self.get(link).content.decode()
                        self.assertEqual(card_titles(listed), expected)
                        self.assertTrue(1 <= level <= 4)

    def test_table_markup_caption_headers_and_scroll_region(self):
        content = self.get("/projekter/").content.decode()
        table = re.search(r'<section class="matrix".*?</section>', content, re.S).group(0)
        self.assertIn(
            '<div class="matrix__scroll" role="region" aria-labelledby="matrix-caption" '
            'tabindex="0">',
            table,
        )
        self.assertIn(
            '<caption id="matrix-caption">Antal projekter i hver søjle, der bygger på hvert af '
            "de fem principper</caption>",
            table,
        )
        self.assertEqual(
            re.findall(r'<th scope="col">([^<]+)</th>', table),
            ["Søjle", "Merværdi", "Langsigtede løsninger", "Samarbejde og fællesskab"],
        )
        self.assertEqual(
            re.findall(r'<th scope="row"[^>]*>.*?<span>([^<]+)</span></th>', table, re.S),
            ["Klimaresiliens", "Social resiliens"],
        )
        # The most-used cell has the darkest shade; no inline styles (CSP).
        self.assertIn("matrix__cell--climate-4", table)
        self.assertNotIn("style=", table)

    def test_principles_page_shows_the_matrix(self):
        response = self.get("/principper/")
        self.assertContains(response, '<section class="matrix"')
        self.assertContains(
            response,
            "Tabellen viser, hvor mange projekter i hver søjle der bygger på hvert princip.",
        )
        self.assertContains(
            self.get("/en/principles/"),
            "The table shows how many projects in each pillar apply each principle.",
        )


class ProjectPillarAndPrinciplePageTests(CatalogueTestCase):
    def test_cards_show_pillar_and_principles_linked_to_the_filtered_catalogue(self):
        content = self.get("/projekter/?principle=mervrdi").content.decode()
        card = re.search(
            r'<article class="page-card project-card page-card--social">.*?</article>',
            content,
            re.S,
        ).group(0)
        self.assertIn("Fællesskab i Østbyen", card)
        self.assertIn('<svg class="pillar-icon"', card)
        self.assertIn('<a href="/projekter/?pillar=social-resiliens">Social resiliens</a>', card)
        self.assertIn('<a href="/projekter/?principle=mervrdi">Merværdi</a>', card)
        self.assertIn(
            '<a href="/projekter/?principle=samarbejde-og-f%C3%A6llesskab">'
            "Samarbejde og fællesskab</a>",
            card,
        )

    def test_project_page_shows_its_pillar_principles_and_related_projects(self):
        with translation.override("da"):
            url_da = self.wave.get_url()
        with translation.override("en"):
            url_en = self.wave.get_url()
        content = self.get(url_da).content.decode()
        facts = re.search(r'<dl class="project-facts">.*?</dl>', content, re.S).group(0)
        self.assertIn("project-facts__pillar--climate", facts)
        self.assertIn('<a href="/projekter/?pillar=klimaresiliens">Klimaresiliens</a>', facts)
        self.assertIn('<a href="/projekter/?principle=mervrdi">Merværdi</a>', facts)
        self.assertIn('<a href="/projekter/?principle=langsigtede-loesninger">', facts)
        self.assertIn("<dd>I gang</dd>", facts)
        related = re.search(r'<section class="related-projects".*?</section>', content, re.S)
        # Each shares one principle; then tree order. The draft and itself are not there.
        self.assertEqual(
            card_titles(related.group(0)), ["Fjordbyen", "Æblehaven", "Fællesskab i Østbyen"]
        )
        english = self.get(url_en).content.decode()
        related = re.search(r'<section class="related-projects".*?</section>', english, re.S)
        self.assertEqual(
            card_titles(related.group(0)), ["The Fjord City", "The orchard", "Community in Østbyen"]
        )
        self.assertIn('<a href="/en/projects/?pillar=climate-resilience">', english)

    def test_pillar_page_links_to_the_catalogue_filtered_by_it(self):
        self.assertContains(
            self.get(self.social.url),
            '<a href="/projekter/?pillar=social-resiliens">Find projekterne under Social '
            "resiliens i projektkataloget</a>",
        )
        with translation.override("en"):
            url = self.social.get_url()
        self.assertContains(self.get(url), '<a href="/en/projects/?pillar=social-resilience">')

    def test_principle_page_groups_its_projects_by_pillar_in_the_pillars_colours(self):
        content = self.get(self.value.url).content.decode()
        groups = re.findall(
            r'<section class="pillar-group pillar-group--(\w+)".*?</h3>(.*?)</section>',
            content,
            re.S,
        )
        self.assertEqual(
            [(theme, card_titles(cards)) for theme, cards in groups],
            [("climate", ["Fjordbyen", "Grøn bølge"]), ("social", ["Fællesskab i Østbyen"])],
        )
        self.assertIn('<a href="/projekter/?principle=mervrdi">Find projekterne med', content)

    def test_without_a_catalogue_the_links_lead_to_the_pillar_and_principle_pages(self):
        ProjectCatalogPage.objects.get().unpublish()
        content = self.get(self.wave.url).content.decode()
        self.assertIn(f'<a href="{self.climate.url}">Klimaresiliens</a>', content)
        self.assertIn(f'<a href="{self.value.url}">Merværdi</a>', content)
        self.assertNotIn("/projekter/", content)


def make_user(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


class InvalidationTests(CatalogueTestCase):
    """A moderator publishes in the real admin; visitors see it at once, cache or not."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.moderator = make_user("moderator", MODERATORS)

    def publish(self, page, **changes):
        self.client.force_login(self.moderator)
        data = edit_form_data(page, "")
        data.update({"title_da": page.title_da, "title_en": page.title_en or "", **changes})
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**data, "action-publish": "1"}
        )
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        self.client.logout()

    def cached_views(self) -> dict[str, str]:
        urls = {
            "filtered": "/projekter/?principle=mervrdi",
            "catalogue": "/projekter/",
            "matrix_en": "/en/projects/",
            "principles": "/principper/",
        }
        for url in urls.values():
            self.get(url)
            self.assertEqual(self.get(url)["X-Page-Cache"], "hit", url)
        return urls

    def test_a_publish_changes_the_catalogue_and_the_matrix_at_once(self):
        urls = self.cached_views()
        before = matrix_cells(self.get(urls["principles"]).content.decode())
        self.publish(
            ProjectPage.objects.get(pk=self.orchard.pk),
            status="completed",
            principles=(str(self.long_term.pk), str(self.value.pk)),
        )
        response = self.get(urls["filtered"])
        self.assertNotEqual(response["X-Page-Cache"], "hit")
        self.assertEqual(
            card_titles(response.content.decode()),
            ["Fjordbyen", "Grøn bølge", "Æblehaven", "Fællesskab i Østbyen"],
        )
        after = matrix_cells(self.get(urls["principles"]).content.decode())
        self.assertEqual(after[0][3], before[0][3] + 1)  # climate × Merværdi
        english = matrix_cells(self.get(urls["matrix_en"]).content.decode())
        self.assertEqual(english[0][3], 3)

    def test_a_new_project_and_an_unpublished_one_show_at_once(self):
        urls = self.cached_views()
        self.client.force_login(self.moderator)
        meta = ProjectPage._meta
        add = reverse(
            "wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, self.social.pk)
        )
        data = bilingual(
            "Nyt projekt",
            "New project",
            "nyt-projekt",
            "new-project",
            status="planned",
            principles=(str(self.value.pk),),
        )
        response = self.client.post(add, {**data, "action-publish": "1"})
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        self.client.logout()
        titles = card_titles(self.get(urls["filtered"]).content.decode())
        self.assertIn("Nyt projekt", titles)
        self.assertIn("New project", card_titles(self.get(urls["matrix_en"]).content.decode()))

        self.client.force_login(self.moderator)
        page = ProjectPage.objects.get(slug_da="nyt-projekt")
        response = self.client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.assertNotIn("Nyt projekt", card_titles(self.get(urls["filtered"]).content.decode()))

    def test_renaming_a_pillar_reaches_the_filters_cards_and_principle_pages(self):
        urls = self.cached_views()
        self.get(self.value.url)
        pillar = PillarPage.objects.get(pk=self.social.pk)
        self.publish(pillar, title_da="Social robusthed", theme="social")
        for url in (urls["catalogue"], self.value.url):
            self.assertContains(self.get(url), "Social robusthed")


class QueryCountTests(CatalogueTestCase):
    def count(self, url: str, *, cold: bool) -> int:
        delete_pages([url.split("?")[0]])
        self.get(url)
        delete_pages([url.split("?")[0]])
        if cold:
            bump_content_version()
        with CaptureQueriesContext(connection) as queries:
            response = self.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def urls(self) -> list[str]:
        return [
            "/projekter/",
            "/projekter/?pillar=social-resiliens&principle=mervrdi&status=ongoing",
            "/en/projects/?principle=added-value",
            "/principper/",
            self.value.url,
            self.social.url,
            self.wave.url,
        ]

    def budgets(self) -> dict[str, tuple[int, int]]:
        return {
            url: (self.count(url, cold=False), self.count(url, cold=True)) for url in self.urls()
        }

    @pytest.mark.slow
    def test_queries_stay_flat_from_10_to_1000_projects(self):
        def add(numbers):
            for number in numbers:
                pillar = self.social if number % 2 else self.climate
                page = make_page(
                    pillar, ProjectPage, f"Projekt {number}", f"Project {number}", status="ongoing"
                )
                page.principles.add(self.value)
                page.save()

        add(range(5))
        self.assertEqual(ProjectPage.objects.live().count(), 10)
        at_10 = self.budgets()
        add(range(5, 995))
        self.assertEqual(ProjectPage.objects.live().count(), 1000)
        at_1000 = self.budgets()
        # Flat: the same number of queries at either size, warm (fragments cached) or cold.
        self.assertEqual(at_10, at_1000)
        for url, (warm, _cold) in at_1000.items():
            self.assertLessEqual(warm, 10, url)


class InitialContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):

        from tests.factories import recreate_wagtail_defaults

        recreate_wagtail_defaults()
        load_initial_content()

    def test_catalogue_lists_every_project_in_both_languages(self):
        projects = ProjectPage.objects.live()
        self.assertEqual(ProjectCatalogPage.objects.live().count(), 1)
        for url in CATALOGUE.values():
            content = self.get_ok(url)
            self.assertEqual(len(card_titles(content)), projects.count())
            total = sum(count for *_rest, count in matrix_cells(content))
            links = sum(1 for _p in projects for _q in _p.principles.all())
            self.assertEqual(total, links)

    def test_the_principles_page_says_they_apply_in_every_pillar_in_the_seeds_words(self):
        self.assertIn(
            "De skal være med os i alle tre strategiske søjler, lige fra, vi udvælger hvilke "
            "handlinger og projekter, vi vil iværksætte, til vi beslutter, hvordan vi vil "
            "forankre og drive dem.",
            self.get_ok("/principper/"),
        )
        self.assertIn("in all three strategic pillars", self.get_ok("/en/principles/"))

    def test_catalogue_comes_after_the_principles_in_the_navigation(self):
        titles = [page.title_da for page in Page.objects.get(depth=2).get_children()]
        self.assertEqual(titles.index("Projekter"), titles.index("De fem principper") + 1)

    def get_ok(self, url) -> str:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()
