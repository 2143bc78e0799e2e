"""The site's two editorial roles, as Wagtail groups (set up by editorial's data migration).

Editors create and edit pages in the whole tree and submit them for moderation; they add and
change contact persons, images and documents. Moderators may also publish, unpublish, lock and
delete pages and manage redirects (and search promotions where that app is installed). Neither
may manage users, groups, sites, workflows or settings.

`apply_roles` works on an app registry, so the migration runs it on historical models and
`manage.py setup_editorial_roles` on the current ones. It sets each group's permissions to
exactly these (idempotent).
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
MODERATORS = "Moderators"
# The workflow and its task are data, shown in the admin as they are named: Danish names, so
# that the save menu reads "Indsend til Godkendelse" and the task "Godkendelse ved moderator".
WORKFLOW_NAME = "Godkendelse"
TASK_NAME = "Godkendelse ved moderator"
# What Wagtail's own migration (wagtailcore 0048) names both; renamed by editorial 0004.
WAGTAIL_DEFAULT_NAME = "Moderators approval"

# (app_label, codename) of Django model permissions, per group.
_COMMON = [
    ("wagtailadmin", "access_admin"),
    ("contacts", "add_contactperson"),
    ("contacts", "change_contactperson"),
    ("contacts", "view_contactperson"),
]
MODEL_PERMISSIONS = {
    EDITORS: _COMMON,
    MODERATORS: _COMMON
    + [
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        # Only granted where wagtail.contrib.search_promotions is installed (see below).
        ("wagtailsearchpromotions", "add_searchpromotion"),
        ("wagtailsearchpromotions", "change_searchpromotion"),
        ("wagtailsearchpromotions", "delete_searchpromotion"),
        # Citizens' form submissions (participation/): see, export and delete; editors do not.
        ("participation", "view_participationsubmission"),
        ("participation", "delete_participationsubmission"),
    ],
}
# Page permissions on the tree root, i.e. the whole tree. "change" includes submitting.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}
# Collection permissions on the root collection, i.e. every image and document.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    # Wagtail checks document rights against its own Document model's permissions
    # (wagtail.documents.permissions: auth_model="wagtaildocs.Document"), also for the project's
    # core.SiteDocument; core's own *_sitedocument permissions are never asked for.
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _ensure_permissions_exist(apps):
    """Permissions are normally created after `migrate`; a data migration needs them now."""
    for app_config in apps.get_app_configs():
        # Historical app configs have no models module; create_permissions skips those.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = models_module


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        # Missing when the app is not installed (e.g. search promotions): skipped.
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def grant_model_permissions(apps, group_name, app_label, model, actions, verbose_name):
    """Give a group `actions` on a model from a data migration. Django creates permissions only
    after all migrations have run, so on a new database they are created here, named as Django
    would name them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {verbose_name}"},
        )[0]
        for action in actions
    ]
    group = Group.objects.filter(name=group_name).first()
    if group is not None:
        group.permissions.add(*permissions)


def apply_roles(apps):
    _ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    collection_permissions = _permissions(apps, COLLECTION_PERMISSIONS)
    groups = {}
    for name in (EDITORS, MODERATORS):
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.set(_permissions(apps, MODEL_PERMISSIONS[name]))

        page_permissions = _permissions(
            apps, [("wagtailcore", codename) for codename in PAGE_PERMISSIONS[name]]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        if root_page is not None:
            GroupPagePermission.objects.bulk_create(
                GroupPagePermission(group=group, page=root_page, permission=permission)
                for permission in page_permissions
            )

        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection is not None:
            GroupCollectionPermission.objects.bulk_create(
                GroupCollectionPermission(
                    group=group, collection=root_collection, permission=permission
                )
                for permission in collection_permissions
            )

    if root_page is not None:
        _ensure_moderation_workflow(apps, root_page, groups[MODERATORS])
    use_danish_workflow_names(apps)


def use_danish_workflow_names(
    apps, old=WAGTAIL_DEFAULT_NAME, workflow=WORKFLOW_NAME, task=TASK_NAME
):
    """Rename Wagtail's default workflow and task (only while they keep Wagtail's name: a name
    an administrator chose stays)."""
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=workflow)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=task)


def _ensure_moderation_workflow(apps, root_page, moderators):
    """Wagtail's default workflow on the tree root (created by Wagtail's own migrations as
    "Moderators approval"; recreated here, in Danish, only if it has been removed)."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    if WorkflowPage.objects.filter(page=root_page, workflow__active=True).exists():
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME, active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
        task.groups.set([moderators])
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
