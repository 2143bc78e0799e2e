from django import template

from news.feeds import feed_url
from news.models import live_news

register = template.Library()

# How many news items the home page shows.
HOME_NEWS_COUNT = 3


@register.simple_tag
def latest_news(count: int = HOME_NEWS_COUNT):
    """The newest news items in the current language (called inside a cached fragment)."""
    return list(live_news()[:count])


@register.simple_tag
def news_feed_url(kind: str, language: str) -> str:
    return feed_url(kind, language)
