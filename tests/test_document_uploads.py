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
        before = stored_files()
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
        self.assertEqual(len(stored_files()), len(before) + 1)

    def test_an_office_file_is_accepted_without_a_page_count(self):
        data = self.add_multiple("budget.csv", b"aar;beloeb\n2026;100\n", "text/csv")
        self.assertTrue(data["success"])
        self.assertIsNone(Document.objects.get().page_count)


class DocumentsForEachRoleTests(TestCase):
    """Editors and Moderators (users of the groups the editorial migrations set up, not
    superusers) list, upload, replace and choose documents in the real admin views."""

    @classmethod
    def setUpTestData(cls):
        from tests.test_editorial import make_user

        cls.users = {
            "Editors": make_user("redaktoer", "Editors"),
            "Moderators": make_user("moderator", "Moderators"),
        }
        cls.collection = Collection.get_first_root_node()

    def upload(self, title, name="strategi.pdf", content=None):
        return self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": title,
                "file": SimpleUploadedFile(name, content or pdf_bytes(2), "application/pdf"),
                "collection": self.collection.pk,
                "tags": "",
            },
        )

    def test_each_group_lists_adds_replaces_and_chooses_documents(self):
        for group, user in self.users.items():
            with self.subTest(group=group):
                self.client.force_login(user)
                response = self.upload(f"Strategien – {group}")
                self.assertRedirects(response, reverse("wagtaildocs:index"))
                document = Document.objects.get(title=f"Strategien – {group}")
                self.assertEqual(document.uploaded_by_user, user)

                listing = self.client.get(reverse("wagtaildocs:index"))
                self.assertEqual(listing.status_code, 200)
                self.assertContains(listing, f"Strategien – {group}")

                # "Skift fil": replace the file of a document someone else uploaded too.
                other = Document.objects.create(
                    title=f"Ældre strategi ({group})",
                    file=SimpleUploadedFile("aeldre.pdf", pdf_bytes(1)),
                    collection=self.collection,
                )
                edit_url = reverse("wagtaildocs:edit", args=(other.pk,))
                self.assertEqual(self.client.get(edit_url).status_code, 200)
                response = self.client.post(
                    edit_url,
                    {
                        "title": f"Strategien 2026 ({group})",
                        "file": SimpleUploadedFile("ny.pdf", pdf_bytes(7), "application/pdf"),
                        "collection": self.collection.pk,
                        "tags": "",
                    },
                )
                self.assertRedirects(response, reverse("wagtaildocs:index"))
                other.refresh_from_db()
                self.assertEqual(other.page_count, 7)
                self.assertIn("ny", other.file.name)

                chooser = self.client.get(reverse("wagtaildocs_chooser:choose"))
                self.assertEqual(chooser.status_code, 200)
                html = chooser.json()["html"]
                self.assertIn(f"Strategien – {group}", html)
                self.assertIn(reverse("wagtaildocs_chooser:create"), html)  # the upload tab

                response = self.client.post(
                    reverse("wagtaildocs_chooser:create"),
                    {
                        "document-chooser-upload-title": f"Bilag ({group})",
                        "document-chooser-upload-file": SimpleUploadedFile(
                            "bilag.pdf", pdf_bytes(1), "application/pdf"
                        ),
                        "document-chooser-upload-collection": self.collection.pk,
                        "document-chooser-upload-tags": "",
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.json()["step"], "chosen")
                self.assertTrue(Document.objects.filter(title=f"Bilag ({group})").exists())
                self.client.logout()

    def test_a_database_with_the_old_permissions_is_repaired(self):
        """editorial 0003 on a database where the groups hold core.*_sitedocument only."""
        import importlib

        from django.apps import apps
        from django.contrib.auth.models import Group, Permission
        from wagtail.models import GroupCollectionPermission

        GroupCollectionPermission.objects.filter(
            permission__content_type__app_label="wagtaildocs"
        ).delete()
        old = Permission.objects.get(content_type__app_label="core", codename="change_sitedocument")
        moderators = Group.objects.get(name="Moderators")
        GroupCollectionPermission.objects.create(
            group=moderators, collection=self.collection, permission=old
        )
        user = self.users["Moderators"]
        self.client.force_login(user)
        self.assertEqual(self.client.get(reverse("wagtaildocs:index")).status_code, 302)

        migration = importlib.import_module(
            "editorial.migrations.0003_document_permissions_for_wagtail"
        )
        migration.use_wagtail_document_permissions(apps, None)
        self.assertFalse(GroupCollectionPermission.objects.filter(permission=old).exists())
        self.assertEqual(self.client.get(reverse("wagtaildocs:index")).status_code, 200)
        for group in ("Editors", "Moderators"):
            self.assertEqual(
                set(
                    GroupCollectionPermission.objects.filter(group__name=group).values_list(
                        "permission__codename", flat=True
                    )
                )
                & {"add_document", "change_document", "choose_document"},
                {"add_document", "change_document", "choose_document"},
            )
