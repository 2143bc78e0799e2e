"""Slugs made from titles spell Danish letters the Danish way (æ→ae, ø→oe, å→aa) and drop
other accents, on the server and in the editor's browser; existing non-ASCII slugs still work."""

import json

from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page

from core.models import InformationPage
from core.slugs import danish_slugify
from editorial.roles import EDITORS
from strategy.models import ProjectPage
from tests.factories import make_page, make_site_tree
from tests.test_editorial import add_url, make_user
from tests.test_page_types import bilingual, edit_form_data


def form_errors(response):
    context = getattr(response, "context", None)
    return context and context.get("form") and context["form"].errors


class DanishSlugifyTests(TestCase):
    def test_letters(self):
        for title, slug in [
            ("Æblehaven på Østergård", "aeblehaven-paa-oestergaard"),
            ("ÆRØ Å", "aeroe-aa"),
            ("Café Über naïve señor", "cafe-uber-naive-senor"),
            ("Straße Łódź", "strasse-lodz"),
            ("  Klima – og  vand!  ", "klima-og-vand"),
            ("Grøn omstilling 2030", "groen-omstilling-2030"),
        ]:
            with self.subTest(title=title):
                self.assertEqual(danish_slugify(title), slug)


class ServerSideSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.editor = make_user("redaktoer", EDITORS)

    def test_admin_add_view_with_empty_slugs(self):
        self.client.force_login(self.editor)
        data = bilingual("Æblehaven på Østergård", "The Apple Garden at Østergård", "", "")
        response = self.client.post(
            add_url(InformationPage, self.tree["home"]), {**data, "action-submit": "1"}
        )
        self.assertEqual(response.status_code, 302, form_errors(response))
        page = InformationPage.objects.get(title_da="Æblehaven på Østergård")
        self.assertEqual(page.slug_da, "aeblehaven-paa-oestergaard")
        self.assertEqual(page.slug_en, "the-apple-garden-at-oestergaard")
        # The draft's revision holds the same slugs (what the moderator approves).
        revision = page.get_latest_revision().content
        self.assertEqual(revision["slug_da"], "aeblehaven-paa-oestergaard")
        self.assertEqual(revision["slug_en"], "the-apple-garden-at-oestergaard")

    def test_both_slug_fields_spell_danish_letters_in_the_browser_too(self):
        """The add form's slug inputs carry the transliteration for Wagtail's w-slug (run in
        Chromium by tests/browser/test_editor_uploads.py)."""
        self.client.force_login(self.editor)
        response = self.client.get(add_url(InformationPage, self.tree["home"]))
        soup = BeautifulSoup(response.content, "html.parser")
        for name in ("slug_da", "slug_en"):
            field = soup.find("input", attrs={"name": name})
            self.assertEqual(field["data-controller"], "w-slug")
            self.assertEqual(
                json.loads(field["data-w-slug-formatters-value"])[:3],
                [[["\u00e6", "gu"], "ae"], [["\u00f8", "gu"], "oe"], [["\u00e5", "gu"], "aa"]],
            )
            self.assertFalse(field.has_attr("required"))

    def test_a_second_page_with_the_same_title_gets_a_free_slug(self):
        home = self.tree["home"]
        for _ in range(2):
            home.add_child(instance=InformationPage(title_da="Ærø", title_en="Ærø"))
        self.assertEqual(
            sorted(
                InformationPage.objects.filter(title_da="Ærø").values_list("slug_da", "slug_en")
            ),
            [("aeroe", "aeroe"), ("aeroe-2", "aeroe-2")],
        )

    def test_created_in_code_without_slugs(self):
        page = InformationPage(title_da="Æblehaven på Østergård", title_en="Apple Garden")
        self.tree["home"].add_child(instance=page)
        page.refresh_from_db()
        self.assertEqual(page.slug_da, "aeblehaven-paa-oestergaard")
        self.assertEqual(page.slug_en, "apple-garden")
        self.assertEqual(page.url_path_da, "/forside/aeblehaven-paa-oestergaard/")

    def test_an_untranslated_page_gets_no_english_slug(self):
        page = InformationPage(title_da="Kun på dansk")
        self.tree["home"].add_child(instance=page)
        page.refresh_from_db()
        self.assertEqual(page.slug_da, "kun-paa-dansk")
        self.assertFalse(page.slug_en)

    def test_existing_non_ascii_slugs_keep_working(self):
        page = make_page(
            self.tree["pillar"],
            ProjectPage,
            "Havneparken – grønt regnvandsbassin",
            "Harbour Park",
            slug_da="havneparken-grønt-regnvandsbassin",
            slug_en="harbour-park-ø",
        )
        for url in [
            "/strategien/klimaresiliens/havneparken-grønt-regnvandsbassin/",
            "/strategien/klimaresiliens/havneparken-gr%C3%B8nt-regnvandsbassin/",
            "/en/strategy/climate-resilience/harbour-park-ø/",
        ]:
            with self.subTest(url=url):
                title = "Harbour Park" if url.startswith("/en/") else "Havneparken"
                self.assertContains(self.client.get(url), title)
        # Editing the page (unchanged slugs) passes validation as an Editor.
        self.client.force_login(self.editor)
        edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        response = self.client.post(edit, edit_form_data(page, "(rettet)"))
        self.assertEqual(response.status_code, 302, form_errors(response))
        page.refresh_from_db()
        latest = page.get_latest_revision().content
        self.assertEqual(latest["slug_da"], "havneparken-grønt-regnvandsbassin")
        self.assertEqual(latest["title_da"], "Havneparken – grønt regnvandsbassin (rettet)")
        self.assertTrue(Page.objects.filter(slug_da="havneparken-grønt-regnvandsbassin").exists())
