"""Wagtail admin labels that Wagtail translates once, at start-up, instead of per request.

A few of Wagtail's labels are put through gettext when a module is imported or a widget is
built at start-up, so they stay in the language active then (English) whatever the editor's
admin language: the snippet chooser's "Choose kontaktperson" / "Choose another …" / "Edit this
…" and the redirects filter's "Type", "Permanent", "Temporary" and "All". Here they become lazy
strings, translated when a page is rendered. `apply()` runs from editorial's AppConfig.ready().
"""

from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy

# Wagtail's msgids, translated by Wagtail's catalogues and locale_wagtail/: under this name
# makemessages does not copy them into the project's locale/.
wagtail_msgid = gettext_lazy


def _interpolated(msgid: str, **params):
    """gettext(msgid) % params, evaluated at render time in the active language."""
    return lazy(lambda: gettext(msgid) % {key: str(value) for key, value in params.items()}, str)()


def _lazy_snippet_chooser_texts():
    from wagtail.snippets.widgets import AdminSnippetChooser

    if getattr(AdminSnippetChooser, "_texts_are_lazy", False):
        return
    built = AdminSnippetChooser.__init__

    def __init__(self, model, **kwargs):
        built(self, model, **kwargs)
        name = model._meta.verbose_name
        self.choose_one_text = _interpolated("Choose %(object)s", object=name)
        self.choose_another_text = _interpolated("Choose another %(object)s", object=name)
        self.link_to_chosen_text = _interpolated("Edit this %(object)s", object=name)

    AdminSnippetChooser.__init__ = __init__
    AdminSnippetChooser._texts_are_lazy = True


def _lazy_redirect_filter_labels():
    from wagtail.contrib.redirects.filters import RedirectsReportFilterSet

    is_permanent = RedirectsReportFilterSet.base_filters["is_permanent"]
    is_permanent.label = wagtail_msgid("Type")
    is_permanent.extra["choices"] = (
        (True, wagtail_msgid("Permanent")),
        (False, wagtail_msgid("Temporary")),
    )
    is_permanent.extra["empty_label"] = wagtail_msgid("All")


def apply():
    _lazy_snippet_chooser_texts()
    _lazy_redirect_filter_labels()
