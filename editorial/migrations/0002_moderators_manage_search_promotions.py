"""Moderators edit the search's promoted results (site_search uses Wagtail's promotions)."""

from django.db import migrations

from editorial.roles import MODERATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(
        apps, MODERATORS, "wagtailsearchpromotions", "searchpromotion", ("add", "change", "delete"), "search promotion"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_editorial_roles"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
