"""Editors and Moderators can use documents: the collection permissions that Wagtail checks.

Wagtail's document permission policy asks for `wagtaildocs.*_document` (also for the project's
core.SiteDocument), while 0001 gave the groups `core.*_sitedocument`, which nothing checks. Every
group's core document permission on a collection becomes the wagtaildocs one on the same
collection, and Editors and Moderators get add, change and choose on the root collection.
"""

from django.db import migrations

ACTIONS = ("add", "change", "choose", "delete")
GROUPS = ("Editors", "Moderators")


def use_wagtail_document_permissions(apps, schema_editor):
    from editorial.roles import _ensure_permissions_exist

    _ensure_permissions_exist(apps)
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    wagtail_permissions = {
        permission.codename.split("_")[0]: permission
        for permission in Permission.objects.filter(
            content_type__app_label="wagtaildocs",
            codename__in=[f"{action}_document" for action in ACTIONS],
        )
    }
    for old in GroupCollectionPermission.objects.filter(
        permission__content_type__app_label="core",
        permission__codename__in=[f"{action}_sitedocument" for action in ACTIONS],
    ).select_related("permission"):
        new = wagtail_permissions.get(old.permission.codename.split("_")[0])
        if new is not None:
            GroupCollectionPermission.objects.get_or_create(
                group_id=old.group_id, collection_id=old.collection_id, permission=new
            )
        old.delete()

    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is None:
        return
    for group in Group.objects.filter(name__in=GROUPS):
        for action in ("add", "change", "choose"):
            if action in wagtail_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=wagtail_permissions[action]
                )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_moderators_manage_search_promotions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    # Reversing keeps the working permissions: the old ones were never checked.
    operations = [
        migrations.RunPython(use_wagtail_document_permissions, migrations.RunPython.noop)
    ]
