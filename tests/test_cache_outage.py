"""Redis goes away: pages are still served (rendered from the database), and an edit made
meanwhile is not undone by stale pages when Redis comes back.

The cache is the production backend (caching.backend.ForgivingRedisCache). Unreachable is a
closed port (nothing listens on 127.0.0.1:1); a Redis that comes back is a TCP relay to the
tests' Redis (DJANGO_TEST_REDIS_URL) that the test cuts and restores.
"""

import os
import threading
import time
from unittest import mock
from urllib.parse import urlsplit

import pytest
import redis
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from caching import backend as cache_backend
from caching.page_cache import delete_pages
from core.models import SiteSettings
from resilient_vejle.settings.base import cache_settings
from tests.factories import make_site_tree
from tests.servers import Relay

REDIS_URL = os.environ.get("DJANGO_TEST_REDIS_URL", "")


def redis_caches(url: str) -> dict:
    """The production cache settings, on `url`."""
    return cache_settings(url, "outage")


class OutageTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        SiteSettings.for_site(cls.tree["home"].get_site())  # made now, not by the first visit

    def setUp(self):
        # Each test starts with Redis believed reachable, as a fresh process does.
        cache_backend._Outage.retry_at = 0.0
        cache_backend._Outage.dropped_nothing = False
        cache_backend._Outage.failing = False
        cache_backend._Outage.memory.clear()

    def rename_project(self, title: str):
        project = self.tree["project"]
        project.title_da = title
        project.save_revision().publish()


@override_settings(CACHES=redis_caches("redis://127.0.0.1:1/0"))
class UnreachableRedisTests(OutageTestCase):
    def test_every_page_is_served_in_both_languages(self):
        for name in ("home", "strategy", "pillar", "project", "principle", "contact"):
            page = self.tree[name]
            for language, title in (("da", page.title_da), ("en", page.title_en)):
                with self.subTest(page=name, language=language), translation.override(language):
                    url = page.get_url()
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200, url)
                    self.assertContains(response, title)

    def test_an_edit_is_published_and_shown(self):
        with self.assertLogs("caching.backend", "ERROR") as logs:
            self.client.get(self.tree["project"].url)
        self.assertIn("Redis cannot be reached", logs.output[0])
        self.rename_project("Fjordbyen – ny etape")
        self.assertContains(self.client.get(self.tree["project"].url), "Fjordbyen – ny etape")
        self.assertContains(self.client.get(self.tree["pillar"].url), "Fjordbyen – ny etape")

    def test_healthz_reports_the_cache_and_stays_up(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"database": "ok", "cache": "unavailable"})

    def test_after_a_failure_no_request_waits_on_redis_until_the_cool_down_is_over(self):
        """One connection attempt, then none for RETRY_SECONDS, whatever is asked."""
        urls = []
        for name in ("home", "strategy", "pillar", "project", "principle", "contact"):
            for language in ("da", "en"):
                with translation.override(language):
                    urls.append(self.tree[name].get_url())
        cache_backend._Outage.retry_at = 0.0  # Wagtail's get_url() asked the cache already
        cache_backend._Outage.failing = False
        original = redis.connection.Connection._connect
        attempts = []

        def connect(connection):
            # The requests' attempts (not those of caching/page_memory.py's listener thread).
            if threading.current_thread() is threading.main_thread():
                attempts.append(connection)
            return original(connection)

        with (
            mock.patch.object(
                redis.connection.Connection, "_connect", autospec=True, side_effect=connect
            ),
            self.assertLogs("caching.backend", "ERROR") as logs,
        ):
            for url in urls + ["/healthz", "/findes-ikke/"] + urls:
                response = self.client.get(url)
                self.assertIn(response.status_code, (200, 404), url)
            self.assertEqual(len(attempts), 1)
            self.assertEqual(self.client.get("/healthz").json()["cache"], "unavailable")
            self.assertEqual(len(attempts), 1)

            cache_backend._Outage.retry_at = 0.0  # the cool-down is over: Redis is asked again
            for url in urls:
                self.client.get(url)
            self.assertEqual(len(attempts), 2)
        self.assertEqual(len(logs.output), 1)  # once per outage, not per request or attempt

    def test_an_uncached_page_costs_what_it_costs_with_redis_up(self):
        """Fragments and lookups are kept in the process's memory meanwhile: the queries of a
        warm render, the same as with a working cache and the page entry dropped."""
        url = self.tree["project"].url
        self.client.get(url)  # the first failure; fragments and lookups kept in memory
        with CaptureQueriesContext(connection) as during_outage:
            response = self.client.get(url)
        self.assertNotIn("X-Page-Cache", response)  # rendered, nothing kept in the page cache
        self.assertContains(response, self.tree["project"].title_da)

        with override_settings(CACHES=cache_settings("", "outage-reference")):
            self.client.get(url)
            delete_pages([url])
            with CaptureQueriesContext(connection) as working_cache:
                self.client.get(url)
        self.assertEqual(len(during_outage), len(working_cache))
        self.assertLessEqual(len(during_outage), 3)


@pytest.mark.skipif(
    not REDIS_URL, reason="needs Redis: DJANGO_TEST_REDIS_URL (CI's PostgreSQL suite)"
)
class RedisThatComesBackTests(OutageTestCase):
    def setUp(self):
        super().setUp()
        upstream = urlsplit(REDIS_URL)
        self.relay = Relay((upstream.hostname, upstream.port or 6379))
        self.relay.start()
        relayed = f"redis://127.0.0.1:{self.relay.port}{upstream.path}"
        self.settings_override = override_settings(CACHES=redis_caches(relayed))
        self.settings_override.enable()
        self.addCleanup(self.settings_override.disable)
        self.addCleanup(self.relay.stop)

    def test_an_edit_made_while_redis_was_away_is_not_served_stale_after(self):
        url = self.tree["project"].url
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")

        self.relay.stop()  # Redis away, still holding the page
        with self.assertLogs("caching.backend", "ERROR"):
            self.rename_project("Fjordbyen – ny etape")
        self.assertContains(self.client.get(url), "Fjordbyen – ny etape")

        self.relay.start()  # Redis back
        time.sleep(cache_backend.RETRY_SECONDS + 0.2)
        with self.assertLogs("caching.backend", "WARNING") as logs:
            response = self.client.get(url)
        self.assertIn("emptied it", logs.output[0])
        self.assertContains(response, "Fjordbyen – ny etape")
        self.assertNotContains(self.client.get(url), "<h1>Fjordbyen</h1>")
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
