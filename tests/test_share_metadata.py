"""Share cards, metadata and JSON-LD on every page of the initial tree, in both languages."""

import json

from bs4 import BeautifulSoup
from django.test import TestCase
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from contacts.models import ContactPage, ContactPerson
from core.languages import is_translated
from core.models import SiteSettings
from strategy.models import ProjectPage, StrategyPage
from tests.initial_content import load_initial_content

Image = get_image_model()


def meta(soup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(soup) -> list[dict]:
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


def of_type(items: list[dict], schema_type: str) -> list[dict]:
    return [item for item in items if item.get("@type") == schema_type]


class ShareMetadataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def pages_in_both_languages(self):
        for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
            for language in ["da", "en"]:
                if is_translated(page, language):
                    with translation.override(language):
                        yield page, language, page.get_url(), page.title

    def get_soup(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return BeautifulSoup(response.content, "html.parser")

    def test_every_page_has_canonical_title_description_and_cards(self):
        default_image = SiteSettings.objects.get().default_social_image
        count = 0
        for page, language, url, title in self.pages_in_both_languages():
            with self.subTest(url=url):
                soup = self.get_soup(url)
                absolute = f"http://testserver{url}"
                self.assertEqual(soup.find("link", rel="canonical")["href"], absolute)
                # The home page's title names the site already; others get the name after, in
                # the page's language.
                name = {"da": "Resiliente Vejle", "en": "Resilient Vejle"}[language]
                expected = title if page.depth == 2 else f"{title} | {name}"
                self.assertEqual(meta(soup, "og:site_name"), name)
                self.assertEqual(soup.title.string, expected)
                with translation.override(language):
                    # Pages without a summary (pillars, principles) have a search description.
                    description = page.search_description or page.summary
                self.assertTrue(description, url)
                self.assertEqual(meta(soup, "description"), description)
                self.assertEqual(meta(soup, "og:description"), description)
                self.assertEqual(meta(soup, "og:title"), title)
                self.assertEqual(meta(soup, "og:url"), absolute)
                self.assertEqual(meta(soup, "og:locale"), {"da": "da_DK", "en": "en_GB"}[language])
                self.assertEqual(
                    meta(soup, "og:locale:alternate"), {"da": "en_GB", "en": "da_DK"}[language]
                )
                self.assertEqual(meta(soup, "twitter:card"), "summary_large_image")
                self.assertEqual(meta(soup, "og:image:width"), "1200")
                self.assertEqual(meta(soup, "og:image:height"), "630")
                self.assertTrue(meta(soup, "og:image").startswith("http://testserver/media/"))
                self.assertEqual(meta(soup, "twitter:image"), meta(soup, "og:image"))
                # The image's description in the page's language (core/image_alt.py).
                alt = {
                    "da": default_image.description,
                    "en": default_image.english_description.description_en,
                }[language]
                self.assertEqual(meta(soup, "og:image:alt"), alt)
                count += 1
        self.assertEqual(count, 64)  # 32 pages (catalogue, form, news, /data/) × 2 languages
        rendition = default_image.renditions.get()
        self.assertEqual((rendition.width, rendition.height), (1200, 630))
        self.assertTrue(rendition.file.name.endswith(".jpg"))

    def test_every_page_has_a_valid_breadcrumb_list_ending_in_itself(self):
        for page, _language, url, title in self.pages_in_both_languages():
            with self.subTest(url=url):
                data = json_ld(self.get_soup(url))
                (trail,) = of_type(data, "BreadcrumbList")
                self.assertEqual(trail["@context"], "https://schema.org")
                items = trail["itemListElement"]
                self.assertEqual([item["position"] for item in items], list(range(1, page.depth)))
                self.assertEqual(items[-1]["name"], title)
                self.assertEqual(items[-1]["item"], f"http://testserver{url}")
                self.assertEqual(
                    items[0]["item"],
                    f"http://testserver{url[:4] if url.startswith('/en/') else '/'}",
                )

    def test_organisation_with_press_contact_point_on_strategy_and_contact_pages(self):
        # The seed names the contact without a press role: a contact point, not "press".
        (organisation,) = of_type(json_ld(self.get_soup("/kontakt/")), "GovernmentOrganization")
        self.assertEqual(
            [point["contactType"] for point in organisation["contactPoint"]],
            ["public engagement"],
        )
        # An editor marks the person as press contact in the admin.
        person = ContactPerson.objects.get()
        person.is_press_contact = True
        person.email = "presse@vejle.dk"
        person.phone = "+45 76 81 00 00"
        person.save()
        for model in [StrategyPage, ContactPage]:
            page = model.objects.get()
            for language in ["da", "en"]:
                with translation.override(language):
                    url = page.get_url()
                with self.subTest(url=url):
                    (organisation,) = of_type(json_ld(self.get_soup(url)), "GovernmentOrganization")
                    self.assertEqual(organisation["name"], "Vejle Kommune")
                    self.assertEqual(organisation["url"], "https://www.vejle.dk/")
                    (point,) = organisation["contactPoint"]
                    self.assertEqual(point["@type"], "ContactPoint")
                    self.assertEqual(point["contactType"], "press")
                    self.assertEqual(point["name"], person.name)
                    self.assertEqual(point["email"], "presse@vejle.dk")
                    self.assertEqual(point["telephone"], "+4576810000")
        project = ProjectPage.objects.first()
        data = json_ld(self.get_soup(project.get_url()))
        self.assertEqual(of_type(data, "GovernmentOrganization"), [])

    def test_json_ld_cannot_break_out_of_its_script(self):
        project = ProjectPage.objects.first()
        project.title_da = "Fjordbyen </script><script>alert(1)</script>"
        project.save_revision().publish()
        response = self.client.get(project.get_url())
        self.assertNotContains(response, "</script><script>alert(1)")
        (trail,) = of_type(
            json_ld(BeautifulSoup(response.content, "html.parser")), "BreadcrumbList"
        )
        self.assertEqual(trail["itemListElement"][-1]["name"], project.title_da)

    def test_a_pages_own_share_image_and_search_description_win(self):
        image = Image.objects.create(
            title="Fjorden",
            description="Vejle Fjord ved solnedgang",
            file=get_test_image_file(size=(1600, 900)),
        )
        project = ProjectPage.objects.first()
        project.social_image = image
        project.search_description_da = "Kort beskrivelse til søgemaskiner."
        project.seo_title_da = "Fjordbyen i Vejle"
        project.save_revision().publish()
        soup = self.get_soup(project.get_url())
        self.assertEqual(meta(soup, "description"), "Kort beskrivelse til søgemaskiner.")
        self.assertEqual(soup.title.string, "Fjordbyen i Vejle | Resiliente Vejle")
        self.assertEqual(meta(soup, "og:title"), "Fjordbyen i Vejle")
        self.assertEqual(meta(soup, "og:image:alt"), "Vejle Fjord ved solnedgang")
        self.assertEqual(
            image.renditions.get().file.name, meta(soup, "og:image").split("/media/")[1]
        )

    def test_home_title_is_not_doubled(self):
        soup = self.get_soup("/")
        self.assertEqual(soup.title.string.count("Resiliente Vejle"), 1)
        soup = self.get_soup("/en/")
        self.assertEqual(soup.title.string.count("Resilient Vejle"), 1)
