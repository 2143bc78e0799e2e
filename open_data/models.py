"""Open data: the /data/ page that describes the project files, and their licence."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from core.blocks import BodyBlock
from core.models import BasePage


@register_setting(icon="download")
class OpenDataSettings(BaseSiteSetting):
    """The licence of the open data files, shown on the /data/ page (empty: none stated)."""

    licence_name = models.CharField(
        _("licens"),
        max_length=120,
        blank=True,
        help_text=_("Fx 'CC BY 4.0'. Tom: siden siger, at licensen ikke er fastlagt endnu."),
    )
    licence_url = models.URLField(
        _("link til licensen"), blank=True, help_text=_("Fx licensens tekst hos Creative Commons.")
    )

    panels = [FieldPanel("licence_name"), FieldPanel("licence_url")]

    class Meta:
        verbose_name = _("åbne data")


class OpenDataPage(BasePage):
    """The /data/ page: what the project files hold, their fields and their licence."""

    body = StreamField(BodyBlock(), verbose_name=_("indhold"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["strategy.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("side om åbne data")
        verbose_name_plural = _("sider om åbne data")

    def get_context(self, request, *args, **kwargs):
        from open_data.dataset import FIELDS, file_urls

        context = super().get_context(request, *args, **kwargs)
        context["data_fields"] = FIELDS
        context["data_files"] = file_urls()
        context["licence"] = OpenDataSettings.for_request(request)
        return context
