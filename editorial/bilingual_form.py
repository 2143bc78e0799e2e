"""Both languages in one editing form: labels that name their language, an English title that
does not look required, and the copy of the Danish body into an empty English one.

modeltranslation labels its fields "titel [da]" / "titel [en]"; editors read codes as noise, so
each translated field is labelled in the admin's language: "Titel (dansk)" / "Title (English)".
"""

from django import forms
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from core.languages import DEFAULT_LANGUAGE

ENGLISH = "en"
# The language as a word inside a label, in the admin's language.
LANGUAGE_WORDS = {DEFAULT_LANGUAGE: _("dansk"), ENGLISH: _("engelsk")}
# The submit button (in the "Engelsk version" panel) that asks for the copy.
COPY_BODY_FIELD = "copy-danish-body"


def _translated_fields(model) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def label_languages(fields, model):
    """Label each translated field "<the original field's name> (<language>)"."""
    translated = _translated_fields(model)
    for name, field in fields.items():
        base, _sep, language = name.rpartition("_")
        if base not in translated or language not in LANGUAGE_WORDS:
            continue
        verbose_name = model._meta.get_field(base).verbose_name
        field.label = format_lazy("{} ({})", capfirst(verbose_name), LANGUAGE_WORDS[language])


def unmark_english_title(fields):
    """No "Sidetitel*" placeholder on the English title: it is optional (without it the page is
    simply not shown in English). A False attribute is left out of the HTML, and Wagtail's
    TitleFieldPanel adds its placeholder only when the widget has none."""
    title = fields.get(f"title_{ENGLISH}")
    if title is not None:
        title.required = False
        title.widget.attrs["placeholder"] = False


def body_fields(form):
    """(Danish, English) names of the page's body StreamField, or None when it has none."""
    names = (f"body_{DEFAULT_LANGUAGE}", f"body_{ENGLISH}")
    if all(name in form.fields for name in names):
        return names
    return None


def without_block_ids(raw):
    """Block data without block ids: the copy gets new ids on save (ids are unique per field)."""
    if isinstance(raw, list):
        return [without_block_ids(item) for item in raw]
    if isinstance(raw, dict):
        return {key: without_block_ids(value) for key, value in raw.items() if key != "id"}
    return raw


def copy_danish_body(form):
    """On the copy button: put the Danish body's blocks into the empty English body.

    The texts are copied as they are, for the editor to overwrite: the blocks keep their
    images, links, documents, quote sources and the links and lists inside the text, and stay
    valid, so the page can still be saved and published before everything is translated.
    A non-empty English body is never overwritten: the form says so and nothing is saved.
    """
    if COPY_BODY_FIELD not in form.data:
        return
    names = body_fields(form)
    if names is None:
        return
    danish_name, english_name = names
    danish = form.cleaned_data.get(danish_name)
    english = form.cleaned_data.get(english_name)
    if danish_name in form.errors or english_name in form.errors:
        return
    if english is not None and len(english):
        form.add_error(
            english_name,
            forms.ValidationError(
                _(
                    "Det engelske indhold er ikke tomt, så det danske er ikke kopieret. "
                    "Slet de engelske blokke først, hvis du vil starte forfra."
                ),
                code="english_body_not_empty",
            ),
        )
        return
    if danish is None or not len(danish):
        form.add_error(
            danish_name,
            forms.ValidationError(
                _("Der er intet dansk indhold at kopiere."), code="danish_body_empty"
            ),
        )
        return
    block = form.fields[english_name].block
    form.cleaned_data[english_name] = block.to_python(without_block_ids(danish.get_prep_value()))
