"""load_initial_content: the tree in both languages, idempotent, careful with editors' work."""

import hashlib
import io
import re

import pypdf
from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, Site

from contacts.models import ContactPage, ContactPerson
from core.models import InformationPage, SiteSettings
from strategy.models import (
    HomePage,
    NetworkPage,
    PillarPage,
    PrinciplePage,
    PrinciplesIndexPage,
    ProjectPage,
    StrategyPage,
)
from tests.factories import make_page
from tests.test_bilingual_routing import hreflang_links, html_lang

Document = get_document_model()


def load(*args) -> str:
    out = io.StringIO()
    call_command("load_initial_content", *args, stdout=out)
    return out.getvalue()


def tree_snapshot() -> list[tuple]:
    """Everything a visitor or editor would notice about the tree, in tree order."""
    rows = []
    for page in Page.objects.filter(depth__gt=1).order_by("path").specific():
        rows.append(
            (
                page.path,
                type(page).__name__,
                page.title_da,
                page.title_en,
                page.url_path_da,
                page.url_path_en,
                page.live,
                page.latest_revision_id,
                str(getattr(page, "body_da", "")),
                str(getattr(page, "body_en", "")),
            )
        )
    return rows


def files_snapshot() -> list[tuple]:
    return [
        (doc.title, doc.file.name, hashlib.sha256(doc.file.read()).hexdigest())
        for doc in Document.objects.order_by("pk")
    ]


class InitialTreeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = load()

    def test_the_whole_tree_is_built(self):
        home = HomePage.objects.get()
        self.assertEqual(Site.objects.get(is_default_site=True).root_page_id, home.pk)
        self.assertEqual(home.title_da, "Resiliente Vejle – vi gør udfordringer til muligheder")
        self.assertEqual(StrategyPage.objects.child_of(home).count(), 1)
        self.assertEqual(PillarPage.objects.count(), 3)
        self.assertGreaterEqual(ProjectPage.objects.count(), 6)
        self.assertEqual(PrinciplesIndexPage.objects.child_of(home).count(), 1)
        self.assertEqual(
            [p.title_da for p in PrinciplePage.objects.order_by("path")],
            [
                "Merværdi",
                "Langsigtede løsninger",
                "Afledte konsekvenser",
                "Fleksible løsninger",
                "Samarbejde og partnerskaber",
            ],
        )
        self.assertEqual(
            [p.title_da for p in PillarPage.objects.order_by("path")],
            [
                "Klimaresiliens – vandet og det grønne",
                "Social resiliens – forebyggelse og sammenhængskraft",
                "Demokratisk dialog – samskabelse og borgerinddragelse",
            ],
        )
        network = NetworkPage.objects.get()
        self.assertEqual(
            [c.name for c in network.partner_cities.all()],
            ["Rio de Janeiro", "New York", "Rotterdam", "Paris", "Singapore"],
        )
        contact = ContactPage.objects.get()
        self.assertEqual(
            [e.person.name for e in contact.people.all()], ["Julie Elisabeth Halkier Nilsson"]
        )
        self.assertEqual(InformationPage.objects.count(), 1)
        # Only the welcome page's replacement: no leftovers of Wagtail's default page.
        self.assertEqual(Page.objects.filter(depth=2).count(), 1)

    def test_every_page_is_live_and_translated_with_rooted_url_paths(self):
        for page in Page.objects.filter(depth__gt=1):
            self.assertTrue(page.live, page)
            self.assertTrue(page.title_en, page)
            self.assertTrue(page.slug_en, page)
            self.assertTrue(page.url_path_da.startswith("/"), page.url_path_da)
            self.assertTrue(page.url_path_en.startswith("/"), page.url_path_en)

    def test_every_project_applies_principles(self):
        for project in ProjectPage.objects.all():
            self.assertTrue(project.principles.exists(), project)

    def test_the_seed_quote_and_contact(self):
        home = HomePage.objects.get()
        quotes = [b.value for b in home.body_da if b.block_type == "quote"]
        self.assertEqual(len(quotes), 1)
        self.assertTrue(quotes[0]["text"].startswith("Resiliens er kapaciteten af enkelpersoner"))
        self.assertEqual(quotes[0]["attribution"], "Resilient Cities Network")
        person = ContactPerson.objects.get()
        self.assertEqual(person.role_da, "Chef for Politik, Analyse og Kommunikation, Stabschef")
        self.assertEqual(person.unit_da, "Kommunaldirektørens stabe")
        # CONTENT.md gives no e-mail or phone: they stay empty rather than invented.
        self.assertEqual((person.email, person.phone), ("", ""))
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        self.assertEqual(site_settings.default_contact, person)
        self.assertEqual(site_settings.privacy_page.specific, InformationPage.objects.get())

    def test_strategy_pdf_per_language_is_a_real_placeholder_pdf(self):
        strategy = StrategyPage.objects.get()
        self.assertEqual((strategy.adopted_year, strategy.adopted_by_da), (2016, "Vejle Byråd"))
        documents = {"da": strategy.strategy_document_da, "en": strategy.strategy_document_en}
        self.assertNotEqual(documents["da"].pk, documents["en"].pk)
        for language, marker in (("da", "pladsholder"), ("en", "placeholder")):
            document = documents[language]
            # The flag, not the title, makes every link say "placeholder" (tests/test_honest_
            # content.py); the file name says it too.
            self.assertTrue(document.is_placeholder)
            self.assertTrue(document.filename.startswith(marker), document.filename)
            with document.file.open("rb") as handle:
                data = handle.read()
            self.assertTrue(data.startswith(b"%PDF-"))
            reader = pypdf.PdfReader(io.BytesIO(data))
            self.assertGreaterEqual(len(reader.pages), 1)
            text = " ".join(page.extract_text() for page in reader.pages)
            self.assertIn(marker, text.lower())
            self.assertIn("2016", text)

    def test_pdf_downloads_from_both_strategy_pages(self):
        for url in ("/strategien/", "/en/strategy/"):
            response = self.client.get(url)
            link = re.search(r'class="download__link" href="([^"]+)"', response.content.decode())
            self.assertIsNotNone(link, url)
            download = self.client.get(link.group(1))
            self.assertEqual(download.status_code, 200)
            self.assertEqual(download["Content-Type"], "application/pdf")
            self.assertTrue(b"".join(download.streaming_content).startswith(b"%PDF-"))


class WholeTreeInBothLanguagesTests(TestCase):
    """Every page of the initial tree answers 200 in both languages, correctly labelled."""

    @classmethod
    def setUpTestData(cls):
        load()

    def test_every_page_in_both_languages(self):
        pages = list(Page.objects.filter(depth__gt=1).specific())
        self.assertGreaterEqual(len(pages), 20)
        checked = 0
        for page in pages:
            urls = {}
            for language in ("da", "en"):
                from core.languages import page_url_in

                urls[language] = page_url_in(page, language)
            self.assertTrue(urls["en"].startswith("/en/"), urls)
            self.assertFalse(urls["da"].startswith("/en/"), urls)
            for language, other in (("da", "en"), ("en", "da")):
                response = self.client.get(urls[language])
                self.assertEqual(response.status_code, 200, urls[language])
                self.assertEqual(html_lang(response), language, urls[language])
                html = response.content.decode()
                self.assertIn(f"<h1>{getattr(page, f'title_{language}')}</h1>", html)
                # The switcher leads to the same page in the other language.
                switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
                self.assertIn(f'href="{urls[other]}" hreflang="{other}"', switcher.group(0))
                self.assertEqual(
                    hreflang_links(response),
                    {
                        "da": f"http://testserver{urls['da']}",
                        "en": f"http://testserver{urls['en']}",
                        "x-default": f"http://testserver{urls['da']}",
                    },
                )
                checked += 1
        self.assertEqual(checked, 2 * len(pages))

    def test_home_pages_are_served_at_the_root_of_each_language(self):
        self.assertContains(self.client.get("/"), "<h1>Resiliente Vejle – vi gør udfordringer")
        self.assertContains(self.client.get("/en/"), '<html lang="en">')

    def test_navigation_lists_the_sections_in_each_language(self):
        danish = self.client.get("/").content.decode()
        english = self.client.get("/en/").content.decode()
        nav_da = re.search(r'<nav class="main-navigation".*?</nav>', danish, re.S).group(0)
        nav_en = re.search(r'<nav class="main-navigation".*?</nav>', english, re.S).group(0)
        for section in (StrategyPage, PrinciplesIndexPage, NetworkPage, ContactPage):
            page = section.objects.get()
            self.assertIn(page.title_da, nav_da)
            self.assertIn(page.title_en, nav_en)


class IdempotenceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load()

    def test_second_run_changes_nothing(self):
        before = (
            tree_snapshot(),
            files_snapshot(),
            Revision.objects.count(),
            ContactPerson.objects.count(),
            Site.objects.count(),
        )
        output = load()
        after = (
            tree_snapshot(),
            files_snapshot(),
            Revision.objects.count(),
            ContactPerson.objects.count(),
            Site.objects.count(),
        )
        self.assertIn("nothing changed", output)
        self.assertEqual(before, after)

    def test_editors_changes_survive_a_plain_rerun(self):
        strategy = StrategyPage.objects.get()
        strategy.title_da = "Strategien, som redaktøren skrev den"
        strategy.save_revision().publish()
        load()
        strategy.refresh_from_db()
        self.assertEqual(strategy.title_da, "Strategien, som redaktøren skrev den")

    def test_force_restores_shipped_text_without_duplicating(self):
        strategy = StrategyPage.objects.get()
        shipped = strategy.title_da
        strategy.title_da = "Ændret"
        strategy.save_revision().publish()
        pages, documents = Page.objects.count(), Document.objects.count()
        load("--force")
        strategy.refresh_from_db()
        self.assertEqual(strategy.title_da, shipped)
        self.assertEqual((Page.objects.count(), Document.objects.count()), (pages, documents))


class RefusesEditorContentTests(TestCase):
    def test_refuses_a_database_that_editors_have_filled(self):
        root = Page.get_first_root_node()
        make_page(root, HomePage, "Redaktørens forside", "Editors' home", "redaktoerens-forside")
        pages = list(Page.objects.values_list("pk", "title_da"))
        with self.assertRaises(CommandError) as refused:
            load()
        self.assertIn("--force", str(refused.exception))
        self.assertEqual(list(Page.objects.values_list("pk", "title_da")), pages)
        self.assertEqual(Document.objects.count(), 0)

    def test_refuses_when_only_a_contact_person_exists(self):
        ContactPerson.objects.create(name="Redaktørens kontakt")
        with self.assertRaises(CommandError):
            load()
        self.assertFalse(HomePage.objects.exists())
