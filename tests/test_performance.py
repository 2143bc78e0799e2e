"""Query budget per page type, the page cache, and what each kind of edit drops from it.

Counts, never timings: speed is measured by `make bench`.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from caching.lookups import bump_content_version
from caching.page_cache import delete_pages, page_key
from contacts.models import ContactPagePerson
from core.models import SiteSettings
from strategy.models import ProjectPage
from tests.factories import make_contact_person, make_page, make_site_tree
from tests.servers import PurgeRecorder, RecordsPurges

QUERY_BUDGET = 10
# Every page edit also purges the Atom feeds and the open data files (news/, open_data/):
# tested in tests/test_news_feeds_open_data.py, left out of the exact sets here.
LISTING_FILES = {
    "/nyheder.atom",
    "/en/news.atom",
    "/projekter.atom",
    "/en/projects.atom",
    "/data/projects.json",
    "/data/projects.csv",
}


def urls_of(page) -> dict[str, str]:
    urls = {}
    for language in ["da", "en"]:
        with translation.override(language):
            urls[language] = page.get_url()
    return urls


class TreeTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.person = make_contact_person(name="Pia Presse", is_press_contact=True)
        site = cls.tree["home"].get_site()
        SiteSettings.objects.update_or_create(
            site=site, defaults={"default_contact": cls.person, "privacy_page": cls.tree["privacy"]}
        )
        ContactPagePerson.objects.create(page=cls.tree["contact"], person=cls.person)

    def all_urls(self) -> list[str]:
        urls = []
        for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
            urls += urls_of(page).values()
        return urls

    def fill_page_cache(self) -> list[str]:
        urls = self.all_urls()
        for url in urls:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
        self.assertTrue(all(cache.get(page_key(url)) for url in urls))
        return urls

    def cached(self) -> set[str]:
        return {url for url in self.all_urls() if cache.get(page_key(url))}


class QueryBudgetTests(TreeTestCase):
    def count(self, url: str, *, cold: bool) -> int:
        delete_pages([url])
        self.client.get(url)  # a real render: warms site root paths, renditions, fragments
        delete_pages([url])
        if cold:
            bump_content_version()  # every shared fragment is re-rendered
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertNotEqual(response.get("X-Page-Cache"), "hit")
        return len(queries)

    def budgets(self) -> dict[str, tuple[int, int]]:
        """{url: (warm, cold)} for one page of every type, in both languages."""
        pages = [
            self.tree[name]
            for name in (
                "home",
                "strategy",
                "pillar",
                "project",
                "principles",
                "principle",
                "catalogue",
                "network",
                "contact",
                "privacy",
            )
        ]
        counts = {}
        for page in pages:
            for url in urls_of(page).values():
                counts[url] = (self.count(url, cold=False), self.count(url, cold=True))
        return counts

    @pytest.mark.slow  # 1,000 projects: CI's `make test-slow`
    def test_every_page_type_within_budget_at_10_and_1000_projects(self):
        pillar, principle = self.tree["pillar"], self.tree["principle"]
        for number in range(9):
            make_page(pillar, ProjectPage, f"Projekt {number}", f"Project {number}")
        principle.projects.add(*ProjectPage.objects.all())
        self.assertEqual(ProjectPage.objects.count(), 10)
        at_10 = self.budgets()

        for number in range(9, 999):
            make_page(pillar, ProjectPage, f"Projekt {number}", f"Project {number}")
        principle.projects.add(*ProjectPage.objects.all())
        self.assertEqual(ProjectPage.objects.count(), 1000)
        at_1000 = self.budgets()

        for url, (warm, _cold) in at_1000.items():
            self.assertLessEqual(warm, QUERY_BUDGET, f"{url}: {warm} queries")
        # Cold (every fragment re-rendered): the same number of queries at either size.
        self.assertEqual(at_10, at_1000)

    def test_a_warm_render_reads_no_site_root_page_or_view_restrictions(self):
        """Site, its root page and "is anything private?" are remembered until the next edit."""
        home_id = self.tree["home"].pk
        for name in ("home", "strategy", "pillar", "project", "contact"):
            for url in urls_of(self.tree[name]).values():
                delete_pages([url])
                self.client.get(url)
                delete_pages([url])
                with CaptureQueriesContext(connection) as queries:
                    response = self.client.get(url)
                self.assertEqual(response["X-Page-Cache"], "miss")
                tables = " ".join(query["sql"] for query in queries.captured_queries)
                self.assertNotIn("wagtailcore_site", tables, url)
                self.assertNotIn("wagtailcore_pageviewrestriction", tables, url)
                self.assertNotIn(f'"strategy_homepage"."page_ptr_id" = {home_id}', tables, url)

    def test_a_new_site_root_is_served_at_once(self):
        self.assertContains(self.client.get("/"), "<h1>Resiliente Vejle</h1>")
        self.assertContains(self.client.get("/en/"), "<h1>Resilient Vejle</h1>")
        site = Site.objects.get(is_default_site=True)
        site.root_page = self.tree["strategy"]
        site.save()
        self.assertContains(self.client.get("/"), "<h1>Strategien</h1>")
        self.assertContains(self.client.get("/en/"), "<h1>The strategy</h1>")

    def test_a_page_made_private_leaves_the_listings_at_once(self):
        pillar, project = self.tree["pillar"], self.tree["project"]
        title = {"da": "Fjordbyen", "en": "The Fjord City"}
        for language, url in urls_of(pillar).items():
            self.assertContains(self.client.get(url), title[language])
        restriction = PageViewRestriction.objects.create(
            page=project, restriction_type=PageViewRestriction.LOGIN
        )
        for language, url in urls_of(pillar).items():
            self.assertNotContains(self.client.get(url), title[language])
        restriction.delete()
        for language, url in urls_of(pillar).items():
            self.assertContains(self.client.get(url), title[language])

    def test_long_lists_are_paginated(self):
        pillar = self.tree["pillar"]
        for number in range(30):
            make_page(pillar, ProjectPage, f"Projekt {number:02}", f"Project {number:02}")
        first = self.client.get(pillar.url).content.decode()
        self.assertEqual(first.count('<article class="page-card'), 24)
        self.assertIn('href="?page=2"', first)
        second = self.client.get(pillar.url + "?page=2").content.decode()
        self.assertEqual(second.count('<article class="page-card'), 31 - 24)
        for bad in ["abc", "0", "999999999", "-1"]:
            self.assertEqual(self.client.get(f"{pillar.url}?page={bad}").status_code, 200)


class PageCacheTests(TreeTestCase):
    def test_second_anonymous_view_is_a_hit_without_queries(self):
        url = self.tree["project"].url
        first = self.client.get(url)
        self.assertEqual(first["X-Page-Cache"], "miss")
        with CaptureQueriesContext(connection) as queries:
            second = self.client.get(url)
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(len(queries), 0)
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Content-Type"], first["Content-Type"])
        self.assertIn("s-maxage=86400", second["Cache-Control"])
        self.assertIn("public", second["Cache-Control"])
        self.assertNotIn("Accept-Language", second.get("Vary", ""))

    def test_a_hit_carries_the_same_headers_as_the_render(self):
        url = self.tree["pillar"].url
        first = self.client.get(url)
        second = self.client.get(url)
        self.assertEqual(second["X-Page-Cache"], "hit")
        for name in [
            "X-Frame-Options",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "Cross-Origin-Opener-Policy",
            "Content-Language",
            "Cache-Control",
        ]:
            if name in first:
                self.assertEqual(second[name], first[name], name)
        self.assertIn("X-Frame-Options", second)

    def test_logged_in_editors_never_get_or_fill_cached_pages(self):
        editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")
        url = self.tree["project"].url
        self.client.get(url)  # an anonymous visitor fills the entry
        self.client.force_login(editor)
        response = self.client.get(url)
        self.assertNotIn("X-Page-Cache", response)
        delete_pages([url])
        self.client.get(url)
        self.assertIsNone(cache.get(page_key(url)))

    def test_pages_with_a_view_restriction_are_not_cached(self):
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(
            page=self.tree["network"], restriction_type=PageViewRestriction.LOGIN
        )
        url = self.tree["network"].url
        self.assertEqual(self.client.get(url).status_code, 302)
        self.assertIsNone(cache.get(page_key(url)))


class InvalidationTests(RecordsPurges, TreeTestCase):
    def listings(self) -> list:
        """The catalogue and the principles page: their filters and matrix show every project."""
        return [self.tree["catalogue"], self.tree["principles"]]

    def assert_dropped(self, before: list[str], expected_pages, extra_paths=()):
        """Exactly the expected pages' addresses (both languages) left the cache and the edge."""
        expected = {url for page in expected_pages for url in urls_of(page).values()}
        expected |= set(extra_paths)
        dropped = set(before) - self.cached()
        self.assertEqual(dropped, {url for url in expected if url in before})
        purged = PurgeRecorder.paths()
        self.assertEqual(purged - LISTING_FILES, expected)

    def test_publishing_a_project(self):
        before = self.fill_page_cache()
        project = self.tree["project"]
        project.title_da = "Fjordbyen – ny titel"
        project.save_revision().publish()
        self.assert_dropped(
            before, [project, self.tree["pillar"], self.tree["principle"], *self.listings()]
        )

    def test_unpublishing_a_project(self):
        before = self.fill_page_cache()
        project = self.tree["project"]
        project.unpublish()
        self.assert_dropped(
            before, [project, self.tree["pillar"], self.tree["principle"], *self.listings()]
        )

    def test_publishing_a_pillar_drops_its_projects_and_the_home_page(self):
        before = self.fill_page_cache()
        pillar = self.tree["pillar"]
        pillar.summary_en = "New English summary"
        pillar.save_revision().publish()
        expected = [pillar, self.tree["project"], self.tree["strategy"], self.tree["home"]]
        # Its project's card on the principle page names it; the matrix has it as a row.
        expected += [self.tree["principle"], *self.listings()]
        self.assert_dropped(before, expected)

    def test_a_new_slug_drops_old_and_new_addresses_in_both_languages(self):
        before = self.fill_page_cache()
        project = self.tree["project"]
        old = urls_of(project)
        project.slug_da, project.slug_en = "fjordbyen-ny", "fjord-city-new"
        project.save_revision().publish()
        project.refresh_from_db()
        new = urls_of(project)
        self.assertNotEqual(old, new)
        self.assert_dropped(
            before,
            [project, self.tree["pillar"], self.tree["principle"], *self.listings()],
            old.values(),
        )

    def test_moving_a_project_drops_both_parents(self):
        pillar_2 = make_page(self.tree["strategy"], type(self.tree["pillar"]), "Social", "Social")
        before = self.fill_page_cache()
        project = self.tree["project"]
        old = urls_of(project)
        project.move(pillar_2, pos="last-child")
        project.refresh_from_db()
        self.assert_dropped(
            before,
            [project, self.tree["pillar"], pillar_2, self.tree["principle"], *self.listings()],
            old.values(),
        )

    def test_deleting_a_project(self):
        before = self.fill_page_cache()
        project = self.tree["project"]
        old = urls_of(project)
        project.delete()
        self.assert_dropped(
            before, [self.tree["pillar"], self.tree["principle"], *self.listings()], old.values()
        )

    def test_a_top_level_page_or_the_settings_drop_every_page(self):
        for edit in ("network", "settings", "site", "default contact"):
            with self.subTest(edit=edit):
                before = self.fill_page_cache()
                PurgeRecorder.received.clear()
                if edit == "network":
                    self.tree["network"].save_revision().publish()
                elif edit == "settings":
                    SiteSettings.objects.get().save()
                elif edit == "site":
                    Site.objects.get().save()
                else:
                    self.person.phone = "+45 12 34 56 78"
                    self.person.save()
                self.assertEqual(self.cached(), set())
                pages = Page.objects.live().filter(depth__gt=1)
                self.assert_dropped(before, pages)

    def test_another_contact_person_drops_only_the_pages_that_show_them(self):
        other = make_contact_person(name="Ole Projekt")
        project = self.tree["project"]
        project.contact_person = other
        project.save_revision().publish()
        before = self.fill_page_cache()
        PurgeRecorder.received.clear()
        other.email = "ole@vejle.dk"
        other.save()
        # The press block lists press contacts: the strategy and contact pages are included.
        self.assert_dropped(before, [project, self.tree["strategy"], self.tree["contact"]])

    def test_the_next_view_after_an_edit_shows_it(self):
        project = self.tree["project"]
        self.client.get(project.url)
        project.title_da = "Fjordbyen – opdateret"
        project.save_revision().publish()
        response = self.client.get(project.url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "Fjordbyen – opdateret")
        pillar_page = self.client.get(self.tree["pillar"].url)
        self.assertContains(pillar_page, "Fjordbyen – opdateret")
