"""Contact persons: edited in both languages in the admin, shown in contact blocks."""

import re

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from contacts.models import ContactPagePerson, ContactPerson
from core.models import SiteSettings
from tests.factories import make_contact_person, make_site_tree


class ContactPersonAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_snippet_form_has_both_languages_and_saves_them(self):
        response = self.client.get("/admin/snippets/contacts/contactperson/add/")
        self.assertEqual(response.status_code, 200)
        for field in ("role_da", "role_en", "unit_da", "unit_en"):
            self.assertContains(response, f'name="{field}"')
        response = self.client.post(
            "/admin/snippets/contacts/contactperson/add/",
            {
                "name": "Anna Andersen",
                "role_da": "Presseansvarlig",
                "role_en": "Press officer",
                "unit_da": "Kommunikation",
                "unit_en": "Communications",
                "email": "",
                "phone": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        person = ContactPerson.objects.get(name="Anna Andersen")
        self.assertEqual((person.role_da, person.role_en), ("Presseansvarlig", "Press officer"))

    def test_photo_without_consent_is_refused_with_a_danish_message(self):
        image = Image.objects.create(title="Portræt", file=get_test_image_file())
        response = self.client.post(
            "/admin/snippets/contacts/contactperson/add/",
            {"name": "Uden Samtykke", "role_da": "Rådgiver", "photo": image.pk},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Et foto må kun vises med personens samtykke.")
        self.assertFalse(ContactPerson.objects.filter(name="Uden Samtykke").exists())


class ContactBlockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.person = make_contact_person(
            name="Julie Eksempel",
            role_da="Stabschef",
            role_en="Chief of staff",
            unit_da="Kommunaldirektørens stabe",
            unit_en="The Chief Executive's staff",
        )
        ContactPagePerson.objects.create(page=cls.tree["contact"], person=cls.person)
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.default_contact = cls.person
        settings.save()

    def test_contact_page_lists_the_person_in_each_language(self):
        danish = self.client.get("/kontakt/")
        self.assertContains(danish, "Julie Eksempel")
        self.assertContains(danish, "Kommunaldirektørens stabe")
        english = self.client.get("/en/contact/")
        self.assertContains(english, "Chief of staff")
        self.assertNotContains(english, "Stabschef")

    def test_footer_shows_the_default_contact_on_every_page(self):
        for url in ("/", "/en/strategy/", "/principper/"):
            footer = re.search(
                r'<footer class="site-footer">.*</footer>',
                self.client.get(url).content.decode(),
                re.S,
            ).group(0)
            self.assertIn("Julie Eksempel", footer, url)

    def test_mail_and_phone_links_only_when_set(self):
        response = self.client.get("/kontakt/")
        self.assertNotContains(response, "mailto:")
        self.assertNotContains(response, "tel:")
        self.person.email = "presse@example.org"
        self.person.phone = "+45 12 34 56 78"
        self.person.save()
        response = self.client.get("/kontakt/")
        self.assertContains(response, 'href="mailto:presse@example.org"')
        self.assertContains(response, 'href="tel:+4512345678"')

    def test_page_contact_overrides_the_default(self):
        other = make_contact_person(name="Peter Projekt")
        strategy = self.tree["strategy"]
        strategy.contact_person = other
        strategy.save()
        self.assertContains(self.client.get("/strategien/"), "Peter Projekt")
        self.assertNotContains(self.client.get("/strategien/"), "Julie Eksempel")
