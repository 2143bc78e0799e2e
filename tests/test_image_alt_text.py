"""Alt text per language: editors describe an image in Danish and English in the image form;
English pages read the English text (else the Danish one, marked lang="da"); decorative images
get alt=""; the translation report counts images that lack English."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from core.models import ImageDescription
from editorial.roles import EDITORS
from strategy.models import ProjectPage
from tests.initial_content import load_initial_content
from tests.test_editorial import make_user
from tests.test_front_end import soup_of

Image = get_image_model()


def png():
    return SimpleUploadedFile("havn.png", get_test_image_file().file.getvalue(), "image/png")


class AltTextTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()
        cls.editor = make_user("redaktoer", EDITORS)
        cls.collection = Collection.get_first_root_node()
        cls.project = ProjectPage.objects.filter(title_en__gt="").order_by("path").first()

    def setUp(self):
        self.client.force_login(self.editor)

    def add_image(self, **data):
        return self.client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Havnen",
                "file": png(),
                "collection": self.collection.pk,
                "tags": "",
                **data,
            },
        )

    def show_in_both_bodies(self, *images, decorative=False):
        blocks = [
            ("image", {"image": image, "caption": "", "decorative": decorative}) for image in images
        ]
        self.project.body_da = blocks
        self.project.body_en = blocks
        self.project.save_revision().publish()

    def alts(self, language):
        self.client.logout()
        with translation.override(language):
            url = self.project.get_url()
        soup = soup_of(self.client.get(url))
        return [
            (img["alt"], img.get("lang")) for img in soup.select("figure.block-image picture img")
        ]


class ImageFormTests(AltTextTestCase):
    def test_both_descriptions_through_the_add_and_edit_views(self):
        response = self.client.get(reverse("wagtailimages:add"))
        self.assertContains(response, "Beskrivelse (dansk)")
        self.assertContains(response, "Beskrivelse (engelsk)")
        self.assertContains(response, "Står feltet tomt, viser de engelske sider den danske.")

        response = self.add_image(
            description="Oversvømmet p-plads ved Vejle Å",
            description_en="Flooded car park by Vejle River",
        )
        self.assertEqual(response.status_code, 302)
        image = Image.objects.get(title="Havnen")
        self.assertEqual(image.description, "Oversvømmet p-plads ved Vejle Å")
        self.assertEqual(
            image.english_description.description_en, "Flooded car park by Vejle River"
        )

        edit = reverse("wagtailimages:edit", args=(image.pk,))
        self.assertContains(self.client.get(edit), "Flooded car park by Vejle River")
        response = self.client.post(
            edit,
            {
                "title": "Havnen",
                "description": "Oversvømmet p-plads ved Vejle Å",
                "description_en": "",
                "collection": self.collection.pk,
                "tags": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(ImageDescription.objects.filter(image=image).exists())

    def test_labels_and_help_in_an_english_admin(self):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = "en"
        profile.save()
        response = self.client.get(reverse("wagtailimages:add"))
        self.assertContains(response, "Description (Danish)")
        self.assertContains(response, "Description (English)")
        self.assertContains(response, "If left empty, the English pages show the Danish one.")

    def test_decorative_images_have_no_description_in_either_language(self):
        response = self.add_image(decorative="on", description_en="A decoration")
        self.assertEqual(response.status_code, 200)
        self.assertIn("decorative", response.context["form"].errors)
        self.assertEqual(self.add_image(decorative="on").status_code, 302)
        self.assertFalse(ImageDescription.objects.filter(image__title="Havnen").exists())

    def test_the_chooser_upload_stores_the_english_description(self):
        response = self.client.post(
            reverse("wagtailimages_chooser:create"),
            {
                "image-chooser-upload-title": "Fjorden",
                "image-chooser-upload-file": png(),
                "image-chooser-upload-description": "Vejle Fjord i tåge",
                "image-chooser-upload-description_en": "Vejle Fjord in fog",
                "image-chooser-upload-collection": self.collection.pk,
                "image-chooser-upload-tags": "",
            },
        )
        self.assertEqual(response.json()["step"], "chosen")
        image = Image.objects.get(title="Fjorden")
        self.assertEqual(image.english_description.description_en, "Vejle Fjord in fog")


class RenderedAltTextTests(AltTextTestCase):
    def test_each_language_reads_its_own_description(self):
        image = Image.objects.create(
            title="havn", description="Vejle havn i solskin", file=get_test_image_file()
        )
        ImageDescription.objects.create(image=image, description_en="Vejle harbour in sunshine")
        self.show_in_both_bodies(image)
        self.assertEqual(self.alts("da"), [("Vejle havn i solskin", None)])
        self.assertEqual(self.alts("en"), [("Vejle harbour in sunshine", None)])

    def test_existing_images_keep_their_description_as_the_danish_one(self):
        # As every image uploaded before English descriptions existed: no English row.
        image = Image.objects.create(
            title="havn", description="Ældre billede af åen", file=get_test_image_file()
        )
        self.show_in_both_bodies(image)
        self.assertEqual(self.alts("da"), [("Ældre billede af åen", None)])
        self.assertEqual(self.alts("en"), [("Ældre billede af åen", "da")])

    def test_decorative_images_have_empty_alt_in_both_languages(self):
        marked = Image.objects.create(title="pynt", description="", file=get_test_image_file())
        described = Image.objects.create(
            title="havn", description="Vejle havn", file=get_test_image_file()
        )
        ImageDescription.objects.create(image=described, description_en="Vejle harbour")
        self.show_in_both_bodies(marked)
        self.assertEqual(self.alts("da"), [("", None)])
        self.assertEqual(self.alts("en"), [("", None)])
        self.show_in_both_bodies(described, decorative=True)  # "Kun pynt" on the block
        self.assertEqual(self.alts("en"), [("", None)])

    def test_an_edited_english_description_reaches_the_cached_english_page_at_once(self):
        image = Image.objects.create(
            title="havn", description="Vejle havn", file=get_test_image_file()
        )
        self.show_in_both_bodies(image)
        self.assertEqual(self.alts("en"), [("Vejle havn", "da")])  # now cached
        self.assertEqual(self.alts("en"), [("Vejle havn", "da")])
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("wagtailimages:edit", args=(image.pk,)),
            {
                "title": "havn",
                "description": "Vejle havn",
                "description_en": "Vejle harbour",
                "collection": self.collection.pk,
                "tags": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.alts("en"), [("Vejle harbour", None)])

    def test_the_share_image_alt_follows_the_language(self):
        from core.models import SiteSettings

        image = SiteSettings.objects.get().default_social_image
        # The initial content ships the share image with an English description too.
        self.assertEqual(
            image.english_description.description_en, "Resilient Vejle, Vejle Municipality"
        )
        ImageDescription.objects.filter(image=image).update(
            description_en="Resilient Vejle logo card"
        )
        self.client.logout()
        with translation.override("en"):
            english = soup_of(self.client.get(self.project.get_url()))
        danish = soup_of(self.client.get(self.project.get_url()))
        self.assertEqual(
            english.find("meta", property="og:image:alt")["content"], "Resilient Vejle logo card"
        )
        self.assertEqual(danish.find("meta", property="og:image:alt")["content"], image.description)


class ReportTests(AltTextTestCase):
    def test_the_report_and_dashboard_count_images_without_english(self):
        both = Image.objects.create(title="Begge", description="Åen", file=get_test_image_file())
        ImageDescription.objects.create(image=both, description_en="The river")
        Image.objects.create(title="Kun dansk", description="Fjorden", file=get_test_image_file())
        Image.objects.create(title="Pynt", description="", file=get_test_image_file())
        expected = set(
            Image.objects.exclude(description="")
            .exclude(english_description__description_en__gt="")
            .values_list("title", flat=True)
        )
        self.assertIn("Kun dansk", expected)
        self.assertNotIn("Begge", expected)
        self.assertNotIn("Pynt", expected)

        response = self.client.get(reverse("editorial_translation_report"))
        self.assertEqual(response.status_code, 200)
        section = soup_of(response).select_one("[data-images-missing-english]")
        heading = " ".join(section.h2.get_text().split())
        self.assertEqual(
            heading,
            f"{len(expected)} billede mangler engelsk beskrivelse (alt-tekst)"
            if len(expected) == 1
            else f"{len(expected)} billeder mangler engelsk beskrivelse (alt-tekst)",
        )
        self.assertEqual({a.get_text() for a in section.select("li a")}, expected)

        dashboard = soup_of(self.client.get(reverse("wagtailadmin_home")))
        summary = " ".join(dashboard.select_one("[data-translation-summary]").get_text().split())
        self.assertIn(f"{len(expected)} bille", summary)
        self.assertIn("mangler engelsk beskrivelse (alt-tekst)", summary)
