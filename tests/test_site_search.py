"""The public site search (/soeg/, /en/search/) and its per-language index."""

import io
from unittest import skipUnless
from unittest.mock import patch

from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from contacts.models import ContactPage
from core.languages import is_translated
from site_search.indexing import rebuild
from site_search.models import SearchText
from site_search.query import MAX_QUERY_LENGTH, excerpt, highlight, parse_query
from strategy.models import PillarPage, ProjectPage, StrategyPage
from tests.factories import make_page
from tests.initial_content import load_initial_content

DA, EN = "/soeg/", "/en/search/"
# Every search, whatever the input, runs at most this many SQL queries (page furniture included).
MAX_QUERIES = 15


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response) -> list[str]:
    section = soup_of(response).select_one(".search-results-section")
    if section is None:
        return []
    return [a.get_text(strip=True) for a in section.select(".search-result__title a")]


def result_links(response) -> list[str]:
    section = soup_of(response).select_one(".search-results-section")
    return [a["href"] for a in section.select(".search-result__title a")] if section else []


class SearchTestCase(TestCase):
    """The shipped bilingual tree plus a few pages with words only one language has."""

    @classmethod
    def setUpTestData(cls):
        load_initial_content()
        cls.strategy = StrategyPage.objects.get()
        cls.pillar = PillarPage.objects.order_by("path").first()
        cls.contact = ContactPage.objects.get()
        cls.cloudburst = make_page(
            cls.pillar,
            ProjectPage,
            "Skybrudsplanen",
            "The cloudburst plan",
            summary_da="Efter skybruddene i 2011 fik Vejle en plan for regnvand.",
            summary_en="After the cloudbursts of 2011 Vejle made a plan for rainwater.",
        )
        cls.flooding = make_page(
            cls.pillar,
            ProjectPage,
            "Oversvømmelser ved åen",
            "Flooding by the river",
            summary_da="Vandet fra åen går over sine bredder.",
            summary_en="When the river is flooding, the water leaves its banks.",
        )
        cls.danish_only = make_page(
            cls.pillar,
            ProjectPage,
            "Kun på dansk",
            "",
            summary_da="Grundvandsprojektet i Hedensted.",
            summary_en="Zebrafish groundwater project.",
        )

    def search(self, query=None, url=DA, **params):
        if query is not None:
            params["q"] = query
        return self.client.get(url, params)


class UrlsAndLanguageTests(SearchTestCase):
    def test_search_url_per_language(self):
        with translation.override("da"):
            self.assertEqual(reverse("site_search"), "/soeg/")
        with translation.override("en"):
            self.assertEqual(reverse("site_search"), "/en/search/")
        for url, lang in ((DA, "da"), (EN, "en")):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertEqual(soup_of(response).html["lang"], lang)
        # The other language's path is not the search page.
        self.assertEqual(self.client.get("/search/").status_code, 404)
        self.assertEqual(self.client.get("/en/soeg/").status_code, 404)

    def test_danish_query_finds_danish_pages_and_no_english(self):
        response = self.search("skybruddene")
        self.assertEqual(result_titles(response), ["Skybrudsplanen"])
        self.assertTrue(all(not link.startswith("/en/") for link in result_links(response)))
        # The same Danish word is not in any English text.
        self.assertEqual(result_titles(self.search("skybruddene", EN)), [])
        # And an English word is not in any Danish text.
        self.assertEqual(result_titles(self.search("cloudbursts")), [])

    def test_english_query_finds_english_pages_and_no_danish(self):
        response = self.search("cloudbursts", EN)
        self.assertEqual(result_titles(response), ["The cloudburst plan"])
        self.assertEqual(soup_of(response).html["lang"], "en")
        self.assertEqual(
            result_links(response), ["/en/strategy/climate-resilience/the-cloudburst-plan/"]
        )

    def test_untranslated_page_is_not_in_english_results(self):
        self.assertEqual(result_titles(self.search("zebrafish", EN)), [])
        self.assertEqual(result_titles(self.search("Grundvandsprojektet")), ["Kun på dansk"])
        self.assertFalse(SearchText.objects.filter(page=self.danish_only, language="en").exists())

    def test_citizens_words_find_the_shipped_pages(self):
        # "stormflod" is only part of compounds ("stormflodsbeskyttelse") in the shipped text.
        for query in ("stormflod", "Fjordbyen", "FJORDBYEN"):
            self.assertIn("Fjordbyen", result_titles(self.search(query)), query)

    def test_results_show_type_breadcrumbs_and_summary(self):
        response = self.search("skybruddene")
        item = soup_of(response).select_one(".search-results-section .search-result")
        self.assertEqual(
            item.select_one(".search-result__type").get_text(strip=True), "Resiliensprojekt"
        )
        path = item.select_one(".search-result__path").get_text(" ", strip=True)
        self.assertIn(self.strategy.title_da, path)
        self.assertIn(self.pillar.title_da, path)
        self.assertIn("2011", item.select_one(".search-result__summary").get_text())
        self.assertTrue(item.select(".search-result__summary mark"))

    def test_english_results_show_english_breadcrumbs(self):
        response = self.search("cloudbursts", EN)
        item = soup_of(response).select_one(".search-results-section .search-result")
        path = item.select_one(".search-result__path").get_text(" ", strip=True)
        self.assertIn(self.strategy.title_en, path)
        self.assertIn(self.pillar.title_en, path)

    def test_language_switcher_leads_to_the_other_search_page(self):
        switcher = soup_of(self.search("Fjordbyen")).select_one("nav.language-switcher")
        self.assertEqual(switcher.a["href"], "/en/search/?q=Fjordbyen")
        switcher = soup_of(self.search("flood", EN)).select_one("nav.language-switcher")
        self.assertEqual(switcher.a["href"], "/soeg/?q=flood")


class PublishingTests(SearchTestCase):
    def test_unpublished_page_never_appears(self):
        page = make_page(self.pillar, ProjectPage, "Hemmeligt projekt", "Secret project")
        self.assertEqual(result_titles(self.search("hemmeligt")), ["Hemmeligt projekt"])
        self.assertEqual(result_titles(self.search("secret", EN)), ["Secret project"])

        page.unpublish()
        self.assertEqual(result_titles(self.search("hemmeligt")), [])
        self.assertEqual(result_titles(self.search("secret", EN)), [])
        self.assertFalse(SearchText.objects.filter(page=page).exists())

        page.save_revision().publish()
        self.assertEqual(result_titles(self.search("hemmeligt")), ["Hemmeligt projekt"])

    def test_a_draft_never_appears(self):
        draft = make_page(self.pillar, ProjectPage, "Kladdeprojekt", "Draft project", live=False)
        self.assertEqual(result_titles(self.search("kladdeprojekt")), [])
        # Changes saved as a draft of a live page stay out until they are published.
        page = ProjectPage.objects.get(pk=self.flooding.pk)
        page.summary_da = "Udkastordet står kun i kladden."
        page.save_revision()
        self.assertEqual(result_titles(self.search("udkastordet")), [])
        page.get_latest_revision().publish()
        self.assertEqual(result_titles(self.search("udkastordet")), ["Oversvømmelser ved åen"])
        self.assertFalse(SearchText.objects.filter(page=draft).exists())

    def test_stale_rows_of_unpublished_pages_are_filtered_out(self):
        # Even if the index missed an unpublish (a bulk update sends no signal).
        Page.objects.filter(pk=self.cloudburst.pk).update(live=False)
        self.assertTrue(SearchText.objects.filter(page=self.cloudburst).exists())
        self.assertEqual(result_titles(self.search("skybruddene")), [])

    def test_private_pages_do_not_appear(self):
        PageViewRestriction.objects.create(
            page=self.cloudburst, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        self.assertEqual(result_titles(self.search("skybruddene")), [])

    def test_translating_a_page_adds_it_to_english_results(self):
        page = ProjectPage.objects.get(pk=self.danish_only.pk)
        page.title_en = "Groundwater"
        page.slug_en = "groundwater"
        page.save_revision().publish()
        self.assertEqual(result_titles(self.search("zebrafish", EN)), ["Groundwater"])

    def test_deleted_page_leaves_the_index(self):
        page_id = self.flooding.pk
        Page.objects.get(pk=page_id).delete()
        self.assertFalse(SearchText.objects.filter(page_id=page_id).exists())
        self.assertEqual(result_titles(self.search("bredder")), [])

    def test_moved_page_shows_its_new_place(self):
        other_pillar = PillarPage.objects.order_by("path").last()
        Page.objects.get(pk=self.cloudburst.pk).move(other_pillar, pos="last-child")
        item = soup_of(self.search("skybruddene")).select_one(".search-result")
        self.assertIn(other_pillar.title_da, item.select_one(".search-result__path").get_text())
        self.assertIn(other_pillar.slug_da, item.select_one(".search-result__title a")["href"])

    def test_an_indexing_failure_never_loses_the_editors_save(self):
        page = ProjectPage.objects.get(pk=self.flooding.pk)
        page.summary_da = "Ny tekst om åen."
        with (
            patch.object(SearchText.objects, "bulk_create", side_effect=DatabaseError("boom")),
            self.assertLogs("site_search.signals", "ERROR"),
        ):
            page.save_revision().publish()
        self.assertEqual(ProjectPage.objects.get(pk=page.pk).summary_da, "Ny tekst om åen.")
        call_command("rebuild_site_search", stdout=io.StringIO())
        self.assertEqual(result_titles(self.search("tekst om åen")), ["Oversvømmelser ved åen"])

    def test_rebuild_command_and_update_index(self):
        expected = sorted(SearchText.objects.values_list("page_id", "language"))
        SearchText.objects.all().delete()
        out = io.StringIO()
        call_command("rebuild_site_search", stdout=out)
        self.assertIn("site_search: indexed", out.getvalue())
        self.assertEqual(sorted(SearchText.objects.values_list("page_id", "language")), expected)
        SearchText.objects.all().delete()
        out = io.StringIO()
        call_command("update_index", stdout=out)
        self.assertIn("site_search: indexed", out.getvalue())
        self.assertEqual(sorted(SearchText.objects.values_list("page_id", "language")), expected)
        self.assertEqual(rebuild(), len(expected))

    def test_every_live_translated_page_is_indexed(self):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            for language in ("da", "en"):
                self.assertEqual(
                    SearchText.objects.filter(page=page, language=language).exists(),
                    is_translated(page, language),
                    (page.title_da, language),
                )


@skipUnless(connection.vendor == "postgresql", "stemming needs PostgreSQL's full-text search")
class PostgresStemmingTests(SearchTestCase):
    def test_danish_inflected_forms_match(self):
        self.assertEqual(result_titles(self.search("skybrud")), ["Skybrudsplanen"])
        self.assertIn("Skybrudsplanen", result_titles(self.search("skybruddet")))
        # Stemmed with the Danish configuration, not the English one.
        self.assertEqual(result_titles(self.search("skybrud", EN)), [])

    def test_english_inflected_forms_match(self):
        self.assertEqual(result_titles(self.search("floods", EN)), ["Flooding by the river"])
        self.assertIn("The cloudburst plan", result_titles(self.search("cloudburst", EN)))
        self.assertEqual(result_titles(self.search("floods")), [])

    def test_headline_marks_the_inflected_word(self):
        response = self.search("skybrud")
        marks = [m.get_text() for m in soup_of(response).select(".search-result mark")]
        self.assertIn("skybruddene", marks)

    def test_websearch_syntax(self):
        self.assertEqual(result_titles(self.search('"plan for regnvand"')), ["Skybrudsplanen"])
        self.assertEqual(result_titles(self.search("skybrud -regnvand")), [])

    def test_vectors_use_the_language_configuration(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT search_vector::text FROM site_search_searchtext "
                "WHERE page_id = %s AND language = %s",
                [self.flooding.pk, "en"],
            )
            (vector,) = cursor.fetchone()
        self.assertIn("'flood'", vector)

    def test_vectors_have_a_gin_index(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'site_search_vector_gin'"
            )
            (definition,) = cursor.fetchone()
        self.assertIn("USING gin (search_vector)", definition)


@skipUnless(connection.vendor == "sqlite", "the plain-matching path runs where there is no FTS")
class PlainMatchingTests(SearchTestCase):
    def test_words_match_case_insensitively_also_beyond_ascii(self):
        self.assertEqual(
            result_titles(self.search("OVERSVØMMELSER ÅEN")), ["Oversvømmelser ved åen"]
        )
        self.assertEqual(result_titles(self.search("skybrud")), ["Skybrudsplanen"])

    def test_every_word_must_match_and_titles_come_first(self):
        self.assertEqual(result_titles(self.search("skybrud hedensted")), [])
        titles = result_titles(self.search("plan", EN))
        self.assertEqual(titles[0], "The cloudburst plan")

    def test_python_highlighting(self):
        response = self.search("ÅEN")
        marks = [m.get_text() for m in soup_of(response).select(".search-result mark")]
        self.assertIn("åen", marks)


class HighlightingTests(SearchTestCase):
    def test_summary_html_is_escaped_before_marking(self):
        make_page(
            self.pillar,
            ProjectPage,
            "Markupprojekt",
            "Markup project",
            summary_da='Regnvand <script>alert("x")</script> & <b>tagprojekt</b>',
        )
        html = self.search("tagprojekt").content.decode()
        self.assertNotIn('<script>alert("x")', html)
        self.assertNotIn("<b>tagprojekt", html)
        self.assertIn("&lt;script&gt;", html)
        self.assertIn("<mark>tagprojekt</mark>", html)

    def test_query_is_escaped(self):
        html = self.search('<img src=x onerror="alert(1)">').content.decode()
        self.assertNotIn("<img src=x", html)
        self.assertIn("&lt;img src=x", html)

    def test_highlight_helpers(self):
        self.assertEqual(
            str(highlight("Vejle & <fjord> Fjord", ["fjord"])),
            "Vejle &amp; &lt;<mark>fjord</mark>&gt; <mark>Fjord</mark>",
        )
        self.assertEqual(
            str(highlight("amp &amp;", ["amp"])), "<mark>amp</mark> &amp;<mark>amp</mark>;"
        )
        text = "ord " * 100 + "skybrud " + "ord " * 100
        snippet = str(excerpt(text, ["skybrud"]))
        self.assertIn("<mark>skybrud</mark>", snippet)
        self.assertTrue(snippet.startswith("… ") and snippet.endswith(" …"))
        self.assertLess(len(snippet), 260)

    def test_body_excerpt_when_there_is_no_summary(self):
        # The shipped Fjordbyen project's body mentions Byplanprisen; its summary does not.
        response = self.search("byplanprisen")
        item = soup_of(response).select_one(".search-results-section .search-result")
        self.assertIn("Byplanprisen", item.select_one(".search-result__summary").get_text())


class PageStatesTests(SearchTestCase):
    def test_empty_query_shows_guidance(self):
        for params in ({}, {"q": ""}, {"q": "   "}):
            response = self.client.get(DA, params)
            self.assertEqual(response.status_code, 200)
            page = soup_of(response)
            self.assertIsNotNone(page.select_one(".search-guidance"))
            self.assertIsNone(page.select_one(".search-results-section"))

    def test_no_results_shows_the_pillars_and_the_contact_page(self):
        for url, language in ((DA, "da"), (EN, "en")):
            response = self.search("xyzzyquux", url)
            suggestions = soup_of(response).select_one(".search-suggestions")
            links = {a["href"]: a.get_text(strip=True) for a in suggestions.select("a")}
            with translation.override(language):
                for pillar in PillarPage.objects.live():
                    self.assertEqual(links[pillar.get_url()], pillar.title)
                self.assertEqual(links[self.contact.get_url()], self.contact.title)
            prefix = "/en/" if language == "en" else "/"
            self.assertTrue(all(href.startswith(prefix) for href in links))
            if language == "da":
                self.assertTrue(all(not href.startswith("/en/") for href in links))

    def test_search_page_is_noindex_and_has_a_title(self):
        response = self.search("Fjordbyen")
        page = soup_of(response)
        self.assertEqual(page.find("meta", attrs={"name": "robots"})["content"], "noindex")
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        self.assertIn("Fjordbyen", page.title.get_text())
        self.assertIn("Resiliente Vejle", page.title.get_text())

    def test_only_get_and_head(self):
        self.assertEqual(self.client.post(DA, {"q": "x"}).status_code, 405)
        self.assertEqual(self.client.head(DA, {"q": "Fjordbyen"}).status_code, 200)

    def test_pagination(self):
        for number in range(12):
            make_page(
                self.pillar,
                ProjectPage,
                f"Sidetælling {number:02d}",
                f"Paging {number:02d}",
                summary_da="Et fælles ord: paginationsord.",
            )
        query = Query.objects.create(query_string="paginationsord")
        SearchPromotion.objects.create(query=query, page=self.contact, sort_order=0)
        first = self.search("paginationsord")
        self.assertEqual(len(result_titles(first)), 10)
        self.assertIsNotNone(soup_of(first).select_one(".search-promotions"))
        self.assertIn("12 resultater", soup_of(first).select_one(".search-count").get_text())
        nav = soup_of(first).select_one("nav.pagination")
        self.assertEqual(nav.select_one("a[rel=next]")["href"], "/soeg/?q=paginationsord&page=2")
        second = self.search("paginationsord", page="2")
        self.assertEqual(len(result_titles(second)), 2)
        self.assertEqual(
            soup_of(second).select_one("nav.pagination a[rel=prev]")["href"],
            "/soeg/?q=paginationsord",
        )
        self.assertFalse(set(result_titles(first)) & set(result_titles(second)))
        # Promotions only on the first page.
        self.assertIsNone(soup_of(second).select_one(".search-promotions"))
        # Past the end (however far): the last page; not a plain number: the first.
        self.assertEqual(
            result_titles(self.search("paginationsord", page="999999")), result_titles(second)
        )
        self.assertEqual(
            result_titles(self.search("paginationsord", page="9" * 5000)), result_titles(second)
        )
        for bad in ("abc", "0", "-1", "1.5", "", "٣"):
            self.assertEqual(
                result_titles(self.search("paginationsord", page=bad)), result_titles(first), bad
            )


class PromotionTests(SearchTestCase):
    def promote(self, query_string, *pages):
        query = Query.objects.create(query_string=query_string)
        for order, page in enumerate(pages):
            SearchPromotion.objects.create(query=query, page=page, sort_order=order)

    def test_promoted_pages_come_first_with_a_label(self):
        self.promote("skybrud", self.contact, self.danish_only)
        response = self.search("  Skybrud ")
        page = soup_of(response)
        promotions = page.select_one(".search-promotions")
        self.assertEqual(
            [a.get_text(strip=True) for a in promotions.select(".search-result__title a")],
            [self.contact.title_da, "Kun på dansk"],
        )
        self.assertIn("Anbefalet", promotions.get_text())
        # Above the results.
        sections = [s.get("class")[0] for s in page.select("main section")]
        self.assertEqual(sections[:2], ["search-promotions", "search-results-section"])

    def test_promotions_only_in_the_visitors_language_and_only_live(self):
        self.promote("skybrud", self.danish_only, self.contact, self.flooding)
        Page.objects.get(pk=self.flooding.pk).unpublish()
        response = self.search("skybrud", EN)
        promotions = soup_of(response).select_one(".search-promotions")
        self.assertEqual(
            [a["href"] for a in promotions.select(".search-result__title a")], ["/en/contact/"]
        )

    def test_promotions_show_even_without_results(self):
        self.promote("kontakt os", self.contact)
        page = soup_of(self.search("Kontakt  os"))
        self.assertIsNotNone(page.select_one(".search-promotions"))

    def test_moderators_can_be_given_the_permission(self):
        codenames = set(
            Permission.objects.filter(
                content_type__app_label="wagtailsearchpromotions"
            ).values_list("codename", flat=True)
        )
        self.assertTrue(
            {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"} <= codenames
        )
        registered = set()
        for fn in hooks.get_hooks("register_permissions"):
            registered |= set(fn().values_list("codename", flat=True))
        self.assertIn("change_searchpromotion", registered)


class AdminAutocompleteTests(SearchTestCase):
    def test_titles_autocomplete_in_both_languages(self):
        backend = get_search_backend()
        for prefix, page in (
            ("Skybrudsp", self.cloudburst),
            ("cloudbur", self.cloudburst),
            ("Oversvøm", self.flooding),
            ("Floodin", self.flooding),
        ):
            found = [p.pk for p in backend.autocomplete(prefix, Page)]
            self.assertIn(page.pk, found, prefix)

    def test_admin_page_search_finds_english_titles(self):
        from django.contrib.auth import get_user_model

        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.client.force_login(admin)
        response = self.client.get("/admin/pages/search/", {"q": "cloudburst"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Skybrudsplanen")


class BadInputTests(SearchTestCase):
    BAD_QUERIES = [
        '"',
        '"""',
        "'",
        "' OR 1=1 --",
        "'; DROP TABLE site_search_searchtext; --",
        "&|!():*<>",
        "!",
        "-",
        "skybrud & | ! ( ) : * < >",
        "skybrud:*",
        '"skybrud',
        "or",
        "OR OR",
        "- - -",
        "\\",
        "%",
        "_",
        "a" * 300,
        "🌊🌧️ stormflod 🌊",
        "🌊",
        "\u200b\u202e",
        "\x01\x1f",
        "ﷺ" * 50,
        "x " * 5000,
        "skybrud " * 1250,
        "ø" * 10_000,
        "²³ e\u0301 \u3000 ｓｋｙ！",
        "a:* & b | !c <-> d",
        "foo<->bar",
        "\\x00 %00",
        "stormflod -",
        "-stormflod",
        '"" "" ""',
    ]

    def assert_bounded(self, url, params):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200, params)
        self.assertLessEqual(len(queries), MAX_QUERIES, params)
        return response

    def test_odd_and_hostile_queries_answer_200_with_bounded_queries(self):
        for url in (DA, EN):
            for query in self.BAD_QUERIES:
                self.assert_bounded(url, {"q": query})

    def test_long_query_is_cut_and_says_so(self):
        response = self.assert_bounded(DA, {"q": "skybruddene " + "x" * 10_000})
        page = soup_of(response)
        self.assertIsNotNone(page.select_one(".search-notice"))
        self.assertIn(str(MAX_QUERY_LENGTH), page.select_one(".search-notice").get_text())
        value = page.select_one("main input[type=search]")["value"]
        self.assertLessEqual(len(value), MAX_QUERY_LENGTH)
        self.assertEqual(result_titles(response), [])
        self.assertIsNone(soup_of(self.search("skybruddene")).select_one(".search-notice"))

    def test_page_numbers_are_capped(self):
        for page in ("999999", "9" * 10_000, "abc", "-5", "1e9", "0x10"):
            self.assert_bounded(DA, {"q": "Fjordbyen", "page": page})

    def test_many_parameters(self):
        self.assert_bounded(DA, {"q": ["a", "b", "Fjordbyen"], "page": ["1", "2"], "x": "y"})

    def test_invalid_utf8_and_nul_answer_400(self):
        for path in (
            "/soeg/?q=%ff",
            "/soeg/?q=%C3%28",
            "/en/search/?q=%ff%fe",
            "/soeg/?q=%00",
            "/soeg/?q=skybrud%00",
            "/en/search/?q=a&page=%00",
        ):
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(path)
            self.assertEqual(response.status_code, 400, path)
            self.assertLessEqual(len(queries), MAX_QUERIES, path)

    def test_query_count_does_not_grow_with_results(self):
        for number in range(8):
            make_page(self.pillar, ProjectPage, f"Tællerside {number}", summary_da="tælleord")
        with CaptureQueriesContext(connection) as one:
            self.search("Skybrudsplanen")
        with CaptureQueriesContext(connection) as many:
            self.search("tælleord")
        self.assertEqual(len(result_titles(self.search("tælleord"))), 8)
        self.assertLessEqual(len(many), len(one) + 1)

    def test_parse_query(self):
        self.assertEqual(parse_query(None).text, "")
        self.assertEqual(parse_query("  Storm\tflod \x00 ").text, "Storm flod")
        parsed = parse_query("Skybrud skybrud, ØSTBYEN!")
        self.assertEqual(parsed.terms, ["skybrud", "østbyen"])
        long = parse_query("x" * 10_000)
        self.assertTrue(long.truncated)
        self.assertEqual(len(long.text), MAX_QUERY_LENGTH)
        self.assertFalse(parse_query(" " * 10_000).truncated)


class MarkupTests(SearchTestCase):
    def public_urls(self):
        urls = []
        for page in Page.objects.live().filter(depth__gt=1).specific():
            for language in ("da", "en"):
                if is_translated(page, language):
                    with translation.override(language):
                        urls.append(page.get_url())
        return urls

    def test_header_search_form_on_every_page(self):
        urls = self.public_urls() + [DA, EN, f"{DA}?q=Fjordbyen", "/findes-ikke/", "/en/nope/"]
        self.assertGreater(len(urls), 20)
        for url in urls:
            response = self.client.get(url)
            page = soup_of(response)
            form = page.select_one("header.site-header form[role=search]")
            self.assertIsNotNone(form, url)
            self.assertEqual(form["method"], "get")
            english = url.startswith("/en/")
            self.assertEqual(form["action"], EN if english else DA, url)
            field = form.select_one("input[type=search]")
            self.assertEqual(field["name"], "q")
            label = form.find("label", attrs={"for": field["id"]})
            self.assertTrue(label and label.get_text(strip=True), url)
            self.assertTrue(form.get("aria-label"), url)
            self.assertIsNotNone(form.select_one("button[type=submit]"))
            # Ids stay unique where the page has a second search form.
            ids = [tag["id"] for tag in page.select("[id]")]
            self.assertEqual(len(ids), len(set(ids)), url)

    def test_search_page_landmarks_and_headings(self):
        for response in (
            self.search("skybruddene"),
            self.search(""),
            self.search("xyzzy"),
            self.search("cloudbursts", EN),
        ):
            page = soup_of(response)
            forms = page.select("form[role=search]")
            self.assertEqual(len(forms), 2)
            main_form = page.select_one("main form[role=search]")
            self.assertEqual(main_form["aria-labelledby"], "search-heading")
            self.assertEqual(page.find(id="search-heading").name, "h1")
            self.assertEqual(len(page.find_all("h1")), 1)
            # Heading levels never skip (h1 → h2 → h3).
            levels = [int(h.name[1]) for h in page.select("main h1, main h2, main h3")]
            for previous, current in zip(levels, levels[1:], strict=False):
                self.assertLessEqual(current, previous + 1, levels)
            field = main_form.select_one("input[type=search]")
            label = main_form.find("label", attrs={"for": field["id"]})
            self.assertNotIn("visually-hidden", label.get("class", []))

    def test_query_is_filled_in_on_the_search_page_only(self):
        page = soup_of(self.search("Fjordbyen"))
        self.assertEqual(page.select_one("main input[type=search]")["value"], "Fjordbyen")
        self.assertEqual(page.select_one("header input[type=search]")["value"], "")
