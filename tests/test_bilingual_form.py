"""Both languages in one page form (issue 13), as an Editors user with a Danish (or English)
admin, through the real edit view: labels naming their language, the English notice without
optional fields, and the copy of the Danish body into an empty English body."""

import re

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from core.models import InformationPage
from editorial.roles import EDITORS
from tests.factories import make_page, make_site_tree
from tests.test_editorial import RolesTestCase, make_user

DANISH_BODY = [
    ("heading", {"text": "Skybrud på Østergade"}),
    ("paragraph", rich_text('<p>Læs <a href="https://example.org/">rapporten</a> om vandet.</p>')),
    ("quote", {"text": "Vi gør udfordringer til muligheder", "attribution": "Vejle Byråd"}),
]


def form_data(page, body_en, title_en="Floods", **extra):
    data = {
        "title_da": page.title_da,
        "title_en": title_en,
        "slug_da": page.slug_da,
        "slug_en": page.slug_en or "floods",
        "summary_da": "Resumé",
        "summary_en": "",
        "body_da": streamfield(DANISH_BODY),
        "body_en": streamfield(body_en),
    }
    data.update(extra)
    return nested_form_data(data)


def visible_english_fields(html):
    """The labels of the notice's list items that are not hidden."""
    return re.findall(r'<li data-english-field="[^"]+"\s*>([^<]+)</li>', html)


class BilingualFormTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = make_site_tree()

    def setUp(self):
        self.page = make_page(self.tree["home"], InformationPage, "Skybrud", "", "skybrud")
        self.edit_url = reverse("wagtailadmin_pages:edit", args=(self.page.pk,))
        self.as_editor()

    def draft(self):
        return InformationPage.objects.get(pk=self.page.pk).get_latest_revision_as_object()

    def test_labels_name_their_language_in_the_admins_language(self):
        response = self.client.get(self.edit_url)
        form = response.context["form"]
        self.assertEqual(str(form.fields["title_da"].label), "Titel (dansk)")
        self.assertEqual(str(form.fields["title_en"].label), "Titel (engelsk)")
        self.assertEqual(str(form.fields["summary_en"].label), "Resumé (engelsk)")
        html = response.content.decode()
        self.assertNotIn("[da]", html)
        self.assertNotIn("[en]", html)
        self.assertNotIn("language_toggles.js", html)  # no toggles hiding one language
        # The English title: optional, and nothing suggests otherwise.
        self.assertFalse(form.fields["title_en"].required)
        title_en = re.search(r'<input[^>]*name="title_en"[^>]*>', html).group(0)
        self.assertNotIn("placeholder", title_en)
        self.assertNotIn("required", title_en)
        title_da = re.search(r'<input[^>]*name="title_da"[^>]*>', html).group(0)
        self.assertIn("required", title_da)
        self.assertIn("Sidens overskrift", str(form.fields["title_en"].help_text))

        english_editor = make_user("editor_en", EDITORS)
        profile = UserProfile.get_for_user(english_editor)
        profile.preferred_language = "en"
        profile.save()
        self.client.force_login(english_editor)
        html = self.client.get(self.edit_url).content.decode()  # labels render lazily
        self.assertIn("Title (Danish)", html)
        self.assertIn("Title (English)", html)
        self.assertNotIn("Titel (engelsk)", html)
        self.assertIn("The page&#x27;s heading as readers see it.", html)  # help text, English

    def test_snippet_labels_name_their_language(self):
        response = self.client.get(reverse("wagtailsnippets_contacts_contactperson:add"))
        self.assertContains(response, "Stilling (dansk)")
        self.assertContains(response, "Stilling (engelsk)")
        self.assertNotContains(response, "[en]")

    def test_notice_follows_the_saved_form_and_leaves_out_optional_fields(self):
        html = self.client.get(self.edit_url).content.decode()
        missing = visible_english_fields(html)
        self.assertIn("Titel", missing)
        self.assertNotIn("Title tag", missing)
        self.assertNotIn("title tag", missing)
        self.assertNotIn("Meta description", missing)
        self.assertEqual(html.count('data-english-field="seo_title_en"'), 0)
        self.assertEqual(html.count('data-english-field="search_description_en"'), 0)

        body_en = [("paragraph", rich_text("<p>Cloudburst</p>"))]
        data = form_data(self.page, body_en, summary_en="Summary")
        self.assertEqual(self.client.post(self.edit_url, data).status_code, 302)
        html = self.client.get(self.edit_url).content.decode()
        self.assertEqual(visible_english_fields(html), [])
        self.assertIn("Alle engelske felter er udfyldt.", html)
        self.assertRegex(html, r"<p data-english-title-missing\s+hidden")

    def test_copy_fills_an_empty_english_body_with_the_danish_blocks(self):
        data = form_data(self.page, [], **{"copy-danish-body": "1"})
        response = self.client.post(self.edit_url, data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], self.edit_url)
        draft = self.draft()
        danish, english = draft.body_da.get_prep_value(), draft.body_en.get_prep_value()
        self.assertEqual(
            [(b["type"], b["value"]) for b in english], [(b["type"], b["value"]) for b in danish]
        )
        self.assertIn("rapporten</a>", english[1]["value"])
        self.assertTrue({b["id"] for b in english}.isdisjoint({b["id"] for b in danish}))
        self.assertEqual(len(InformationPage.objects.get(pk=self.page.pk).body_en), 0)  # draft
        html = self.client.get(self.edit_url).content.decode()
        self.assertIn("Det engelske indhold er stadig en kopi af det danske", html)
        self.assertNotIn('name="copy-danish-body"', html)

    def test_copy_never_overwrites_a_non_empty_english_body(self):
        body_en = [("paragraph", rich_text("<p>Only this English paragraph</p>"))]
        self.client.post(self.edit_url, form_data(self.page, body_en))
        revision = Page.objects.get(pk=self.page.pk).latest_revision_id

        response = self.client.post(
            self.edit_url, form_data(self.page, body_en, **{"copy-danish-body": "1"})
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Det engelske indhold er ikke tomt, så det danske er ikke kopieret.",
            " ".join(response.context["form"].errors["body_en"]),
        )
        self.assertEqual(Page.objects.get(pk=self.page.pk).latest_revision_id, revision)
        draft = self.draft()
        self.assertEqual(len(draft.body_en), 1)
        self.assertIn("Only this English paragraph", draft.body_en[0].value.source)

        # Nothing Danish to copy: said, not a 500.
        empty_danish = form_data(self.page, [], body_da=streamfield([]))
        response = self.client.post(self.edit_url, {**empty_danish, "copy-danish-body": "1"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("body_da", response.context["form"].errors)

    def test_copy_button_only_while_the_english_body_is_empty(self):
        self.client.post(self.edit_url, form_data(self.page, []))
        html = self.client.get(self.edit_url).content.decode()
        self.assertIn('name="copy-danish-body"', html)
        self.assertIn("Kopiér dansk indhold som skabelon", html)
        self.assertIn('data-confirm-publish="Siden vises ikke på engelsk. Udgiv alligevel?"', html)
        self.assertIn("editorial/js/bilingual_form.js", html)
