"""Communications staff in the real admin: roles, moderation, translation report, redirects,
and bad input. Every request goes through Django's test client as an Editors or Moderators
user, who get nothing but the groups the editorial migration set up."""

import csv
import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site, WorkflowPage
from wagtail.test.utils.form_data import inline_formset

from contacts.models import ContactPage
from core.languages import repair_root_url_paths
from core.models import InformationPage
from editorial.roles import EDITORS, MODERATORS
from editorial.translation_status import missing_english_fields
from strategy.models import (
    HomePage,
    NetworkPage,
    PillarPage,
    PrinciplePage,
    PrinciplesIndexPage,
    ProjectPage,
    StrategyPage,
)
from tests.factories import make_page, make_site_tree
from tests.initial_content import load_initial_content
from tests.test_page_types import bilingual, edit_form_data


def make_user(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def add_url(model, parent):
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk))


class RolesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("redaktoer", EDITORS)
        cls.moderator = make_user("moderator", MODERATORS)

    def as_editor(self):
        self.client.force_login(self.editor)

    def as_moderator(self):
        self.client.force_login(self.moderator)

    def submit_new_page(self, model, parent, data):
        """The editor's add-view POST with "submit for moderation"; returns the draft."""
        self.as_editor()
        response = self.client.post(add_url(model, parent), {**data, "action-submit": "1"})
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        page = model.objects.get(slug_da=data["slug_da"])
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_task_state.status, "in_progress")
        return page

    def approve(self, page):
        """The moderator approves (and thereby publishes) through the workflow action view."""
        self.as_moderator()
        task_state = page.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
        )
        response = self.client.post(url, {"comment": ""})
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live, page)
        return page

    def assertLive(self, url, text):
        self.client.logout()
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertContains(response, text)


class RolesAndWorkflowTests(RolesTestCase):
    def test_groups_have_the_site_roles(self):
        editors, moderators = Group.objects.get(name=EDITORS), Group.objects.get(name=MODERATORS)
        root = Page.get_first_root_node()
        self.assertTrue(root.permissions_for_user(self.editor).can_add_subpage())
        self.assertFalse(root.permissions_for_user(self.editor).can_publish_subpage())
        self.assertTrue(root.permissions_for_user(self.moderator).can_publish_subpage())
        self.assertTrue(self.editor.has_perm("contacts.change_contactperson"))
        self.assertFalse(self.editor.has_perm("wagtailredirects.add_redirect"))
        self.assertTrue(self.moderator.has_perm("wagtailredirects.add_redirect"))
        for user in (self.editor, self.moderator):
            self.assertTrue(user.has_perm("wagtailadmin.access_admin"))
            for perm in ("auth.change_user", "auth.change_group", "wagtailcore.change_site"):
                self.assertFalse(user.has_perm(perm), (user, perm))
            self.assertFalse(user.has_perm("core.change_sitesettings"))
        self.assertEqual(editors.permissions.count(), 4)
        self.assertTrue(
            WorkflowPage.objects.filter(page=root, workflow__active=True).exists(),
            "the moderation workflow covers the whole tree",
        )
        # Idempotent: running the set-up again changes nothing.
        before = set(moderators.permissions.values_list("codename", flat=True))
        call_command("setup_editorial_roles", stdout=io.StringIO())
        self.assertEqual(set(moderators.permissions.values_list("codename", flat=True)), before)

    def test_editor_cannot_manage_users_groups_sites_workflows_or_settings(self):
        self.as_editor()
        for url in (
            "/admin/users/",
            "/admin/groups/",
            "/admin/sites/",
            "/admin/workflows/list/",
            "/admin/redirects/",
            "/admin/settings/core/sitesettings/",
        ):
            response = self.client.get(url)
            self.assertIn(response.status_code, (302, 403), url)
            if response.status_code == 302:
                self.assertNotIn(url, response["Location"])

    def test_moderator_manages_redirects_but_not_users(self):
        self.as_moderator()
        self.assertEqual(self.client.get("/admin/redirects/").status_code, 200)
        self.assertIn(self.client.get("/admin/users/").status_code, (302, 403))

    def test_editor_cannot_publish_directly(self):
        tree = make_site_tree()
        page = tree["privacy"]
        self.as_editor()
        data = edit_form_data(page, "ændret")
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            {**data, "action-publish": "1"},
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.title_da, "Privatliv")  # only a draft was saved
        self.assertTrue(page.has_unpublished_changes)
        self.assertTrue(page.get_latest_revision_as_object().title_da.endswith("ændret"))
        unpublish = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
        response = self.client.post(unpublish)
        self.assertIn(response.status_code, (302, 403))  # Wagtail's "permission denied"
        page.refresh_from_db()
        self.assertTrue(page.live)

    def test_every_page_type_submitted_approved_and_live_in_both_languages(self):
        repair_root_url_paths()
        root = Page.get_first_root_node()
        Site.objects.all().delete()
        for child in root.get_children():
            child.delete()

        home = self.approve(
            self.submit_new_page(
                HomePage, root, bilingual("Forsiden", "Front", "forsiden", "front")
            )
        )
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        self.assertLive("/", "Forsiden")
        self.assertLive("/en/", "Front")

        def create(model, parent, title_da, title_en, slug_da, slug_en, **extra):
            page = self.submit_new_page(
                model, parent, bilingual(title_da, title_en, slug_da, slug_en, **extra)
            )
            page = self.approve(page)
            with translation.override("da"):
                url_da = page.url
            with translation.override("en"):
                url_en = page.url
            self.assertTrue(url_en.startswith("/en/"), url_en)
            self.assertLive(url_da, f"{title_da} på dansk")
            self.assertLive(url_en, f"{title_en} in English")
            return page

        strategy = create(
            StrategyPage, home, "Strategien", "The strategy", "strategien", "strategy",
            adopted_by_da="Vejle Byråd", adopted_by_en="Vejle City Council", adopted_year="2016",
        )  # fmt: skip
        pillar = create(
            PillarPage, strategy, "Klima", "Climate", "klima", "climate", theme="climate"
        )
        principles = create(
            PrinciplesIndexPage, home, "Principper", "Principles", "principper", "principles"
        )
        principle = create(PrinciplePage, principles, "Merværdi", "Added value", "mv", "av")
        create(
            ProjectPage, pillar, "Fjordbyen", "Fjord City", "fjordbyen", "fjord-city",
            status="ongoing", principles=(str(principle.pk),),
        )  # fmt: skip
        create(
            NetworkPage, home, "Netværk", "Network", "netvaerk", "network",
            network_name="Resilient Cities Network", partner_cities=inline_formset([]),
        )  # fmt: skip
        create(
            ContactPage, home, "Kontakt", "Contact", "kontakt", "contact",
            people=inline_formset([]),
        )  # fmt: skip
        create(InformationPage, home, "Privatliv", "Privacy", "privatliv", "privacy")
        self.assertEqual(
            {type(p) for p in Page.objects.filter(depth__gt=1).live().specific()},
            {
                HomePage, StrategyPage, PillarPage, ProjectPage, PrinciplesIndexPage,
                PrinciplePage, NetworkPage, ContactPage, InformationPage,
            },
        )  # fmt: skip


class EditingQualityTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = make_site_tree()

    def test_admin_is_danish_by_default(self):
        self.as_editor()
        response = self.client.get("/admin/")
        self.assertContains(response, '<html lang="da"')

    def test_editor_sees_concurrent_edit_notices_and_completeness_hint(self):
        page = make_page(self.tree["home"], InformationPage, "Kun dansk")
        self.as_editor()
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("/admin/editing-sessions/", html)  # Wagtail's editing sessions ping
        self.assertIn("data-english-completeness", html)
        self.assertIn("Tomme engelske felter:", html)
        title = str(Page._meta.get_field("title").verbose_name)
        self.assertIn(title, missing_english_fields(page))
        self.assertNotIn(title, missing_english_fields(self.tree["privacy"]))

    def test_accessibility_checker_runs_wcag_21_aa(self):
        self.as_editor()
        response = self.client.get("/")
        self.assertContains(response, "wcag21aa")
        self.assertContains(response, "alt-text-quality")

    def test_translation_summary_on_dashboard(self):
        make_page(self.tree["home"], InformationPage, "Uden engelsk")
        make_page(self.tree["home"], InformationPage, "Heller ikke engelsk")
        self.as_editor()
        response = self.client.get("/admin/")
        self.assertContains(response, "2 sider mangler engelsk")
        self.assertContains(response, reverse("editorial_translation_report"))


def report_rows(response):
    return [page.title_da for page in response.context["object_list"]]


def csv_rows(response, delimiter=";"):
    """The report's CSV as Danish Excel reads it: UTF-8 after a byte order mark, ";"."""
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf"), content[:10]
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


class TranslationReportTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_initial_content()
        cls.home = HomePage.objects.get()

    def report(self, **params):
        return self.client.get(reverse("editorial_translation_report"), params)

    def test_lists_exactly_the_pages_without_english_title(self):
        # The initial content: whichever pages have no English title (today none).
        expected = {
            page.title_da
            for page in Page.objects.filter(depth__gt=1)
            if not (page.title_en or "").strip()
        }
        # Two more, created by the editor through the admin without English.
        for title, slug in (("Kun på dansk", "kun-paa-dansk"), ("Også kun dansk", "ogsaa-dansk")):
            data = bilingual(title, "", slug, "")
            self.submit_new_page(InformationPage, self.home, data)
            expected.add(title)
        # And one with English, which must not be listed.
        self.submit_new_page(
            InformationPage, self.home, bilingual("Med engelsk", "With English", "med", "with")
        )

        self.as_editor()
        self.assertIn(
            reverse("editorial_translation_report"), self.client.get("/admin/").content.decode()
        )
        response = self.report(translation_state="missing")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(sorted(report_rows(response)), sorted(expected))
        for page in response.context["object_list"]:
            self.assertContains(response, reverse("wagtailadmin_pages:edit", args=(page.pk,)))

        exported = csv_rows(self.report(translation_state="missing", export="csv"))
        self.assertEqual(exported[0][:3], ["Dansk titel", "Engelsk titel", "Engelsk tilstand"])
        self.assertEqual(sorted(row[0] for row in exported[1:]), sorted(expected))
        self.assertTrue(all(row[1] == "" for row in exported[1:]))

        xlsx = self.report(translation_state="missing", export="xlsx")
        self.assertEqual(xlsx.status_code, 200)
        self.assertIn("spreadsheetml", xlsx["Content-Type"])

        # Unfiltered: every page, once, with the CSV holding the same rows.
        everything = self.report()
        total = Page.objects.filter(depth__gt=1).count()
        self.assertEqual(everything.context["paginator"].count, total)
        self.assertEqual(len(csv_rows(self.report(export="csv"))) - 1, total)

    def test_english_older_than_danish(self):
        page = StrategyPage.objects.get()
        self.as_editor()
        edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        data = edit_form_data(page, "v2")
        self.client.post(edit, data)  # both languages changed: up to date
        self.assertNotIn(page.title_da, report_rows(self.report(translation_state="outdated")))

        data["title_da"] = f"{page.title_da} v3"  # only Danish changed
        self.client.post(edit, data)
        outdated = self.report(translation_state="outdated")
        self.assertEqual(report_rows(outdated), [page.title_da])  # the published title
        self.assertContains(self.client.get("/admin/"), "1 side har ældre engelsk tekst end dansk")

        data["title_en"] = f"{data['title_en']} v3"  # the English catches up
        self.client.post(edit, data)
        self.assertEqual(report_rows(self.report(translation_state="outdated")), [])


class TranslationReportCSVTests(RolesTestCase):
    """The CSV export through the real admin URL, as an Editor."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = make_site_tree()
        cls.page = cls.tree["privacy"]
        revision = cls.page.save_revision()
        # 10:15 UTC on a summer day is 12:15 in Copenhagen (CEST).
        revision.created_at = datetime.datetime(2026, 7, 1, 10, 15, tzinfo=datetime.UTC)
        revision.save(update_fields=["created_at"])
        cls.formula = make_page(cls.tree["home"], InformationPage, '=HYPERLINK("http://x")')

    def export(self, **params):
        return self.client.get(reverse("editorial_translation_report"), {"export": "csv", **params})

    def test_danish_excel_opens_it_in_danish(self):
        self.as_editor()
        response = self.export()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn('filename="oversaettelser.csv"', response["Content-Disposition"])
        rows = csv_rows(response)
        self.assertEqual(
            rows[0],
            [
                "Dansk titel",
                "Engelsk titel",
                "Engelsk tilstand",
                "Sidetype",
                "Dansk sidst ændret",
                "Engelsk sidst ændret",
                "Redigér",
            ],
        )
        privacy = next(row for row in rows if row[0] == self.page.title_da)
        self.assertEqual(privacy[4:6], ["2026-07-01 12:15", "2026-07-01 12:15"])
        self.assertIn(['\'=HYPERLINK("http://x")'], [row[:1] for row in rows])

    def test_headings_and_states_follow_an_english_admin(self):
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = "en"
        profile.save()
        self.as_editor()
        rows = csv_rows(self.export(), delimiter=",")
        self.assertEqual(
            rows[0][:4], ["Danish title", "English title", "English state", "Page type"]
        )
        states = {row[0]: row[2] for row in rows[1:]}
        self.assertEqual(states[f"'{self.formula.title_da}"], "Missing English title")


class SafeSlugTests(RolesTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = make_site_tree()

    def publish(self, page, **changes):
        self.as_moderator()
        data = edit_form_data(page, "")
        data.update(title_da=page.title_da, title_en=page.title_en, **changes)
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            {**data, "action-publish": "1"},
        )
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        page.refresh_from_db()
        return page

    def assertRedirects301(self, old_url, new_url):
        self.client.logout()
        response = self.client.get(old_url)
        self.assertEqual(response.status_code, 301, old_url)
        self.assertEqual(response["Location"], new_url)
        self.assertEqual(self.client.get(new_url).status_code, 200, new_url)

    def test_slug_change_in_each_language_redirects_page_and_descendants(self):
        pillar = self.tree["pillar"]
        self.publish(pillar, slug_da="klima", theme=pillar.theme)
        self.assertRedirects301("/strategien/klimaresiliens/", "/strategien/klima/")
        self.assertRedirects301(
            "/strategien/klimaresiliens/fjordbyen/", "/strategien/klima/fjordbyen/"
        )
        self.assertEqual(self.client.get("/en/strategy/climate-resilience/").status_code, 200)

        self.publish(pillar, slug_en="climate", theme=pillar.theme)
        self.assertRedirects301("/en/strategy/climate-resilience/", "/en/strategy/climate/")
        self.assertRedirects301(
            "/en/strategy/climate-resilience/the-fjord-city/",
            "/en/strategy/climate/the-fjord-city/",
        )
        # The earlier Danish redirect still works, and nothing was created twice.
        self.assertRedirects301("/strategien/klimaresiliens/", "/strategien/klima/")
        self.assertEqual(Redirect.objects.filter(is_permanent=True).count(), 4)

    def test_slug_change_submitted_by_editor_redirects_once_approved(self):
        page = self.tree["privacy"]
        self.as_editor()
        data = {**edit_form_data(page, ""), "title_da": "Privatliv", "title_en": "Privacy"}
        data["slug_en"] = "privacy-policy"
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**data, "action-submit": "1"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get("/en/privacy/").status_code, 200)  # not yet published
        self.approve(page)
        self.assertRedirects301("/en/privacy/", "/en/privacy-policy/")
        self.assertEqual(self.client.get("/privatliv/").status_code, 200)

    def test_changing_back_removes_the_loop(self):
        page = self.tree["privacy"]
        self.publish(page, slug_da="privatlivspolitik")
        self.publish(page, slug_da="privatliv")
        self.assertEqual(self.client.get("/privatliv/").status_code, 200)
        self.assertRedirects301("/privatlivspolitik/", "/privatliv/")
        self.assertFalse(Redirect.objects.filter(old_path="/privatliv").exists())

    def test_moving_a_page_redirects_both_languages(self):
        other = make_page(
            self.tree["strategy"], PillarPage, "Social resiliens", "Social resilience"
        )
        project = self.tree["project"]
        self.as_moderator()
        response = self.client.post(
            reverse("wagtailadmin_pages:move_confirm", args=(project.pk, other.pk))
        )
        self.assertEqual(response.status_code, 302)
        self.assertRedirects301(
            "/strategien/klimaresiliens/fjordbyen/", "/strategien/social-resiliens/fjordbyen/"
        )
        self.assertRedirects301(
            "/en/strategy/climate-resilience/the-fjord-city/",
            "/en/strategy/social-resilience/the-fjord-city/",
        )


class BadInputTests(RolesTestCase):
    """Clear messages on the form, in the admin's language (Danish), and nothing lost."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = make_site_tree()

    def test_duplicate_slug_in_either_language_is_refused_on_the_add_form(self):
        self.as_editor()
        home = self.tree["home"]
        for slug_da, slug_en, field in (
            ("privatliv", "other", "slug_da"),
            ("andet", "privacy", "slug_en"),
        ):
            data = bilingual("Ny side", "New page", slug_da, slug_en)
            response = self.client.post(
                add_url(InformationPage, home), {**data, "action-submit": "1"}
            )
            self.assertEqual(response.status_code, 200)
            self.assertIn(field, response.context["form"].errors, field)
            self.assertFalse(InformationPage.objects.filter(title_da="Ny side").exists())

    def test_invalid_edit_keeps_the_saved_draft(self):
        page = self.tree["privacy"]
        self.as_editor()
        edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        data = edit_form_data(page, "kladde")
        self.assertEqual(self.client.post(edit, data).status_code, 302)  # a draft
        draft_id = InformationPage.objects.get(pk=page.pk).latest_revision_id

        bad = {**data, "title_da": ""}
        response = self.client.post(edit, bad)
        self.assertEqual(response.status_code, 200)
        self.assertIn("title_da", response.context["form"].errors)
        bad = {**data, "slug_en": "contact"}  # a sibling's English slug
        response = self.client.post(edit, bad)
        self.assertEqual(response.status_code, 200)
        self.assertIn("slug_en", response.context["form"].errors)

        page.refresh_from_db()
        self.assertEqual(page.latest_revision_id, draft_id)
        self.assertEqual(page.get_latest_revision_as_object().title_da, "Privatliv kladde")
        self.assertEqual(page.title_da, "Privatliv")  # the live page is untouched

    def upload(self, **data):
        self.as_editor()
        image = SimpleUploadedFile("havn.png", get_test_image_file().file.getvalue())
        return self.client.post(
            reverse("wagtailimages:add"), {"title": "Havnen", "file": image, **data}
        )

    def test_image_needs_a_description_unless_decorative(self):
        response = self.upload()
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Skriv en beskrivelse af billedet (alt-tekst), eller markér det som dekorativt.",
            response.context["form"].errors["description"],
        )
        self.assertFalse(get_image_model().objects.exists())

        self.assertEqual(self.upload(decorative="on").status_code, 302)
        self.assertEqual(self.upload(description="Vejle Havn i solskin").status_code, 302)
        self.assertEqual(get_image_model().objects.count(), 2)
        response = self.upload(description="Havnen", decorative="on")
        self.assertIn("decorative", response.context["form"].errors)

    @override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100)
    def test_oversize_image_upload_is_refused_in_danish(self):
        response = self.upload(description="Havnen")
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors["file"]
        self.assertTrue(any(e.startswith("Billedet er for stort") for e in errors), errors)
        self.assertFalse(get_image_model().objects.exists())


class HelpTextTests(RolesTestCase):
    """Every field an editor fills in explains itself (Wagtail's own page fields included)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = make_site_tree()

    def fields_without_help(self, form):
        missing = {name for name, field in form.fields.items() if not field.help_text}
        for formset in getattr(form, "formsets", {}).values():
            if formset.prefix == "comments":  # Wagtail's comments, not a form to fill in
                continue
            missing |= {
                f"{formset.prefix}-{name}"
                for name, field in formset.empty_form.fields.items()
                if not field.help_text and name not in ("id", "ORDER", "DELETE", "page")
            }
        return missing

    def test_page_forms(self):
        self.as_editor()
        missing = {}
        for page in Page.objects.filter(depth__gt=1).specific():
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
            missing[type(page).__name__] = self.fields_without_help(response.context["form"])
        self.assertEqual({k: v for k, v in missing.items() if v}, {})

    def test_contact_person_form(self):
        self.as_editor()
        response = self.client.get(reverse("wagtailsnippets_contacts_contactperson:add"))
        self.assertEqual(self.fields_without_help(response.context["form"]), set())


class SearchPromotionRoleTests(TestCase):
    def test_moderators_and_only_moderators_manage_promoted_results(self):
        codenames = {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"}
        moderators = Group.objects.get(name="Moderators")
        editors = Group.objects.get(name="Editors")
        self.assertEqual(
            codenames & set(moderators.permissions.values_list("codename", flat=True)), codenames
        )
        self.assertFalse(codenames & set(editors.permissions.values_list("codename", flat=True)))
