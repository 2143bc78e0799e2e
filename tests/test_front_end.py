"""The public front end without a browser: alert banner, footer, images, error pages, cookies."""

import re
from datetime import timedelta

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from contacts.models import ContactPerson
from core.models import SiteSettings
from strategy.models import PillarPage, ProjectPage
from tests.initial_content import load_initial_content

Image = get_image_model()


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


class InitialContentTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()
        cls.site = Site.objects.get(is_default_site=True)

    def public_urls(self):
        from django.utils import translation

        from core.languages import is_translated

        urls = []
        for page in Page.objects.live().filter(depth__gt=1).specific():
            for language in ["da", "en"]:
                if is_translated(page, language):
                    with translation.override(language):
                        urls.append(page.get_url())
        return urls


class AlertBannerTests(InitialContentTestCase):
    def setUp(self):
        self.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")

    def settings_form(self, **changes):
        settings = SiteSettings.objects.get(site=self.site)
        data = {
            "alert_enabled": "",
            "alert_level": "information",
            "alert_text_da": "",
            "alert_text_en": "",
            "alert_link_url": "",
            "alert_link_text_da": "",
            "alert_link_text_en": "",
            "alert_starts_at": "",
            "alert_ends_at": "",
            "default_contact": settings.default_contact_id or "",
            "default_social_image": settings.default_social_image_id or "",
            "municipality_name": settings.municipality_name,
            "municipality_url": settings.municipality_url,
            "privacy_page": settings.privacy_page_id or "",
            "accessibility_statement_domain": settings.accessibility_statement_domain,
        }
        data.update(changes)
        return data

    def save_settings(self, **changes):
        self.client.force_login(self.admin)
        response = self.client.post(
            reverse("wagtailsettings:edit", args=["core", "sitesettings", self.site.pk]),
            self.settings_form(**changes),
        )
        self.client.logout()
        return response

    def banner(self, url):
        return soup_of(self.client.get(url)).find(class_="alert-banner")

    def test_an_editor_switches_a_warning_on_for_every_page(self):
        response = self.save_settings(
            alert_enabled="on",
            alert_level="warning",
            alert_text_da="Stormflod ventes i aften.",
            alert_text_en="A storm surge is expected tonight.",
            alert_link_url="https://www.vejle.dk/beredskab/",
        )
        self.assertEqual(response.status_code, 302)
        for url in self.public_urls() + ["/findes-ikke/"]:
            with self.subTest(url=url):
                banner = self.banner(url)
                self.assertIsNotNone(banner, url)
                self.assertEqual(banner["role"], "alert")
                english = url.startswith("/en/")
                self.assertIn(
                    "A storm surge is expected tonight."
                    if english
                    else "Stormflod ventes i aften.",
                    banner.get_text(),
                )
                link = banner.find("a")
                self.assertEqual(link["href"], "https://www.vejle.dk/beredskab/")
                self.assertEqual(link.get_text(), "Read more" if english else "Læs mere")

    def test_information_is_a_status_and_danish_text_is_marked_on_english_pages(self):
        self.save_settings(
            alert_enabled="on", alert_level="information", alert_text_da="Vejarbejde på havnen."
        )
        banner = self.banner("/")
        self.assertEqual(banner["role"], "status")
        self.assertIsNone(banner.find(attrs={"lang": True}))
        english = self.banner("/en/")
        self.assertEqual(english.find(attrs={"lang": "da"}).get_text(), "Vejarbejde på havnen.")
        self.assertIn("Information:", english.get_text())

    def test_the_time_window_and_switch(self):
        now = timezone.now()
        settings = SiteSettings.objects.get(site=self.site)
        settings.alert_enabled = True
        settings.alert_text_da = "Varsel"
        settings.alert_starts_at = now + timedelta(hours=1)
        settings.save()
        self.assertIsNone(self.banner("/"))
        settings.alert_starts_at = now - timedelta(hours=1)
        settings.alert_ends_at = now + timedelta(hours=1)
        settings.save()
        self.assertIsNotNone(self.banner("/"))
        settings.alert_ends_at = now - timedelta(minutes=1)
        settings.save()
        self.assertIsNone(self.banner("/"))
        settings.alert_ends_at = None
        settings.alert_enabled = False
        settings.save()
        self.assertIsNone(self.banner("/"))

    def test_switching_on_without_danish_text_is_refused_with_a_message(self):
        response = self.save_settings(alert_enabled="on", alert_text_en="Only English")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Skriv varslets tekst på dansk, før du slår det til.")
        response = self.save_settings(
            alert_enabled="on",
            alert_text_da="Varsel",
            alert_starts_at="2026-12-01 18:00",
            alert_ends_at="2026-12-01 12:00",
        )
        self.assertContains(response, "Sluttidspunktet skal ligge efter starttidspunktet.")
        self.assertFalse(SiteSettings.objects.get(site=self.site).alert_enabled)


class FooterAndStatementTests(InitialContentTestCase):
    def test_footer_links_in_both_languages(self):
        for url, statement, privacy in [
            ("/", "Tilgængelighedserklæring", "Privatliv og cookies"),
            ("/en/", "Accessibility statement", "Privacy and cookies"),
        ]:
            footer = soup_of(self.client.get(url)).find("footer")
            links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
            self.assertEqual(links[statement], "/was")
            self.assertIn(privacy, links)
            self.assertEqual(links["Vejle Kommune"], "https://www.vejle.dk/")
            self.assertIn("Julie Elisabeth Halkier Nilsson", footer.get_text())

    def test_was_redirects_to_the_statement_for_the_configured_domain(self):
        settings = SiteSettings.objects.get(site=self.site)
        settings.accessibility_statement_domain = "resiliens.vejle.dk"
        settings.save()
        response = self.client.get("/was")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "https://was.digst.dk/resiliens.vejle.dk")

    def test_privacy_page_says_no_cookies_and_which_logs(self):
        text = soup_of(self.client.get("/privatliv/")).find("main").get_text()
        self.assertIn("ingen cookies", text)
        self.assertIn("adgangslog", text)
        self.assertIn("fejllog", text)
        self.assertIn("30 dage", text)
        english = soup_of(self.client.get("/en/privacy/")).find("main").get_text()
        self.assertIn("no cookies", english)
        self.assertIn("access log", english)


class PillarDesignTests(InitialContentTestCase):
    def test_each_pillar_card_has_its_colour_and_inline_icon(self):
        soup = soup_of(self.client.get("/strategien/"))
        cards = soup.select(".pillars .page-card")
        self.assertEqual(
            [card["class"][1] for card in cards],
            ["page-card--climate", "page-card--social", "page-card--democracy"],
        )
        for card in cards:
            icon = card.find("svg")
            self.assertEqual(icon["aria-hidden"], "true")
            self.assertEqual(icon["focusable"], "false")
        pillar = PillarPage.objects.get(theme="social")
        header = soup_of(self.client.get(pillar.url)).find(class_="page-header")
        self.assertIn("page-header--social", header["class"])
        self.assertIsNotNone(header.find("svg"))

    def test_the_five_principles_are_a_numbered_row_on_the_home_page(self):
        row = soup_of(self.client.get("/")).find("ol", class_="principle-row")
        self.assertEqual(len(row.find_all("li")), 5)


class ImageTests(InitialContentTestCase):
    def test_body_images_are_responsive_modern_formats_with_alt_from_the_description(self):
        image = Image.objects.create(
            title="havn.jpg",
            description="Vejle havn med de nye boliger i Fjordbyen",
            file=get_test_image_file(size=(1600, 1000)),
        )
        project = ProjectPage.objects.order_by("path").first()
        project.body_da = [
            ("image", {"image": image, "caption": "Fjordbyen", "decorative": False}),
            ("image", {"image": image, "caption": "", "decorative": True}),
        ]
        project.save_revision().publish()
        soup = soup_of(self.client.get(project.url))
        pictures = soup.select("figure.block-image picture")
        self.assertEqual(len(pictures), 2)
        for picture, alt in zip(pictures, [image.description, ""], strict=True):
            types = [source["type"] for source in picture.find_all("source")]
            self.assertEqual(types, ["image/avif", "image/webp"])
            for source in picture.find_all("source"):
                self.assertEqual(len(source["srcset"].split(",")), 3)
                self.assertIn("sizes", source.attrs)
            img = picture.find("img")
            self.assertEqual(img["alt"], alt)
            self.assertEqual(img["loading"], "lazy")
            self.assertTrue(img["width"].isdigit() and img["height"].isdigit())
            self.assertEqual(len(img["srcset"].split(",")), 3)

    def test_contact_photo_only_with_consent_and_as_renditions(self):
        image = Image.objects.create(title="julie", file=get_test_image_file(size=(400, 400)))
        person = ContactPerson.objects.get()
        person.photo = image
        person.photo_consent = True
        person.save()
        img = soup_of(self.client.get("/kontakt/")).select_one(".contact-list img")
        self.assertEqual(img["alt"], "")
        self.assertEqual((img["width"], img["height"]), ("120", "120"))
        self.assertIn("240w", img["srcset"])


class ErrorPageTests(InitialContentTestCase):
    def test_404_in_the_requests_language_with_a_way_home(self):
        for url, lang, text, home in [
            ("/findes-ikke/", "da", "Siden blev ikke fundet", "/"),
            ("/en/does-not-exist/", "en", "Page not found", "/en/"),
        ]:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 404)
            soup = soup_of(response)
            self.assertEqual(soup.html["lang"], lang)
            self.assertIn(text, soup.h1.get_text())
            self.assertIsNotNone(soup.find("a", href=home))
            self.assertIsNotNone(soup.find("link", rel="stylesheet"))
            self.assertIsNotNone(soup.find("header", class_="site-header"))

    @override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
    def test_500_in_english_is_styled_and_standalone(self):
        from django.test import RequestFactory
        from django.utils import translation

        from core.views import server_error

        with translation.override("en"):
            response = server_error(RequestFactory().get("/en/strategy/"))
        soup = soup_of(response)
        self.assertEqual(response.status_code, 500)
        self.assertEqual(soup.html["lang"], "en")
        self.assertIsNotNone(soup.find("link", rel="stylesheet"))
        self.assertIsNotNone(soup.find("a", href="/en/"))


class NoCookiesNoThirdPartiesTests(InitialContentTestCase):
    def test_no_cookie_and_nothing_loaded_from_other_hosts(self):
        for url in self.public_urls() + ["/findes-ikke/", "/en/does-not-exist/"]:
            with self.subTest(url=url):
                self.client.cookies.clear()
                response = self.client.get(url)
                self.assertNotIn("Set-Cookie", response.headers)
                self.assertEqual(dict(response.cookies), {})
                soup = soup_of(response)
                for tag, attribute in [
                    ("script", "src"),
                    ("link", "href"),
                    ("img", "src"),
                    ("source", "srcset"),
                    ("iframe", "src"),
                ]:
                    for element in soup.find_all(tag):
                        value = element.get(attribute) or ""
                        if tag == "link" and element.get("rel") != ["stylesheet"]:
                            continue  # canonical/alternate are addresses, not loads
                        self.assertFalse(re.match(r"^(https?:)?//", value), (url, tag, value))
                self.assertIsNone(soup.find("script", src=True))
