"""A notice at the top of the page editor: which English fields are still empty.

The notice lists the English fields an editor is expected to fill in, with each field's form
name, so that static/editorial/js/bilingual_form.js can keep it up to date while the editor
types. It also carries the questions asked before publishing or submitting a page without an
English title, and the button that copies the Danish body into an empty English body.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from editorial.bilingual_form import COPY_BODY_FIELD, ENGLISH, without_block_ids
from editorial.translation_status import english_fields, is_empty


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

        def english_fields(self):
            model = type(self.instance)
            fields = []
            for name in english_fields(model):
                fields.append(
                    {
                        "name": f"{name}_{ENGLISH}",
                        "label": capfirst(model._meta.get_field(name).verbose_name),
                        "empty": is_empty(getattr(self.instance, f"{name}_{ENGLISH}", None)),
                    }
                )
            return fields

        def body_state(self):
            """(the copy button applies, the English body is still the Danish one)."""
            if not {"body_da", "body_en"} <= set(self.form.fields):
                return False, False
            danish, english = self.instance.body_da, self.instance.body_en
            if is_empty(danish):
                return False, False
            if is_empty(english):
                return True, False
            same = without_block_ids(danish.get_prep_value()) == without_block_ids(
                english.get_prep_value()
            )
            return False, same

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            fields = self.english_fields()
            context["fields"] = fields
            context["missing"] = [field["label"] for field in fields if field["empty"]]
            context["title_missing"] = is_empty(getattr(self.instance, f"title_{ENGLISH}", ""))
            context["copy_body"], context["body_is_copy"] = self.body_state()
            context["copy_body_field"] = COPY_BODY_FIELD
            return context
