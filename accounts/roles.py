"""The portal's roles (Django groups), what each may do, and the method bank's moderation workflow.

The groups and their model and collection permissions are created by data migrations
(accounts 0003 and 0004, translation_requests 0002), which keep frozen copies of
these definitions; a change here needs a new migration, and tests/test_data_migrations.py
checks that the migrated database matches. At run time, each new method bank index page
(a new language, say) gets the page permissions and the workflow below.
"""

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
    # Publishing reaches only synchronised translations of published pages that the
    # translator may edit (methodbank.page_permissions).
    TRANSLATORS: (ACCESS_ADMIN, "wagtail_localize.submit_translation", "methodbank.publish_translation"),
}

# Granted on each method bank index page and so on every page below it. "add"
# alone lets a contributor create pages and edit the ones they own.
PAGE_PERMISSIONS = {
    CONTRIBUTORS: ("add_page",),
    MODERATORS: ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
    # Translators edit every page (drafts of the source language go to moderation)
    # and publish translations through their model permission above.
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


def permission(apps, dotted_name):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted_name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


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


def index_page_created(sender, instance, created, raw=False, **kwargs):
    """post_save receiver: a new method bank index (a new language, say) gets the same roles and workflow."""
    if created and not raw:
        from django.apps import apps

        attach_to_index(apps, instance.pk)
