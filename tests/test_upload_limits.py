"""Upload limits: image size and pixels, no SVG, no shared passwords; a failed write leaves
nothing behind (a real write failure: the process's file size limit, as a full disk would)."""

import contextlib
import errno
import io
import os
import re
import resource
import signal
from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, UploadedFile
from wagtail.users.models import UserProfile

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


def bomb_png() -> bytes:
    """14000 × 14000 pixels (196 MP: past Pillow's own bomb limit) in about 23 KB."""
    return png_bytes(14000, 14000, mode="1")


def field_errors(html: str) -> list[str]:
    """The error messages shown beside the form's fields."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        re.sub(r"[ \t\n]+", " ", p.get_text()).strip()
        for p in soup.select(".w-field__errors .error-message")
    ]


# (file name, content, content type) -> the one message, per admin language.
IMAGE_REFUSALS = {
    "svg": (
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "image/svg+xml"),
        {
            "da": "Filtypen kan ikke bruges som billede. Brug AVIF, GIF, JPG, JPEG, PNG, WEBP "
            "(ikke SVG).",
            "en": "This file type cannot be used as an image. Use AVIF, GIF, JPG, JPEG, PNG, "
            "WEBP (not SVG).",
        },
    ),
    "bomb": (
        ("bombe.png", None, "image/png"),
        {
            "da": "Billedet har for mange pixels. Det må højst have 40 megapixel; gør det "
            "mindre, og prøv igen.",
            "en": "The image has too many pixels. It may have at most 40 megapixels; make it "
            "smaller and try again.",
        },
    ),
    "exe": (
        ("foto.png", b"MZ\x90\x00" + b"\0" * 200, "image/png"),
        {
            "da": "Filen kan ikke læses som et billede. Brug AVIF, GIF, JPG, JPEG, PNG, WEBP.",
            "en": "The file cannot be read as an image. Use AVIF, GIF, JPG, JPEG, PNG, WEBP.",
        },
    ),
    "too large": (
        ("stor.png", None, "image/png"),
        {
            "da": "Billedet er for stort (31,1\xa0KB). Det må højst fylde 30,0\xa0KB.",
            "en": "The image is too big (31.1\xa0KB). It may be at most 30.0\xa0KB.",
        },
    ),
}


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=30 * 1024)  # the bomb is smaller
class RefusedImageMessageTests(TestCase):
    """Each refused image gets exactly one message, in the admin's language, on the add view,
    the multiple upload and the chooser's upload tab, as an Editor; nothing is stored."""

    @classmethod
    def setUpTestData(cls):
        from tests.test_editorial import make_user

        cls.editor = make_user("redaktoer", "Editors")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.editor)

    def file(self, kind):
        (name, content, content_type), _messages = IMAGE_REFUSALS[kind]
        if kind == "bomb":
            content = bomb_png()
        elif kind == "too large":
            content = png_bytes(4, 4) + b"\0" * 31 * 1024
        return SimpleUploadedFile(name, content, content_type)

    def assert_nothing_stored(self, files_before):
        self.assertEqual(Image.objects.count(), 0)
        self.assertEqual(UploadedFile.objects.count(), 0)
        self.assertEqual(stored_files("original_images"), files_before)
        self.assertEqual(stored_files("uploaded_files"), [])

    def check_every_view(self, language):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = language
        profile.save()
        for kind, (_file, messages) in IMAGE_REFUSALS.items():
            expected = messages[language]
            with self.subTest(kind=kind, view="add"):
                before = stored_files("original_images")
                response = self.client.post(
                    reverse("wagtailimages:add"),
                    {
                        "title": "Upload",
                        "description": "Et testbillede",
                        "file": self.file(kind),
                        "collection": self.collection.pk,
                        "tags": "",
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertEqual(field_errors(response.content.decode()), [expected])
                self.assert_nothing_stored(before)
            with self.subTest(kind=kind, view="multiple"):
                response = self.client.post(
                    reverse("wagtailimages:add_multiple"),
                    {"files[]": self.file(kind), "collection": self.collection.pk},
                )
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.json(), {"success": False, "error_message": expected})
                self.assert_nothing_stored(before)
            with self.subTest(kind=kind, view="chooser"):
                response = self.client.post(
                    reverse("wagtailimages_chooser:create"),
                    {
                        "image-chooser-upload-title": "Upload",
                        "image-chooser-upload-description": "Et testbillede",
                        "image-chooser-upload-file": self.file(kind),
                        "image-chooser-upload-collection": self.collection.pk,
                        "image-chooser-upload-tags": "",
                    },
                )
                self.assertEqual(response.status_code, 200)
                data = response.json()
                self.assertEqual(data["step"], "reshow_creation_form")
                self.assertEqual(field_errors(data["htmlFragment"]), [expected])
                self.assert_nothing_stored(before)

    def test_danish_admin(self):
        self.check_every_view("da")

    def test_english_admin(self):
        self.check_every_view("en")

    def test_the_multiple_upload_shows_only_the_reason(self):
        """Wagtail's row template also holds "Sorry, upload failed." and the reminder to
        describe the image; the project's admin stylesheet hides both on a refused file."""
        response = self.client.get(reverse("wagtailimages:add_multiple"))
        self.assertContains(response, "editorial/css/uploads.css")
        css = (Path(settings.BASE_DIR) / "static/editorial/css/uploads.css").read_text()
        self.assertIn(".upload-failure .error-message", css)


DOCUMENT_REFUSALS = {
    "exe renamed pdf": (
        ("strategi.pdf", b"MZ\x90\x00" + b"\0" * 200, "application/pdf"),
        {
            "da": "Filen kan ikke læses som PDF. Gem den som PDF igen, og prøv en gang til.",
            "en": "The file cannot be read as a PDF. Save it as a PDF again and try once more.",
        },
    ),
    "exe": (
        ("program.exe", b"MZ\x90\x00" + b"\0" * 200, "application/octet-stream"),
        {
            "da": "Filendelse “exe” er ikke tilladt. Tilladte filendelser er: pdf, docx, xlsx, "
            "pptx, odt, ods, odp, csv.",
            "en": "File extension “exe” is not allowed. Allowed extensions are: pdf, docx, "
            "xlsx, pptx, odt, ods, odp, csv.",
        },
    ),
    "svg": (
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "image/svg+xml"),
        {
            "da": "Filendelse “svg” er ikke tilladt. Tilladte filendelser er: pdf, docx, xlsx, "
            "pptx, odt, ods, odp, csv.",
            "en": "File extension “svg” is not allowed. Allowed extensions are: pdf, docx, "
            "xlsx, pptx, odt, ods, odp, csv.",
        },
    ),
    "too large": (
        ("stor.csv", b"aar;maal\n" + b"2026;resiliens\n" * 200, "text/csv"),
        {
            "da": "Filen er for stor (2,9\xa0KB). Den må højst fylde 2,0\xa0KB.",
            "en": "The file is too big (2.9\xa0KB). It may be at most 2.0\xa0KB.",
        },
    ),
}


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
class RefusedDocumentMessageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from tests.test_editorial import make_user

        cls.editor = make_user("redaktoer", "Editors")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.editor)

    def file(self, kind):
        (name, content, content_type), _messages = DOCUMENT_REFUSALS[kind]
        return SimpleUploadedFile(name, content, content_type)

    def check_every_view(self, language):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = language
        profile.save()
        for kind, (_file, messages) in DOCUMENT_REFUSALS.items():
            expected = messages[language]
            with self.subTest(kind=kind, view="add"):
                before = stored_files("documents")
                response = self.client.post(
                    reverse("wagtaildocs:add"),
                    {
                        "title": "Upload",
                        "file": self.file(kind),
                        "collection": self.collection.pk,
                        "tags": "",
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertEqual(field_errors(response.content.decode()), [expected])
                self.assertEqual(Document.objects.count(), 0)
                self.assertEqual(stored_files("documents"), before)
            with self.subTest(kind=kind, view="multiple"):
                response = self.client.post(
                    reverse("wagtaildocs:add_multiple"),
                    {"files[]": self.file(kind), "collection": self.collection.pk},
                )
                self.assertEqual(response.json(), {"success": False, "error_message": expected})
                self.assertEqual(Document.objects.count(), 0)
                self.assertEqual(stored_files("documents"), before)
            with self.subTest(kind=kind, view="chooser"):
                response = self.client.post(
                    reverse("wagtaildocs_chooser:create"),
                    {
                        "document-chooser-upload-title": "Upload",
                        "document-chooser-upload-file": self.file(kind),
                        "document-chooser-upload-collection": self.collection.pk,
                        "document-chooser-upload-tags": "",
                    },
                )
                data = response.json()
                self.assertEqual(data["step"], "reshow_creation_form")
                self.assertEqual(field_errors(data["htmlFragment"]), [expected])
                self.assertEqual(Document.objects.count(), 0)
                self.assertEqual(stored_files("documents"), before)

    def test_danish_admin(self):
        self.check_every_view("da")

    def test_english_admin(self):
        self.check_every_view("en")
