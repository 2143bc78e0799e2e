"""Keep the search table current: every save of a page re-reads it, as Wagtail's index does.

Publishing, unpublishing (also scheduled, and of descendants), moving and editing a page all
save it, so one post_save handler covers them; it re-reads the page from the database, so a
saved draft never reaches the index, only what is live. Deleting a page deletes its rows
(ForeignKey with CASCADE). The view also filters on live, public and translated at query time,
so a missed signal can never show an unpublished page.
"""

import logging

from django.db import DatabaseError
from django.db.models.signals import post_save
from wagtail.models import Page

from core.models import BasePage

logger = logging.getLogger(__name__)


def page_saved(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    # A plain Page instance may stand for one of the project's page types (e.g. unpublished
    # through the generic Page model): decide by its specific class.
    if not issubclass(instance.specific_class or Page, BasePage):
        return
    from site_search.indexing import index_page

    try:
        index_page(instance.pk)  # in its own savepoint: a failure never loses the editor's save
    except DatabaseError:
        logger.exception(
            "site_search: could not index page %s; run rebuild_site_search", instance.pk
        )


def connect():
    post_save.connect(page_saved, dispatch_uid="site_search_page_saved")
