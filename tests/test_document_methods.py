"""Documents answer GET and HEAD only: TRACE, OPTIONS, POST, ... never get the file (405)."""

import shutil
import tempfile

from django.test import TestCase, override_settings
from django.urls import reverse

from strategy.models import StrategyPage
from tests.initial_content import load_initial_content

OTHER_METHODS = ["OPTIONS", "TRACE", "POST", "PUT", "PATCH", "DELETE", "PROPFIND", "FOO"]


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# A media folder of its own: other tests count the files in the shared one.
MEDIA_ROOT = tempfile.mkdtemp(prefix="rv-test-document-methods-")


@override_settings(MEDIA_ROOT=MEDIA_ROOT)
class DocumentMethodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    def setUp(self):
        strategy = StrategyPage.objects.get()
        self.document = strategy.strategy_document_da
        self.addresses = [
            reverse("wagtaildocs_serve", args=[self.document.id, self.document.filename]),
            "/strategien.pdf",
            "/en/strategy.pdf",
        ]
        with self.document.open_file() as f:
            self.pdf_start = f.read(64)

    def test_other_methods_get_405_with_allow_and_never_the_file(self):
        self.assertTrue(self.addresses[0].startswith("/documents/"))
        for address in self.addresses:
            for method in OTHER_METHODS:
                with self.subTest(address=address, method=method):
                    response = self.client.generic(method, address, data="%PDF-åæø")
                    self.assertEqual(response.status_code, 405)
                    self.assertEqual(response["Allow"], "GET, HEAD")
                    body = body_of(response)
                    self.assertNotIn(b"%PDF", body)
                    self.assertNotEqual(response.get("Content-Type"), "application/pdf")
                    self.assertNotIn("Content-Disposition", response)

    def test_get_and_head_still_serve_the_document(self):
        for address in self.addresses[:2]:
            with self.subTest(address=address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(body_of(response).startswith(self.pdf_start))
                head = self.client.head(address)
                self.assertEqual(head.status_code, 200)
                self.assertEqual(body_of(head), b"")
