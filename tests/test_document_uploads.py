"""Document uploads in the admin: allowlisted types and a size limit, refused with a reason."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from tests.factories import pdf_bytes

Document = get_document_model()


def stored_files() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "documents"
    return sorted(folder.rglob("*")) if folder.exists() else []


REFUSED_FILES = {
    "html": ("kampagne.html", b"<html><script>alert(1)</script></html>", "text/html"),
    "svg": ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "image/svg+xml"),
}


class DocumentUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.editor)

    def add(self, name, content, content_type="application/pdf"):
        return self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Upload",
                "file": SimpleUploadedFile(name, content, content_type),
                "collection": self.collection.pk,
                "tags": "",
            },
        )

    def add_multiple(self, name, content, content_type="application/pdf"):
        response = self.client.post(
            reverse("wagtaildocs:add_multiple"),
            {
                "files[]": SimpleUploadedFile(name, content, content_type),
                "collection": self.collection.pk,
            },
        )
        self.assertEqual(response.status_code, 200)
        return json.loads(response.content)

    def assert_nothing_stored(self, files_before):
        self.assertEqual(Document.objects.count(), 0)
        self.assertEqual(stored_files(), files_before)

    def test_html_and_svg_are_refused_in_danish(self):
        for extension, (name, content, content_type) in REFUSED_FILES.items():
            with self.subTest(extension=extension):
                before = stored_files()
                response = self.add(name, content, content_type)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f"Filendelse “{extension}” er ikke tilladt")
                self.assertContains(response, "pdf, docx")
                self.assert_nothing_stored(before)

    def test_html_and_svg_are_refused_by_the_multiple_upload_too(self):
        for extension, (name, content, content_type) in REFUSED_FILES.items():
            with self.subTest(extension=extension):
                before = stored_files()
                data = self.add_multiple(name, content, content_type)
                self.assertFalse(data["success"])
                self.assertIn(f"Filendelse “{extension}” er ikke tilladt", data["error_message"])
                self.assert_nothing_stored(before)

    @override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
    def test_a_file_over_the_size_limit_is_refused_with_both_sizes(self):
        before = stored_files()
        too_big = pdf_bytes(1) + b"%" * 4096
        response = self.add("stor.pdf", too_big)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Filen er for stor (")
        self.assertContains(response, "Den må højst fylde 2,0\xa0KB.")
        self.assert_nothing_stored(before)
        data = self.add_multiple("stor.pdf", too_big)
        self.assertFalse(data["success"])
        self.assertIn("Filen er for stor", data["error_message"])
        self.assert_nothing_stored(before)

    @override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
    def test_messages_follow_an_english_admin(self):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = "en"
        profile.save()
        response = self.add("logo.svg", *REFUSED_FILES["svg"][1:])
        self.assertContains(response, "File extension “svg” is not allowed")
        response = self.add("big.pdf", pdf_bytes(1) + b"%" * 4096)
        self.assertContains(response, "The file is too big (")
        self.assertContains(response, "It may be at most 2.0\xa0KB.")
        self.assertEqual(Document.objects.count(), 0)

    def test_a_pdf_that_is_not_a_pdf_is_refused(self):
        before = stored_files()
        response = self.add("strategi.pdf", b"<html>not a pdf</html>", "application/pdf")
        self.assertContains(response, "Filen kan ikke læses som PDF")
        self.assert_nothing_stored(before)

    def test_the_limits_are_stated_on_the_form(self):
        response = self.client.get(reverse("wagtaildocs:add"))
        self.assertContains(response, "Filtyper: pdf, docx, xlsx, pptx, odt, ods, odp, csv.")
        self.assertContains(response, "Højst 30,0\xa0MB.")

    def test_an_accepted_pdf_gets_its_page_count_and_language(self):
        response = self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Strategien",
                "file": SimpleUploadedFile("strategien.pdf", pdf_bytes(5), "application/pdf"),
                "language": "da",
                "published_on": "2016-03-17",
                "collection": self.collection.pk,
                "tags": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        document = Document.objects.get()
        self.assertEqual(document.page_count, 5)
        self.assertEqual(document.language, "da")
        self.assertEqual(str(document.published_date), "2016-03-17")
        self.assertEqual(len(stored_files()), 1)

    def test_an_office_file_is_accepted_without_a_page_count(self):
        data = self.add_multiple("budget.csv", b"aar;beloeb\n2026;100\n", "text/csv")
        self.assertTrue(data["success"])
        self.assertIsNone(Document.objects.get().page_count)
