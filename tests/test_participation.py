"""The citizens' input form (participation/): cookie-free posts from the real site, refused
cross-site posts, spam traps, limits, e-mail, moderators' submissions, GDPR and retention.

Posts go through Django's test client with CSRF checks enforced and no cookie, as a browser
without cookies would send them."""

import csv
import io
import socket
import time
from datetime import timedelta

from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from caching import backend as cache_backend
from editorial.roles import EDITORS, MODERATORS
from participation.forms import MAX_FIELD_CHARS, make_stamp
from participation.initial_content import IDEA_FORM
from participation.models import ParticipationFormField, ParticipationPage, ParticipationSubmission
from resilient_vejle.settings.base import cache_settings
from tests.factories import make_page, make_site_tree
from tests.initial_content import load_initial_content

ORIGIN = "http://testserver"
IDEA = "Flere regnbede i Nørreskoven – så vandet bliver, hvor det falder"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_idea_form(
    pillar, slug_da=IDEA_FORM["slug"]["da"], slug_en=IDEA_FORM["slug"]["en"], **fields
):
    """The shipped "Del din idé" form (four fields) below `pillar`."""
    page = make_page(
        pillar,
        ParticipationPage,
        IDEA_FORM["title"]["da"],
        IDEA_FORM["title"]["en"],
        slug_da,
        slug_en,
        intro_da=IDEA_FORM["intro"]["da"],
        intro_en=IDEA_FORM["intro"]["en"],
        thank_you_text_da=IDEA_FORM["thank_you_text"]["da"],
        thank_you_text_en=IDEA_FORM["thank_you_text"]["en"],
        **fields,
    )
    for position, spec in enumerate(IDEA_FORM["fields"]):
        ParticipationFormField.objects.create(
            page=page,
            sort_order=position,
            field_type=spec["field_type"],
            required=spec["required"],
            label_da=spec["label"]["da"],
            label_en=spec["label"]["en"],
            help_text_da=spec["help_text"]["da"],
            help_text_en=spec["help_text"]["en"],
        )
    return ParticipationPage.objects.get(pk=page.pk)


def answers(**overrides):
    data = {
        "navn": "Åse Ødegård",
        "e_mail": "aase@example.org",
        "din_ide_eller_kommentar": IDEA,
        "jeg_har_laest_hvad_mine_oplysninger_bruges_til_og_hvor_laenge_de_gemmes": "on",
        "website": "",
        "form_stamp": make_stamp(time.time() - 10),
    }
    data.update(overrides)
    return data


class FormTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.form_page = make_idea_form(cls.tree["pillar"], to_address="team@example.org")
        with translation.override("da"):
            cls.url_da = cls.form_page.url
        with translation.override("en"):
            cls.url_en = cls.form_page.url

    def setUp(self):
        # A browser without cookies, and Django's CSRF check switched on as in production.
        self.client = Client(enforce_csrf_checks=True)

    def post(self, url, data, *, origin=ORIGIN, fetch_site="same-origin", **headers):
        if origin is not None:
            headers["HTTP_ORIGIN"] = origin
        if fetch_site is not None:
            headers["HTTP_SEC_FETCH_SITE"] = fetch_site
        return self.client.post(url, data, **headers)


class SameOriginPostTests(FormTestCase):
    def test_form_in_both_languages_sets_no_cookie_and_is_never_cached(self):
        for url, label in ((self.url_da, "Din idé eller kommentar"), (self.url_en, "Your idea")):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, label)
            self.assertContains(response, "180")  # the retention period, in the consent
            self.assertFalse(response.cookies)
            self.assertIn("no-store", response["Cache-Control"])
            self.assertNotIn("csrfmiddlewaretoken", response.content.decode())
            again = self.client.get(url)
            self.assertNotEqual(again.get("X-Page-Cache"), "hit")
        self.assertFalse(self.client.cookies)

    def test_same_origin_post_stores_the_answers_and_redirects_to_thanks(self):
        for url, thanks, language in (
            (self.url_da, "tak/", "da"),
            (self.url_en, "thank-you/", "en"),
        ):
            response = self.post(url, answers())
            self.assertEqual(response.status_code, 302, response.content[:2000])
            self.assertEqual(response["Location"], f"{url}{thanks}")
            self.assertFalse(response.cookies)
            landing = self.client.get(response["Location"])
            self.assertEqual(landing.status_code, 200)
            text = "Vi har modtaget din besked" if language == "da" else "We have received"
            self.assertContains(landing, text)
            self.assertFalse(landing.cookies)
        self.assertFalse(self.client.cookies)
        submissions = list(ParticipationSubmission.objects.order_by("pk"))
        self.assertEqual(len(submissions), 2)
        data = submissions[0].form_data
        self.assertEqual(data["din_ide_eller_kommentar"], IDEA)
        self.assertEqual(data["navn"], "Åse Ødegård")
        # No trap fields, no address of any kind.
        self.assertNotIn("website", data)
        self.assertNotIn("form_stamp", data)
        self.assertNotIn("127.0.0.1", str(data))
        field_names = {field.name for field in ParticipationSubmission._meta.get_fields()}
        self.assertEqual(field_names, {"id", "form_data", "page", "submit_time"})

    def test_referer_of_the_site_is_enough_without_origin(self):
        response = self.post(
            self.url_da, answers(), origin=None, fetch_site=None, HTTP_REFERER=f"{ORIGIN}/x/"
        )
        self.assertEqual(response.status_code, 302, response.content.decode()[-3000:])


class CrossSiteTests(FormTestCase):
    def assert_refused(self, response):
        self.assertEqual(response.status_code, 403)
        self.assertFalse(response.cookies)
        self.assertEqual(ParticipationSubmission.objects.count(), 0)
        self.assertEqual(len(mail.outbox), 0)

    def test_other_origin(self):
        response = self.post(self.url_da, answers(), origin="https://evil.example")
        self.assert_refused(response)
        self.assertContains(response, "Beskeden kunne ikke modtages", status_code=403)

    def test_other_origin_with_same_origin_fetch_site(self):
        self.assert_refused(self.post(self.url_da, answers(), origin="http://testserver.evil"))

    def test_null_origin(self):
        self.assert_refused(self.post(self.url_da, answers(), origin="null", fetch_site=None))

    def test_missing_origin_with_cross_site_fetch(self):
        self.assert_refused(self.post(self.url_da, answers(), origin=None, fetch_site="cross-site"))

    def test_same_site_fetch_is_not_same_origin(self):
        self.assert_refused(self.post(self.url_da, answers(), fetch_site="same-site"))

    def test_neither_header(self):
        self.assert_refused(self.post(self.url_da, answers(), origin=None, fetch_site=None))

    def test_foreign_referer_without_origin(self):
        response = self.post(
            self.url_en,
            answers(),
            origin=None,
            fetch_site=None,
            HTTP_REFERER="https://evil.example/form",
        )
        self.assert_refused(response)
        self.assertContains(response, "could not be received", status_code=403)

    def test_other_posts_keep_djangos_csrf_check(self):
        # Only the participation form skips the cookie: the admin login still needs it.
        response = self.client.post(
            reverse("wagtailadmin_login"),
            {"username": "x", "password": "y"},
            HTTP_ORIGIN=ORIGIN,
            HTTP_SEC_FETCH_SITE="same-origin",
        )
        self.assertEqual(response.status_code, 403)


class SpamAndLimitTests(FormTestCase):
    def test_honeypot_stores_nothing(self):
        response = self.post(self.url_da, answers(website="https://spam.example"))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Din besked er ikke sendt", status_code=400)
        self.assertContains(response, IDEA, status_code=400)  # a person loses nothing
        self.assertNotContains(response, "spam.example", status_code=400)
        self.assertEqual(ParticipationSubmission.objects.count(), 0)
        self.assertEqual(len(mail.outbox), 0)

    def test_honeypot_is_out_of_reach(self):
        html = self.client.get(self.url_da).content.decode()
        self.assertRegex(html, r'<input[^>]*name="website"[^>]*tabindex="-1"')
        self.assertRegex(html, r'<input[^>]*name="website"[^>]*autocomplete="off"')
        self.assertIn("Lad dette felt være tomt", html)

    def test_time_trap_refuses_a_post_under_three_seconds_and_keeps_the_answers(self):
        response = self.post(self.url_da, answers(form_stamp=make_stamp(time.time() - 1)))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "meget hurtigt", status_code=400)
        self.assertContains(response, IDEA, status_code=400)  # nothing to type again
        self.assertEqual(ParticipationSubmission.objects.count(), 0)

    def test_forged_or_missing_stamp_is_refused(self):
        day_old = make_stamp(time.time() - 25 * 60 * 60)
        for stamp in ("1700000000", "", make_stamp(time.time() - 10) + "x", day_old):
            response = self.post(self.url_da, answers(form_stamp=stamp))
            self.assertEqual(response.status_code, 400)
        self.assertEqual(ParticipationSubmission.objects.count(), 0)

    @override_settings(PARTICIPATION_RATE_LIMIT=(2, 600))
    def test_rate_limit_per_client_address(self):
        for _ in range(2):
            self.assertEqual(self.post(self.url_da, answers()).status_code, 302)
        response = self.post(self.url_da, answers())
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "mange beskeder", status_code=429)
        self.assertEqual(ParticipationSubmission.objects.count(), 2)
        # Another client (the address nginx appends) is not held back.
        other = self.post(self.url_da, answers(), HTTP_X_FORWARDED_FOR="198.51.100.7")
        self.assertEqual(other.status_code, 302)
        self.assertEqual(ParticipationSubmission.objects.count(), 3)

    def test_field_size_limit(self):
        response = self.post(
            self.url_da, answers(din_ide_eller_kommentar="å" * (MAX_FIELD_CHARS + 1))
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, f"højst have {MAX_FIELD_CHARS} tegn", status_code=400)
        self.assertEqual(ParticipationSubmission.objects.count(), 0)

    @override_settings(PARTICIPATION_MAX_POST_BYTES=2000)
    def test_post_size_limit(self):
        response = self.post(self.url_en, answers(navn="x" * 3000))
        self.assertEqual(response.status_code, 413)
        self.assertContains(response, "too long", status_code=413)
        self.assertEqual(ParticipationSubmission.objects.count(), 0)


class ErrorSummaryTests(FormTestCase):
    def test_errors_link_to_their_fields_in_the_pages_language(self):
        data = answers(din_ide_eller_kommentar="", e_mail="ikke-en-adresse")
        del data["jeg_har_laest_hvad_mine_oplysninger_bruges_til_og_hvor_laenge_de_gemmes"]
        for url, title, required in (
            (self.url_da, "<title>Fejl:", "Udfyld “Din idé eller kommentar”."),
            (self.url_en, "<title>Error:", "Fill in “Your idea or comment”."),
        ):
            response = self.post(url, data)
            self.assertEqual(response.status_code, 400)
            html = response.content.decode()
            self.assertIn(title, html)
            self.assertIn('class="error-summary"', html)
            self.assertIn(f'<a href="#id_din_ide_eller_kommentar">{required}</a>', html)
            self.assertIn('href="#id_e_mail"', html)
            self.assertRegex(
                html,
                r'<textarea[^>]*aria-invalid="true"[^>]*aria-describedby="'
                r'id_din_ide_eller_kommentar_error"',
            )
            self.assertIn('id="id_din_ide_eller_kommentar_error"', html)
            self.assertIn("Åse Ødegård", html)  # answers kept
            self.assertFalse(response.cookies)
        self.assertEqual(ParticipationSubmission.objects.count(), 0)

    def test_hostile_input_is_stored_as_text_and_escaped(self):
        hostile = '<script>alert("x")</script>\u202e ' + "💧" * 10
        response = self.post(self.url_da, answers(navn=hostile))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(ParticipationSubmission.objects.get().form_data["navn"], hostile)


class EmailTests(FormTestCase):
    def test_notification_email_in_outbox(self):
        self.post(self.url_da, answers())
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["team@example.org"])
        self.assertIn(IDEA, message.body)
        self.assertEqual(message.subject, "Del din idé: ny indsendelse")
        self.assertNotIn("form_stamp", message.body)

    def test_email_reaches_a_real_smtp_server(self):
        received = []

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                received.append(envelope)
                return "250 OK"

        port = free_port()
        controller = Controller(Handler(), hostname="127.0.0.1", port=port)
        controller.start()
        try:
            with override_settings(
                EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=port,
                EMAIL_USE_TLS=False,
                EMAIL_HOST_USER="",
                EMAIL_HOST_PASSWORD="",
            ):
                response = self.post(self.url_da, answers())
        finally:
            controller.stop()
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(received), 1)
        self.assertEqual(received[0].rcpt_tos, ["team@example.org"])
        self.assertIn(IDEA, received[0].content.decode("utf-8", "replace").replace("=\r\n", ""))

    def test_mail_server_down_still_stores_and_thanks(self):
        closed_port = free_port()
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=closed_port,
        ):
            response = self.post(self.url_da, answers())
        self.assertEqual(response.status_code, 302)
        self.assertEqual(ParticipationSubmission.objects.count(), 1)


def make_user(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


class ModeratorTests(FormTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = make_user("redaktoer", EDITORS)
        cls.moderator = make_user("moderator", MODERATORS)
        for name, email in (("Åse", "aase@example.org"), ("Bo", "bo@example.org")):
            ParticipationSubmission.objects.create(
                page=cls.form_page,
                form_data={"navn": name, "e_mail": email, "din_ide_eller_kommentar": IDEA},
            )
        ParticipationSubmission.objects.create(
            page=cls.form_page,
            form_data={
                "navn": "",
                "e_mail": "",
                "din_ide_eller_kommentar": "Skriv AASE@example.org",
            },
        )

    def setUp(self):
        self.client = Client()

    def test_moderator_exports_csv(self):
        self.client.force_login(self.moderator)
        index = self.client.get(reverse("wagtailforms:index"))
        self.assertContains(index, "Del din idé")
        url = reverse("wagtailforms:list_submissions", args=(self.form_page.pk,))
        response = self.client.get(url, {"export": "csv"})
        self.assertEqual(response.status_code, 200)
        rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
        self.assertEqual(len(rows), 4)
        self.assertIn("Åse", {cell for row in rows for cell in row})

    def test_editor_cannot_see_submissions(self):
        self.client.force_login(self.editor)
        index = self.client.get(reverse("wagtailforms:index"))
        self.assertNotContains(index, "Del din idé")
        url = reverse("wagtailforms:list_submissions", args=(self.form_page.pk,))
        for response in (self.client.get(url), self.client.get(url, {"export": "csv"})):
            self.assertIn(response.status_code, (302, 403))
            self.assertNotIn(b"aase@example.org", response.content)
        person = self.client.get(reverse("participation_submissions_of_person"))
        self.assertIn(person.status_code, (302, 403))

    def test_moderator_deletes_submissions(self):
        self.client.force_login(self.moderator)
        submission = ParticipationSubmission.objects.get(form_data__navn="Bo")
        url = reverse("wagtailforms:delete_submissions", args=(self.form_page.pk,))
        response = self.client.post(f"{url}?selected-submissions={submission.pk}")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(ParticipationSubmission.objects.filter(pk=submission.pk).exists())

    def test_gdpr_find_and_delete_by_email(self):
        self.client.force_login(self.moderator)
        url = reverse("participation_submissions_of_person")
        found = self.client.get(url, {"email": "aase@example.org"})
        self.assertContains(found, "2 indsendelser fundet")
        response = self.client.post(url, {"email": "aase@example.org"})
        self.assertEqual(response.status_code, 302)
        remaining = ParticipationSubmission.objects.all()
        self.assertEqual([s.form_data["navn"] for s in remaining], ["Bo"])

    def test_gdpr_bad_address_is_a_message(self):
        self.client.force_login(self.moderator)
        url = reverse("participation_submissions_of_person")
        response = self.client.get(url, {"email": "<script>"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Indtast en gyldig e-mail-adresse")
        self.assertEqual(ParticipationSubmission.objects.count(), 3)


class RetentionTests(FormTestCase):
    def test_delete_old_submissions_deletes_exactly_the_expired(self):
        short = make_idea_form(
            self.tree["pillar"], slug_da="kort", slug_en="short", retention_days=30
        )
        now = timezone.now()
        ages = {
            self.form_page: [179, 181, 400],
            short: [29, 31],
        }
        for page, days_list in ages.items():
            for days in days_list:
                submission = ParticipationSubmission.objects.create(
                    page=page, form_data={"din_ide_eller_kommentar": f"{page.pk}-{days}"}
                )
                ParticipationSubmission.objects.filter(pk=submission.pk).update(
                    submit_time=now - timedelta(days=days)
                )
        out = io.StringIO()
        call_command("delete_old_submissions", stdout=out)
        self.assertIn("Deleted 3", out.getvalue())
        kept = sorted(
            s.form_data["din_ide_eller_kommentar"] for s in ParticipationSubmission.objects.all()
        )
        self.assertEqual(kept, sorted([f"{self.form_page.pk}-179", f"{short.pk}-29"]))


def form_page_post_data(label_en="Your idea", **extra):
    data = {
        "title_da": "Del din idé",
        "title_en": "Share your idea",
        "slug_da": "del-din-ide",
        "slug_en": "share-your-idea",
        "summary_da": "",
        "summary_en": "",
        "intro_da": rich_text("<p>Skriv til os.</p>"),
        "intro_en": rich_text("<p>Write to us.</p>"),
        "consent_text_da": rich_text(""),
        "consent_text_en": rich_text(""),
        "thank_you_text_da": rich_text("<p>Tak.</p>"),
        "thank_you_text_en": rich_text("<p>Thanks.</p>"),
        "retention_days": "90",
        "to_address": "team@example.org",
        "from_address": "",
        "subject": "Ny idé",
        "form_fields": inline_formset(
            [
                {
                    "label_da": "Din idé",
                    "label_en": label_en,
                    "help_text_da": "",
                    "help_text_en": "",
                    "field_type": "multiline",
                    "required": "on",
                    "choices_da": "",
                    "choices_en": "",
                    "default_value_da": "",
                    "default_value_en": "",
                }
            ]
        ),
    }
    data.update(extra)
    return nested_form_data(data)


class AdminAndCacheTests(FormTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = make_user("redaktoer", EDITORS)
        cls.moderator = make_user("moderator", MODERATORS)

    def setUp(self):
        self.client = Client()

    def add_url(self):
        return reverse(
            "wagtailadmin_pages:add",
            args=("participation", "participationpage", self.tree["pillar"].pk),
        )

    def test_editor_builds_a_form_page_in_the_admin(self):
        self.client.force_login(self.editor)
        ParticipationPage.objects.all().delete()
        response = self.client.post(self.add_url(), form_page_post_data())
        self.assertEqual(response.status_code, 302, response.content[:3000])
        page = ParticipationPage.objects.get()
        self.assertEqual(page.retention_days, 90)
        field = page.form_fields.get()
        self.assertEqual((field.clean_name, field.label_en), ("din_ide", "Your idea"))

    def test_editor_previews_the_form_in_each_language(self):
        self.client.force_login(self.editor)
        preview_url = f"/admin/pages/{self.form_page.pk}/edit/preview/"
        data = form_page_post_data()
        for mode, label in (("da", "Din idé"), ("en", "Your idea")):
            response = self.client.post(f"{preview_url}?mode={mode}", data)
            self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
            response = self.client.get(preview_url, {"mode": mode})
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, f'<html lang="{mode}">')
            self.assertContains(response, f'for="id_din_ide">{label}</label>')

    def test_english_page_needs_english_labels(self):
        self.client.force_login(self.editor)
        response = self.client.post(self.add_url(), form_page_post_data(label_en=""))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Skriv feltets engelske tekst")
        self.assertEqual(ParticipationPage.objects.count(), 1)  # only the one from setUp

    def test_bad_retention_is_a_message(self):
        self.client.force_login(self.editor)
        response = self.client.post(self.add_url(), form_page_post_data(retention_days="0"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(ParticipationPage.objects.count(), 1)

    def test_a_publish_shows_at_once_and_posts_or_errors_are_never_page_cached(self):
        anonymous = Client(enforce_csrf_checks=True)
        # Warm every cache: the pillar (cacheable, lists nothing of the form) and the form.
        pillar_url = self.tree["pillar"].url
        anonymous.get(pillar_url)  # creates the site settings row, which empties the cache
        anonymous.get(pillar_url)
        self.assertEqual(anonymous.get(pillar_url)["X-Page-Cache"], "hit")
        anonymous.get(self.url_da)
        anonymous.post(self.url_da, {}, HTTP_ORIGIN=ORIGIN, HTTP_SEC_FETCH_SITE="same-origin")
        fresh = anonymous.get(self.url_da)
        self.assertNotIn("X-Page-Cache", fresh)
        self.assertNotContains(fresh, "error-summary")  # the error page was not kept

        page = ParticipationPage.objects.get(pk=self.form_page.pk)
        page.intro_da = "<p>Ny tekst om stormflod</p>"
        page.summary_da = "Send os din idé om vand"
        page.save_revision().publish()
        self.assertContains(anonymous.get(self.url_da), "Ny tekst om stormflod")
        # The pillar (its parent) lists the form: it shows the new summary at once.
        self.assertContains(anonymous.get(pillar_url), "Send os din idé om vand")

    def test_setup_editorial_roles_keeps_the_moderators_rights(self):
        call_command("setup_editorial_roles", stdout=io.StringIO())
        moderator = get_user_model().objects.get(pk=self.moderator.pk)
        editor = get_user_model().objects.get(pk=self.editor.pk)
        self.assertTrue(moderator.has_perm("participation.view_participationsubmission"))
        self.assertTrue(moderator.has_perm("participation.delete_participationsubmission"))
        self.assertFalse(editor.has_perm("participation.view_participationsubmission"))


class InitialContentTests(TestCase):
    def test_the_shipped_form_and_privacy_text(self):
        from tests.factories import recreate_wagtail_defaults

        recreate_wagtail_defaults()
        load_initial_content()
        page = ParticipationPage.objects.get()
        parent = page.get_parent().specific
        self.assertEqual(parent.theme, "democracy")
        self.assertEqual((page.title_da, page.title_en), ("Del din idé", "Share your idea"))
        self.assertEqual(page.retention_days, 180)
        fields = list(page.form_fields.all())
        self.assertEqual(
            [(f.field_type, f.required) for f in fields],
            [("singleline", False), ("email", False), ("multiline", True), ("checkbox", True)],
        )
        self.assertTrue(all(f.label_en for f in fields))
        client = Client()
        for url, texts in (
            ("/privatliv/", ["Del din idé", "Vi gemmer ikke din IP-adresse", "180 dage"]),
            ("/en/privacy/", ["Share your idea", "We do not store your IP address", "180 days"]),
        ):
            response = client.get(url)
            for text in texts:
                self.assertContains(response, text)
        with translation.override("en"):
            english_url = page.url
            pillar_url = parent.url
        self.assertContains(client.get(english_url), "Your idea or comment")
        # The pillar "Democratic dialogue" leads to it.
        self.assertContains(client.get(pillar_url), f'href="{english_url}"')
        out = io.StringIO()
        call_command("load_initial_content", stdout=out)
        self.assertIn("nothing changed", out.getvalue())


class CacheAwayTests(FormTestCase):
    def setUp(self):
        super().setUp()
        cache_backend._Outage.retry_at = 0.0
        cache_backend._Outage.dropped_nothing = False
        cache_backend._Outage.failing = False
        cache_backend._Outage.memory.clear()

    def tearDown(self):
        cache_backend._Outage.retry_at = 0.0
        cache_backend._Outage.dropped_nothing = False
        cache_backend._Outage.failing = False
        cache_backend._Outage.memory.clear()

    def test_with_redis_away_a_post_is_still_stored(self):
        # Nothing listens on port 1: the rate limit cannot count, and the post goes on.
        with override_settings(CACHES=cache_settings("redis://127.0.0.1:1/0", "away")):
            for _ in range(2):
                self.assertEqual(self.post(self.url_da, answers()).status_code, 302)
        self.assertEqual(ParticipationSubmission.objects.count(), 2)
