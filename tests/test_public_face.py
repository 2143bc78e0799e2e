"""The public face in HTML: header, menu, breadcrumbs, language links and the home page's story.

The same things measured in a real browser (alignment, the fold, widths) are in
tests/browser/test_public_face_in_browser.py.
"""

from bs4 import BeautifulSoup
from django.test import SimpleTestCase, TestCase

from core.models import SiteSettings, short_title
from strategy.models import PillarPage
from tests.initial_content import load_initial_content

PILLAR_DA = "/strategien/klimaresiliens/"
PROJECT_DA = "/strategien/klimaresiliens/fjordbyen/"
PROJECT_EN = "/en/strategy/climate-resilience/fjordbyen/"


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


class ShortTitleTests(SimpleTestCase):
    def test_the_subtitle_after_a_dash_is_left_out(self):
        self.assertEqual(short_title("Klimaresiliens – vandet og det grønne"), "Klimaresiliens")
        self.assertEqual(short_title("Resilient Vejle — we turn challenges"), "Resilient Vejle")

    def test_a_title_without_a_subtitle_stays_whole(self):
        for title in ["Fjordbyen", "Grøn-blå løsninger", "Åbne data", "–"]:
            self.assertEqual(short_title(title), title)


class PublicFaceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def get_soup(self, url: str, status: int = 200) -> BeautifulSoup:
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        return soup_of(response)

    # -- the site's name ---------------------------------------------------------------------
    def test_site_name_follows_the_language_in_header_title_and_share_card(self):
        for url, name, other in [
            (PROJECT_DA, "Resiliente Vejle", "Resilient Vejle"),
            (PROJECT_EN, "Resilient Vejle", "Resiliente Vejle"),
        ]:
            with self.subTest(url=url):
                soup = self.get_soup(url)
                self.assertEqual(soup.select_one(".site-header__name").get_text(), name)
                self.assertTrue(soup.title.string.endswith(f" | {name}"), soup.title.string)
                site_name = soup.find("meta", property="og:site_name")["content"]
                self.assertEqual(site_name, name)
                self.assertNotIn(other, soup.select_one(".site-header").get_text())

    def test_site_name_on_the_404_page_follows_the_language(self):
        for url, name in [
            ("/findes-ikke/", "Resiliente Vejle"),
            ("/en/n%C3%B8gle/", "Resilient Vejle"),
        ]:
            with self.subTest(url=url):
                soup = self.get_soup(url, 404)
                self.assertEqual(soup.select_one(".site-header__name").get_text(), name)
                self.assertTrue(soup.title.string.endswith(f" | {name}"))

    # -- the municipality's wordmark ---------------------------------------------------------
    def test_wordmark_leads_to_the_municipality_site_from_the_settings(self):
        settings = SiteSettings.objects.get()
        settings.municipality_url = "https://www.vejle.dk/om-kommunen/"
        settings.save()
        for url, lang in [("/", None), ("/en/", "da")]:
            with self.subTest(url=url):
                wordmark = self.get_soup(url).select_one(".site-header .wordmark")
                self.assertEqual(wordmark["href"], "https://www.vejle.dk/om-kommunen/")
                self.assertEqual(wordmark.get_text(), "Vejle Kommune")
                # A Danish name on an English page is marked as Danish.
                self.assertEqual(wordmark.get("lang"), lang)

    # -- the main menu -----------------------------------------------------------------------
    def menu_current(self, url: str) -> dict[str, str]:
        links = self.get_soup(url).select("nav.main-navigation a")
        self.assertGreater(len(links), 3, url)
        return {
            link.get_text(): link["aria-current"] for link in links if link.has_attr("aria-current")
        }

    def test_menu_marks_the_current_section_and_the_exact_page(self):
        self.assertEqual(self.menu_current("/strategien/"), {"Resiliensstrategien": "page"})
        self.assertEqual(self.menu_current(PROJECT_DA), {"Resiliensstrategien": "true"})
        self.assertEqual(self.menu_current(PROJECT_EN), {"The resilience strategy": "true"})
        self.assertEqual(
            self.menu_current("/principper/samarbejde-og-partnerskaber/"),
            {"De fem principper": "true"},
        )
        # The home page and a page outside the menu's sections mark nothing.
        self.assertEqual(self.menu_current("/"), {})
        self.assertEqual(self.menu_current("/privatliv/"), {})

    # -- breadcrumbs and the back link -------------------------------------------------------
    def test_breadcrumbs_end_in_the_page_as_text_and_name_ancestors_briefly(self):
        crumbs = self.get_soup(PROJECT_DA).select_one("nav.breadcrumbs")
        items = crumbs.select("ol > li")
        self.assertEqual(
            [item.get_text(strip=True) for item in items],
            ["Resiliente Vejle", "Resiliensstrategien", "Klimaresiliens", "Fjordbyen"],
        )
        last = items[-1]
        self.assertIsNone(last.find("a"), "the current page links to itself")
        self.assertEqual(last.find(attrs={"aria-current": "page"}).get_text(), "Fjordbyen")
        self.assertEqual(len(crumbs.select('[aria-current="page"]')), 1)

    def test_back_link_uses_the_parents_short_title(self):
        for url, text, href in [
            (PROJECT_DA, "Tilbage til Klimaresiliens", PILLAR_DA),
            (PROJECT_EN, "Back to Climate resilience", "/en/strategy/climate-resilience/"),
            (PILLAR_DA, "Tilbage til Resiliensstrategien", "/strategien/"),
            ("/strategien/", "Tilbage til Resiliente Vejle", "/"),
        ]:
            with self.subTest(url=url):
                back = self.get_soup(url).select_one(".breadcrumbs__back")
                self.assertEqual(back.get_text(), text)
                self.assertEqual(back["href"], href)

    def test_pillar_with_a_subtitle_keeps_it_in_its_own_heading(self):
        pillar = PillarPage.objects.get(url_path_da__endswith="/klimaresiliens/")
        self.assertIn(" – ", pillar.title_da)
        self.assertEqual(self.get_soup(PILLAR_DA).h1.get_text(), pillar.title_da)

    # -- language links ----------------------------------------------------------------------
    def language_links(self, soup) -> list[tuple[str, str, str]]:
        return [
            (link.get_text(strip=True), link["lang"], link["hreflang"])
            for link in soup.select("nav.language-switcher a")
        ]

    def test_language_links_name_each_language_in_itself(self):
        cases = [
            ("/", 200, [("English", "en", "en")]),
            ("/en/", 200, [("Dansk", "da", "da")]),
            (PROJECT_DA, 200, [("English", "en", "en")]),
            # The 404 pages have no page to translate: they lead to the other home page.
            ("/findes-ikke/", 404, [("English", "en", "en")]),
            ("/en/does-not-exist/", 404, [("Dansk", "da", "da")]),
        ]
        for url, status, expected in cases:
            with self.subTest(url=url):
                soup = self.get_soup(url, status)
                self.assertEqual(self.language_links(soup), expected)
                self.assertNotIn("engelsk", soup.select_one("nav.language-switcher").get_text())

    # -- the home page's story ---------------------------------------------------------------
    def test_home_tells_name_sentence_and_pillars_before_the_body(self):
        main = self.get_soup("/").main
        order = [
            element.name if element.name == "h1" else " ".join(element.get("class", []))
            for element in main.select(
                "h1, .home-hero__summary, .pillars, .block-quote, .principles"
            )
        ]
        self.assertEqual(
            order,
            ["h1", "home-hero__summary", "pillars pillars--home", "block-quote", "principles"],
        )
        pillars = main.select(".pillars .page-card")
        self.assertEqual(len(pillars), 3)
        for card, theme in zip(pillars, ["climate", "social", "democracy"], strict=True):
            self.assertIn(f"page-card--{theme}", card["class"])
            self.assertIsNotNone(card.select_one("svg.pillar-icon"))
        # The illustration is decorative and drawn inline (no image request).
        hero = main.select_one(".home-hero svg.hero-illustration")
        self.assertEqual(hero["aria-hidden"], "true")
        self.assertEqual(main.select(".home-hero img"), [])

    def test_principles_apply_across_the_pillars_and_lead_to_the_matrix(self):
        for url, text, href in [
            ("/", "gælder på tværs af alle tre søjler", "/projekter/#matrix-heading"),
            ("/en/", "apply across all three pillars", "/en/projects/#matrix-heading"),
        ]:
            with self.subTest(url=url):
                principles = self.get_soup(url).select_one("section.principles")
                self.assertIn(text, principles.select_one(".principles__intro").get_text())
                self.assertEqual(principles.select_one(".principles__intro a")["href"], href)
                self.assertEqual(len(principles.select(".principle-row a")), 5)
        catalogue = self.get_soup("/projekter/")
        self.assertIsNotNone(catalogue.find(id="matrix-heading"))

    def test_privacy_page_is_in_the_footer_not_among_the_home_cards(self):
        for url, privacy in [("/", "/privatliv/"), ("/en/", "/en/privacy/")]:
            with self.subTest(url=url):
                soup = self.get_soup(url)
                cards = [link["href"] for link in soup.select("main .sections .page-card a")]
                self.assertIn("/strategien/" if url == "/" else "/en/strategy/", cards)
                self.assertNotIn(privacy, cards)
                footer = [link["href"] for link in soup.select(".site-footer a")]
                self.assertIn(privacy, footer)

    def test_home_page_has_no_trail_of_itself(self):
        self.assertIsNone(self.get_soup("/").select_one("nav.breadcrumbs"))
