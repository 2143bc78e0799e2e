"""An image's alt text in a page's language: the English description on English pages, else
the Danish one marked `lang="da"`; no description at all means a decorative image (alt="")."""

from dataclasses import dataclass

from core.languages import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class AltText:
    text: str
    # Set when the text is not in the page's language (the Danish fallback on English pages).
    lang: str | None = None


def english_description(image) -> str:
    from core.models import ImageDescription

    try:
        return image.english_description.description_en.strip()
    except ImageDescription.DoesNotExist:
        return ""


def alt_text(image, language: str) -> AltText:
    danish = (getattr(image, "description", "") or "").strip()
    if not danish:
        return AltText("")
    if language == DEFAULT_LANGUAGE:
        return AltText(danish)
    # Remembered per content version (an image's save bumps it), so an uncached English page
    # costs no query for it. Imported here: core/ never imports caching/ at import time.
    from caching.lookups import remembered

    english = remembered(f"image-en-description:{image.pk}", lambda: english_description(image))
    return AltText(english) if english else AltText(danish, DEFAULT_LANGUAGE)


def save_english_description(image, text: str) -> None:
    from core.models import ImageDescription

    text = text.strip()
    if text:
        ImageDescription.objects.update_or_create(image=image, defaults={"description_en": text})
    else:
        ImageDescription.objects.filter(image=image).delete()


def images_missing_english_description():
    """Images with a Danish description (not decorative) and no English one."""
    from wagtail.images import get_image_model

    return (
        get_image_model()
        .objects.exclude(description="")
        .exclude(english_description__description_en__gt="")
        .order_by("title")
    )
