"""Plain-Danish help texts for the editing forms' fields that have none in their model.

Set on the admin forms rather than on the models: a model field's help_text is part of its
migration state, and the translated fields (body_da, body_en, ...) take theirs from the model.
Fields whose model has a help text keep it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from editorial.bilingual_form import copy_danish_body, label_languages, unmark_english_title

# (app_label.model, field) → help text; the field without its language suffix (_da, _en).
HELP_TEXTS = {
    ("contacts.contactperson", "name"): _("Fornavn og efternavn, som personen bruger på arbejdet."),
    ("contacts.contactperson", "role"): _("Personens stilling, fx 'Resiliensrådgiver'."),
    ("contacts.contactperson", "unit"): _("Afdelingen i kommunen, fx 'Teknik & Miljø'."),
    ("contacts.contactperson", "email"): _(
        "Arbejdsmailen, som borgere og journalister kan skrive til."
    ),
    ("contacts.contactperson", "photo"): _(
        "Valgfrit. Vises kun, hvis personen har givet samtykke (feltet nedenfor)."
    ),
    ("contacts.contactpageperson", "person"): _("Vælg en person fra Kontaktpersoner."),
    ("strategy.networkpage", "network_name"): _("Netværkets navn, som det skrives på sitet."),
    ("strategy.networkpage", "network_url"): _("Valgfrit: netværkets egen hjemmeside."),
    ("strategy.partnercity", "name"): _("Byens navn, fx 'Rotterdam'. Skrives ens på begge sprog."),
    ("strategy.partnercity", "country"): _("Landet på sidens sprog, fx 'Holland' / 'Netherlands'."),
}
# Fields every page type has.
PAGE_HELP_TEXTS = {
    "body": _(
        "Sidens tekst: afsnit, mellemoverskrifter, citater, billeder og links. Brug "
        "mellemoverskrifterne i rækkefølge, så siden kan læses med skærmlæser."
    ),
    "go_live_at": _(
        "Valgfrit: siden udgives først på dette tidspunkt, når den er godkendt og udgivet."
    ),
    "expire_at": _("Valgfrit: siden tages af sitet på dette tidspunkt."),
    "comment_notifications": _("Få besked, når nogen kommenterer siden."),
}
# Wagtail's own page fields: their help texts have no Danish translation in Wagtail, so they
# are replaced.
PAGE_FIELD_HELP_TEXTS = {
    "title": _(
        "Sidens overskrift, som læserne ser den. Uden engelsk titel vises siden ikke på de "
        "engelske sider."
    ),
    "slug": _(
        "Sidens navn i adressen, fx 'klimaresiliens' i /strategien/klimaresiliens/: små "
        "bogstaver og bindestreger. Ændrer du det på en udgivet side, sendes den gamle "
        "adresse automatisk videre til den nye."
    ),
    "seo_title": _(
        "Valgfrit: overskriften i søgemaskinernes resultater, hvis den skal være en anden "
        "end sidens titel."
    ),
    "search_description": _(
        "Valgfrit: teksten under overskriften i søgemaskinernes resultater. Tom: resuméet."
    ),
    "show_in_menus": _(
        "Vis siden i hovedmenuen øverst på alle sider (kun sider lige under forsiden)."
    ),
}
LANGUAGE_SUFFIXES = ("_da", "_en")


def _base_name(name: str) -> str:
    return name[:-3] if name.endswith(LANGUAGE_SUFFIXES) else name


def apply_help_texts(fields, model, page=False):
    for name, field in fields.items():
        base = _base_name(name)
        if page and base in PAGE_FIELD_HELP_TEXTS:
            field.help_text = PAGE_FIELD_HELP_TEXTS[base]
        if field.help_text:
            continue
        text = HELP_TEXTS.get((model._meta.label_lower, base))
        if text is None and page:
            text = PAGE_HELP_TEXTS.get(base)
        if text:
            field.help_text = text


def _apply_to_formsets(form):
    # The child forms' class is shared by all rows and the empty template row.
    for formset in getattr(form, "formsets", {}).values():
        child_form = formset.form
        apply_help_texts(child_form.base_fields, child_form._meta.model)
        label_languages(child_form.base_fields, child_form._meta.model)


class PageForm(WagtailAdminPageForm):
    """The base form of every page type (core.models.BasePage.base_form_class)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_help_texts(self.fields, self._meta.model, page=True)
        label_languages(self.fields, self._meta.model)
        unmark_english_title(self.fields)
        _apply_to_formsets(self)

    def clean(self):
        cleaned_data = super().clean()
        copy_danish_body(self)
        return cleaned_data


class ModelForm(WagtailAdminModelForm):
    """The base form of snippets (e.g. contacts.ContactPerson.base_form_class)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_help_texts(self.fields, self._meta.model)
        label_languages(self.fields, self._meta.model)
        _apply_to_formsets(self)
