"""Permanent redirects per language when a live page's address changes.

Wagtail's own automatic redirects (WAGTAILREDIRECTS_AUTO_CREATE) follow only the url_path of the
language the admin happens to run in, so they are switched off in the settings and replaced by
this: whenever a live page is saved with a different url_path_da or url_path_en (a slug changed
on publish, or the page was moved), each old address of the page and of every page below it
gets a permanent redirect to that page. The redirect names the page, not a path, so the
middleware sends a visitor to the page's current address in the language of the old URL
(/en/... stays English).
"""

from django.db.models.signals import pre_save
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from core.languages import language_codes


def connect():
    pre_save.connect(redirect_old_addresses, dispatch_uid="editorial.redirect_old_addresses")


def redirect_old_addresses(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a page row is written: compare its url_path per language with the stored one."""
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    fields = [f"url_path_{code}" for code in language_codes()]
    if update_fields is not None and not set(fields) & set(update_fields):
        return
    stored = Page.objects.filter(pk=instance.pk).values("live", *fields).first()
    if not stored or not stored["live"] or Site.objects.filter(root_page=instance.pk).exists():
        return  # never published (no old address), or a site root (its URL is always /)
    for code, field in zip(language_codes(), fields, strict=True):
        old_path, new_path = stored[field], getattr(instance, field, None)
        if old_path and new_path and old_path != new_path:
            create_redirects(code, old_path, new_path)


def _language_prefix(language: str) -> str:
    """ "/" for Danish, "/en/" for English: where the page tree starts in each language."""
    with translation.override(language):
        return reverse("wagtail_serve", args=("",))


def _url(url_path: str, root_path: str, prefix: str) -> str | None:
    if not url_path.startswith(root_path):
        return None
    return Redirect.normalise_path(prefix + url_path[len(root_path) :])


def create_redirects(language: str, old_path: str, new_path: str):
    """Redirect the page's and its descendants' old addresses in `language` to them."""
    field = f"url_path_{language}"
    prefix = _language_prefix(language)
    # The descendants still have their old url_path: Wagtail updates them after this save.
    affected = Page.objects.filter(**{f"{field}__startswith": old_path}).values_list("pk", field)
    moved = {pk: (path, new_path + path[len(old_path) :]) for pk, path in affected}
    for site in Site.objects.select_related("root_page"):
        root_path = getattr(site.root_page, field, None)
        if not root_path:
            continue
        for pk, (old, new) in moved.items():
            old_url, new_url = _url(old, root_path, prefix), _url(new, root_path, prefix)
            if old_url is None or old_url == new_url:
                continue
            Redirect.objects.update_or_create(
                site=site,
                old_path=old_url,
                defaults={
                    "redirect_page_id": pk,
                    "redirect_page_route_path": "",
                    "redirect_link": "",
                    "is_permanent": True,
                    "automatically_created": True,
                },
            )
            if new_url:
                # A page back at an earlier address: its old redirect would now be a loop.
                Redirect.objects.filter(
                    site=site, old_path=new_url, redirect_page_id=pk, automatically_created=True
                ).delete()
