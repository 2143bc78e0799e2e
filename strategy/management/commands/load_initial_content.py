"""`manage.py load_initial_content`: Resiliente Vejle's page tree, in Danish and English.

Builds, from `strategy.initial_content`:

    <tree root>
      Home (HomePage)                                   default Site's root
        Resiliensstrategien (StrategyPage)              + a placeholder PDF per language
          3 × PillarPage                                each with its ProjectPages
        De fem principper (PrinciplesIndexPage)
          5 × PrinciplePage
        Projekter (ProjectCatalogPage)                  the catalogue and the matrix
        Bynetværket (NetworkPage)                       + partner cities
        Kontakt (ContactPage)                           + the contact person
        Privatliv og cookies (InformationPage)          linked from the footer

plus the contact person snippet (named as the seed names her, not as press contact: the sources
give her no press role), two Wagtail documents marked as placeholders, the default share image
and the site settings (default contact, privacy page, share image). Wagtail's
default "Welcome" page is deleted.

Safe to run again:
- The content is already there → "nothing changed", exit 0 (editors' later edits are kept).
- The database holds only Wagtail's defaults → the content is built.
- Anything else (other pages, documents, images or contact persons, or an incomplete tree) →
  refused with a non-zero exit, unless `--force` is given. With `--force` missing pieces are
  created and the loaded pages are reset to the shipped content; a page, setting or snippet
  that already matches is left untouched (no new revision), and other content is left alone.
"""

import copy
import io
import uuid
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.fields import StreamField, StreamValue
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from contacts.models import ContactPage, ContactPagePerson, ContactPerson
from core.image_alt import save_english_description
from core.languages import language_codes, repair_root_url_paths
from core.models import InformationPage, SiteSettings
from participation import initial_content as participation_content
from participation.models import ParticipationFormField, ParticipationPage
from strategy import initial_content as content
from strategy.models import (
    HomePage,
    NetworkPage,
    PartnerCity,
    PillarPage,
    PrinciplePage,
    PrinciplesIndexPage,
    ProjectCatalogPage,
    ProjectPage,
    StrategyPage,
)
from strategy.share_image import build_share_image
from strategy.strategy_pdf import build_strategy_pdf

LANGUAGES = tuple(language_codes())
NOTHING_CHANGED = "Initial content already present; nothing changed."

# What Wagtail's own migrations create: the tree root and this page below it.
WELCOME_PAGE_SLUG = "home"
WELCOME_PAGE_TITLE = "Welcome to your new Wagtail site!"

# Pages looked up by Danish slug may also be found by these, so a renamed slug is not
# mistaken for a missing page (the singletons have max_count = 1; pillars have one theme each).
ANY_OF_TYPE: dict = {}


def per_language(field: str, values: dict) -> dict:
    """{"da": x, "en": y} → {"field_da": x, "field_en": y}."""
    return {f"{field}_{language}": values[language] for language in LANGUAGES}


def find_child(parent, model, slug_da: str, fallback: dict | None = None):
    """The child of `parent` of type `model` with this Danish slug (or matching `fallback`)."""
    children = model.objects.child_of(parent)
    page = children.filter(slug_da=slug_da).order_by("path").first()
    if page is None and fallback is not None:
        page = children.filter(**fallback).order_by("path").first()
    return page


def find_welcome_page():
    """Wagtail's untouched default page, or None (read from the untranslated columns)."""
    return (
        Page.objects.rewrite(False)
        .filter(
            depth=2,
            numchild=0,
            content_type=ContentType.objects.get_for_model(Page),
            slug=WELCOME_PAGE_SLUG,
            title=WELCOME_PAGE_TITLE,
        )
        .order_by("path")
        .first()
    )


def strip_ids(data):
    """StreamField JSON without the block ids (which differ on every build)."""
    if isinstance(data, list):
        return [strip_ids(item) for item in data]
    if isinstance(data, dict):
        return {
            key: strip_ids(value)
            for key, value in data.items()
            if not (key == "id" and "type" in data)
        }
    return data


def stream_data(field: StreamField, value) -> list:
    """A StreamField value (raw JSON or StreamValue) in one comparable form."""
    if not isinstance(value, StreamValue):
        value = field.stream_block.to_python(copy.deepcopy(value))
    return strip_ids(
        [
            {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
            for child in value
        ]
    )


def raw_body(blocks: list, document) -> list:
    """Body blocks from the data module as StreamField JSON for one language."""
    raw = []
    for block_type, value in blocks:
        if block_type == "quote":
            value = {
                "text": value["text"],
                "attribution": value["attribution"],
                "source_url": value.get("source_url", ""),
            }
        elif block_type == "links":
            value = {
                "heading": value["heading"],
                "links": [
                    {
                        "type": "item",
                        # ListBlock reads an item as {"type", "value", "id"} only with an id.
                        "id": str(uuid.uuid4()),
                        "value": {
                            "text": link["text"],
                            "page": None,
                            "document": (
                                document.pk
                                if link.get("document") == content.STRATEGY_DOCUMENT
                                else None
                            ),
                            "url": link.get("url", ""),
                        },
                    }
                    for link in value["links"]
                ],
            }
        raw.append({"type": block_type, "value": value})
    return raw


class InitialContentLoader:
    """Finds, creates and (with --force) resets the pieces of the initial content."""

    def __init__(self):
        self.created = Counter()
        self.updated = Counter()
        self.notes: list[str] = []
        self.pages: list = []
        self.new_files: list[str] = []
        self.documents: dict = {}
        self.person = None
        self.share_image = None

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.notes)

    # -- inspection ------------------------------------------------------------------------
    @staticmethod
    def find_home():
        return (
            HomePage.objects.filter(depth=2, slug_da=content.HOME["slug"]["da"])
            .order_by("path")
            .first()
        )

    @staticmethod
    def missing_pages(home) -> list[str]:
        """Danish paths of the expected pages that are not in the tree below `home`."""
        missing = []
        base = f"/{content.HOME['slug']['da']}/"

        def check(parent, model, spec, path, fallback=None):
            page = find_child(parent, model, spec["slug"]["da"], fallback) if parent else None
            if page is None:
                missing.append(f"{path}{spec['slug']['da']}/")
            return page

        strategy = check(home, StrategyPage, content.STRATEGY, base, ANY_OF_TYPE)
        for pillar_spec in content.PILLARS:
            pillar_path = f"{base}{content.STRATEGY['slug']['da']}/"
            pillar = check(
                strategy, PillarPage, pillar_spec, pillar_path, {"theme": pillar_spec["theme"]}
            )
            for project_spec in pillar_spec["projects"]:
                check(
                    pillar, ProjectPage, project_spec, f"{pillar_path}{pillar_spec['slug']['da']}/"
                )
        index = check(home, PrinciplesIndexPage, content.PRINCIPLES_INDEX, base, ANY_OF_TYPE)
        for principle_spec in content.PRINCIPLES:
            check(
                index,
                PrinciplePage,
                principle_spec,
                f"{base}{content.PRINCIPLES_INDEX['slug']['da']}/",
            )
        check(home, NetworkPage, content.NETWORK, base, ANY_OF_TYPE)
        check(home, ContactPage, content.CONTACT, base, ANY_OF_TYPE)
        check(home, InformationPage, content.PRIVACY, base)
        # The citizens' input form (participation/) under the third pillar.
        pillar_spec = next(
            p for p in content.PILLARS if p["theme"] == participation_content.PILLAR_THEME
        )
        pillar = PillarPage.objects.descendant_of(home).filter(theme=pillar_spec["theme"]).first()
        check(
            pillar,
            ParticipationPage,
            participation_content.IDEA_FORM,
            f"{base}{content.STRATEGY['slug']['da']}/{pillar_spec['slug']['da']}/",
        )
        return missing

    @staticmethod
    def other_content() -> list[str]:
        """Content this command did not create (besides Wagtail's defaults), described."""
        found = []
        welcome = find_welcome_page()
        pages = Page.objects.filter(depth__gt=1)
        if welcome is not None:
            pages = pages.exclude(pk=welcome.pk)
        titles = [spec["title"] for spec in content.DOCUMENTS.values()]
        titles += list(content.FORMER_DOCUMENT_TITLES.values())
        counts = {
            "page(s)": pages.count(),
            "document(s)": get_document_model().objects.exclude(title__in=titles).count(),
            "image(s)": get_image_model()
            .objects.exclude(title=content.SHARE_IMAGE["title"])
            .count(),
            "contact person(s)": ContactPerson.objects.exclude(
                name=content.CONTACT_PERSON["name"]
            ).count(),
        }
        for label, count in counts.items():
            if count:
                found.append(f"{count} {label}")
        return found

    def inspect(self) -> tuple[str, list[str]]:
        """("present" | "empty" | "other", reasons)."""
        home = self.find_home()
        if home is not None:
            missing = self.missing_pages(home)
            site = Site.objects.filter(is_default_site=True).first()
            reasons = [f"missing page {path}" for path in missing]
            if site is None or site.root_page_id != home.pk:
                reasons.append("the default site does not point at the home page")
            return ("other" if reasons else "present"), reasons
        reasons = self.other_content()
        return ("other" if reasons else "empty"), reasons

    # -- loading ---------------------------------------------------------------------------
    def load(self):
        self.repair_url_paths()
        root = Page.get_first_root_node()
        self.person = self.sync_contact_person()
        existing_home = find_child(root, HomePage, content.HOME["slug"]["da"], ANY_OF_TYPE)
        existing_strategy = (
            find_child(existing_home, StrategyPage, content.STRATEGY["slug"]["da"], ANY_OF_TYPE)
            if existing_home
            else None
        )
        self.documents = self.sync_documents(existing_strategy)
        self.share_image = self.sync_share_image()

        home = self.sync_page(
            root, HomePage, content.HOME, fallback=ANY_OF_TYPE, show_in_menus=False
        )
        site = self.sync_site(home)
        self.delete_welcome_page(home)

        strategy = self.sync_page(
            home,
            StrategyPage,
            content.STRATEGY,
            fallback=ANY_OF_TYPE,
            fields={
                **per_language("adopted_by", content.STRATEGY["adopted_by"]),
                "adopted_year": content.STRATEGY["adopted_year"],
                **per_language("strategy_document", self.documents),
            },
        )

        index = self.sync_page(
            home, PrinciplesIndexPage, content.PRINCIPLES_INDEX, fallback=ANY_OF_TYPE
        )
        principles = {
            spec["slug"]["da"]: self.sync_page(index, PrinciplePage, spec, show_in_menus=False)
            for spec in content.PRINCIPLES
        }
        self.sync_catalogue(home)

        for pillar_spec in content.PILLARS:
            pillar = self.sync_page(
                strategy,
                PillarPage,
                pillar_spec,
                fallback={"theme": pillar_spec["theme"]},
                fields={"theme": pillar_spec["theme"]},
                show_in_menus=False,
            )
            for project_spec in pillar_spec["projects"]:
                self.sync_page(
                    pillar,
                    ProjectPage,
                    project_spec,
                    fields={
                        "status": project_spec["status"],
                        "external_link": project_spec["external_link"],
                    },
                    many_to_many={
                        "principles": [principles[slug] for slug in project_spec["principles"]]
                    },
                    show_in_menus=False,
                )

        self.sync_page(
            home,
            NetworkPage,
            content.NETWORK,
            fallback=ANY_OF_TYPE,
            fields={
                "network_name": content.NETWORK["network_name"],
                "network_url": content.NETWORK["network_url"],
            },
            children={
                "partner_cities": (
                    PartnerCity,
                    [
                        {
                            "sort_order": position,
                            "name": city["name"],
                            **per_language("country", city["country"]),
                        }
                        for position, city in enumerate(content.NETWORK["partner_cities"])
                    ],
                )
            },
        )
        self.sync_page(
            home,
            ContactPage,
            content.CONTACT,
            fallback=ANY_OF_TYPE,
            children={"people": (ContactPagePerson, [{"sort_order": 0, "person": self.person}])},
        )
        privacy = self.sync_page(
            home,
            InformationPage,
            participation_content.privacy_with_form(content.PRIVACY),
            show_in_menus=False,
        )
        self.sync_site_settings(site, privacy)
        self.sync_participation(strategy)
        # The news section and the /data/ page (news/initial_content.py).
        from news.initial_content import load_news_and_data

        load_news_and_data(self, home)

    # -- the citizens' input form (participation/) ----------------------------------------
    def sync_participation(self, strategy):
        """ "Del din idé" / "Share your idea" under the third pillar, with its four fields."""
        spec = participation_content.IDEA_FORM
        pillar = PillarPage.objects.child_of(strategy).filter(
            theme=participation_content.PILLAR_THEME
        )
        pillar = pillar.order_by("path").first()
        if pillar is None:
            return None
        return self.sync_page(
            pillar,
            ParticipationPage,
            spec,
            fields={
                **per_language("intro", spec["intro"]),
                **per_language("consent_text", spec["consent_text"]),
                **per_language("thank_you_text", spec["thank_you_text"]),
                "retention_days": spec["retention_days"],
            },
            children={
                "form_fields": (
                    ParticipationFormField,
                    [
                        {
                            "sort_order": position,
                            "field_type": field["field_type"],
                            "required": field["required"],
                            **per_language("label", field["label"]),
                            **per_language("help_text", field["help_text"]),
                        }
                        for position, field in enumerate(spec["fields"])
                    ],
                )
            },
            show_in_menus=False,
        )

    def sync_catalogue(self, home):
        """The project catalogue (/projekter/, /en/projects/), after the principles page.

        Not among missing_pages(): a database loaded before the catalogue existed still counts
        as "present" (editors add the page in the admin), so nothing of theirs is reset.
        """
        return self.sync_page(home, ProjectCatalogPage, content.CATALOGUE, fallback=ANY_OF_TYPE)

    def discard_files(self):
        """Remove files written by a load whose transaction was rolled back."""
        for model, name in self.new_files:
            model._meta.get_field("file").storage.delete(name)

    # -- pieces ----------------------------------------------------------------------------
    def repair_url_paths(self):
        if repair_root_url_paths():
            self.notes.append("set the tree root's url_path_da/url_path_en to '/'")

    def sync_contact_person(self):
        spec = content.CONTACT_PERSON
        values = {
            **per_language("role", spec["role"]),
            **per_language("unit", spec["unit"]),
            # The seed names her as the contact; it gives her no press role.
            "is_press_contact": False,
        }
        person = ContactPerson.objects.filter(name=spec["name"]).order_by("pk").first()
        if person is None:
            person = ContactPerson(name=spec["name"], **values)
            person.full_clean()
            person.save()
            self.created["contact person"] += 1
        elif self.assign(person, values):
            person.full_clean()
            person.save()
            self.updated["contact person"] += 1
        return person

    def sync_documents(self, strategy) -> dict:
        """The strategy PDF per language: the one the strategy page has, ours, or a new one.

        A document the strategy page already points at is kept as it is: editors replace the
        placeholder file with the adopted strategy, and that must survive --force.
        """
        document_model = get_document_model()
        documents = {}
        for language in LANGUAGES:
            spec = content.DOCUMENTS[language]
            document = getattr(strategy, f"strategy_document_{language}", None)
            if document is None:
                titles = [spec["title"], content.FORMER_DOCUMENT_TITLES[language]]
                document = document_model.objects.filter(title__in=titles).order_by("pk").first()
            if document is None:
                document = document_model(
                    title=spec["title"], language=language, is_placeholder=True
                )
                document.file.save(
                    spec["filename"], ContentFile(build_strategy_pdf(language)), save=False
                )
                self.new_files.append((document_model, document.file.name))
                document._set_document_file_metadata()
                document.save()
                self.created["document"] += 1
            documents[language] = document
        return documents

    def sync_share_image(self):
        """The default share image: the settings' current one is kept (editors may replace it)."""
        image_model = get_image_model()
        spec = content.SHARE_IMAGE
        image = image_model.objects.filter(title=spec["title"]).order_by("pk").first()
        if image is None:
            image = image_model(
                title=spec["title"],
                description=spec["description"],
                file=ImageFile(io.BytesIO(build_share_image()), name=spec["filename"]),
            )
            image._set_image_file_metadata()
            image.save()
            save_english_description(image, spec["description_en"])
            self.new_files.append((image_model, image.file.name))
            self.created["image"] += 1
        return image

    def sync_page(
        self,
        parent,
        model,
        spec: dict,
        *,
        fallback: dict | None = None,
        fields: dict | None = None,
        many_to_many: dict | None = None,
        children: dict | None = None,
        show_in_menus: bool = True,
    ):
        """Create the page under `parent`, or bring an existing one to the shipped content.

        A new page is added and published with one revision. An existing page gets a new,
        published revision only if something differs from the shipped content (or it is not
        live); otherwise it is left as it is.
        """
        values = {
            **per_language("title", spec["title"]),
            **per_language("slug", spec["slug"]),
            **per_language("summary", spec["summary"]),
            **(
                per_language("search_description", spec["search_description"])
                if "search_description" in spec
                else {}
            ),
            "show_in_menus": show_in_menus,
            "contact_person": self.person,
            **{
                f"body_{language}": raw_body(spec["body"][language], self.documents[language])
                for language in LANGUAGES
                if "body" in spec  # the participation form has no body
            },
            **(fields or {}),
        }
        many_to_many = many_to_many or {}
        children = children or {}

        page = find_child(parent, model, spec["slug"]["da"], fallback)
        if page is None:
            page = model(live=False)
            self.assign(page, values)
            for name, targets in many_to_many.items():
                getattr(page, name).set(targets)
            for name, (child_model, rows) in children.items():
                setattr(page, name, [child_model(**row) for row in rows])
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created["page"] += 1
        else:
            changed = self.assign(page, values)
            for name, targets in many_to_many.items():
                current = set(getattr(page, name).values_list("pk", flat=True))
                if current != {target.pk for target in targets}:
                    getattr(page, name).set(targets)
                    changed = True
            for name, (child_model, rows) in children.items():
                row_fields = list(rows[0]) if rows else []
                current = [
                    self.row_values(child, row_fields) for child in getattr(page, name).all()
                ]
                wanted = [self.row_values(child_model(**row), row_fields) for row in rows]
                if current != wanted:
                    setattr(page, name, [child_model(**row) for row in rows])
                    changed = True
            if changed or not page.live:
                page.save_revision().publish()
                self.updated["page"] += 1
        self.pages.append(page)
        return page

    def sync_site(self, home):
        site = (
            Site.objects.filter(is_default_site=True).first()
            or Site.objects.filter(hostname="localhost", port=80).first()
        )
        if site is None:
            site = Site.objects.create(
                hostname="localhost",
                port=80,
                site_name=settings.WAGTAIL_SITE_NAME,
                root_page=home,
                is_default_site=True,
            )
            self.created["site"] += 1
            return site
        values = {"root_page": home, "is_default_site": True}
        if not site.site_name:
            values["site_name"] = settings.WAGTAIL_SITE_NAME
        if self.assign(site, values):
            site.save()
            self.updated["site"] += 1
        return site

    def delete_welcome_page(self, home):
        welcome = find_welcome_page()
        if welcome is None:
            return
        # A site rooted at the page would be deleted with it (the FK cascades).
        Site.objects.filter(root_page=welcome).update(root_page=home)
        Page.objects.get(pk=welcome.pk).delete()
        self.notes.append("deleted Wagtail's default welcome page")

    def sync_site_settings(self, site, privacy):
        site_settings = SiteSettings.objects.filter(site=site).first()
        values = {"default_contact": self.person, "privacy_page": privacy}
        if site_settings is None or site_settings.default_social_image_id is None:
            values["default_social_image"] = self.share_image
        if site_settings is None:
            SiteSettings.objects.create(site=site, **values)
            self.created["site settings"] += 1
        elif self.assign(site_settings, values):
            site_settings.save()
            self.updated["site settings"] += 1

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def row_values(obj, names: list[str]) -> tuple:
        values = []
        for name in names:
            field = obj._meta.get_field(name)
            value = getattr(obj, field.attname)
            values.append(value if value is not None or field.is_relation else "")
        return tuple(values)

    @staticmethod
    def assign(obj, values: dict) -> bool:
        """Set `values` on `obj`; True if any of them differed from what it had."""
        changed = False
        for name, wanted in values.items():
            field = obj._meta.get_field(name)
            if isinstance(field, StreamField):
                differs = stream_data(field, getattr(obj, name)) != stream_data(field, wanted)
                if differs:
                    wanted = copy.deepcopy(wanted)
            elif isinstance(field, models.ForeignKey):
                differs = getattr(obj, field.attname) != (wanted.pk if wanted else None)
            else:
                current = getattr(obj, name)
                differs = (current if current is not None else "") != (
                    wanted if wanted is not None else ""
                )
            if differs:
                setattr(obj, name, wanted)
                changed = True
        return changed


class Command(BaseCommand):
    help = (
        "Load Resiliente Vejle's initial content (home, strategy, pillars, projects, "
        "principles, network, contact and privacy pages in Danish and English, the contact "
        "person, the placeholder strategy PDFs and the default site). Does nothing when the "
        "content is already there; refuses to touch a database with other content unless "
        "--force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Load even though the database holds other content: create what is missing and "
                "reset the loaded pages, the contact person and the site settings to the shipped "
                "content. Other pages, documents and snippets are left alone."
            ),
        )

    def handle(self, *args, force=False, verbosity=1, **options):
        loader = InitialContentLoader()
        # Build in Danish: the untranslated title/slug/url_path columns follow the active
        # language, and Danish is the site's default.
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            try:
                with transaction.atomic():
                    state, reasons = loader.inspect()
                    if state == "present" and not force:
                        self.stdout.write(NOTHING_CHANGED)
                        return
                    if state == "other" and not force:
                        raise CommandError(
                            f"{self.refusal(loader, reasons)} Nothing was changed. Run it with "
                            "--force to create the missing pieces and reset the loaded pages to "
                            "the shipped content; other content is left alone."
                        )
                    loader.load()
            except BaseException:
                loader.discard_files()
                raise

            if not loader.changed:
                self.stdout.write(NOTHING_CHANGED)
                return
            self.report(loader, verbosity)

    @staticmethod
    def refusal(loader: InitialContentLoader, reasons: list[str]) -> str:
        if loader.find_home() is not None:
            return f"The initial content is only partly there ({'; '.join(reasons)})."
        return (
            "The database already has content that load_initial_content did not create "
            f"({', '.join(reasons)})."
        )

    def report(self, loader: InitialContentLoader, verbosity: int):
        parts = []
        kinds = {
            "page": "pages",
            "document": "documents",
            "image": "images",
            "contact person": "contact persons",
            "site": "default site",
            "site settings": "site settings",
        }
        for kind, label in kinds.items():
            created, updated = loader.created[kind], loader.updated[kind]
            if created or updated:
                counts = [f"{created} created"] if created else []
                counts += [f"{updated} updated"] if updated else []
                parts.append(f"{label}: {', '.join(counts)}")
        self.stdout.write(self.style.SUCCESS("Initial content loaded."))
        for line in parts + loader.notes:
            self.stdout.write(f"  {line}")
        if verbosity >= 2:
            self.stdout.write("Pages (Danish path | English path):")
            for page in sorted(loader.pages, key=lambda page: page.path):
                page.refresh_from_db()
                indent = "  " * (page.depth - 1)
                self.stdout.write(
                    f"{indent}{page.title_da}  {page.url_path_da} | {page.url_path_en}"
                )
