"""The translation overview: a Wagtail report of every page's English state."""

import csv
import io

import django_filters
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, get_page_content_types
from wagtail.permissions import page_permission_policy

from core.image_alt import images_missing_english_description
from editorial.translation_status import State, report_pages, translation_states

# Images lacking English alt text listed on the report (the count covers all of them).
IMAGES_LISTED = 50


def inert(value):
    """A cell that a spreadsheet would run as a formula (a title such as "=HYPERLINK(...)")
    gets a leading apostrophe, so Excel shows it as text (OWASP's advice for CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{value}"
    return value


class TranslationReportFilterSet(WagtailFilterSet):
    translation_state = django_filters.ChoiceFilter(
        label=_("Engelsk tilstand"), choices=State.choices, method="filter_translation_state"
    )
    content_type = ContentTypeFilter(
        label=_("Sidetype"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = ["translation_state", "content_type", "live"]

    def filter_translation_state(self, queryset, name, value):
        states = translation_states(queryset)
        return queryset.filter(pk__in=[pk for pk, s in states.items() if s.state == value])


class TranslationReportView(ReportView):
    page_title = _("Oversættelser")
    header_icon = "globe"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "editorial/translation_report_results.html"
    index_url_name = "editorial_translation_report"
    index_results_url_name = "editorial_translation_report_results"
    filterset_class = TranslationReportFilterSet
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    context_object_name = "pages"
    list_export = [
        "title_da",
        "title_en",
        "translation.label",
        "page_type",
        "translation.danish_changed_at",
        "translation.english_changed_at",
        "admin_edit_url",
    ]
    export_headings = {
        "title_da": _("Dansk titel"),
        "title_en": _("Engelsk titel"),
        "translation.label": _("Engelsk tilstand"),
        "page_type": _("Sidetype"),
        "translation.danish_changed_at": _("Dansk sidst ændret"),
        "translation.english_changed_at": _("Engelsk sidst ændret"),
        "admin_edit_url": _("Redigér"),
    }

    # Local time (the admin's time zone, by default Europe/Copenhagen), not Wagtail's UTC.
    custom_field_preprocess = {
        field: {
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: (
                timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""
            ),
            SpreadsheetExportMixin.FORMAT_XLSX: lambda value: (
                timezone.make_naive(value) if value else None
            ),
        }
        for field in ("translation.danish_changed_at", "translation.english_changed_at")
    }

    def write_csv_response(self, queryset):
        """The CSV as Danish Excel opens it: UTF-8 with a byte order mark, and ";" between
        columns when the admin is Danish (Excel's list separator there). Every row is written
        here, while the admin's language and time zone are active; Wagtail would stream them
        after the view has returned (in the site's default language, times as stored: UTC)."""
        delimiter = ";" if get_language() == "da" else ","
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow([self.get_heading(queryset, field) for field in self.list_export])
        for item in queryset:
            row = self.to_row_dict(item)
            writer.writerow(
                [inert(self.preprocess_field_value(f, v, self.FORMAT_CSV)) for f, v in row.items()]
            )
        response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(
            True, f"{self.get_filename()}.csv"
        )
        return response

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.is_export:
            return context
        images = images_missing_english_description()
        context["images_missing_english"] = images[:IMAGES_LISTED]
        context["images_missing_english_count"] = images.count()
        return context

    def get_filename(self):
        return "oversaettelser"

    def get_queryset(self):
        return report_pages().select_related("content_type")

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        states = translation_states(Page.objects.filter(pk__in=[page.pk for page in pages]))
        for page in pages:
            page.translation = states[page.pk]
            page.page_type = page.content_type.name
            model = page.content_type.model_class()
            if model is not None:
                page.page_type = str(model._meta.verbose_name)
            page.admin_edit_url = self.request.build_absolute_uri(
                reverse("wagtailadmin_pages:edit", args=(page.pk,))
            )
        return pages
