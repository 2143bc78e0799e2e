"""Small builders for pages, snippets and files, independent of the shipped initial content."""

import io

import pypdf
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Page, Site

from contacts.models import ContactPage, ContactPerson
from core.languages import repair_root_url_paths
from core.models import InformationPage
from strategy.models import (
    HomePage,
    NetworkPage,
    PillarPage,
    PrinciplePage,
    PrinciplesIndexPage,
    ProjectCatalogPage,
    ProjectPage,
    StrategyPage,
)


def make_page(parent, page_class, title_da, title_en="", slug_da=None, slug_en=None, **fields):
    """Add a live page of `page_class` below `parent`, in Danish and (optionally) English."""
    with translation.override("da"):
        page = page_class(
            title_da=title_da,
            slug_da=slug_da or slugify(title_da),
            title_en=title_en or None,
            slug_en=(slug_en or slugify(title_en)) if title_en else None,
            **fields,
        )
        parent.specific.add_child(instance=page)
    return page_class.objects.get(pk=page.pk)


def make_site_tree():
    """A home page as the default site's root, with one page of every type below it."""
    repair_root_url_paths()
    root = Page.get_first_root_node()
    # Wagtail's migrations leave a "Welcome" page as the default site's root; replace it.
    for child in root.get_children():
        if not isinstance(child.specific, HomePage):
            Site.objects.filter(root_page=child).delete()
            child.delete()
    home = make_page(root, HomePage, "Resiliente Vejle", "Resilient Vejle", "forside", "home")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "RV"},
    )
    tree = {"root": root, "home": home}
    tree["strategy"] = make_page(
        home,
        StrategyPage,
        "Strategien",
        "The strategy",
        "strategien",
        "strategy",
        adopted_by_da="Vejle Byråd",
        adopted_by_en="Vejle City Council",
        adopted_year=2016,
    )
    tree["pillar"] = make_page(
        tree["strategy"], PillarPage, "Klimaresiliens", "Climate resilience", theme="climate"
    )
    tree["principles"] = make_page(
        home, PrinciplesIndexPage, "Principper", "Principles", "principper", "principles"
    )
    tree["principle"] = make_page(tree["principles"], PrinciplePage, "Merværdi", "Added value")
    tree["catalogue"] = make_page(
        home, ProjectCatalogPage, "Projekter", "Projects", "projekter", "projects"
    )
    tree["project"] = make_page(tree["pillar"], ProjectPage, "Fjordbyen", "The Fjord City")
    tree["project"].principles.add(tree["principle"])
    tree["project"].save()
    tree["network"] = make_page(
        home,
        NetworkPage,
        "Netværk",
        "Network",
        "netvaerk",
        "network",
        network_url="https://resilientcitiesnetwork.org/",
    )
    tree["contact"] = make_page(home, ContactPage, "Kontakt", "Contact", "kontakt", "contact")
    tree["privacy"] = make_page(home, InformationPage, "Privatliv", "Privacy")
    return tree


def make_contact_person(**fields):
    defaults = {
        "name": "Test Person",
        "role_da": "Kommunikationsmedarbejder",
        "role_en": "Communications officer",
    }
    defaults.update(fields)
    return ContactPerson.objects.create(**defaults)


def pdf_bytes(pages: int = 1) -> bytes:
    """A valid PDF of `pages` blank A4 pages, as an editor would upload it."""
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def recreate_wagtail_defaults():
    """The tree root, default locale and root collection, if a flush removed them.

    Wagtail's migrations create these; after a transactional test pytest-django empties every
    table (as Django's TransactionTestCase does). Django's serialized rollback would restore
    them, but it reads and writes Page's title, slug and url_path through
    wagtail-modeltranslation's per-language fields, so Wagtail's default pages would come back
    blank and load_initial_content would rightly refuse them as someone else's content.
    """
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(
        language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
