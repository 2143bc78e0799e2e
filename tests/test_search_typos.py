"""Search forgives typos: trigram similarity (pg_trgm) on PostgreSQL, plain matching on SQLite."""

from unittest import skipIf, skipUnless
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from site_search.indexing import rebuild
from site_search.models import SearchWord
from site_search.query import best_form, similarity
from strategy.models import PillarPage, ProjectPage
from tests.factories import make_page
from tests.initial_content import load_initial_content
from tests.test_site_search import MAX_QUERIES, result_titles

DA, EN = "/soeg/", "/en/search/"

# (language, misspelt query, the corrected query, a page title it must find)
MISSPELT = [
    ("da", "fjordbyn", "fjordbyen", "Fjordbyen"),
    ("da", "stormflood", "stormflod", "Stormflodsbeskyttelse"),
    ("da", "resilliens", "resiliens", "Social resiliens – forebyggelse og sammenhængskraft"),
    ("da", "finlandparken", "finlandsparken", "Udviklingsplan for Finlandsparken"),
    ("da", "folkemode", "folkemøde", "Vejles Folkemøde"),
    ("da", "partnerskabr", "partnerskaber", "Samarbejde og partnerskaber"),
    ("da", "stormflod fjordbyn", "stormflod fjordbyen", "Fjordbyen"),
    ("en", "knock-on efects", "knock on effects", "Knock-on effects"),
    ("en", "fjordbyn", "fjordbyen", "Fjordbyen"),
    ("en", "finlandparken", "finlandsparken", "Finlandsparken development plan"),
    (
        "en",
        "partnerships collaberation",
        "partnerships collaboration",
        "Collaboration and partnerships",
    ),
]


def correction_link(response):
    paragraph = BeautifulSoup(response.content, "html.parser").select_one(".search-correction")
    return paragraph.a if paragraph else None


class TypoTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()


@skipUnless(connection.vendor == "postgresql", "pg_trgm is PostgreSQL's")
class TypoCorrectionTests(TypoTestCase):
    def test_misspelt_queries_find_their_pages(self):
        for language, query, corrected, title in MISSPELT:
            with self.subTest(query=query, language=language):
                response = self.client.get(DA if language == "da" else EN, {"q": query})
                self.assertEqual(response.status_code, 200)
                self.assertIn(title, result_titles(response))
                link = correction_link(response)
                self.assertIsNotNone(link, "Mente du …?")
                self.assertEqual(link.get_text(), corrected)
                self.assertEqual(parse_qs(urlsplit(link["href"]).query)["q"], [corrected])
                self.assertEqual(urlsplit(link["href"]).path, DA if language == "da" else EN)
                # The corrected search itself finds the page, without a correction.
                followed = self.client.get(link["href"])
                self.assertIn(title, result_titles(followed))
                self.assertIsNone(correction_link(followed))

    def test_the_page_says_what_it_shows_in_the_visitors_language(self):
        response = self.client.get(DA, {"q": "fjordbyn"})
        self.assertContains(response, "Ingen resultater for »fjordbyn«. Viser")
        self.assertContains(response, "Mente du")
        response = self.client.get(EN, {"q": "fjordbyn"})
        self.assertContains(response, "No results for “fjordbyn”. Showing")
        self.assertContains(response, "Did you mean")

    def test_an_unsure_correction_is_offered_without_results(self):
        # "kimaresilens" is 0.45 like "klimaresiliens": a suggestion, not results.
        response = self.client.get(DA, {"q": "kimaresilens"})
        self.assertEqual(result_titles(response), [])
        link = correction_link(response)
        self.assertEqual(link.get_text(), "klimaresiliens")
        self.assertContains(response, "Ingen resultater for »kimaresilens«")
        self.assertIn(
            "Klimaresiliens – vandet og det grønne", result_titles(self.client.get(link["href"]))
        )

    def test_english_stemming_still_comes_first(self):
        # "resilence" stems like "resilient": full-text search finds pages, no correction.
        response = self.client.get(EN, {"q": "resilence"})
        self.assertTrue(result_titles(response))
        self.assertIsNone(correction_link(response))

    def test_no_correction_for_right_spelling_or_nonsense(self):
        for query in ("fjordbyen", "stormflod", "xqzvwk", "a", "2016", "😀"):
            with self.subTest(query=query):
                self.assertIsNone(correction_link(self.client.get(DA, {"q": query})))

    def test_hostile_queries_are_escaped_and_bounded(self):
        queries = [
            "<script>alert(1)</script> fjordbyn",
            "fjordbyn' OR 1=1 --",
            "fjordbyn %_\\",
            " ".join(["fjordbyn", "stormflood", "resilliens", "partnerskabr", "finlandparken"] * 3),
        ]
        for query in queries:
            with self.subTest(query=query[:30]):
                with CaptureQueriesContext(connection) as queries_run:
                    response = self.client.get(DA, {"q": query})
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "<script>alert")
                # A correction costs one query per looked-up word (4 at most) and the corrected
                # search's two.
                self.assertLessEqual(len(queries_run), MAX_QUERIES + 4 + 2)

    def test_a_published_word_is_corrected_at_once(self):
        pillar = PillarPage.objects.order_by("path").first()
        page = make_page(pillar, ProjectPage, "Bølgebryderen", "The breakwater")
        page.save_revision().publish()
        response = self.client.get(DA, {"q": "bølgebrydren"})
        self.assertIn("Bølgebryderen", result_titles(response))
        self.assertEqual(correction_link(response).get_text(), "bølgebryderen")
        self.assertTrue(SearchWord.objects.filter(language="en", word="breakwater").exists())

    def test_rebuild_refills_the_words(self):
        SearchWord.objects.all().delete()
        rebuild()
        self.assertTrue(SearchWord.objects.filter(language="da", word="fjordbyen").exists())
        self.assertFalse(SearchWord.objects.filter(language="da", word="the").exists())

    def test_the_trigram_index_exists(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'site_search_searchword'"
            )
            definitions = " ".join(row[0] for row in cursor.fetchall())
        self.assertIn("gin_trgm_ops", definitions)


@skipIf(connection.vendor == "postgresql", "SQLite keeps plain matching")
class PlainMatchingTests(TypoTestCase):
    def test_misspelt_queries_find_nothing_and_offer_no_correction(self):
        for language, query, _corrected, _title in MISSPELT:
            with self.subTest(query=query):
                response = self.client.get(DA if language == "da" else EN, {"q": query})
                self.assertEqual(result_titles(response), [])
                self.assertIsNone(correction_link(response))
        self.assertFalse(SearchWord.objects.exists())


class SimilarityTests(TestCase):
    """The Python side of the comparison counts trigrams as pg_trgm does."""

    def test_similarity_and_compound_starts(self):
        self.assertAlmostEqual(similarity("fjordbyn", "fjordbyen"), 7 / 12)
        self.assertEqual(similarity("storm", "storm"), 1.0)
        self.assertEqual(best_form("fjordbyn", "fjordbyen"), (7 / 12, "fjordbyen"))
        score, form = best_form("stormflood", "stormflodsbeskyttelse")
        self.assertEqual(form, "stormflod")
        self.assertGreaterEqual(score, 0.5)
