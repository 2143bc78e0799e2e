"""News, the Atom feeds and the open data files: what visitors, feed readers and data users get,
and that a publication reaches them at once (page cache and edge purges included)."""

import csv
import datetime
import io
import json

import feedparser
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from news.models import NewsIndexPage, NewsPage
from open_data.dataset import FIELD_NAMES
from open_data.models import OpenDataPage, OpenDataSettings
from strategy.models import PrinciplePage, ProjectPage
from tests.factories import make_page, make_site_tree
from tests.initial_content import load_initial_content
from tests.servers import PurgeRecorder, RecordsPurges
from tests.test_editorial import RolesTestCase, add_url
from tests.test_page_types import bilingual

FEEDS = {
    ("news", "da"): "/nyheder.atom",
    ("news", "en"): "/en/news.atom",
    ("projects", "da"): "/projekter.atom",
    ("projects", "en"): "/en/projects.atom",
}
DATA_FILES = ["/data/projects.json", "/data/projects.csv"]


def make_news_tree():
    """The factory tree plus a news section, the /data/ page and three news items."""
    tree = make_site_tree()
    tree["news_index"] = make_page(
        tree["home"], NewsIndexPage, "Nyheder", "News", "nyheder", "news"
    )
    tree["data"] = make_page(tree["home"], OpenDataPage, "Åbne data", "Open data", "data", "data")
    tree["news"] = [
        make_news(tree, "Fjordbyen nomineret", "Fjordbyen nominated", datetime.date(2018, 5, 1)),
        make_news(tree, "Stormflod: støtte fra Realdania", "", datetime.date(2022, 1, 1)),
        make_news(tree, "Strategien lanceret", "Strategy launched", datetime.date(2016, 3, 17)),
    ]
    tree["news"][0].related_projects.add(tree["project"])
    tree["news"][0].save_revision().publish()
    project = tree["project"]
    project.summary_da, project.summary_en = (
        "Fjordbyen i tre dele.",
        "The Fjord City in three parts.",
    )
    tree["project"] = published(project)
    return tree


def published(page):
    """A new revision published as an editor's "Publish" does (signals, caches dropped)."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def make_project(tree, title_da, title_en="", **fields):
    return published(make_page(tree["pillar"], ProjectPage, title_da, title_en, **fields))


def make_news(tree, title_da, title_en, date, **fields):
    page = make_page(
        tree["news_index"],
        NewsPage,
        title_da,
        title_en,
        date=date,
        summary_da=f"Resumé: {title_da} – æøå",
        summary_en=f"Summary: {title_en}" if title_en else "",
        **fields,
    )
    return published(page)


def parse(response):
    return feedparser.parse(response.content)


def csv_rows(content: bytes) -> list[dict]:
    assert content.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 byte order mark"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


class NewsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_news_tree()

    def setUp(self):
        # The first view of any page creates the site settings (and the open data settings),
        # whose save drops cached pages: done here, so that the tests see only their own drops.
        self.client.get("/data/")

    def get(self, url, **headers):
        response = self.client.get(url, headers=headers)
        self.assertIn(response.status_code, (200, 304), url)
        return response


class NewsPagesTests(NewsTestCase):
    def test_index_lists_news_newest_first_per_language(self):
        danish = BeautifulSoup(self.get("/nyheder/").content, "html.parser")
        titles = [a.get_text() for a in danish.select(".news-list .page-card__title a")]
        self.assertEqual(
            titles,
            ["Stormflod: støtte fra Realdania", "Fjordbyen nomineret", "Strategien lanceret"],
        )
        english = BeautifulSoup(self.get("/en/news/").content, "html.parser")
        titles = [a.get_text() for a in english.select(".news-list .page-card__title a")]
        # The untranslated item is left out of the English list.
        self.assertEqual(titles, ["Fjordbyen nominated", "Strategy launched"])
        self.assertEqual(english.html["lang"], "en")

    def test_news_page_shows_date_summary_body_and_related_projects(self):
        news = self.tree["news"][0]
        response = self.get(news.url)
        self.assertContains(response, '<time datetime="2018-05-01">1. maj 2018</time>', html=True)
        self.assertContains(response, "Resumé: Fjordbyen nomineret – æøå")
        self.assertContains(response, "Relaterede projekter")
        self.assertContains(response, f'href="{self.tree["project"].url}"')
        with translation.override("en"):
            url = news.url
        response = self.get(url)
        self.assertContains(response, '<time datetime="2018-05-01">May 1, 2018</time>', html=True)
        self.assertContains(response, "Related projects")

    def test_date_is_only_as_precise_as_its_source(self):
        news = self.tree["news"][1]
        news.date_precision = "year"
        news.save_revision().publish()
        self.assertContains(self.get(news.url), '<time datetime="2022">2022</time>', html=True)
        news.date_precision = "month"
        news.save_revision().publish()
        self.assertContains(
            self.get(news.url), '<time datetime="2022-01">januar 2022</time>', html=True
        )

    def test_index_is_paginated(self):
        for number in range(25):
            make_news(self.tree, f"Nyhed {number}", f"News {number}", datetime.date(2020, 1, 1))
        first = BeautifulSoup(self.get("/nyheder/").content, "html.parser")
        self.assertEqual(len(first.select(".news-list > li")), 24)
        second = BeautifulSoup(self.get("/nyheder/?page=2").content, "html.parser")
        self.assertEqual(len(second.select(".news-list > li")), 4)
        # Nonsense page numbers give a page, never an error.
        for bad in ("0", "-1", "x", "9999999999", "2'", "<script>"):
            self.assertEqual(self.client.get(f"/nyheder/?page={bad}").status_code, 200, bad)
        self.assertEqual(self.client.get("/nyheder/?page=%00").status_code, 400)

    def test_home_page_shows_the_three_latest_and_a_publication_at_once(self):
        home = BeautifulSoup(self.get("/").content, "html.parser")
        titles = [a.get_text() for a in home.select(".latest-news .page-card__title a")]
        self.assertEqual(len(titles), 3)
        self.assertEqual(self.get("/")["X-Page-Cache"], "hit")
        make_news(self.tree, "Helt ny nyhed", "Brand new", datetime.date(2030, 1, 1))
        response = self.get("/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        home = BeautifulSoup(response.content, "html.parser")
        titles = [a.get_text() for a in home.select(".latest-news .page-card__title a")]
        self.assertEqual(titles[0], "Helt ny nyhed")
        self.assertEqual(len(titles), 3)
        english = BeautifulSoup(self.get("/en/").content, "html.parser")
        self.assertIn(
            "Brand new", [a.get_text() for a in english.select(".latest-news .page-card__title a")]
        )

    def test_home_page_without_news_has_no_news_section(self):
        for news in self.tree["news"]:
            news.unpublish()
        self.assertNotContains(self.get("/"), "latest-news")
        self.assertNotContains(self.get("/en/"), "latest-news")

    def test_deleting_news_drops_it_from_the_home_page(self):
        self.get("/")
        self.tree["news"][1].delete()
        self.assertNotContains(self.get("/"), "Stormflod: støtte fra Realdania")


class NewsThroughAdminTests(RolesTestCase):
    """An editor writes a news item in both languages; a moderator's approval publishes it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = make_news_tree()

    def test_editor_submits_and_moderator_publishes_a_news_item(self):
        project = self.tree["project"]
        data = bilingual(
            "Skybrudsplan vedtaget",
            "Cloudburst plan adopted",
            "skybrudsplan-vedtaget",
            "cloudburst-plan-adopted",
            date="2026-11-30",
            date_precision="day",
            related_projects=(str(project.pk),),
        )
        self.client.get("/nyheder.atom")  # cached before the publication
        news = self.approve(self.submit_new_page(NewsPage, self.tree["news_index"], data))
        self.assertEqual(list(news.related_projects.all()), [project])
        self.assertLive("/nyheder/skybrudsplan-vedtaget/", "Skybrudsplan vedtaget på dansk")
        self.assertLive("/en/news/cloudburst-plan-adopted/", "Cloudburst plan adopted in English")
        self.assertLive("/", "Skybrudsplan vedtaget")
        titles = [entry.title for entry in parse(self.client.get("/nyheder.atom")).entries]
        self.assertIn("Skybrudsplan vedtaget", titles)

    def test_a_bad_date_is_refused_in_danish_and_nothing_is_lost(self):
        self.as_moderator()
        data = bilingual("Dato", "Date", "dato", "date", date="30-02-2026")
        response = self.client.post(add_url(NewsPage, self.tree["news_index"]), data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Indtast en gyldig dato")
        self.assertFalse(NewsPage.objects.filter(slug_da="dato").exists())

    def test_news_only_below_the_news_index(self):
        for parent in (self.tree["home"], self.tree["pillar"], self.tree["strategy"]):
            self.assertFalse(NewsPage.can_create_at(parent), parent)
        self.assertTrue(NewsPage.can_create_at(self.tree["news_index"]))
        # One news section and one /data/ page per site.
        self.assertFalse(NewsIndexPage.can_create_at(self.tree["home"]))
        self.assertFalse(OpenDataPage.can_create_at(self.tree["home"]))


class FeedTests(NewsTestCase):
    def test_feeds_parse_as_atom_with_the_right_entries_per_language(self):
        live_projects = ProjectPage.objects.live()
        expected = {
            ("news", "da"): {news.title_da for news in self.tree["news"]},
            ("news", "en"): {news.title_en for news in self.tree["news"] if news.title_en},
            ("projects", "da"): {project.title_da for project in live_projects},
            ("projects", "en"): {project.title_en for project in live_projects if project.title_en},
        }
        for (kind, language), url in FEEDS.items():
            with self.subTest(url=url):
                response = self.get(url)
                self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
                feed = parse(response)
                self.assertFalse(feed.bozo, feed.get("bozo_exception"))
                self.assertEqual(feed.version, "atom10")
                self.assertEqual(feed.feed.language, language)
                self.assertEqual({entry.title for entry in feed.entries}, expected[kind, language])
                for entry in feed.entries:
                    self.assertEqual(entry.title_detail.language, language)
                    self.assertTrue(entry.link.startswith("http://testserver/"), entry.link)
                    if language == "en":
                        self.assertTrue(entry.link.startswith("http://testserver/en/"))
                    self.assertTrue(entry.summary, entry.title)
                    self.assertIsNotNone(entry.updated_parsed)
                    self.assertIsNotNone(entry.published_parsed)
                    self.assertEqual(self.client.get(entry.link).status_code, 200, entry.link)

    def test_news_entries_carry_the_items_date_and_summary(self):
        feed = parse(self.get("/en/news.atom"))
        entry = next(entry for entry in feed.entries if entry.title == "Strategy launched")
        self.assertEqual(entry.published_parsed[:3], (2016, 3, 16))  # midnight in Copenhagen
        self.assertEqual(entry.summary, "Summary: Strategy launched")
        self.assertEqual(feed.feed.title, "Resilient Vejle: news")

    def test_projects_feed_puts_new_and_updated_first(self):
        new = make_project(self.tree, "Nyt projekt", "New project")
        feed = parse(self.get("/projekter.atom"))
        self.assertEqual(feed.entries[0].title, "Nyt projekt")
        project = self.tree["project"]
        project.summary_da = "Opdateret resumé"
        project.save_revision().publish()
        feed = parse(self.get("/projekter.atom"))
        self.assertEqual(feed.entries[0].title, project.title_da)
        self.assertEqual(feed.entries[0].summary, "Opdateret resumé")
        self.assertEqual(feed.entries[1].title, new.title_da)

    def test_every_page_links_its_languages_feeds(self):
        pages = [
            "/",
            self.tree["project"].url,
            "/nyheder/",
            "/data/",
            "/soeg/?q=x",
            "/findes-ikke/",
        ]
        for url in pages:
            soup = BeautifulSoup(self.client.get(url).content, "html.parser")
            links = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
            self.assertEqual(
                {link["href"] for link in links},
                {FEEDS["news", "da"], FEEDS["projects", "da"]},
                url,
            )
        with translation.override("en"):
            english = [self.tree["project"].url, "/en/", "/en/news/", "/en/search/", "/en/nope/"]
        for url in english:
            soup = BeautifulSoup(self.client.get(url).content, "html.parser")
            links = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
            self.assertEqual(
                {link["href"] for link in links},
                {FEEDS["news", "en"], FEEDS["projects", "en"]},
                url,
            )
            self.assertTrue(all(link.get("title") for link in links))

    def test_feeds_are_cached_and_a_publication_shows_at_once(self):
        for url in FEEDS.values():
            self.assertEqual(self.get(url)["X-Page-Cache"], "miss")
            self.assertEqual(self.get(url)["X-Page-Cache"], "hit")
        news = self.tree["news"][1]
        news.title_en = "Realdania supports storm-surge protection"
        news.slug_en = "realdania"
        news.summary_en = "DKK 24.7 million."
        news.save_revision().publish()
        response = self.get("/en/news.atom")
        self.assertEqual(response["X-Page-Cache"], "miss")
        titles = [entry.title for entry in parse(response).entries]
        self.assertIn("Realdania supports storm-surge protection", titles)
        news.unpublish()
        titles = [entry.title for entry in parse(self.get("/nyheder.atom")).entries]
        self.assertNotIn(news.title_da, titles)

    def test_feeds_answer_only_get_and_head_and_ignore_query_strings(self):
        self.assertEqual(self.client.post("/nyheder.atom").status_code, 405)
        self.assertEqual(self.client.head("/en/projects.atom").status_code, 200)
        response = self.client.get("/nyheder.atom?page=2&x=<script>")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(parse(response).bozo)

    def test_private_and_draft_pages_are_not_in_the_feeds(self):
        from wagtail.models import PageViewRestriction

        draft = make_page(self.tree["news_index"], NewsPage, "Kladde", "Draft")
        draft.unpublish()
        PageViewRestriction.objects.create(
            page=self.tree["news"][0], restriction_type=PageViewRestriction.LOGIN
        )
        titles = {entry.title for entry in parse(self.get("/nyheder.atom")).entries}
        self.assertNotIn("Kladde", titles)
        self.assertNotIn("Fjordbyen nomineret", titles)


class OpenDataTests(NewsTestCase):
    def expected_rows(self):
        rows = {}
        for project in ProjectPage.objects.live().specific():
            pillar = project.get_parent().specific
            rows[project.pk] = {
                "title_da": project.title_da,
                "title_en": project.title_en or "",
                "pillar": pillar.slug_da,
                "principles": sorted(p.slug_da for p in project.principles.all()),
            }
        return rows

    def test_json_matches_the_live_projects(self):
        hidden = make_project(self.tree, "Skjult projekt", "Hidden")
        hidden.unpublish()
        danish_only = make_project(self.tree, "Kun dansk", status="planned")
        response = self.get("/data/projects.json")
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        rows = json.loads(response.content)
        self.assertEqual(len(rows), ProjectPage.objects.live().count())
        for row in rows:
            self.assertEqual(list(row), FIELD_NAMES)
        got = {
            row["id"]: {
                "title_da": row["title_da"],
                "title_en": row["title_en"],
                "pillar": row["pillar"],
                "principles": sorted(row["principles"]),
            }
            for row in rows
        }
        self.assertEqual(got, self.expected_rows())
        by_id = {row["id"]: row for row in rows}
        project = by_id[self.tree["project"].pk]
        self.assertEqual(project["url_da"], "http://localhost/strategien/klimaresiliens/fjordbyen/")
        self.assertEqual(
            project["url_en"], "http://localhost/en/strategy/climate-resilience/the-fjord-city/"
        )
        self.assertEqual(project["principles"], [self.tree["principle"].slug_da])
        self.assertTrue(project["first_published_at"].startswith("20"))
        self.assertEqual(by_id[danish_only.pk]["url_en"], "")
        self.assertEqual(by_id[danish_only.pk]["summary_en"], "")
        self.assertEqual(by_id[danish_only.pk]["status"], "planned")
        self.assertNotIn(hidden.pk, by_id)

    def test_csv_has_a_bom_the_fields_and_the_same_rows(self):
        self.tree["project"].principles.add(
            make_page(self.tree["principles"], PrinciplePage, "Samarbejde", "Collaboration")
        )
        self.tree["project"].save_revision().publish()
        response = self.get("/data/projects.csv")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        rows = csv_rows(response.content)
        self.assertEqual(list(rows[0]), FIELD_NAMES)
        json_rows = json.loads(self.get("/data/projects.json").content)
        self.assertEqual([int(row["id"]) for row in rows], [row["id"] for row in json_rows])
        fjordbyen = next(row for row in rows if int(row["id"]) == self.tree["project"].pk)
        self.assertEqual(fjordbyen["principles"], f"{self.tree['principle'].slug_da};samarbejde")
        self.assertEqual(fjordbyen["title_da"], "Fjordbyen")

    def test_files_change_after_a_publish_at_once(self):
        before = {url: self.get(url) for url in DATA_FILES}
        for url in DATA_FILES:
            self.assertEqual(self.get(url)["X-Page-Cache"], "hit")
        make_project(self.tree, "Æblehaven på Østbanetorvet", "Apple garden")
        json_after = self.get("/data/projects.json")
        self.assertEqual(json_after["X-Page-Cache"], "miss")
        self.assertNotEqual(json_after["ETag"], before["/data/projects.json"]["ETag"])
        self.assertIn(
            "Æblehaven på Østbanetorvet", [r["title_da"] for r in json.loads(json_after.content)]
        )
        csv_after = self.get("/data/projects.csv")
        self.assertIn(
            "Æblehaven på Østbanetorvet", [r["title_da"] for r in csv_rows(csv_after.content)]
        )
        # A pillar's new Danish slug is in the files too.
        pillar = self.tree["pillar"]
        pillar.slug_da = "klima"
        pillar.save_revision().publish()
        rows = json.loads(self.get("/data/projects.json").content)
        self.assertEqual({row["pillar"] for row in rows}, {"klima"})

    def test_conditional_get_with_etag_on_a_miss_and_on_a_hit(self):
        for url in DATA_FILES + [FEEDS["news", "da"]]:
            first = self.get(url)
            etag = first["ETag"]
            self.assertEqual(first["X-Page-Cache"], "miss")
            # The second request is a page-cache hit: answered 304 without a query.
            with CaptureQueriesContext(connection) as queries:
                again = self.client.get(url, headers={"if-none-match": etag})
            self.assertEqual(again.status_code, 304, url)
            self.assertEqual(again.content, b"")
            self.assertEqual(len(queries), 0)
            cache_miss = self.client.get(url, headers={"if-none-match": '"something-else"'})
            self.assertEqual(cache_miss.status_code, 200)
        self.client.get("/data/projects.json")
        etag = self.client.get("/data/projects.json")["ETag"]
        make_project(self.tree, "Nyt", "New")
        response = self.client.get("/data/projects.json", headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 200)

    def test_data_queries_do_not_grow_with_projects(self):
        def count():
            cache.clear()  # an uncached render: page cache and remembered lookups cold
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get("/data/projects.json").status_code, 200)
            return len(queries)

        few = count()
        for number in range(30):
            make_page(self.tree["pillar"], ProjectPage, f"Projekt {number}", f"Project {number}")
        self.assertEqual(ProjectPage.objects.live().count(), 31)
        self.assertEqual(count(), few)
        self.assertLessEqual(few, 8)

    def test_only_get_and_head(self):
        for url in DATA_FILES:
            self.assertEqual(self.client.post(url).status_code, 405)
            self.assertEqual(self.client.head(url).status_code, 200)

    def test_data_page_describes_fields_and_licence_and_is_in_the_footer(self):
        response = self.get("/data/")
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(
            [code.get_text() for code in soup.select(".data-fields dt code")], FIELD_NAMES
        )
        self.assertContains(response, 'href="/data/projects.json"')
        self.assertContains(response, 'href="/data/projects.csv"')
        self.assertContains(response, "Licensen er ikke fastlagt endnu")
        english = self.get("/en/data/")
        self.assertContains(english, "The licence has not been decided yet")
        self.assertContains(english, "The fields")
        for url, text in (("/", "Åbne data"), ("/en/", "Open data")):
            footer = BeautifulSoup(self.get(url).content, "html.parser").select_one("footer")
            link = footer.find("a", string=text)
            self.assertIsNotNone(link, url)
            self.assertEqual(link["href"], "/data/" if url == "/" else "/en/data/")

    def test_licence_setting_in_the_admin_shows_at_once(self):
        from django.contrib.auth import get_user_model

        self.get("/data/")
        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.client.force_login(admin)
        site = Page.objects.get(pk=self.tree["home"].pk).get_site()
        url = reverse("wagtailsettings:edit", args=("open_data", "opendatasettings", site.pk))
        response = self.client.post(
            url, {"licence_name": "CC BY 4.0", "licence_url": "javascript:alert(1)"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Indtast en gyldig URL")
        response = self.client.post(
            url,
            {
                "licence_name": "CC BY 4.0",
                "licence_url": "https://creativecommons.org/licenses/by/4.0/",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        response = self.get("/data/")
        self.assertContains(
            response, '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'
        )
        self.assertEqual(OpenDataSettings.objects.get().licence_name, "CC BY 4.0")


class EdgePurgeTests(RecordsPurges, NewsTestCase):
    """Varnish or a CDN is told to drop the feeds and files (and the home page for news)."""

    def test_publishing_news_purges_feeds_files_and_home(self):
        self.tree["news"][2].save_revision().publish()
        purged = PurgeRecorder.paths()
        self.assertLessEqual(set(FEEDS.values()) | set(DATA_FILES) | {"/", "/en/"}, purged)

    def test_publishing_a_project_purges_feeds_and_files(self):
        self.tree["project"].save_revision().publish()
        purged = PurgeRecorder.paths()
        self.assertLessEqual(set(FEEDS.values()) | set(DATA_FILES), purged)


class InitialContentTests(TestCase):
    """The shipped news items and the /data/ page, routed in both languages."""

    @classmethod
    def setUpTestData(cls):
        load_initial_content()

    def test_news_and_data_addresses_in_both_languages(self):
        for url in ("/nyheder/", "/en/news/", "/data/", "/en/data/", *FEEDS.values(), *DATA_FILES):
            self.assertEqual(self.client.get(url).status_code, 200, url)
        self.assertEqual(NewsPage.objects.live().count(), 5)
        for news in NewsPage.objects.live():
            for language in ("da", "en"):
                with translation.override(language):
                    self.assertEqual(self.client.get(news.url).status_code, 200, news.url)

    def test_news_items_are_the_sourced_dated_facts(self):
        dates = {
            news.slug_da: (news.date.isoformat(), news.date_precision)
            for news in NewsPage.objects.all()
        }
        self.assertEqual(dates["resiliensstrategien-lanceret"], ("2016-03-17", "day"))
        self.assertEqual(dates["realdania-stoetter-stormflodsbeskyttelse"], ("2022-01-01", "year"))
        self.assertEqual(dates["stormflodsstrategi-vedtaget"], ("2020-12-01", "month"))
        response = self.client.get("/nyheder/realdania-stoetter-stormflodsbeskyttelse/")
        self.assertContains(response, "24,7 mio. kr.")
        self.assertContains(response, "realdania.dk")
        self.assertContains(response, '<time datetime="2022">2022</time>', html=True)

    def test_loading_again_changes_nothing(self):
        out = io.StringIO()
        call_command("load_initial_content", stdout=out)
        self.assertIn("nothing changed", out.getvalue())
