"""Publishing drops the feeds, and for news the home page's latest news, from every cache.

The pages themselves (a news item, its index) are dropped by caching.invalidation; this adds
what that module does not know about: the Atom feeds (any project or news item may be in them;
a pillar's move changes its projects' addresses) and the home page, which lists the latest news.
"""

from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching.invalidation import drop
from news.feeds import feed_paths


def full_urls(paths) -> list[str]:
    """The paths on every site's host: what Varnish or a CDN is asked to purge."""
    roots = {site.root_url for site in Site.objects.all()}
    return sorted(f"{root}{path}" for root in roots for path in paths)


def drop_feeds(instance) -> None:
    from news.models import NewsPage

    paths = feed_paths()
    pages = []
    if isinstance(instance.specific_deferred, NewsPage):
        pages = Page.objects.filter(depth=2)  # the home pages' "latest news"
    drop(pages, paths=paths, urls=full_urls(paths))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def drop_feeds_after_edit(sender, instance, **kwargs):
    drop_feeds(instance)


@receiver(pre_delete)
def remember_live_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        instance._drop_feeds_after_delete = True


@receiver(post_delete)
def drop_feeds_after_delete(sender, instance, **kwargs):
    from news.models import NewsPage

    if getattr(instance, "_drop_feeds_after_delete", False):
        del instance._drop_feeds_after_delete
        paths = feed_paths()
        is_news = issubclass(instance.specific_class or Page, NewsPage)
        pages = Page.objects.filter(depth=2) if is_news else []
        drop(pages, paths=paths, urls=full_urls(paths))
