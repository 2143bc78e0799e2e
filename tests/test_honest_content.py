"""Issue 15, "Honest content": the initial content says each fact once and only what its
sources say; the press block names people as the seed does; the placeholder PDF says what it is
until an editor uploads the real one."""

import io
import re
from difflib import SequenceMatcher

import pypdf
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from contacts.models import ContactPerson
from core.languages import is_translated
from core.models import SiteSettings
from strategy.models import PrinciplePage, ProjectPage, StrategyPage
from tests.factories import make_contact_person
from tests.initial_content import load_initial_content
from tests.test_editorial import make_user

Document = get_document_model()

# A repeat: the same run of words in two places of a page's main content. Six words catch
# "Vejle Kommune er gået med i DK2020." said as summary and again as body text.
REPEAT_WORDS = 6
# A heading saying what the one before said: the same words but for articles ("Tre
# strategiske søjler", then "De tre strategiske søjler"), or nearly (a few letters differ).
ARTICLES = {"de", "den", "det", "en", "et", "the", "a", "an"}
SIMILAR_HEADINGS = 0.9
BLOCK_TAGS = ["p", "li", "dt", "dd", "td", "th", "figcaption", "caption", "legend", "label"]
HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# A sentence ends before a capital or a digit (so "24,7 mio. kr. til" is one sentence).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“”»A-ZÆØÅ0-9])")
PLACEHOLDER_WORD = {"da": "pladsholder", "en": "placeholder"}


def words(text: str) -> list[str]:
    return re.findall(r"[\wæøå]+(?:[,.][\d]+)?", text.casefold())


def text_blocks(main) -> list[str]:
    """The visible text of `main`, one string per paragraph, list item, heading, cell …"""
    for hidden in main.select("script, style, template, [hidden]"):
        hidden.decompose()
    blocks = []
    for element in main.find_all(BLOCK_TAGS + HEADING_TAGS):
        # Only the innermost blocks: a list item holding paragraphs is read through them.
        if element.find(BLOCK_TAGS + HEADING_TAGS):
            continue
        text = " ".join(element.get_text(" ").split())
        if text:
            blocks.append(text)
    return blocks


def repeated_sentences(blocks: list[str]) -> list[str]:
    """Sentences of REPEAT_WORDS words or more that occur again elsewhere on the page (as a
    sentence of their own or inside a longer one, a list item or a label). Labels themselves
    (a pillar's name on each project card) are not sentences: no full stop."""
    sentences = []
    for block in blocks:
        for sentence in SENTENCE_END.split(block):
            sentences.append((sentence, words(sentence)))
    found = []
    for index, (sentence, these) in enumerate(sentences):
        if len(these) < REPEAT_WORDS or not sentence.rstrip().endswith((".", "!", "?")):
            continue
        needle = f" {' '.join(these)} "
        for other_index, (_other, those) in enumerate(sentences):
            if other_index != index and needle in f" {' '.join(those)} ":
                found.append(sentence)
                break
    return found


def similar_consecutive_headings(main) -> list[tuple[str, str]]:
    headings = [" ".join(h.get_text(" ").split()) for h in main.find_all(HEADING_TAGS)]
    pairs = []
    for first, second in zip(headings, headings[1:], strict=False):
        first_words = [word for word in words(first) if word not in ARTICLES]
        second_words = [word for word in words(second) if word not in ARTICLES]
        if first_words == second_words or (
            min(len(first_words), len(second_words)) > 1
            and SequenceMatcher(None, " ".join(first_words), " ".join(second_words)).ratio()
            >= SIMILAR_HEADINGS
        ):
            pairs.append((first, second))
    return pairs


def real_strategy_pdf(language: str) -> bytes:
    """A PDF such as the municipality would upload: made with reportlab, with text."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for page in range(1, 4):
        pdf.drawString(72, 770, f"Vi gør udfordringer til muligheder ({language}) – side {page}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


class InitialContentPages(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def pages(self):
        """(url, language) of every live page of the initial content, in both languages."""
        for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
            for language in ("da", "en"):
                if is_translated(page, language):
                    with translation.override(language):
                        yield page.get_url(), language

    def soup(self, url: str) -> BeautifulSoup:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return BeautifulSoup(response.content, "html.parser")


class EachFactOnceTests(InitialContentPages):
    def test_no_sentence_twice_and_no_heading_repeating_the_one_before(self):
        checked = 0
        for url, _language in self.pages():
            with self.subTest(url=url):
                main = self.soup(url).find("main")
                self.assertEqual(repeated_sentences(text_blocks(main)), [], url)
                self.assertEqual(similar_consecutive_headings(main), [], url)
                checked += 1
        self.assertEqual(checked, 64)  # 32 pages × 2 languages (tests/test_sitemap.py)

    def test_the_checks_see_the_repeats_this_issue_found(self):
        """The checks above fail on what the content said before (issue 15)."""
        main = BeautifulSoup(
            "<main><h1>Vejle i DK2020</h1><p>Vejle Kommune er gået med i DK2020.</p>"
            "<p>Vejle Kommune er gået med i DK2020. Vejle Kommune nævnte initiativet i en "
            "nyhed på vejle.dk i november 2019.</p><h2>Tre strategiske søjler</h2>"
            "<h2>De tre strategiske søjler</h2><p>I 2022 bevilgede Realdania 24,7 mio. kr. til "
            "første etape.</p></main>",
            "html.parser",
        ).main
        self.assertEqual(
            repeated_sentences(text_blocks(main)),
            ["Vejle Kommune er gået med i DK2020.", "Vejle Kommune er gået med i DK2020."],
        )
        self.assertEqual(
            similar_consecutive_headings(main),
            [("Tre strategiske søjler", "De tre strategiske søjler")],
        )

    def test_the_adoption_is_said_once_on_the_strategy_page(self):
        for url, said in [("/strategien/", "vedtog|vedtaget"), ("/en/strategy/", "adopted")]:
            main = self.soup(url).find("main")
            text = " ".join(text_blocks(main))
            self.assertEqual(len(re.findall(said, text, re.I)), 1, text)


class SourcesTests(InitialContentPages):
    def test_no_filler_about_where_a_fact_was_mentioned(self):
        for url, _language in self.pages():
            with self.subTest(url=url):
                text = self.soup(url).find("main").get_text(" ")
                self.assertNotIn("nævnte initiativet", text)
                self.assertNotIn("named the initiative", text)

    def test_every_project_names_its_source(self):
        for project in ProjectPage.objects.live():
            for language, heading in [("da", "Kilde"), ("en", "Source")]:
                with translation.override(language):
                    url = project.get_url()
                with self.subTest(url=url):
                    main = self.soup(url).find("main")
                    sources = [
                        section
                        for section in main.select("section.block-links")
                        if section.h2.get_text(strip=True) == heading
                    ]
                    own_site = project.external_link and main.find("a", href=project.external_link)
                    self.assertTrue(sources or own_site, url)
                    for section in sources:
                        self.assertTrue(section.find("a", href=True), url)

    def test_the_principles_carry_no_definition_of_ours(self):
        """The seed names the five principles without defining them: no one-line definition on
        their pages, in listings or in the placeholder PDF; the content owner writes them."""
        for principle in PrinciplePage.objects.all():
            self.assertFalse(principle.summary_da or principle.summary_en)
        for url in ["/principper/", "/en/principles/", "/", "/en/"]:
            text = self.soup(url).find("main").get_text(" ")
            self.assertNotIn("At en indsats skaber værdi", text)
            self.assertNotIn("An initiative creates value beyond", text)
        strategy = StrategyPage.objects.get()
        for language in ("da", "en"):
            document = getattr(strategy, f"strategy_document_{language}")
            with document.open_file() as handle:
                reader = pypdf.PdfReader(handle)
                text = " ".join(page.extract_text() for page in reader.pages)
            self.assertNotIn("At en indsats skaber værdi", text)
            self.assertNotIn("An initiative creates value", text)
            for principle in PrinciplePage.objects.all():
                self.assertIn(getattr(principle, f"title_{language}"), text)


class PressBlockTests(InitialContentPages):
    def cards_per_person(self, url: str) -> dict[str, int]:
        """How often each person's contact card shows on the page (main and footer)."""
        counts: dict[str, int] = {}
        for card in self.soup(url).select(".contact-card"):
            name = card.select_one(".contact-card__name").get_text(strip=True)
            counts[name] = counts.get(name, 0) + 1
        return counts

    def test_every_person_is_shown_once_per_page(self):
        # Warm the footer's cached fragment on other pages first: the contact page must not
        # get their footer (with the card), nor they its footer (without).
        urls = [url for url, _language in self.pages()]
        urls = urls + ["/kontakt/", "/en/contact/", "/", "/en/"]
        for url in urls:
            with self.subTest(url=url):
                counts = self.cards_per_person(url)
                self.assertEqual(counts, {"Julie Elisabeth Halkier Nilsson": 1}, url)
        # On the contact page she is in the page's own list, elsewhere in the footer.
        self.assertIsNone(self.soup("/kontakt/").select_one("footer .contact-card"))
        self.assertIsNotNone(self.soup("/kontakt/").select_one("main .contact-list .contact-card"))
        self.assertIsNotNone(self.soup("/strategien/").select_one("footer .contact-card"))

    def test_press_block_claims_no_press_role_and_links_to_the_municipality(self):
        for url, heading, text in [
            ("/strategien/", "Presse", "Journalister kan kontakte Vejle Kommune via"),
            ("/kontakt/", "Presse", "Journalister kan kontakte Vejle Kommune via"),
            ("/en/strategy/", "Press", "Journalists can reach Vejle Kommune through"),
            ("/en/contact/", "Press", "Journalists can reach Vejle Kommune through"),
        ]:
            with self.subTest(url=url):
                soup = self.soup(url)
                press = soup.find("section", class_="press")
                self.assertEqual(press.h2.get_text(strip=True), heading)
                self.assertIn(text, " ".join(press.get_text(" ").split()))
                # No setting yet: the municipality's own site.
                self.assertIsNotNone(press.find("a", href="https://www.vejle.dk/"))
                self.assertNotIn("pressekontakt", soup.find("main").get_text().casefold())
                self.assertNotIn("press contact", soup.find("main").get_text().casefold())

    def test_the_press_page_is_a_site_setting(self):
        site = Site.objects.get(is_default_site=True)
        admin = make_user("administrator", "Moderators")
        admin.is_superuser = True  # settings are for administrators (editorial/roles.py)
        admin.save()
        self.client.force_login(admin)
        edit_url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])
        soup = BeautifulSoup(self.client.get(edit_url).content, "html.parser")
        data = form_data(soup.find("input", attrs={"name": "press_page_url"}).find_parent("form"))
        data["press_page_url"] = "https://www.vejle.dk/presse/kontakt-os/"
        response = self.client.post(edit_url, data)
        self.assertEqual(response.status_code, 302, response.content[:3000])
        self.client.logout()
        self.assertEqual(
            SiteSettings.objects.get(site=site).press_page_link,
            "https://www.vejle.dk/presse/kontakt-os/",
        )
        for url in ("/strategien/", "/en/contact/"):
            press = self.soup(url).find("section", class_="press")
            self.assertIsNotNone(
                press.find("a", href="https://www.vejle.dk/presse/kontakt-os/"), url
            )

    def test_a_press_contact_marked_by_an_editor_is_shown_once(self):
        julie = ContactPerson.objects.get()
        pia = make_contact_person(
            name="Pia Østergård",
            role_da="Pressechef",
            role_en="Head of press",
            email="presse@vejle.dk",
            is_press_contact=True,
        )
        julie.is_press_contact = True
        julie.save()
        pia.save()
        for url in ("/strategien/", "/kontakt/", "/en/strategy/", "/en/contact/"):
            with self.subTest(url=url):
                press = self.soup(url).find("section", class_="press")
                # Pia's card is in the press block; Julie's is elsewhere, so only her name.
                self.assertIsNotNone(press.find("a", href="mailto:presse@vejle.dk"))
                self.assertIn("Julie Elisabeth Halkier Nilsson", press.get_text())
                self.assertEqual(
                    self.cards_per_person(url),
                    {"Julie Elisabeth Halkier Nilsson": 1, "Pia Østergård": 1},
                )


def form_data(form) -> dict:
    """What a browser would send for `form` as it is (inputs, checked boxes, selections)."""
    data: dict = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("disabled") is not None:
            continue
        if field.name == "select":
            selected = field.find_all("option", selected=True)
            values = [option.get("value", option.get_text()) for option in selected]
            if field.get("multiple") is None:
                values = values[:1] or [
                    next(
                        (o.get("value", "") for o in field.find_all("option")),
                        "",
                    )
                ]
            data[name] = values if field.get("multiple") is not None else values[0]
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif field.get("type") in ("checkbox", "radio"):
            if field.get("checked") is not None:
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("file", "submit", "button", "image", "reset"):
            data[name] = field.get("value", "")
    return {
        key: value[0] if isinstance(value, list) and len(value) == 1 else value
        for key, value in data.items()
    }


class PlaceholderDocumentTests(InitialContentPages):
    def placeholder_links(self) -> dict[str, list]:
        """{url: [<a> elements]} of every page linking a placeholder document."""
        placeholders = Document.objects.filter(is_placeholder=True)
        targets = {"/strategien.pdf", "/en/strategy.pdf"} | {doc.url for doc in placeholders}
        found = {}
        for url, _language in self.pages():
            links = [a for a in self.soup(url).select("main a[href]") if a["href"] in targets]
            if links:
                found[url] = links
        return found

    def test_the_placeholder_says_so_until_an_editor_uploads_the_real_pdf(self):
        linking = self.placeholder_links()
        # The strategy page's download box and the home page's links block, both languages.
        self.assertGreaterEqual(
            set(linking), {"/", "/en/", "/strategien/", "/en/strategy/"}, linking
        )
        for url, links in linking.items():
            language = "en" if url.startswith("/en/") else "da"
            word = PLACEHOLDER_WORD[language]
            with self.subTest(url=url):
                for link in links:
                    self.assertIn(word, link.get_text().casefold())
                    box = link.find_parent(class_="download")
                    self.assertIn(word, box.select_one(".download__placeholder").get_text())
                    # Its upload day is no publication date.
                    self.assertIsNone(box.select_one(".download__date"))
        for stable, name in [
            ("/strategien.pdf", "pladsholder-"),
            ("/en/strategy.pdf", "placeholder-"),
        ]:
            response = self.client.get(stable)
            self.assertIn(f'filename="{name}', response["Content-Disposition"])

        # An editor (the least-privileged group that may) replaces each file in Wagtail's
        # document edit view, leaving the rest of the form as it is (the box stays ticked).
        editor = make_user("redaktør", "Editors")
        self.client.force_login(editor)
        strategy = StrategyPage.objects.get()
        uploaded = {}
        for language in ("da", "en"):
            document = getattr(strategy, f"strategy_document_{language}")
            edit_url = reverse("wagtaildocs:edit", args=[document.pk])
            soup = BeautifulSoup(self.client.get(edit_url).content, "html.parser")
            data = form_data(
                soup.find("input", attrs={"name": "is_placeholder"}).find_parent("form")
            )
            self.assertEqual(data.get("is_placeholder"), "on")
            uploaded[language] = real_strategy_pdf(language)
            data["file"] = SimpleUploadedFile(
                f"resiliensstrategi-vedtaget-2016-{language}.pdf",
                uploaded[language],
                "application/pdf",
            )
            response = self.client.post(edit_url, data)
            self.assertEqual(response.status_code, 302, response.content[:3000])
            document.refresh_from_db()
            self.assertFalse(document.is_placeholder)
        self.client.logout()

        # Anonymous visitors (the page cache!) see no placeholder wording on any of the pages.
        for url in linking:
            language = "en" if url.startswith("/en/") else "da"
            with self.subTest(url=url, after="upload"):
                main = self.soup(url).find("main")
                self.assertNotIn(PLACEHOLDER_WORD[language], main.get_text().casefold())
                self.assertIsNone(main.select_one(".download__placeholder"))
        for language, stable, name in [
            ("da", "/strategien.pdf", "vejle-kommune-resiliensstrategi.pdf"),
            ("en", "/en/strategy.pdf", "vejle-municipality-resilience-strategy.pdf"),
        ]:
            response = self.client.get(stable)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(b"".join(response.streaming_content), uploaded[language])
            self.assertEqual(response["Content-Disposition"], f'inline; filename="{name}"')

    def test_the_flag_is_in_the_document_form_in_danish(self):
        editor = make_user("redaktør", "Editors")
        self.client.force_login(editor)
        document = StrategyPage.objects.get().strategy_document_da
        response = self.client.get(reverse("wagtaildocs:edit", args=[document.pk]))
        self.assertContains(response, 'name="is_placeholder"')
        self.assertContains(response, "Pladsholder")
        self.assertContains(response, "Slås fra af sig selv, når du lægger en ny fil op.")
