"""The role groups, their permissions and the method bank's "Moderation" workflow.

The roles are frozen here as they were when this migration was written, with historical models only;
accounts.roles keeps them up to date at run time, and later migrations change them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTRIBUTORS = "Contributors"
# Wagtail creates a "Moderators" group with rights over the whole page tree; it is
# reused here and narrowed to the method bank.
MODERATORS = "Moderators"
PEER_REVIEWERS = "Peer reviewers"
EXPERTS = "Experts"
TRANSLATORS = "Translators"
ROLE_GROUPS = (CONTRIBUTORS, MODERATORS, PEER_REVIEWERS, EXPERTS, TRANSLATORS)

WORKFLOW_NAME = "Moderation"
TASK_NAME = "Moderator approval"

ACCESS_ADMIN = "wagtailadmin.access_admin"
TAXONOMIES = ("theme", "targetgroup", "region", "fundingsource", "keyword", "organisation")
REVIEWER_BASE = (ACCESS_ADMIN, "methodbank.view_evaluationrecord", "methodbank.add_evaluationrecord")

MODEL_PERMISSIONS = {
    CONTRIBUTORS: (ACCESS_ADMIN,),
    MODERATORS: (
        ACCESS_ADMIN,
        "methodbank.set_evaluation",
        *(f"methodbank.{action}_{model}" for model in TAXONOMIES for action in ("add", "change", "delete", "view")),
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "accounts.view_registration",
        "accounts.change_registration",
        # Moderators see every evaluation and can remove an abusive one, but the
        # people who publish content do not grade it.
        "methodbank.view_evaluationrecord",
        "methodbank.delete_evaluationrecord",
        "wagtail_localize.submit_translation",
    ),
    PEER_REVIEWERS: (*REVIEWER_BASE, "methodbank.record_peer_evaluation"),
    EXPERTS: (*REVIEWER_BASE, "methodbank.record_expert_evaluation"),
    TRANSLATORS: (ACCESS_ADMIN, "wagtail_localize.submit_translation"),
}

# Granted on each method bank index page and so on every page below it. "add"
# alone lets a contributor create pages and edit the ones they own.
PAGE_PERMISSIONS = {
    CONTRIBUTORS: ("add_page",),
    MODERATORS: ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
    TRANSLATORS: ("change_page",),
}

# Images and documents in the root collection, for illustrating descriptions.
COLLECTION_PERMISSIONS = {
    CONTRIBUTORS: (
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ),
    MODERATORS: (
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ),
}


def create_missing_permissions(apps):
    """Create Permission rows now; Django only adds them after the last migration has run."""
    for app_config in apps.get_app_configs():
        # Migration app configs have no models module, and create_permissions skips apps without one.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def permission(apps, dotted_name):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted_name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles(apps):
    """Create the role groups and give them their model and collection permissions."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_GROUPS}
    for name, names in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*(permission(apps, dotted) for dotted in names))

    # Wagtail's default groups reach the whole tree; the roles above replace them.
    GroupPagePermission.objects.filter(group=groups[MODERATORS], page__depth=1).delete()
    Group.objects.filter(name="Editors", user__isnull=True).delete()

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, names in COLLECTION_PERMISSIONS.items():
            for dotted in names:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission(apps, dotted)
                )
    return groups


def ensure_moderation_workflow(apps):
    """The "Moderation" workflow: one task that any moderator approves."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.add(*Group.objects.filter(name=MODERATORS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def attach_to_index(apps, page_id):
    """Give the roles their rights on one method bank index page and moderate the pages below it."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        for codename in codenames if group is not None else ():
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page_id, permission=permission(apps, f"wagtailcore.{codename}")
            )
    WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": ensure_moderation_workflow(apps)})


def create_roles(apps, schema_editor):
    """Everything at once: groups, workflow and every existing index page."""
    create_missing_permissions(apps)
    ensure_roles(apps)
    ensure_moderation_workflow(apps)
    MethodBankIndexPage = apps.get_model("methodbank", "MethodBankIndexPage")
    for page_id in MethodBankIndexPage.objects.values_list("pk", flat=True):
        attach_to_index(apps, page_id)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_throttle_cache"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("methodbank", "0004_evaluation"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
