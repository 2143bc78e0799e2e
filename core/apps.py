from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Fælles"

    def ready(self):
        from django.db.models import SlugField
        from wagtail.admin.forms.models import register_form_field_override

        from core.slugs import DanishSlugInput

        # Every slug field in the admin (slug_da, slug_en) spells æ/ø/å as the server does, and
        # may be left empty: the page makes it from the title (core.models.BasePage), and the
        # model still refuses an empty slug elsewhere.
        register_form_field_override(
            SlugField, override={"widget": DanishSlugInput, "required": False}
        )
