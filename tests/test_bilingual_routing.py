"""Danish at unprefixed URLs, English under /en/, untranslated pages, bad addresses."""

import re

from django.test import TestCase

from strategy.models import ProjectPage
from tests.factories import make_page, make_site_tree


def html_lang(response) -> str:
    match = re.search(r'<html lang="([a-z-]+)">', response.content.decode())
    return match.group(1) if match else ""


def hreflang_links(response) -> dict[str, str]:
    return dict(
        re.findall(
            r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', response.content.decode()
        )
    )


class LanguageRoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()

    def test_danish_is_unprefixed_and_english_lives_under_en(self):
        for url, lang, title in (
            ("/", "da", "Resiliente Vejle"),
            ("/en/", "en", "Resilient Vejle"),
            ("/strategien/", "da", "Strategien"),
            ("/en/strategy/", "en", "The strategy"),
            ("/strategien/klimaresiliens/fjordbyen/", "da", "Fjordbyen"),
            ("/en/strategy/climate-resilience/the-fjord-city/", "en", "The Fjord City"),
        ):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertEqual(html_lang(response), lang, url)
            self.assertContains(response, f"<h1>{title}</h1>", html=False)

    def test_root_is_danish_whatever_the_browser_prefers(self):
        self.client.cookies["django_language"] = "en"
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(html_lang(response), "da")
        self.assertNotIn("Set-Cookie", response.headers)

    def test_language_switcher_leads_to_the_same_page(self):
        response = self.client.get("/strategien/klimaresiliens/fjordbyen/")
        self.assertContains(
            response,
            '<a href="/en/strategy/climate-resilience/the-fjord-city/" hreflang="en" lang="en">'
            "English</a>",
        )
        response = self.client.get("/en/strategy/climate-resilience/the-fjord-city/")
        self.assertContains(
            response,
            '<a href="/strategien/klimaresiliens/fjordbyen/" hreflang="da" lang="da">Dansk</a>',
        )

    def test_hreflang_alternates_and_x_default(self):
        response = self.client.get("/en/strategy/")
        self.assertEqual(
            hreflang_links(response),
            {
                "da": "http://testserver/strategien/",
                "en": "http://testserver/en/strategy/",
                "x-default": "http://testserver/strategien/",
            },
        )
        self.assertContains(
            response, '<link rel="canonical" href="http://testserver/en/strategy/">'
        )

    def test_breadcrumbs_end_in_the_current_page(self):
        response = self.client.get("/en/strategy/climate-resilience/the-fjord-city/")
        crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', response.content.decode(), re.S)
        self.assertIsNotNone(crumbs)
        labels = re.findall(r"<li><a [^>]*>([^<]+)</a></li>", crumbs.group(0))
        self.assertEqual(labels, ["Resilient Vejle", "The strategy", "Climate resilience"])
        # The current page is the trail's end as text, not a link to itself.
        self.assertIn('<li><span aria-current="page">The Fjord City</span></li>', crumbs.group(0))
        self.assertIn("Back to Climate resilience", crumbs.group(0))

    def test_interface_strings_follow_the_language(self):
        self.assertContains(self.client.get("/"), "Gå til hovedindhold")
        self.assertContains(self.client.get("/"), "Tilgængelighedserklæring")
        english = self.client.get("/en/")
        self.assertContains(english, "Skip to main content")
        self.assertContains(english, "Accessibility statement")
        self.assertNotContains(english, "Tilgængelighedserklæring")


class UntranslatedPageTests(TestCase):
    """A page without an English title: hidden in English, and /en/ says it is Danish only."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.danish_only = make_page(
            cls.tree["pillar"], ProjectPage, "Kun på dansk", summary_da="Et dansk resumé"
        )

    def test_danish_page_is_served_and_listed(self):
        self.assertEqual(
            self.client.get("/strategien/klimaresiliens/kun-pa-dansk/").status_code, 200
        )
        self.assertContains(self.client.get("/strategien/klimaresiliens/"), "Kun på dansk")

    def test_left_out_of_english_listings(self):
        response = self.client.get("/en/strategy/climate-resilience/")
        self.assertContains(response, "The Fjord City")
        self.assertNotContains(response, "Kun på dansk")
        self.assertNotContains(response, "Et dansk resumé")

    def test_no_english_alternate_on_the_danish_page(self):
        response = self.client.get("/strategien/klimaresiliens/kun-pa-dansk/")
        self.assertEqual(set(hreflang_links(response)), {"da", "x-default"})
        # The switcher offers the English home page instead, and says why.
        self.assertContains(response, '<a href="/en/" hreflang="en" lang="en">English')
        self.assertContains(response, "this page is not available in this language")

    def test_english_address_says_danish_only_with_noindex(self):
        response = self.client.get("/en/strategy/climate-resilience/kun-pa-dansk/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(html_lang(response), "en")
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        self.assertContains(response, '<meta name="robots" content="noindex">')
        self.assertContains(response, "This page is only available in Danish")
        self.assertContains(
            response,
            '<a href="/strategien/klimaresiliens/kun-pa-dansk/" hreflang="da" lang="da">'
            "Kun på dansk</a>",
        )
        # The Danish text itself is not shown under lang="en".
        self.assertNotContains(response, "Et dansk resumé")
        self.assertNotIn("en", hreflang_links(response))

    def test_english_menu_leaves_out_untranslated_top_level_pages(self):
        home = self.tree["home"]
        for page in home.get_children():
            page.show_in_menus = True
            page.save()
        from core.models import InformationPage

        make_page(home, InformationPage, "Kun dansk info", show_in_menus=True)
        danish_nav = self._main_nav(self.client.get("/"))
        english_nav = self._main_nav(self.client.get("/en/"))
        self.assertIn("Kun dansk info", danish_nav)
        self.assertNotIn("Kun dansk info", english_nav)
        self.assertIn("The strategy", english_nav)

    def test_translated_page_below_an_untranslated_one(self):
        """The English page is served; its Danish-only ancestor is marked as Danish text."""
        from strategy.models import PillarPage

        pillar = make_page(self.tree["strategy"], PillarPage, "Kun dansk søjle", theme="social")
        make_page(pillar, ProjectPage, "Tosproget projekt", "Bilingual project")
        response = self.client.get("/en/strategy/kun-dansk-sjle/bilingual-project/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Bilingual project</h1>")
        crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', response.content.decode(), re.S)
        self.assertIn('lang="da">Kun dansk søjle</a>', crumbs.group(0))
        self.assertIn('<a href="/en/strategy/">The strategy</a>', crumbs.group(0))

    def test_footer_privacy_link_only_in_languages_it_exists_in(self):
        from wagtail.models import Site

        from core.models import SiteSettings

        privacy = self.tree["privacy"]
        privacy.title_en = None
        privacy.save()
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.privacy_page = privacy
        settings.save()
        self.assertContains(self.client.get("/"), ">Privatliv</a>")
        self.assertNotContains(self.client.get("/en/"), ">Privatliv</a>")

    @staticmethod
    def _main_nav(response) -> str:
        match = re.search(r'<nav class="main-navigation".*?</nav>', response.content.decode(), re.S)
        return match.group(0) if match else ""


class BadAddressTests(TestCase):
    """Unknown or malformed addresses answer 4xx in the request's language, never 500."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()

    def assertStatusInLanguage(self, url, status, lang, text):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        self.assertEqual(html_lang(response), lang, url)
        self.assertContains(response, text, status_code=status)

    def test_unknown_paths(self):
        self.assertStatusInLanguage("/findes-ikke/", 404, "da", "Siden blev ikke fundet")
        self.assertStatusInLanguage("/en/does-not-exist/", 404, "en", "Page not found")
        self.assertStatusInLanguage("/strategien/nope/deeper/", 404, "da", "Siden blev ikke fundet")

    def test_cross_language_slugs_are_not_found(self):
        self.assertStatusInLanguage("/en/strategien/", 404, "en", "Page not found")
        self.assertStatusInLanguage("/strategy/", 404, "da", "Siden blev ikke fundet")
        self.assertStatusInLanguage("/en/strategy/klimaresiliens/", 404, "en", "Page not found")

    def test_other_language_prefixes_are_not_found(self):
        for url in ("/de/", "/de/strategien/", "/fr/strategy/", "/da/strategien/"):
            self.assertStatusInLanguage(url, 404, "da", "Siden blev ikke fundet")
        # Django reads the prefix case-insensitively, so the 404 is in English.
        self.assertStatusInLanguage("/EN/strategy/", 404, "en", "Page not found")

    def test_malformed_addresses_get_a_clear_400(self):
        for url, lang, text in (
            ("/?q=%ff%fe", "da", "Forespørgslen kunne ikke forstås"),
            ("/en/?q=%ff", "en", "The request could not be understood"),
            ("/strategien/?x=%00", "da", "Forespørgslen kunne ikke forstås"),
            ("/%00/", "da", "Forespørgslen kunne ikke forstås"),
            ("/en/strategy/%00", "en", "The request could not be understood"),
        ):
            self.assertStatusInLanguage(url, 400, lang, text)

    def test_odd_but_readable_addresses_never_fail(self):
        for url in (
            "/" + "a" * 3000 + "/",
            "/strategien/?" + "&".join(f"k{i}=v" for i in range(500)),
            "/%ff/",
            "/en/%e2%82/",
            "/strategien/%2e%2e/%2e%2e/etc/passwd",
            "/?q='; DROP TABLE wagtailcore_page; --",
        ):
            response = self.client.get(url)
            self.assertIn(response.status_code, (200, 301, 302, 400, 404), url)

    def test_was_redirects_to_the_accessibility_statement(self):
        response = self.client.get("/was")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "https://was.digst.dk/resilient.vejle.dk")


class ServerErrorPageTests(TestCase):
    """The 500 page renders without the database, in the request's language."""

    def test_server_error_page_in_each_language(self):
        from django.test import RequestFactory
        from django.utils import translation

        from core.views import server_error

        for language, text, home in (
            ("da", "Der opstod en fejl", 'href="/"'),
            ("en", "Something went wrong", 'href="/en/"'),
        ):
            with translation.override(language), self.assertNumQueries(0):
                response = server_error(RequestFactory().get("/"))
            self.assertEqual(response.status_code, 500)
            html = response.content.decode()
            self.assertIn(f'<html lang="{language}">', html)
            self.assertIn(text, html)
            self.assertIn(home, html)
