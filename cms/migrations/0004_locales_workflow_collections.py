"""Editorial set-up: the three content locales, the moderation workflow and media collections.

Wagtail's own migrations usually create the "Moderators" group and its "Moderators approval"
workflow on the root page; this makes sure they exist (get-or-create), so every page is
reviewed before it goes live: draft → review by a moderator → publish.
"""

from django.db import migrations

LANGUAGES = ["en", "ru", "zh-hans"]
COLLECTIONS = ["Industry belts", "Supplier showcases", "News", "Policy documents"]
WORKFLOW = "Moderators approval"


def set_up(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    _workflow(apps)
    _collections(apps)


def _workflow(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW, content_type=task_type, active=True)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root = Page.objects.filter(depth=1).first()
    if root is not None and not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)


def _collections(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    existing = set(Collection.objects.filter(depth=2).values_list("name", flat=True))
    children = Collection.objects.filter(depth=2).count()
    for name in COLLECTIONS:
        if name in existing:
            continue
        children += 1
        # Historical models have no treebeard methods: write the materialised path directly.
        Collection.objects.create(name=name, path=f"{root.path}{children:04d}", depth=2, numchild=0)
    Collection.objects.filter(pk=root.pk).update(numchild=children)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_page_types"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(set_up, migrations.RunPython.noop)]
