"""The strategy PDF for journalists: stable addresses, caching, byte ranges, the download line."""

import io
import re

import pypdf
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.http import http_date
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from strategy.models import StrategyPage
from tests.factories import pdf_bytes
from tests.initial_content import load_initial_content

Document = get_document_model()


def stored_bytes(document) -> bytes:
    with document.open_file() as f:
        return f.read()


def download_block(html: str) -> str:
    match = re.search(r'<section class="strategy-download".*?</section>', html, re.S)
    assert match, "the strategy page has no download section"
    return match.group(0)


class StrategyDocumentTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def setUp(self):
        self.strategy = StrategyPage.objects.get()
        self.documents = {
            "da": self.strategy.strategy_document_da,
            "en": self.strategy.strategy_document_en,
        }


class StableAddressTests(StrategyDocumentTestCase):
    def test_both_addresses_serve_the_pdf_with_a_meaningful_name(self):
        for language, url in [("da", "/strategien.pdf"), ("en", "/en/strategy.pdf")]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Content-Type"], "application/pdf")
                body = b"".join(response.streaming_content)
                self.assertEqual(body, stored_bytes(self.documents[language]))
                self.assertTrue(body.startswith(b"%PDF-"))
                self.assertEqual(int(response["Content-Length"]), len(body))
                # The initial content's placeholder says so in the name it is saved under
                # (tests/test_honest_content.py: the adopted strategy's name once replaced).
                self.assertRegex(
                    response["Content-Disposition"],
                    r'^inline; filename="(pladsholder-vejle-kommune-resiliensstrategi|'
                    r'placeholder-vejle-municipality-resilience-strategy)\.pdf"$',
                )
                self.assertEqual(response["Accept-Ranges"], "bytes")
                self.assertIn("no-cache", response["Cache-Control"])
                self.assertEqual(response["ETag"], f'"{self.documents[language].get_file_hash()}"')
                self.assertEqual(
                    response["Last-Modified"],
                    http_date(self.documents[language].last_modified.timestamp()),
                )

    def test_head_answers_headers_without_a_body(self):
        response = self.client.head("/strategien.pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(int(response["Content-Length"]), self.documents["da"].file_size)
        self.assertIn("ETag", response)
        self.assertIn("filename=", response["Content-Disposition"])
        self.assertEqual(response.content, b"")

    def test_revalidation_answers_304(self):
        first = self.client.get("/strategien.pdf")
        by_etag = self.client.get("/strategien.pdf", HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(by_etag.status_code, 304)
        self.assertEqual(by_etag.content, b"")
        english = self.client.get("/en/strategy.pdf")
        by_date = self.client.get(
            "/en/strategy.pdf", HTTP_IF_MODIFIED_SINCE=english["Last-Modified"]
        )
        self.assertEqual(by_date.status_code, 304)
        stale = self.client.get("/strategien.pdf", HTTP_IF_NONE_MATCH='"an-older-file"')
        self.assertEqual(stale.status_code, 200)

    def test_byte_ranges_answer_206_with_the_right_bytes(self):
        whole = stored_bytes(self.documents["da"])
        size = len(whole)
        cases = [
            ("bytes=0-99", 0, 99),
            ("bytes=100-", 100, size - 1),
            ("bytes=-50", size - 50, size - 1),
            (f"bytes=10-{size + 1000}", 10, size - 1),
        ]
        for header, start, end in cases:
            with self.subTest(range=header):
                response = self.client.get("/strategien.pdf", HTTP_RANGE=header)
                self.assertEqual(response.status_code, 206)
                self.assertEqual(response["Content-Range"], f"bytes {start}-{end}/{size}")
                self.assertEqual(int(response["Content-Length"]), end - start + 1)
                self.assertEqual(b"".join(response.streaming_content), whole[start : end + 1])

    def test_unsatisfiable_and_ignored_ranges(self):
        size = self.documents["da"].file_size
        beyond = self.client.get("/strategien.pdf", HTTP_RANGE=f"bytes={size}-")
        self.assertEqual(beyond.status_code, 416)
        self.assertEqual(beyond["Content-Range"], f"bytes */{size}")
        for header in ["bytes=0-10,20-30", "lines=1-2", "bytes=50-10"]:
            with self.subTest(range=header):
                response = self.client.get("/strategien.pdf", HTTP_RANGE=header)
                self.assertEqual(response.status_code, 200)
        # A resumed download of a file that has since changed gets the whole new file.
        changed = self.client.get(
            "/strategien.pdf", HTTP_RANGE="bytes=0-99", HTTP_IF_RANGE='"an-older-file"'
        )
        self.assertEqual(changed.status_code, 200)
        current = self.client.get("/strategien.pdf", HTTP_RANGE="bytes=0-99")
        same = self.client.get(
            "/strategien.pdf", HTTP_RANGE="bytes=0-99", HTTP_IF_RANGE=current["ETag"]
        )
        self.assertEqual(same.status_code, 206)

    def test_only_get_and_head(self):
        self.assertEqual(self.client.post("/strategien.pdf").status_code, 405)

    def test_missing_english_document_is_a_404_in_english(self):
        self.strategy.strategy_document_en = None
        self.strategy.save_revision().publish()
        response = self.client.get("/en/strategy.pdf")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, 'lang="en"', status_code=404)
        self.assertContains(response, "Page not found", status_code=404)
        # The English page then offers the Danish document, marked as Danish.
        page = self.client.get("/en/strategy/").content.decode()
        block = download_block(page)
        self.assertIn('href="/strategien.pdf"', block)
        self.assertIn('hreflang="da"', block)
        self.assertIn("Language: Danish", block)

    def test_unpublished_strategy_page_takes_the_address_down(self):
        self.strategy.unpublish()
        self.assertEqual(self.client.get("/strategien.pdf").status_code, 404)


class ReplacedDocumentTests(StrategyDocumentTestCase):
    def setUp(self):
        super().setUp()
        self.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.client.force_login(self.admin)

    def test_a_new_file_uploaded_in_the_admin_is_served_at_once(self):
        document = self.documents["da"]
        before = self.client.get("/strategien.pdf")
        new_file = pdf_bytes(3)
        response = self.client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "Vi gør udfordringer til muligheder",
                "file": SimpleUploadedFile("strategi-2026.pdf", new_file, "application/pdf"),
                "language": "da",
                "published_on": "2016-03-17",
                "collection": Collection.get_first_root_node().pk,
                "tags": "",
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        document.refresh_from_db()
        self.assertEqual(document.page_count, 3)

        after = self.client.get("/strategien.pdf", HTTP_IF_NONE_MATCH=before["ETag"])
        self.assertEqual(after.status_code, 200)
        self.assertNotEqual(after["ETag"], before["ETag"])
        self.assertEqual(b"".join(after.streaming_content), new_file)
        # The page's download line follows too, still pointing at the stable address.
        block = download_block(self.client.get("/strategien/").content.decode())
        self.assertIn('href="/strategien.pdf"', block)
        self.assertIn("3 sider", block)
        self.assertIn("17. marts 2016", block)

    def test_choosing_another_document_on_the_page_moves_the_address_with_it(self):
        new_file = pdf_bytes(4)
        replacement = Document(title="Strategien, revideret udgave", language="da")
        replacement.file.save("strategien-revideret.pdf", io.BytesIO(new_file), save=False)
        replacement._set_document_file_metadata()
        replacement.save()
        self.strategy.strategy_document_da = replacement
        self.strategy.save_revision().publish()

        response = self.client.get("/strategien.pdf")
        self.assertEqual(b"".join(response.streaming_content), new_file)
        self.assertEqual(response["ETag"], f'"{replacement.file_hash}"')


class DownloadLineTests(StrategyDocumentTestCase):
    def test_size_and_page_count_shown_are_the_files(self):
        for language, page_url, stable in [
            ("da", "/strategien/", "/strategien.pdf"),
            ("en", "/en/strategy/", "/en/strategy.pdf"),
        ]:
            with self.subTest(language=language):
                document = self.documents[language]
                content = stored_bytes(document)
                pages = len(pypdf.PdfReader(io.BytesIO(content)).pages)
                with translation.override(language):
                    size = filesizeformat(len(content))
                block = download_block(self.client.get(page_url).content.decode())
                self.assertIn(f'href="{stable}"', block)
                self.assertIn(document.title, block)
                label = {"da": "sider", "en": "pages"}[language]
                self.assertIn(f"PDF, {size}, {pages} {label}", block)
                self.assertIn({"da": "Sprog: Dansk", "en": "Language: English"}[language], block)
                # A placeholder has no publication date (its upload day is none).
                self.assertNotIn({"da": "Udgivet", "en": "Published"}[language], block)
                self.assertIn(
                    {"da": "i et andet format", "en": "in another format"}[language], block
                )

    def test_size_uses_the_page_languages_decimal_mark(self):
        document = self.documents["da"]
        Document.objects.filter(pk=document.pk).update(file_size=1_258_291)  # 1.2 MiB
        # A no-break space keeps number and unit together.
        self.assertIn("PDF, 1,2\xa0MB", self.client.get("/strategien/").content.decode())
        self.strategy.strategy_document_en = document
        self.strategy.save_revision().publish()
        self.assertIn("PDF, 1.2\xa0MB", self.client.get("/en/strategy/").content.decode())

    def test_accessible_format_line_names_the_contact_with_a_mailto_link(self):
        person = self.strategy.contact_person
        person.email = "resiliens@vejle.dk"
        person.save()
        block = download_block(self.client.get("/strategien/").content.decode())
        self.assertIn(person.name, block)
        self.assertIn('href="mailto:resiliens@vejle.dk"', block)

    def test_every_download_link_on_the_site_is_a_stable_address(self):
        strategy_document_ids = {doc.pk for doc in self.documents.values()}
        seen_stable = set()
        for page in Page.objects.live().filter(depth__gt=1).specific():
            for language in ["da", "en"]:
                with translation.override(language):
                    url = page.get_url()
                html = self.client.get(url).content.decode()
                for document_id in strategy_document_ids:
                    self.assertNotRegex(html, rf'href="/documents/{document_id}/')
                seen_stable.update(re.findall(r'href="(/strategien\.pdf|/en/strategy\.pdf)"', html))
        self.assertEqual(seen_stable, {"/strategien.pdf", "/en/strategy.pdf"})

    def test_links_and_material_on_the_home_page_use_the_stable_address(self):
        for url, stable in [("/", "/strategien.pdf"), ("/en/", "/en/strategy.pdf")]:
            html = self.client.get(url).content.decode()
            links = re.search(r'<section class="block-links">.*?</section>', html, re.S).group(0)
            self.assertIn(f'href="{stable}"', links)
            self.assertRegex(links, r"PDF, [\d.,]+\xa0KB, 2 (sider|pages)")

    def test_page_count_is_read_on_upload_not_per_request(self):
        document = self.documents["da"]
        self.assertEqual(document.page_count, 2)
        Document.objects.filter(pk=document.pk).update(page_count=7)
        self.assertIn("7 sider", self.client.get("/strategien/").content.decode())

    def test_a_pdf_stored_before_page_counts_gets_its_count_once(self):
        document = self.documents["da"]
        Document.objects.filter(pk=document.pk).update(page_count=None)
        self.assertIn("2 sider", self.client.get("/strategien/").content.decode())
        self.assertEqual(Document.objects.get(pk=document.pk).page_count, 2)

    def test_a_document_link_in_rich_text_uses_the_stable_address(self):
        from strategy.models import PillarPage

        pillar = PillarPage.objects.order_by("path").first()
        document = self.documents["en"]
        pillar.body_da = [
            ("paragraph", f'<p>Læs <a linktype="document" id="{document.pk}">strategien</a>.</p>')
        ]
        pillar.save_revision().publish()
        html = self.client.get(pillar.url).content.decode()
        self.assertIn('<a href="/en/strategy.pdf">strategien</a>', html)
