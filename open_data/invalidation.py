"""Publishing drops the data files from every cache; the licence setting drops the /data/ page.

Any project's publication, move or deletion changes the files, and so can a pillar's or a
principle's (their slugs are in them), so every page edit drops both paths (two entries).
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching.invalidation import drop
from open_data.dataset import file_urls
from open_data.models import OpenDataPage, OpenDataSettings


def drop_files(pages=()) -> None:
    paths = list(file_urls().values())
    roots = {site.root_url for site in Site.objects.all()}
    drop(pages, paths=paths, urls=[f"{root}{path}" for root in roots for path in paths])


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def drop_files_after_edit(sender, instance, **kwargs):
    drop_files()


@receiver(pre_delete)
def remember_live_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        instance._drop_data_after_delete = True


@receiver(post_delete)
def drop_files_after_delete(sender, instance, **kwargs):
    if getattr(instance, "_drop_data_after_delete", False):
        del instance._drop_data_after_delete
        drop_files()


@receiver(post_save, sender=OpenDataSettings)
def drop_data_page(sender, instance, **kwargs):
    drop_files(OpenDataPage.objects.all())
