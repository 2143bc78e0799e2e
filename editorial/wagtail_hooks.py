"""The editorial admin: translation report and dashboard panel, accessibility checker rules."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.permissions import page_permission_policy

from core.image_alt import images_missing_english_description
from editorial.translation_status import State, count_by_state
from editorial.views import TranslationReportView


def can_see_translation_report(user) -> bool:
    return page_permission_policy.user_has_any_permission(user, ["add", "change", "publish"])


@hooks.register("register_admin_urls")
def translation_report_urls():
    return [
        path(
            "reports/translations/",
            TranslationReportView.as_view(),
            name="editorial_translation_report",
        ),
        path(
            "reports/translations/results/",
            TranslationReportView.as_view(results_only=True),
            name="editorial_translation_report_results",
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_report(request.user)


@hooks.register("register_reports_menu_item")
def translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Oversættelser"),
        reverse("editorial_translation_report"),
        name="translations",
        icon_name="globe",
        order=50,
    )


class TranslationSummaryPanel(Component):
    """ "4 sider mangler engelsk" on the dashboard, linking to the filtered report."""

    name = "translation_summary"
    order = 90
    template_name = "editorial/translation_summary_panel.html"

    def get_context_data(self, parent_context=None):
        counts = count_by_state()
        return {
            "missing": counts[State.MISSING],
            "outdated": counts[State.OUTDATED],
            "images_missing_english": images_missing_english_description().count(),
            "report_url": reverse("editorial_translation_report"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_summary(request, panels):
    if can_see_translation_report(request.user):
        panels.append(TranslationSummaryPanel())


class AccessibilityChecker(ContentCheckerItem):
    """Wagtail's checker (userbar and preview panel) with the project's rules: every axe-core
    rule of WCAG 2.1 A and AA (the Danish web accessibility law), plus Wagtail's content rules
    for editors (headings, alt text quality, empty link texts, meta description)."""

    axe_run_only = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    axe_rules = {
        rule: {"enabled": True}
        for rule in (
            "empty-heading",
            "empty-table-header",
            "heading-order",
            "p-as-heading",
            "alt-text-quality",
            "empty-meta-description",
        )
    }


@hooks.register("construct_wagtail_userbar")
def use_project_accessibility_checker(request, items, page):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, AccessibilityChecker):
            items[index] = AccessibilityChecker()


@hooks.register("insert_editor_js")
def bilingual_form_script():
    """The page editor's live "Engelsk version" notice, the question before publishing without
    English title and the copy button's place (static/editorial/)."""
    return format_html(
        '<link rel="stylesheet" href="{}"><script src="{}"></script>',
        static("editorial/css/bilingual_form.css"),
        static("editorial/js/bilingual_form.js"),
    )


@hooks.register("insert_global_admin_css")
def upload_messages_css():
    """One message per refused file in the multiple upload (static/editorial/css/uploads.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/css/uploads.css"))
