"""Moderators see, export and delete the form submissions; editors do not (wagtail_hooks.py).

Django creates permissions only after all migrations have run, so on a new database they do
not exist yet here: they are created (as Django would name them) and granted.
"""

from django.db import migrations

ACTIONS = ("view", "delete")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="participation", model="participationsubmission"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_participationsubmission",
            defaults={"name": f"Can {action} indsendelse"},
        )[0]
        for action in ACTIONS
    ]
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("editorial", "0002_moderators_manage_search_promotions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
