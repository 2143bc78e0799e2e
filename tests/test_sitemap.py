"""/sitemap.xml per language with alternates, and /robots.txt."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from django.test import TestCase
from django.utils import timezone, translation
from wagtail.models import Page

from strategy.models import ProjectPage
from tests.initial_content import load_initial_content

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client) -> dict[str, dict]:
    """{loc: {"lastmod": ..., "alternates": {hreflang: href}}}; fails on a duplicate loc."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        assert loc not in entries, f"{loc} is listed twice"
        entries[loc] = {
            "lastmod": url.find("s:lastmod", NS).text,
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            },
        }
    return entries


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def expected_urls(self, page) -> dict[str, str]:
        urls = {}
        for language in ["da", "en"]:
            with translation.override(language):
                urls[language] = f"http://testserver{page.get_url()}"
        return urls

    def test_every_page_once_per_language_with_alternates_and_lastmod(self):
        entries = sitemap_entries(self.client)
        pages = list(Page.objects.live().filter(depth__gt=1).specific())
        self.assertEqual(len(pages), 32)  # with the catalogue, the form, news (6) and /data/
        self.assertEqual(len(entries), 64)
        for page in pages:
            urls = self.expected_urls(page)
            for url in urls.values():
                with self.subTest(url=url):
                    entry = entries[url]
                    self.assertEqual(
                        entry["alternates"],
                        {"da": urls["da"], "en": urls["en"], "x-default": urls["da"]},
                    )
                    # The date as in Copenhagen: between 23:00 and 24:00 UTC it is already tomorrow.
                    published_on = timezone.localdate(page.last_published_at)
                    self.assertEqual(entry["lastmod"], published_on.isoformat())

    def test_an_untranslated_page_is_listed_in_danish_only(self):
        project = ProjectPage.objects.order_by("path").first()
        urls = self.expected_urls(project)
        project.title_en = ""
        project.save_revision().publish()
        entries = sitemap_entries(self.client)
        self.assertEqual(set(entries[urls["da"]]["alternates"]), {"da", "x-default"})
        self.assertNotIn(urls["en"], entries)
        english_locs = [loc for loc in entries if loc.startswith("http://testserver/en/")]
        self.assertEqual(len(english_locs), 31)
        for entry in entries.values():
            self.assertNotIn(urls["en"], entry["alternates"].values())
        self.assertEqual(len(entries), 63)

    def test_unpublished_pages_are_not_listed(self):
        project = ProjectPage.objects.order_by("path").first()
        urls = self.expected_urls(project)
        project.unpublish()
        entries = sitemap_entries(self.client)
        self.assertNotIn(urls["da"], entries)
        self.assertNotIn(urls["en"], entries)
        self.assertEqual(len(entries), 62)

    def test_lastmod_is_the_publishing_day_in_copenhagen(self):
        # Published at 23:30 UTC on 30 November: in Vejle it was already 1 December (CI once
        # failed when the suite ran across midnight and the test compared the UTC date).
        project = ProjectPage.objects.order_by("path").first()
        late_evening = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
        ProjectPage.objects.filter(pk=project.pk).update(last_published_at=late_evening)
        entries = sitemap_entries(self.client)
        for url in self.expected_urls(project).values():
            self.assertEqual(entries[url]["lastmod"], "2026-12-01")


class RobotsTests(TestCase):
    def test_robots_points_at_the_sitemap_and_keeps_admin_out(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        # Nothing else is kept from crawlers: the pages and the PDFs are public.
        self.assertEqual(
            [line for line in lines if line.startswith("Disallow")], ["Disallow: /admin/"]
        )
