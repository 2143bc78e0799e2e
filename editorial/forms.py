"""The image form editors upload and edit images with (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from core.forms import store_new_file_now
from core.image_alt import english_description, save_english_description


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
    """Wagtail's image form: a description (alt text) in Danish and English is required unless
    the editor marks the image as decorative, and the file's limits are explained in the admin's
    language.

    "Decorative" is not stored by itself: a saved image without a description is decorative, so
    the box is ticked again when such an image is edited, and templates give it alt="". Wagtail's
    `description` is the Danish text; the English one is stored beside the image
    (core.models.ImageDescription). Without English text, English pages show the Danish one,
    marked lang="da" (core/image_alt.py).
    """

    description_en = forms.CharField(
        label=_("Beskrivelse (engelsk)"),
        max_length=255,
        required=False,
        help_text=_(
            "Den samme beskrivelse på engelsk, til de engelske sider, fx 'Flooded car park by "
            "Vejle River'. Står feltet tomt, viser de engelske sider den danske."
        ),
    )
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
        self._english_saved = False
        description = self.fields.get("description")
        if description is None:  # e.g. the first step of a multiple upload
            del self.fields["decorative"]
            del self.fields["description_en"]
        else:
            description.label = _("Beskrivelse (dansk)")
            description.help_text = _(
                "Beskriv kort, hvad billedet viser, for dem der ikke kan se det, fx "
                "'Oversvømmet p-plads ved Vejle Å'. Skærmlæsere læser teksten op."
            )
            if self.instance.pk:
                self.fields["description_en"].initial = english_description(self.instance)
                if not self.instance.description:
                    self.fields["decorative"].initial = True
            # Right after the (Danish) description field.
            names = [n for n in self.fields if n not in ("description_en", "decorative")]
            names[names.index("description") + 1 : 0] = ["description_en", "decorative"]
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
        english = (cleaned_data.get("description_en") or "").strip()
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
        elif (description or english) and decorative:
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

    def _post_clean(self):
        super()._post_clean()
        store_new_file_now(self)

    def save(self, commit=True):
        if commit and self.instance.pk:
            # Before the image's own save, whose signal drops the cached pages that show it.
            self._save_english_description()
        return super().save(commit=commit)

    def _save_m2m(self):
        super()._save_m2m()
        self._save_english_description()

    def _save_english_description(self):
        if self._english_saved or "description_en" not in self.fields:
            return
        save_english_description(self.instance, self.cleaned_data.get("description_en") or "")
        self._english_saved = True
