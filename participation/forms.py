"""The public form (built from the editors' fields) and the page's admin form."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from editorial.help_texts import PageForm

# The honeypot and the signed time stamp: checked before validation, never stored or mailed.
HONEYPOT = "website"
STAMP = "form_stamp"
TRAP_FIELDS = (HONEYPOT, STAMP)
STAMP_SALT = "participation.form-stamp"
# Characters per text field: a long idea fits, a pasted book does not.
MAX_FIELD_CHARS = 4000
MAX_LINE_CHARS = 255


def make_stamp(now: float | None = None) -> str:
    """When the form was served, signed so that it cannot be forged."""
    return signing.dumps(now if now is not None else time.time(), salt=STAMP_SALT)


def stamp_age(value: str, now: float | None = None) -> float | None:
    """Seconds since the stamp was made; None when it is missing, forged or unreadable."""
    try:
        made = float(signing.loads(value or "", salt=STAMP_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return (now if now is not None else time.time()) - made


def max_field_chars() -> int:
    return getattr(settings, "PARTICIPATION_MAX_FIELD_CHARS", MAX_FIELD_CHARS)


class ParticipationForm(BaseForm):
    """The editors' fields plus the honeypot and the stamp (added last, out of sight)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Lad dette felt være tomt"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        self.fields[STAMP] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=make_stamp()
        )

    def clean(self):
        cleaned = super().clean()
        for name in TRAP_FIELDS:
            cleaned.pop(name, None)
        return cleaned

    def visible_answer_fields(self):
        return [field for field in self if field.name not in TRAP_FIELDS]

    def error_summary(self):
        """(href target, message) per error, in the order of the fields (GOV.UK pattern)."""
        items = []
        for field in self.visible_answer_fields():
            target = field.id_for_label or field.auto_id
            if field.field.widget.use_fieldset:
                target = f"{field.auto_id}_0"
            items.extend((target, message) for message in field.errors)
        return items


class ParticipationFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits and messages that name the field."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type == "checkbox":
            message = _("Sæt kryds ved “%(label)s”.")
        elif field.field_type in ("checkboxes", "radio", "dropdown", "multiselect"):
            message = _("Vælg en svarmulighed ved “%(label)s”.")
        else:
            message = _("Udfyld “%(label)s”.")
        options["error_messages"] = {"required": message % {"label": field.label}}
        return options

    def create_singleline_field(self, field, options):
        return forms.CharField(**options, max_length=MAX_LINE_CHARS)

    def create_multiline_field(self, field, options):
        return forms.CharField(
            **options,
            max_length=max_field_chars(),
            widget=forms.Textarea(attrs={"rows": 8}),
        )

    def create_email_field(self, field, options):
        return forms.EmailField(**options, max_length=254)

    def create_hidden_field(self, field, options):
        return forms.CharField(**options, max_length=MAX_LINE_CHARS, widget=forms.HiddenInput)

    def get_form_class(self):
        return type("ParticipationWagtailForm", (ParticipationForm,), self.formfields)


class ParticipationPageForm(PageForm, WagtailAdminFormPageForm):
    """The page's admin form: a page shown in English needs every field's English label."""

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("title_en") or "").strip():
            return cleaned
        formset = self.formsets.get("form_fields")
        for form in getattr(formset, "forms", []):
            if not form.is_valid():
                continue
            data = form.cleaned_data
            if data and not data.get("DELETE") and not (data.get("label_en") or "").strip():
                form.add_error(
                    "label_en",
                    _("Skriv feltets engelske tekst: siden findes på engelsk."),
                )
        return cleaned
