"""Admin forms: what an editor may upload as a document, explained in the admin's language."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from core.documents import pdf_problem
from core.storage import storage_unavailable

logger = logging.getLogger(__name__)


def store_new_file_now(form, field_name: str = "file") -> None:
    """Write a valid form's newly uploaded file to the storage while the form can still say
    that it failed: a bucket that is down is a message on the form, not a server error.

    The model's save then finds the file written (FieldFile._committed) and writes only the
    row; the field keeps the uploaded bytes, so Wagtail's size and hash and the page count are
    read from them, not downloaded again.
    """
    if form.errors or field_name not in form.changed_data:
        return
    field_file = getattr(form.instance, field_name)
    if not field_file or field_file._committed:
        return
    try:
        field_file.save(field_file.name, field_file.file, save=False)
    except Exception as error:
        if not storage_unavailable(error):
            raise
        logger.warning("Upload of %s not stored: %s", field_file.name, error)
        form.add_error(
            field_name,
            ValidationError(
                _(
                    "Filen blev ikke gemt, fordi fillageret ikke svarer lige nu. Prøv igen om "
                    "et par minutter."
                ),
                code="storage_unavailable",
            ),
        )
        return
    setattr(form.instance, field_name, field_file)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the limits spelled out and unreadable PDFs refused.

    The checks themselves are Wagtail's and Django's: the extension allowlist
    (WAGTAILDOCS_EXTENSIONS, checked by the model) and the size limit
    (WAGTAILDOCS_MAX_UPLOAD_SIZE, checked by the file field). Wagtail ships no Danish
    translation of its document messages, so the size messages are the project's own.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None or getattr(field, "max_upload_size", None) is None:
            return
        max_size = filesizeformat(field.max_upload_size)
        field.help_text = _("Filtyper: %(extensions)s. Højst %(max_size)s.") % {
            "extensions": ", ".join(settings.WAGTAILDOCS_EXTENSIONS),
            "max_size": max_size,
        }
        field.error_messages["file_too_large"] = _(
            "Filen er for stor (%(file_size)s). Den må højst fylde %(max_filesize)s."
        )
        field.error_messages["file_too_large_unknown_size"] = _(
            "Filen er for stor. Den må højst fylde %(max_filesize)s."
        ) % {"max_filesize": max_size}

    def clean_file(self):
        file = self.cleaned_data.get("file")
        is_new_pdf = file and "file" in self.changed_data and file.name.lower().endswith(".pdf")
        # pypdf's reason ("Stream has ended unexpectedly") means nothing to an editor.
        if is_new_pdf and pdf_problem(file):
            raise ValidationError(
                _("Filen kan ikke læses som PDF. Gem den som PDF igen, og prøv en gang til."),
                code="unreadable_pdf",
            )
        return file

    def _post_clean(self):
        super()._post_clean()
        store_new_file_now(self)

    def _update_errors(self, errors):
        """One message per refused file: the model's extension check (AbstractDocument.clean)
        would add a second one about the file the form has already refused (extension "")."""
        if "file" in self._errors and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)
