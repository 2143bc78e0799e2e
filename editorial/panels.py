"""A hint at the top of the page editor: which English fields are still empty."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from editorial.translation_status import missing_english_fields


class EnglishCompletenessPanel(Panel):
    """Lists the page's empty English fields (of the revision being edited)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Engelsk version"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "english_completeness"

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/english_completeness_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["missing"] = missing_english_fields(self.instance)
            return context
