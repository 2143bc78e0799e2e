"""The page cache under made-up query strings, with æ, ø and å in addresses, and for logged-in
users (issues 13 and 14). Counts, never timings: speed is measured by `make bench`.

Run on the tests' cache: each process's memory, or Redis with DJANGO_TEST_REDIS_URL (then the
Redis server's own command counts are checked too).
"""

import os
import pickle
import re
import time
from pathlib import Path
from unittest import mock
from urllib.parse import unquote

import pytest
import redis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from caching.page_cache import MAX_VARIANTS, page_key
from caching.page_memory import memory_of
from core.models import SiteSettings
from strategy.models import ProjectPage
from tests.factories import make_page, make_site_tree
from tests.servers import PurgeRecorder, RecordsPurges
from tests.test_page_types import edit_form_data
from tests.test_performance import TreeTestCase

BASE_DIR = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("DJANGO_TEST_REDIS_URL", "")
JUNK_REQUESTS = 1500


def variants(path: str) -> tuple:
    return caches["default"].get(page_key(path)) or ()


class JunkQueryStringTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        SiteSettings.for_site(cls.tree["home"].get_site())

    def test_junk_query_strings_neither_grow_the_entry_nor_miss(self):
        cache = caches["default"]
        self.assertEqual(self.client.get("/")["X-Page-Cache"], "miss")
        self.assertEqual(self.client.get("/")["X-Page-Cache"], "hit")
        (variant,) = variants("/")
        variant_key = f"{page_key('/')}:{variant}"
        size = len(pickle.dumps(cache.get(variant_key)))

        answers = []
        original = redis.Redis.execute_command
        with (
            mock.patch.object(cache, "get", wraps=cache.get) as reads,
            # Every Redis round trip of the cache's client (none without Redis).
            mock.patch.object(
                redis.Redis, "execute_command", autospec=True, side_effect=original
            ) as round_trips,
        ):
            for number in range(JUNK_REQUESTS):
                answers.append(self.client.get(f"/?utm_source=x{number}")["X-Page-Cache"])
        # Every one a hit (the hit rate of plain "/"), each read one key: its own variant.
        self.assertEqual(answers.count("hit"), JUNK_REQUESTS)
        self.assertLessEqual({call.args[0] for call in reads.call_args_list}, {variant_key})
        if REDIS_URL:
            # At most one Redis round trip per hit, a GET of that one key (none once the
            # process keeps its copy: caching/page_memory.py).
            self.assertLessEqual(round_trips.call_count, JUNK_REQUESTS)
            commands = {(call.args[1], call.args[2]) for call in round_trips.call_args_list}
            self.assertLessEqual(len(commands), 1)
            for command, key in commands:
                self.assertEqual(command, "GET")
                self.assertTrue(key.endswith(variant_key))
        else:
            self.assertEqual(reads.call_count, JUNK_REQUESTS)
        # The entry did not grow: still one variant of the same size.
        self.assertEqual(variants("/"), (variant,))
        self.assertEqual(len(pickle.dumps(cache.get(variant_key))), size)

    def test_parameters_a_view_reads_make_bounded_variants_all_dropped_on_publish(self):
        pillar = self.tree["pillar"]
        url = pillar.url
        self.assertEqual(self.client.get(f"{url}?page=2")["X-Page-Cache"], "miss")
        hit = self.client.get(f"{url}?utm_medium=mail&page=2&fbclid=abc")
        self.assertEqual(hit["X-Page-Cache"], "hit")
        self.assertEqual(len(variants(url)), 1)
        self.client.get(url)
        self.assertEqual(len(variants(url)), 2)

        # Made-up page numbers: rendered (200) every time, but at most MAX_VARIANTS kept.
        for number in range(MAX_VARIANTS + 20):
            self.assertEqual(self.client.get(f"{url}?page=9{number}").status_code, 200)
        stored = variants(url)
        self.assertEqual(len(stored), MAX_VARIANTS)

        with translation.override("en"):
            english = pillar.get_url()
        self.client.get(f"{english}?page=2")
        self.assertEqual(len(variants(english)), 1)

        pillar.summary_da = "Nyt resumé"
        pillar.save_revision().publish()
        cache = caches["default"]
        for path in (url, english):
            self.assertEqual(variants(path), ())
        self.assertEqual(cache.get_many([f"{page_key(url)}:{name}" for name in stored]), {})
        self.assertEqual(self.client.get(f"{url}?page=2")["X-Page-Cache"], "miss")

    def test_every_query_parameter_a_view_reads_makes_a_variant(self):
        """A parameter read in code or templates but left out of PAGE_CACHE_QUERY_PARAMETERS
        would be served the page of another value from the cache."""
        read = re.compile(
            r"""GET(?:\.get|\.getlist|\.pop)?\(\s*["'](\w+)["']|GET\[["'](\w+)["']\]"""
        )
        template_read = re.compile(r"request\.GET\.(\w+)")
        from strategy import catalogue

        # Where request.GET goes whole to code that reads named parameters: what it reads.
        handed_on = {
            "strategy/models.py": {*catalogue.FILTERS, catalogue.PAGE_PARAMETER},
            # An admin view (logged in: never cached).
            "participation/views.py": set(),
        }
        found, unclear = set(), []
        apps = [folder for folder in BASE_DIR.iterdir() if (folder / "apps.py").exists()]
        self.assertIn(BASE_DIR / "strategy", apps)
        for folder in apps:
            for path in folder.rglob("*.py"):
                text = path.read_text()
                found |= {a or b for a, b in read.findall(text)}
                name = str(path.relative_to(BASE_DIR))
                if name in handed_on:
                    found |= handed_on[name]
                    continue
                uses = text.count("request.GET")
                if uses != len(read.findall(text)):
                    unclear.append(name)
        for path in (BASE_DIR / "templates").rglob("*.html"):
            found |= set(template_read.findall(path.read_text()))
        self.assertEqual(unclear, [], "request.GET used in a way this test cannot read")
        self.assertLessEqual(found, set(settings.PAGE_CACHE_QUERY_PARAMETERS))
        self.assertIn("page", found)


class DanishLettersTests(RecordsPurges, TreeTestCase):
    """A slug with ø (and an English one with æ and å): published changes reach visitors at once,
    whether the address is requested percent-encoded or as typed, in both languages."""

    SLUG_DA = "havneparken-grønt-regnvandsbassin"
    SLUG_EN = "harbour-park-æble-å-basin"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.basin = make_page(
            cls.tree["pillar"],
            ProjectPage,
            "Havneparken grønt regnvandsbassin",
            "Harbour Park rain basin",
            cls.SLUG_DA,
            cls.SLUG_EN,
        )
        cls.moderator = get_user_model().objects.create_user("moderator", "m@example.org", "pw")
        cls.moderator.groups.add(Group.objects.get(name="Moderators"))

    def addresses(self) -> dict[str, str]:
        """{language and form: address}: as Wagtail writes it (encoded) and as typed."""
        found = {}
        for language in ("da", "en"):
            with translation.override(language):
                encoded = self.basin.get_url()
            self.assertIn("%C3%", encoded)
            found[f"{language} encoded"] = encoded
            found[f"{language} as typed"] = unquote(encoded)
        return found

    def fill(self, addresses):
        for address in addresses.values():
            self.client.get(address)
            self.assertEqual(self.client.get(address)["X-Page-Cache"], "hit", address)

    def test_a_moderators_publish_reaches_every_form_of_the_address(self):
        addresses = self.addresses()
        self.assertIn("ø", addresses["da as typed"])
        self.assertIn("æ", addresses["en as typed"])
        self.fill(addresses)

        self.client.force_login(self.moderator)
        data = edit_form_data(self.basin, "ny etape")
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(self.basin.pk,)),
            {**data, "action-publish": "action-publish"},
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()

        for form, address in addresses.items():
            with self.subTest(form=form):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                if form.endswith("encoded"):  # the first request after the publish
                    self.assertNotEqual(response["X-Page-Cache"], "hit")
                new = (
                    "Harbour Park rain basin ny etape"
                    if form.startswith("en")
                    else ("Havneparken grønt regnvandsbassin ny etape")
                )
                self.assertContains(response, new)
        # The edge is purged with the encoded form: what browsers send, what Varnish keys.
        purged = PurgeRecorder.paths()
        self.assertIn(addresses["da encoded"], purged)
        self.assertIn(addresses["en encoded"], purged)

    def test_the_alert_banner_shows_at_once(self):
        addresses = self.addresses()
        self.fill(addresses)
        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        site = Site.objects.get(is_default_site=True)
        settings_now = SiteSettings.objects.get(site=site)
        self.client.force_login(admin)
        response = self.client.post(
            reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk]),
            {
                "alert_enabled": "on",
                "alert_level": "warning",
                "alert_text_da": "Stormflod ventes i aften.",
                "alert_text_en": "A storm surge is expected tonight.",
                "alert_link_url": "",
                "alert_link_text_da": "",
                "alert_link_text_en": "",
                "alert_starts_at": "",
                "alert_ends_at": "",
                "default_contact": settings_now.default_contact_id or "",
                "default_social_image": settings_now.default_social_image_id or "",
                "municipality_name": settings_now.municipality_name,
                "municipality_url": settings_now.municipality_url,
                "privacy_page": settings_now.privacy_page_id or "",
                "accessibility_statement_domain": settings_now.accessibility_statement_domain,
            },
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        for form, address in addresses.items():
            with self.subTest(form=form):
                response = self.client.get(address)
                if form.endswith("encoded"):  # the first request after the change
                    self.assertNotEqual(response["X-Page-Cache"], "hit")
                text = "A storm surge" if form.startswith("en") else "Stormflod ventes"
                self.assertContains(response, text)


class LoggedInCacheControlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        get_user_model().objects.create_user("redaktoer", "r@example.org", "fjord-storm-42-ø")

    def test_logged_in_page_views_are_private_anonymous_ones_public(self):
        url = self.tree["project"].url
        anonymous = self.client.get(url)
        self.assertEqual(anonymous["Cache-Control"], "public, max-age=60, s-maxage=86400")

        response = self.client.post(
            "/admin/login/", {"username": "redaktoer", "password": "fjord-storm-42-ø"}
        )
        self.assertEqual(response.status_code, 302)
        for address in (url, self.tree["home"].url, "/en/"):
            with self.subTest(address=address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                control = {part.strip() for part in response["Cache-Control"].split(",")}
                self.assertIn("private", control)
                self.assertIn("no-cache", control)
                self.assertFalse({"public", "s-maxage=86400"} & control)
                self.assertNotIn("X-Page-Cache", response)


@pytest.mark.skipif(not REDIS_URL, reason="needs Redis: DJANGO_TEST_REDIS_URL")
class PageCopiesTests(TestCase):
    """Each process's copies of Redis entries (caching/page_memory.py) go with every drop."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        SiteSettings.for_site(cls.tree["home"].get_site())

    def wait_for(self, condition):
        """The listener is a thread of its own: wait (up to 10 s) for it to act."""
        for _ in range(200):
            if condition():
                return
            time.sleep(0.05)
        self.fail("the page-cache drop listener did not act")

    def test_a_copy_serves_hits_without_redis_and_goes_with_a_drop_from_any_process(self):
        url = self.tree["project"].url
        cache = caches["default"]
        memory = memory_of(cache)
        self.client.get(url)
        self.wait_for(lambda: memory.start(cache))
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")  # read, now kept

        original = redis.Redis.execute_command
        with mock.patch.object(
            redis.Redis, "execute_command", autospec=True, side_effect=original
        ) as round_trips:
            self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
        self.assertEqual(round_trips.call_count, 0)

        # Another process (cron's publish_scheduled, another worker) drops the page: it
        # deletes the entry and announces it on the channel, as delete_pages does.
        generation = memory.generation
        other = redis.Redis.from_url(REDIS_URL)
        other.delete(*other.keys(f"*{page_key(url)}*"))
        other.publish(cache.drops_channel, page_key(url))
        self.wait_for(lambda: memory.generation != generation)
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "miss")


def test_core_imports_caching_only_when_called():
    """Imports flow one way at import time: caching/ uses core/, core/ calls caching/ lazily."""
    top_level = re.compile(r"^(?:from|import) caching\b", re.MULTILINE)
    found = [
        str(path.relative_to(BASE_DIR))
        for path in (BASE_DIR / "core").rglob("*.py")
        if top_level.search(path.read_text())
    ]
    assert found == []
