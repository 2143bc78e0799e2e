"""Moderators see, export and delete the form submissions; editors do not (wagtail_hooks.py)."""

from django.db import migrations

from editorial.roles import MODERATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(
        apps, MODERATORS, "participation", "participationsubmission", ("view", "delete"), "indsendelse"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("editorial", "0002_moderators_manage_search_promotions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
