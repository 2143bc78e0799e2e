"""Every page type: where it may be created, that the admin form creates it, that it renders."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from contacts.models import ContactPage
from core.models import InformationPage
from news.models import NewsIndexPage
from open_data.models import OpenDataPage
from participation.models import ParticipationPage
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
from tests.factories import make_site_tree

ALL_TYPES = {
    HomePage,
    StrategyPage,
    PillarPage,
    ProjectPage,
    PrinciplesIndexPage,
    PrinciplePage,
    ProjectCatalogPage,
    NetworkPage,
    ContactPage,
    InformationPage,
}


def bilingual(title_da, title_en, slug_da, slug_en, **extra):
    """Form data for the translated Page fields and an empty body in both languages."""
    data = {
        "title_da": title_da,
        "title_en": title_en,
        "slug_da": slug_da,
        "slug_en": slug_en,
        "summary_da": f"Resumé af {title_da}",
        "summary_en": f"Summary of {title_en}",
        "body_da": streamfield([("paragraph", rich_text(f"<p>{title_da} på dansk</p>"))]),
        "body_en": streamfield([("paragraph", rich_text(f"<p>{title_en} in English</p>"))]),
    }
    data.update(extra)
    return nested_form_data(data)


class PageTreeRulesTests(WagtailPageTestCase):
    """Each type may only be created under its allowed parents."""

    def test_allowed_parents(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        for child in (
            StrategyPage,
            PrinciplesIndexPage,
            ProjectCatalogPage,
            NetworkPage,
            ContactPage,
            InformationPage,
        ):
            self.assertAllowedParentPageTypes(child, {HomePage})
        self.assertAllowedParentPageTypes(PillarPage, {StrategyPage})
        self.assertAllowedParentPageTypes(ProjectPage, {PillarPage})
        self.assertAllowedParentPageTypes(PrinciplePage, {PrinciplesIndexPage})

    def test_allowed_subpages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StrategyPage,
                PrinciplesIndexPage,
                ProjectCatalogPage,
                NetworkPage,
                ContactPage,
                InformationPage,
                NewsIndexPage,
                OpenDataPage,
            },
        )
        self.assertAllowedSubpageTypes(StrategyPage, {PillarPage})
        # A pillar also holds citizens' input forms (participation/, e.g. "Del din idé").
        self.assertAllowedSubpageTypes(PillarPage, {ProjectPage, ParticipationPage})
        self.assertAllowedSubpageTypes(PrinciplesIndexPage, {PrinciplePage})
        for leaf in (
            ProjectPage,
            PrinciplePage,
            ProjectCatalogPage,
            NetworkPage,
            ContactPage,
            InformationPage,
        ):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_cannot_create_anywhere_else(self):
        allowed = {
            HomePage: {Page},
            StrategyPage: {HomePage},
            PrinciplesIndexPage: {HomePage},
            ProjectCatalogPage: {HomePage},
            NetworkPage: {HomePage},
            ContactPage: {HomePage},
            InformationPage: {HomePage},
            PillarPage: {StrategyPage},
            ProjectPage: {PillarPage},
            PrinciplePage: {PrinciplesIndexPage},
        }
        for child, parents in allowed.items():
            for parent in ALL_TYPES | {Page}:
                if parent in parents:
                    self.assertCanCreateAt(parent, child)
                else:
                    self.assertCanNotCreateAt(parent, child)


class CreateThroughAdminTests(WagtailPageTestCase):
    """The real admin add view creates every page type with both languages' fields."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()

    def setUp(self):
        self.login()

    def assertCreatedBilingual(self, model, slug_da, title_en):
        page = model.objects.get(slug_da=slug_da)
        self.assertEqual(page.title_en, title_en)
        self.assertTrue(page.live)
        self.assertIn(f"{title_en} in English", str(page.body_en))
        self.assertIn(f"{title_en.split()[0]}", page.summary_en)
        return page

    def test_home_page_under_root(self):
        # Only one home page is allowed; remove the factory's to create a fresh one.
        HomePage.objects.all().delete()
        self.assertCanCreate(
            Page.get_first_root_node(),
            HomePage,
            bilingual("Ny forside", "New home", "ny-forside", "new-home"),
        )
        self.assertCreatedBilingual(HomePage, "ny-forside", "New home")

    def test_strategy_page(self):
        self.tree["strategy"].delete()
        self.assertCanCreate(
            self.tree["home"],
            StrategyPage,
            bilingual(
                "Strategi",
                "Strategy",
                "strategi",
                "strategy-new",
                adopted_by_da="Vejle Byråd",
                adopted_by_en="Vejle City Council",
                adopted_year="2016",
            ),
        )
        page = self.assertCreatedBilingual(StrategyPage, "strategi", "Strategy")
        self.assertEqual((page.adopted_by_da, page.adopted_year), ("Vejle Byråd", 2016))

    def test_pillar_page(self):
        self.assertCanCreate(
            self.tree["strategy"],
            PillarPage,
            bilingual("Social resiliens", "Social resilience", "social", "social", theme="social"),
        )
        self.assertEqual(
            self.assertCreatedBilingual(PillarPage, "social", "Social resilience").theme, "social"
        )

    def test_project_page_with_principles(self):
        principle = self.tree["principle"]
        self.assertCanCreate(
            self.tree["pillar"],
            ProjectPage,
            bilingual(
                "Nyt projekt",
                "New project",
                "nyt-projekt",
                "new-project",
                status="planned",
                principles=(str(principle.pk),),  # a tuple: posted as a multi-value field
                external_link="https://example.org/",
            ),
        )
        page = self.assertCreatedBilingual(ProjectPage, "nyt-projekt", "New project")
        self.assertEqual(list(page.principles.all()), [principle])

    def test_principles_index_and_principle(self):
        self.tree["principles"].delete()
        self.assertCanCreate(
            self.tree["home"],
            PrinciplesIndexPage,
            bilingual("Principperne", "The principles", "principperne", "the-principles"),
        )
        index = self.assertCreatedBilingual(PrinciplesIndexPage, "principperne", "The principles")
        self.assertCanCreate(
            index,
            PrinciplePage,
            bilingual("Fleksible løsninger", "Flexible solutions", "fleksible", "flexible"),
        )
        self.assertCreatedBilingual(PrinciplePage, "fleksible", "Flexible solutions")

    def test_network_page_with_partner_cities(self):
        self.tree["network"].delete()
        self.assertCanCreate(
            self.tree["home"],
            NetworkPage,
            bilingual(
                "Bynetværk",
                "City network",
                "bynetvaerk",
                "city-network",
                network_name="Resilient Cities Network",
                network_url="https://resilientcitiesnetwork.org/",
                partner_cities=inline_formset(
                    [
                        {"name": "Rotterdam", "country_da": "Holland", "country_en": "Netherlands"},
                        {"name": "Paris", "country_da": "Frankrig", "country_en": "France"},
                    ]
                ),
            ),
        )
        page = self.assertCreatedBilingual(NetworkPage, "bynetvaerk", "City network")
        cities = [(c.name, c.country_da, c.country_en) for c in page.partner_cities.all()]
        self.assertEqual(
            cities, [("Rotterdam", "Holland", "Netherlands"), ("Paris", "Frankrig", "France")]
        )

    def test_contact_page(self):
        self.tree["contact"].delete()
        self.assertCanCreate(
            self.tree["home"],
            ContactPage,
            bilingual(
                "Kontakt os", "Contact us", "kontakt-os", "contact-us", people=inline_formset([])
            ),
        )
        self.assertCreatedBilingual(ContactPage, "kontakt-os", "Contact us")

    def test_information_page(self):
        self.assertCanCreate(
            self.tree["home"],
            InformationPage,
            bilingual("Om cookies", "About cookies", "om-cookies", "about-cookies"),
        )
        self.assertCreatedBilingual(InformationPage, "om-cookies", "About cookies")

    def test_missing_danish_title_is_refused_with_a_message(self):
        data = bilingual("", "Only English", "kun-engelsk", "only-english")
        response = self.client.post(
            f"/admin/pages/add/core/informationpage/{self.tree['home'].pk}/",
            {**data, "action-publish": "action-publish"},
        )
        self.assertEqual(response.status_code, 200)  # the form again, with errors
        self.assertIn("title_da", response.context["form"].errors)
        self.assertFalse(InformationPage.objects.filter(slug_da="kun-engelsk").exists())


class RenderTests(WagtailPageTestCase):
    """Every page type routes and renders in both languages."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()

    def test_every_page_type_routes_and_renders(self):
        rendered = set()
        for page in Page.objects.filter(depth__gt=1).specific():
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
            rendered.add(type(page))
        self.assertEqual(rendered, ALL_TYPES)


def edit_form_data(page, suffix):
    """A complete edit-form POST for `page`: both languages plus its type's own fields."""
    extra = {}
    if isinstance(page, StrategyPage):
        extra = {"adopted_by_da": "Vejle Byråd", "adopted_year": "2016"}
    elif isinstance(page, PillarPage):
        extra = {"theme": page.theme}
    elif isinstance(page, ProjectPage):
        extra = {"status": page.status}
    elif isinstance(page, NetworkPage):
        extra = {"network_name": page.network_name, "partner_cities": inline_formset([])}
    elif isinstance(page, ContactPage):
        extra = {"people": inline_formset([])}
    return bilingual(
        f"{page.title_da} {suffix}",
        f"{page.title_en} {suffix}",
        page.slug_da,
        page.slug_en,
        **extra,
    )


class AdminEditTests(WagtailPageTestCase):
    """Editors see and save both languages of every page type, and preview each language."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()

    def setUp(self):
        self.login()

    def test_edit_view_shows_both_languages_for_every_page_type(self):
        seen = set()
        for page in Page.objects.filter(depth__gt=1).specific():
            response = self.client.get(f"/admin/pages/{page.pk}/edit/")
            self.assertEqual(response.status_code, 200)
            html = response.content.decode()
            for field in ("title", "slug", "summary", "body"):
                for language in ("da", "en"):
                    self.assertIn(f'data-contentpath="{field}_{language}"', html, (page, field))
            seen.add(type(page))
        self.assertEqual(seen, ALL_TYPES)

    def test_edit_form_post_saves_both_languages(self):
        for page in Page.objects.filter(depth__gt=1).specific():
            data = edit_form_data(page, "redigeret")
            response = self.client.post(
                f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "action-publish"}
            )
            self.assertEqual(response.status_code, 302, (page, getattr(response, "context", None)))
            page.refresh_from_db()
            self.assertTrue(page.title_da.endswith(" redigeret"), page)
            self.assertTrue(page.title_en.endswith(" redigeret"), page)
            self.assertIn("in English", str(page.body_en))

    def test_preview_in_each_language(self):
        page = self.tree["project"]
        data = edit_form_data(page, "forhåndsvist")
        preview_url = f"/admin/pages/{page.pk}/edit/preview/"
        for mode, lang, title in (
            ("da", "da", "Fjordbyen forhåndsvist"),
            ("en", "en", "The Fjord City forhåndsvist"),
        ):
            response = self.client.post(f"{preview_url}?mode={mode}", data)
            self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
            response = self.client.get(preview_url, {"mode": mode})
            self.assertEqual(response.status_code, 200)
            html = response.content.decode()
            self.assertIn(f'<html lang="{lang}">', html)
            self.assertIn(f"<h1>{title}</h1>", html)
        # Previewing changed nothing that is published.
        page.refresh_from_db()
        self.assertEqual(page.title_en, "The Fjord City")

    def test_preview_of_untranslated_page_says_so(self):
        page = self.tree["project"]
        data = edit_form_data(page, "x")
        data["title_en"] = ""
        data["slug_en"] = ""
        preview_url = f"/admin/pages/{page.pk}/edit/preview/"
        self.client.post(f"{preview_url}?mode=en", data)
        html = self.client.get(preview_url, {"mode": "en"}).content.decode()
        self.assertIn('<html lang="en">', html)
        self.assertIn("only available in Danish", html)
