"""The image form editors upload and edit images with (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ImageFileField(WagtailImageField):
    """Wagtail's image file field with one message per refusal, in the admin's language.

    A small file that unpacks to a huge image makes Pillow raise DecompressionBombError while
    Wagtail counts its pixels (a 500); it is refused like any image with too many pixels.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = self.supported_formats_text
        max_size = filesizeformat(self.max_upload_size) if self.max_upload_size else ""
        self.help_text = _("Billedformater: %(formats)s. Højst %(max_size)s.") % {
            "formats": formats,
            "max_size": max_size,
        }
        # Wagtail formats some of these with its own parameters; the project's messages use
        # only the ones named here.
        messages = {
            "invalid_image": _("Filen kan ikke læses som et billede. Brug %(formats)s.")
            % {"formats": formats},
            "invalid_image_extension": _(
                "Filtypen kan ikke bruges som billede. Brug %(formats)s (ikke SVG)."
            )
            % {"formats": formats},
            "invalid_image_known_format": _(
                "Filen er ikke et .%(extension)s-billede, men %(image_format)s. Gem den med "
                "den rigtige filendelse, og prøv igen."
            ),
            "file_too_large": _(
                "Billedet er for stort (%(file_size)s). Det må højst fylde %(max_filesize)s."
            ),
            "file_too_large_unknown_size": _(
                "Billedet er for stort. Det må højst fylde %(max_filesize)s."
            )
            % {"max_filesize": max_size},
        }
        if self.max_image_pixels is not None:
            messages["file_too_many_pixels"] = _(
                "Billedet har for mange pixels. Det må højst have %(megapixels)s megapixel; "
                "gør det mindre, og prøv igen."
            ) % {"megapixels": f"{self.max_image_pixels / 1_000_000:g}"}
        self.error_messages.update(messages)

    def to_python(self, data):
        try:
            return super().to_python(data)
        except PILImage.DecompressionBombError as error:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"], code="file_too_many_pixels"
            ) from error


class ImageForm(BaseImageForm):
    """Wagtail's image form: a description (alt text) is required unless the editor marks the
    image as decorative, and the size limit is explained in the admin's language.

    "Decorative" is not stored by itself: a saved image without a description is decorative, so
    the box is ticked again when such an image is edited. Templates use Wagtail's
    `image.default_alt_text` (the description, else the title) unless a block marks the image
    decorative (core.blocks.ImageBlock), so decorative images should also be marked so in use.
    """

    decorative = forms.BooleanField(
        label=_("Kun pynt"),
        required=False,
        help_text=_(
            "Sæt kun flueben, hvis billedet er ren pynt og ikke fortæller noget, som "
            "teksten ikke allerede siger. Så behøver det ingen beskrivelse."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is None:  # e.g. the first step of a multiple upload
            del self.fields["decorative"]
        else:
            description.label = _("Beskrivelse (alt-tekst)")
            description.help_text = _(
                "Beskriv kort, hvad billedet viser, for dem der ikke kan se det, fx "
                "'Oversvømmet p-plads ved Vejle Å'. Skærmlæsere læser teksten op."
            )
            if self.instance.pk and not self.instance.description:
                self.fields["decorative"].initial = True
            # Right after the description field.
            names = [name for name in self.fields if name != "decorative"]
            names.insert(names.index("description") + 1, "decorative")
            self.fields = {name: self.fields[name] for name in names}
        if "file" in self.fields:
            old = self.fields["file"]
            self.fields["file"] = ImageFileField(
                label=old.label, required=old.required, widget=old.widget
            )

    def clean(self):
        cleaned_data = super().clean()
        if "description" not in self.fields:
            return cleaned_data
        description = (cleaned_data.get("description") or "").strip()
        decorative = cleaned_data.get("decorative")
        if not description and not decorative:
            self.add_error(
                "description",
                ValidationError(
                    _(
                        "Skriv en beskrivelse af billedet (alt-tekst), eller markér det som "
                        "dekorativt."
                    ),
                    code="description_required",
                ),
            )
        elif description and decorative:
            self.add_error(
                "decorative",
                ValidationError(
                    _(
                        "Et dekorativt billede har ingen beskrivelse. Fjern fluebenet, eller "
                        "slet beskrivelsen."
                    ),
                    code="decorative_with_description",
                ),
            )
        return cleaned_data
