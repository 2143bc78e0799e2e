"""Upload limits: image size and pixels, no SVG, no shared passwords; a failed write leaves
nothing behind (a real write failure: the process's file size limit, as a full disk would)."""

import contextlib
import errno
import io
import os
import resource
import signal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

Document = get_document_model()
Image = get_image_model()


def png_bytes(width: int, height: int, mode: str = "RGB", noise: bool = False) -> bytes:
    if noise:
        image = PILImage.frombytes(mode, (width, height), os.urandom(width * height * 3))
    else:
        image = PILImage.new(mode, (width, height))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def stored_files(folder: str) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / folder
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@contextlib.contextmanager
def file_size_limit(limit: int):
    """No file this process writes may grow past `limit` bytes (the kernel refuses: EFBIG)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


class UploadTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.editor)

    def add_image(self, name, content, content_type="image/png"):
        return self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Upload",
                "description": "Et testbillede",  # alt text, required by editorial.forms
                "file": SimpleUploadedFile(name, content, content_type),
                "collection": self.collection.pk,
                "tags": "",
            },
        )

    def add_document(self, name, content, content_type="text/csv"):
        return self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Upload",
                "file": SimpleUploadedFile(name, content, content_type),
                "collection": self.collection.pk,
                "tags": "",
            },
        )


class ImageLimitTests(UploadTestCase):
    def assert_refused_with_a_reason(self, name, content, content_type="image/png"):
        files_before = stored_files("original_images")
        response = self.add_image(name, content, content_type)
        self.assertEqual(response.status_code, 200)  # the form again, not a redirect
        errors = response.context["form"].errors.get("file")
        self.assertTrue(errors, "the editor is told why")
        self.assertContains(response, errors[0].split("(")[0].strip()[:30])
        self.assertEqual(Image.objects.count(), 0)
        self.assertEqual(stored_files("original_images"), files_before)

    def test_a_normal_image_is_stored(self):
        response = self.add_image("foto.png", png_bytes(120, 80))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Image.objects.count(), 1)

    def test_decompression_bomb_is_refused(self):
        # 7000 × 7000 pixels (49 MP, over the 40 MP limit) in a file of a few kilobytes.
        content = png_bytes(7000, 7000, mode="1")
        self.assertLess(len(content), 200_000)
        self.assert_refused_with_a_reason("bombe.png", content)

    def test_a_file_over_the_size_limit_is_refused(self):
        content = png_bytes(10, 10) + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
        self.assert_refused_with_a_reason("stor.png", content)

    def test_svg_is_refused(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        self.assert_refused_with_a_reason("logo.svg", svg, "image/svg+xml")
        self.assertNotIn("svg", settings.WAGTAILIMAGES_EXTENSIONS)


class SharedPasswordTests(UploadTestCase):
    def test_pages_and_collections_offer_no_shared_password(self):
        page = Page.objects.filter(depth=2).first()
        for url in [
            reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
            reverse("wagtailadmin_collections:set_privacy", args=[self.collection.pk]),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                html = response.json()["html"]
                self.assertIn('value="login"', html)
                self.assertNotIn('value="password"', html)


class FailedWriteTests(UploadTestCase):
    """The disk fills up while the upload is written: no partial file and no row remain."""

    LIMIT = 1024 * 1024

    def assert_write_failed(self, post):
        with file_size_limit(self.LIMIT), self.assertRaises(OSError) as caught:
            post()
        self.assertEqual(caught.exception.errno, errno.EFBIG)

    def test_document(self):
        content = b"aar;maal\n" + b"2026;resiliens\n" * (2 * self.LIMIT // 15)
        self.assertGreater(len(content), self.LIMIT)
        files_before = stored_files("documents")
        self.assert_write_failed(lambda: self.add_document("data.csv", content))
        self.assertEqual(Document.objects.count(), 0)
        self.assertEqual(stored_files("documents"), files_before)
        # With room on the disk again, the same upload goes through.
        self.assertEqual(self.add_document("data.csv", content).status_code, 302)
        self.assertEqual(Document.objects.count(), 1)

    def test_image(self):
        content = png_bytes(800, 600, noise=True)
        self.assertGreater(len(content), self.LIMIT)
        files_before = stored_files("original_images")
        self.assert_write_failed(lambda: self.add_image("foto.png", content))
        self.assertEqual(Image.objects.count(), 0)
        self.assertEqual(stored_files("original_images"), files_before)
