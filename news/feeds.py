"""Atom feeds per language: the news and the resilience projects (new and updated).

Fixed addresses outside the page tree, like the strategy PDF's: /nyheder.atom and
/projekter.atom in Danish, /en/news.atom and /en/projects.atom in English. Only pages
translated into the feed's language are in it, each entry marked with that language.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from caching.lookups import public_pages
from caching.page_cache import mark_cacheable
from core.languages import translated_only
from news.models import NewsIndexPage, live_news

# Entries per feed: feed readers only need the recent ones.
FEED_LENGTH = 30
FEED_NAMES = {
    ("news", "da"): "news_feed_da",
    ("news", "en"): "news_feed_en",
    ("projects", "da"): "projects_feed_da",
    ("projects", "en"): "projects_feed_en",
}


def feed_url(kind: str, language: str) -> str:
    return reverse(FEED_NAMES[(kind, language)])


def feed_paths() -> list[str]:
    """Every feed's path (what an edit drops from the page cache)."""
    return [reverse(name) for name in FEED_NAMES.values()]


class LanguageAtomFeed(Atom1Feed):
    """Atom with xml:lang on every entry (the feed's language is on <feed> already)."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class PageFeed(Feed):
    feed_type = LanguageAtomFeed
    kind = ""

    def get_object(self, request, language):
        self.request = request
        return language

    def feed_url(self, language):
        return feed_url(self.kind, language)

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return page.get_url(self.request)

    def item_updateddate(self, page):
        return page.last_published_at

    def item_pubdate(self, page):
        return page.first_published_at

    def item_extra_kwargs(self, page):
        return {"language": translation.get_language()}

    def __call__(self, request, *args, **kwargs):
        language = kwargs["language"]
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().__call__(request, *args, **kwargs)
        mark_cacheable(response)
        return response


class NewsFeed(PageFeed):
    kind = "news"

    def title(self, language):
        return _("Resiliente Vejle: nyheder")

    def subtitle(self, language):
        return _("Nyheder om Vejle Kommunes arbejde med resiliens.")

    def link(self, language):
        index = translated_only(public_pages(NewsIndexPage.objects.live())).first()
        return index.get_url(self.request) if index else "/" if language == "da" else "/en/"

    def items(self, language):
        return live_news(language)[:FEED_LENGTH]

    def item_pubdate(self, page):
        # The news item's own date (start of that day), not when the page was first saved.
        start = datetime.datetime.combine(page.date, datetime.time.min)
        return timezone.make_aware(start)


class ProjectsFeed(PageFeed):
    kind = "projects"

    def title(self, language):
        return _("Resiliente Vejle: nye og opdaterede projekter")

    def subtitle(self, language):
        return _("Resiliensprojekter i Vejle Kommune, senest udgivne eller opdaterede først.")

    def link(self, language):
        return "/" if language == "da" else "/en/"

    def items(self, language):
        from strategy.models import ProjectPage

        projects = translated_only(public_pages(ProjectPage.objects.live()), language)
        return projects.order_by("-last_published_at", "-pk")[:FEED_LENGTH]


# A new Feed per request: the instance holds the request (for the pages' URLs).
@require_safe
def news_feed(request, language):
    return NewsFeed()(request, language=language)


@require_safe
def projects_feed(request, language):
    return ProjectsFeed()(request, language=language)
