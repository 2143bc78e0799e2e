"""The moderation workflow and its task get Danish names: Wagtail names both "Moderators
approval", which the admin shows as it is ("Submit to Moderators approval")."""

from django.db import migrations


def danish_names(apps, schema_editor):
    from editorial.roles import use_danish_workflow_names

    use_danish_workflow_names(apps)


def english_names(apps, schema_editor):
    from editorial.roles import TASK_NAME, WAGTAIL_DEFAULT_NAME, WORKFLOW_NAME

    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).update(name=WAGTAIL_DEFAULT_NAME)
    Task.objects.filter(name=TASK_NAME).update(name=WAGTAIL_DEFAULT_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_document_permissions_for_wagtail"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(danish_names, english_names)]
