"""After an edit: drop the affected pages, in both languages, from the page cache and the edge.

Which pages an edit affects follows from what the templates show:

- a page's own address and everything below it (breadcrumbs, addresses after a move);
- its parent, which lists it; the home page, which lists pillars and principles;
- for a project, the principle pages that list it; for a principle, the projects tagged with it;
- the project catalogue and the matrix (catalogue, principles page) for a project, pillar or
  principle, and the project cards elsewhere that name it (pages_showing_projects);
- the home page and its direct children are in every page's navigation, and the privacy page
  and the site settings are in every footer: an edit to them affects every page;
- a contact person: the pages that show them (every page, if they are the default contact);
- a document or image: the pages that use it (Wagtail's reference index).

Each edit also bumps the content version, which retires the shared fragments
(caching/lookups.py). Shared caches (Varnish, a CDN) are purged through Wagtail's frontend
cache backends (WAGTAILFRONTENDCACHE), with every address in both languages.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from caching.lookups import bump_content_version
from caching.page_cache import delete_pages
from core.languages import language_codes

logger = logging.getLogger(__name__)

EVERY_PAGE = object()


# -- what an edit affects -------------------------------------------------------------------
def pages_affected_by_page(page):
    """Pages whose rendering shows `page` (EVERY_PAGE for home, top level and privacy)."""
    from core.models import SiteSettings

    page = page.specific
    if page.depth <= 3 or SiteSettings.objects.filter(privacy_page=page).exists():
        return EVERY_PAGE
    affected = {page, *page.get_descendants()}
    parent = page.get_parent()
    if parent is not None:
        affected.add(parent)
    from strategy.models import PillarPage, PrinciplePage, ProjectPage

    if isinstance(page, PillarPage | PrinciplePage):
        affected.update(page.get_ancestors().filter(depth=2))  # the home page's listings
    if isinstance(page, ProjectPage):
        affected.update(PrinciplePage.objects.filter(pk__in=principle_ids_ever(page)))
    if isinstance(page, PrinciplePage):
        affected.update(ProjectPage.objects.filter(principles=page))
    affected.update(pages_showing_projects(page))
    return affected


def pages_showing_projects(page) -> set:
    """The catalogue, the matrix and project cards (issue 18) that show `page` if it is a
    project, a pillar or a principle: filters, counts, a card's pillar and principles."""
    from django.db.models import Q

    from strategy.models import (
        PillarPage,
        PrinciplePage,
        PrinciplesIndexPage,
        ProjectCatalogPage,
        ProjectPage,
    )

    if not isinstance(page, ProjectPage | PillarPage | PrinciplePage):
        return set()
    # The catalogue (list, filters, matrix) and the principles page (matrix).
    affected = {*ProjectCatalogPage.objects.all(), *PrinciplesIndexPage.objects.all()}
    if isinstance(page, ProjectPage):
        # Related-project cards: projects under the same pillar or sharing a principle.
        ids = principle_ids_ever(page)
        same_pillar = Q(path__startswith=page.path[: -Page.steplen])
        affected.update(ProjectPage.objects.filter(same_pillar | Q(principles__in=ids)).distinct())
    elif isinstance(page, PillarPage):
        # Its projects' cards name it: the principle pages that list them, and the projects
        # whose related cards may show them (sharing a principle).
        principles = PrinciplePage.objects.filter(projects__path__startswith=page.path)
        affected.update(principles.distinct())
        affected.update(ProjectPage.objects.filter(principles__in=principles).distinct())
    else:
        # Every project card shows its principles: wherever the tagged projects are listed.
        affected.update(
            PillarPage.objects.all(), PrinciplePage.objects.all(), ProjectPage.objects.all()
        )
    return affected


def principle_ids_ever(project) -> set[int]:
    """The principles the project has now and had in its live revision (it may have changed)."""
    ids = set(project.principles.values_list("pk", flat=True))
    live = project.live_revision
    if live is not None:
        # A revision's relations are modelcluster's in-memory lists, not querysets.
        ids.update(principle.pk for principle in live.as_object().principles.all())
    return ids


def pages_using(obj):
    """Pages that reference `obj` (a document, image or snippet) per Wagtail's reference index."""
    from django.contrib.contenttypes.models import ContentType

    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    page_ids = [int(object_id) for object_id in references.values_list("object_id", flat=True)]
    return set(Page.objects.filter(pk__in=page_ids))


def pages_affected_by_contact(person):
    from contacts.models import ContactPage
    from core.models import SiteSettings
    from strategy.models import StrategyPage

    if SiteSettings.objects.filter(default_contact=person).exists():
        return EVERY_PAGE
    affected = pages_using(person)
    # The press block (strategy and contact pages) lists whoever is a press contact.
    affected.update(StrategyPage.objects.all(), ContactPage.objects.all())
    return affected


def pages_affected_by_image(image):
    from core.models import SiteSettings

    if SiteSettings.objects.filter(default_social_image=image).exists():
        return EVERY_PAGE
    return pages_using(image)


# -- dropping them --------------------------------------------------------------------------
def addresses(pages) -> tuple[list[str], list[str]]:
    """(paths, full URLs) of `pages` in every language; EVERY_PAGE means every page."""
    if pages is EVERY_PAGE:
        pages = Page.objects.filter(depth__gt=1)
    paths, urls = set(), set()
    for page in pages:
        for language in language_codes():
            with translation.override(language):
                parts = page.get_url_parts()
            if parts is None:
                continue
            _site_id, root_url, path = parts
            if path is None:
                continue
            paths.add(path)
            urls.add(f"{root_url or ''}{path}")
    return sorted(paths), sorted(urls)


def drop(pages=None, *, paths=(), urls=()) -> list[str]:
    """Drop `pages` (and extra paths/URLs) now and again after the transaction commits."""
    page_paths, page_urls = addresses(pages or [])
    paths = sorted({*page_paths, *paths})
    urls = sorted({*page_urls, *urls})

    def run():
        bump_content_version()
        delete_pages(paths)
        if urls:
            batch = PurgeBatch()
            batch.add_urls(urls)
            try:
                batch.purge()
            except Exception:  # a shared cache that is down must not undo the editor's work
                logger.exception("Purging %d URL(s) from the frontend cache failed", len(urls))

    run()
    # A request rendering during the transaction may have refilled an entry: drop it again.
    transaction.on_commit(run)
    return paths


def old_addresses(page) -> tuple[list[str], list[str]]:
    """The addresses of `page` and its descendants as they are in the database now."""
    stored = Page.objects.filter(pk=page.pk).first()
    if stored is None:
        return [], []
    return addresses([stored, *stored.get_descendants()])


# -- signals --------------------------------------------------------------------------------
@receiver(pre_save)
def remember_addresses_before_slug_change(
    sender, instance, raw=False, update_fields=None, **kwargs
):
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return  # a fixture being loaded, or a page that has no address yet
    fields = [f"url_path_{code}" for code in language_codes()]
    if update_fields is not None and not set(fields) & set(update_fields):
        return  # e.g. save_revision() writing only the revision fields
    stored = Page.objects.filter(pk=instance.pk).values(*fields).first()
    if stored and any(stored[field] != getattr(instance, field) for field in fields):
        instance._addresses_before_save = old_addresses(instance)


@receiver(page_published)
@receiver(page_unpublished)
def drop_published_page(sender, instance, **kwargs):
    old_paths, old_urls = getattr(instance, "_addresses_before_save", ([], []))
    drop(pages_affected_by_page(instance), paths=old_paths, urls=old_urls)


# Wagtail sends pre_page_move and post_page_move with different instances of the page.
_before_move: dict[int, tuple] = {}


@receiver(pre_page_move)
def remember_addresses_before_move(sender, instance, **kwargs):
    _before_move[instance.pk] = (old_addresses(instance), pages_affected_by_page(instance))


@receiver(post_page_move)
def drop_moved_page(sender, instance, **kwargs):
    (old_paths, old_urls), before = _before_move.pop(instance.pk, (([], []), set()))
    after = pages_affected_by_page(instance)
    if EVERY_PAGE in (before, after):
        pages = EVERY_PAGE
    else:  # fresh from the database: the instances from before the move hold old paths
        pages = Page.objects.filter(pk__in={page.pk for page in (*before, *after)})
    drop(pages, paths=old_paths, urls=old_urls)


@receiver(pre_delete)
def remember_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and instance.depth > 1:
        instance._pages_before_delete = pages_affected_by_page(instance)
        instance._addresses_before_delete = old_addresses(instance)


@receiver(post_delete)
def drop_deleted_page(sender, instance, **kwargs):
    if not isinstance(instance, Page) or not hasattr(instance, "_pages_before_delete"):
        return
    pages = instance._pages_before_delete
    if pages is not EVERY_PAGE:
        still_there = set(
            Page.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True)
        )
        pages = {page for page in pages if page.pk in still_there}
    old_paths, old_urls = instance._addresses_before_delete
    drop(pages, paths=old_paths, urls=old_urls)
    del instance._pages_before_delete


def connect_snippets_and_settings():
    """Called from CoreConfig.ready(): the models live in several apps."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from contacts.models import ContactPerson
    from core.models import SiteSettings

    def on_contact(sender, instance, **kwargs):
        # A deleted contact may have been anyone's: every page.
        deleted = kwargs.get("signal") is post_delete
        drop(EVERY_PAGE if deleted else pages_affected_by_contact(instance))

    def on_settings(sender, instance, **kwargs):
        drop(EVERY_PAGE)

    def on_document(sender, instance, **kwargs):
        drop(pages_using(instance))

    def on_image(sender, instance, **kwargs):
        drop(pages_affected_by_image(instance))

    for signal in (post_save, post_delete):
        signal.connect(on_contact, sender=ContactPerson, weak=False)
        signal.connect(on_settings, sender=SiteSettings, weak=False)
        signal.connect(on_settings, sender=PageViewRestriction, weak=False)
        # A site's host, port or root page decides every page's address.
        signal.connect(on_settings, sender=Site, weak=False)
        signal.connect(on_document, sender=get_document_model(), weak=False)
        signal.connect(on_image, sender=get_image_model(), weak=False)
