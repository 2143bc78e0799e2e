"""`make run` (the development settings, DEBUG on) shows the site's own 404 page, as production
does, not Django's technical 404 with its list of URL patterns."""

import io

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings

from resilient_vejle.settings import dev
from tests.initial_content import load_initial_content


@override_settings(DEBUG=dev.DEBUG, MIDDLEWARE=dev.MIDDLEWARE)
class DevelopmentNotFoundTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def test_the_dev_settings_keep_debug_on(self):
        self.assertTrue(dev.DEBUG)

    def test_unknown_addresses_show_the_sites_own_404_page(self):
        for url, heading, home in [
            # Below the page tree (Wagtail's serve raises Http404), in Danish and English.
            ("/strategien/s%C3%B8jle-%C3%A6%C3%B8%C3%A5/", "Siden blev ikke fundet", "/"),
            ("/en/strategy/no-such-pillar/", "Page not found", "/en/"),
            ("/findes-ikke/", "Siden blev ikke fundet", "/"),
            # No URL pattern matches at all (a dot is no slug character).
            ("/gammel-side.html", "Siden blev ikke fundet", "/"),
            ("/en/old-page.php", "Page not found", "/en/"),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404)
                html = response.content.decode()
                self.assertIn(f"<h1>{heading}</h1>", html)
                self.assertIn(f'href="{home}"', html)
                self.assertNotIn("Using the URLconf", html)
                self.assertNotIn("technical_404", html)

    def test_pages_and_other_errors_are_untouched(self):
        self.assertEqual(self.client.get("/strategien/").status_code, 200)
        # A wrong method is still Django's own answer, not a 404 page.
        self.assertEqual(self.client.post("/strategien.pdf").status_code, 405)


class MigrateReportTests(TestCase):
    """`make run` migrates first: the translated columns the package adds to Wagtail's Page are
    reported in one line, not as raw ALTER TABLE statements (issue 15)."""

    def run_migrate(self, verbosity: int) -> str:
        with connection.cursor() as cursor:
            cursor.execute('ALTER TABLE "wagtailcore_page" DROP COLUMN "seo_title_en"')
        out = io.StringIO()
        call_command("migrate", interactive=False, verbosity=verbosity, stdout=out)
        columns = [
            column.name
            for column in connection.introspection.get_table_description(
                connection.cursor(), "wagtailcore_page"
            )
        ]
        self.assertIn("seo_title_en", columns)
        return out.getvalue()

    def test_one_line_for_the_columns_at_normal_verbosity(self):
        output = self.run_migrate(verbosity=1)
        self.assertNotIn("ALTER TABLE", output)
        self.assertIn("Translated columns added to wagtailcore.page: seo_title_en", output)

    def test_the_sql_at_verbosity_two(self):
        output = self.run_migrate(verbosity=2)
        self.assertIn('ALTER TABLE "wagtailcore_page" ADD COLUMN "seo_title_en"', output)

    def test_nothing_when_nothing_was_added(self):
        out = io.StringIO()
        call_command("migrate", interactive=False, verbosity=1, stdout=out)
        self.assertNotIn("translat", out.getvalue().casefold())
