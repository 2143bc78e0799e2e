"""Security headers (Mozilla HTTP Observatory's rules), cookies, security.txt and /healthz."""

import json

from django.conf import settings
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.models import Site

from core.models import SiteSettings
from tests.initial_content import load_initial_content

# Requests come over HTTPS, as behind nginx (HSTS is only ever sent on HTTPS).
HTTPS = {"secure": True}
HSTS_MINIMUM = 60 * 60 * 24 * 182  # six months
PRIVATE_REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


class HeaderTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def assert_common_headers(self, response):
        hsts = response["Strict-Transport-Security"]
        max_age = int(hsts.split("max-age=")[1].split(";")[0])
        self.assertGreaterEqual(max_age, HSTS_MINIMUM)
        self.assertIn("includeSubDomains", hsts)
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn(response["Referrer-Policy"], PRIVATE_REFERRER_POLICIES)
        self.assertEqual(response["Cross-Origin-Opener-Policy"], "same-origin")
        self.assertIn("camera=()", response["Permissions-Policy"])
        self.assertIn("geolocation=()", response["Permissions-Policy"])
        self.assertEqual(response["X-Frame-Options"], "DENY")

    def assert_public_csp(self, response):
        csp = directives(response["Content-Security-Policy"])
        self.assertEqual(csp["default-src"], ["'self'"])
        self.assertEqual(csp["script-src"], ["'self'"])
        self.assertEqual(csp["object-src"], ["'none'"])
        self.assertEqual(csp["frame-ancestors"], ["'none'"])
        self.assertEqual(csp["form-action"], ["'self'"])
        self.assertEqual(csp["base-uri"], ["'self'"])
        for directive in ("script-src", "style-src", "default-src"):
            self.assertNotIn("'unsafe-inline'", csp.get(directive, []), directive)
            self.assertNotIn("'unsafe-eval'", csp.get(directive, []), directive)
        self.assertNotIn("Content-Security-Policy-Report-Only", response)


class PublicHeaderTests(HeaderTestCase):
    def test_home_page_content_page_and_404(self):
        for url, status in [
            ("/", 200),
            ("/en/", 200),
            ("/strategien/", 200),
            ("/en/strategy/", 200),
            ("/strategien/klimaresiliens/", 200),
            ("/findes-ikke/", 404),
            ("/en/does-not-exist/", 404),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url, **HTTPS)
                self.assertEqual(response.status_code, status)
                self.assert_common_headers(response)
                self.assert_public_csp(response)

    def test_pages_have_no_inline_scripts_or_styles(self):
        # The strict policy would block them: nothing inline may creep into the templates.
        html = self.client.get("/strategien/", **HTTPS).content.decode()
        self.assertNotIn(" style=", html)
        self.assertNotIn("<style", html)
        for tag in html.split("<script")[1:]:
            self.assertIn('type="application/ld+json"', tag.split(">")[0])

    def test_strategy_pdf_and_documents_keep_wagtails_document_policy(self):
        document = get_document_model().objects.filter(file__endswith=".pdf").first()
        for url in ["/strategien.pdf", "/en/strategy.pdf", document.url]:
            with self.subTest(url=url):
                response = self.client.get(url, **HTTPS)
                self.assertEqual(response.status_code, 200)
                self.assert_common_headers(response)
                self.assertEqual(response["Content-Security-Policy"], "default-src 'none'")

    def test_no_cookies_on_public_pages(self):
        for url in ["/", "/en/strategy/", "/findes-ikke/"]:
            self.assertEqual(self.client.get(url, **HTTPS).cookies, {}, url)


class AdminHeaderTests(HeaderTestCase):
    def setUp(self):
        from django.contrib.auth import get_user_model

        self.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
        self.client.force_login(self.admin)

    def test_admin_policy_is_enforced_and_the_strict_one_reported(self):
        response = self.client.get("/admin/", **HTTPS)
        self.assertEqual(response.status_code, 200)
        enforced = directives(response["Content-Security-Policy"])
        self.assertEqual(enforced["object-src"], ["'none'"])
        self.assertEqual(enforced["frame-ancestors"], ["'self'"])
        self.assertEqual(enforced["base-uri"], ["'self'"])
        reported = directives(response["Content-Security-Policy-Report-Only"])
        self.assertEqual(reported["script-src"], ["'self'"])
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])

    def test_preview_can_be_framed_by_the_admin(self):
        from django.test import RequestFactory

        from strategy.models import StrategyPage

        # What the preview panel's iframe gets: Wagtail renders the page through the
        # middleware with a dummy request for the page's own address.
        page = StrategyPage.objects.get()
        request = RequestFactory().get(f"/admin/pages/{page.pk}/edit/preview/", secure=True)
        request.user = self.admin
        for mode in ("da", "en"):
            with self.subTest(mode=mode):
                response = page.make_preview_request(request, mode)
                self.assertEqual(response.status_code, 200)
                # (X-Frame-Options: SAMEORIGIN is set by Wagtail's preview view around this.)
                csp = directives(response["Content-Security-Policy"])
                self.assertEqual(csp["frame-ancestors"], ["'self'"])
                self.assertEqual(csp["script-src"], ["'self'"])  # otherwise the public policy

    def test_no_gravatar_or_update_check(self):
        html = self.client.get("/admin/", **HTTPS).content.decode()
        self.assertNotIn("gravatar.com", html)
        self.assertFalse(settings.WAGTAIL_ENABLE_UPDATE_CHECK)
        self.assertIsNone(settings.WAGTAIL_GRAVATAR_PROVIDER_URL)

    def test_login_page_is_never_cached(self):
        self.client.logout()
        response = self.client.get("/admin/login/", **HTTPS)
        self.assertEqual(response.status_code, 200)
        self.assertIn("no-cache", response["Cache-Control"])


class CookieSettingsTests(TestCase):
    def test_cookies_are_httponly_samesite_and_sessions_last_a_working_day(self):
        self.assertTrue(settings.SESSION_COOKIE_HTTPONLY)
        self.assertTrue(settings.CSRF_COOKIE_HTTPONLY)
        self.assertEqual(settings.SESSION_COOKIE_SAMESITE, "Lax")
        self.assertEqual(settings.CSRF_COOKIE_SAMESITE, "Lax")
        self.assertLessEqual(settings.SESSION_COOKIE_AGE, 9 * 60 * 60)
        self.assertTrue(settings.SESSION_EXPIRE_AT_BROWSER_CLOSE)

    def test_admin_login_cookies_carry_the_flags(self):
        from django.contrib.auth import get_user_model

        get_user_model().objects.create_superuser("admin", "a@example.org", "a-long-passphrase")
        self.client.get("/admin/login/", **HTTPS)
        response = self.client.post(
            "/admin/login/",
            {"username": "admin", "password": "a-long-passphrase"},
            **HTTPS,
        )
        self.assertEqual(response.status_code, 302)
        for name in ("sessionid", "csrftoken"):
            cookie = response.cookies[name]
            self.assertTrue(cookie["httponly"], name)
            self.assertEqual(cookie["samesite"], "Lax", name)


class SecurityTxtTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def test_absent_without_a_contact(self):
        self.assertEqual(self.client.get("/.well-known/security.txt").status_code, 404)

    def test_contact_from_the_site_setting(self):
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.security_contact = "sikkerhed@vejle.dk"
        site_settings.save()
        response = self.client.get("/.well-known/security.txt", **HTTPS)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        text = response.content.decode()
        self.assertIn("Contact: mailto:sikkerhed@vejle.dk\n", text)
        self.assertRegex(text, r"Expires: \d{4}-\d\d-\d\dT00:00:00Z\n")
        self.assertIn("Canonical: https://testserver/.well-known/security.txt", text)

    def test_setting_refuses_what_is_not_an_address(self):
        from django.core.exceptions import ValidationError

        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        for value in ["not an address", "http://example.org/security"]:
            site_settings.security_contact = value
            with self.subTest(value=value), self.assertRaises(ValidationError):
                site_settings.clean()


class HealthzTests(TestCase):
    def test_reports_database_and_cache_uncached(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(json.loads(response.content), {"database": "ok", "cache": "ok"})
        self.assertIn("no-cache", response["Cache-Control"])

    def test_not_redirected_to_https_by_production_settings(self):
        self.assertIn(r"^healthz$", settings.SECURE_REDIRECT_EXEMPT)


class VersionFloorTests(TestCase):
    def test_django_and_wagtail_are_at_least_the_patched_releases(self):
        import django
        import wagtail

        self.assertGreaterEqual(django.VERSION[:3], (5, 2, 19))
        self.assertGreaterEqual(wagtail.VERSION[:3], (7, 4, 4))


def test_production_cookies_are_secure_and_hsts_long():
    from tests.test_settings import PRODUCTION_ENV, run_manage

    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_HSTS_SECONDS >= 182 * 86400, s.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    )
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True True True True True"
