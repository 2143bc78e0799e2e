"""Editors and Moderators for this site (editorial/roles.py) and the moderation workflow."""

from django.db import migrations


def apply_roles(apps, schema_editor):
    from editorial.roles import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("core", "0004_alert_banner"),
        ("contacts", "0002_contactperson_is_press_contact"),
    ]

    # Reversing leaves the groups as they are: Wagtail's own defaults are no safer.
    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
