"""The offers directory page (/offers/), the LA quality-assurance officers' group and the
"Offer moderation" workflow on the directory, so every offer page is moderated before it is public."""

import uuid

from django.db import migrations
from django.utils import timezone

QA_GROUP = "LA quality-assurance officers"
WORKFLOW = "Offer moderation"
TASK = "LA quality-assurance approval"
INTRO = (
    "Find out what help schools, health services, the police, voluntary groups and council services offer "
    "families in Leicester, and how to ask for it."
)


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("home", "HomePage")
    OfferIndexPage = apps.get_model("home", "OfferIndexPage")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    index = OfferIndexPage.objects.first()
    if index is None:
        last_child = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
        step = int(last_child.path[-4:], 36) + 1 if last_child else 1
        path = home.path + _base36(step).rjust(4, "0")
        now = timezone.now()
        index = OfferIndexPage.objects.create(
            title="Find Early Help",
            draft_title="Find Early Help",
            slug="offers",
            content_type=ContentType.objects.get_or_create(app_label="home", model="offerindexpage")[0],
            path=path,
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}offers/",
            locale_id=home.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            first_published_at=now,
            last_published_at=now,
            intro=INTRO,
        )
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)

    group, _ = Group.objects.get_or_create(name=QA_GROUP)
    group.permissions.add(_permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"))
    for action in ("change", "publish", "lock", "unlock"):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=index.pk,
            permission=_permission(apps, "wagtailcore", "page", f"{action}_page", f"Can {action} page"),
        )

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK,
            active=True,
            content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0],
        )
    task.groups.add(group)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


def remove(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name=QA_GROUP).delete()
    index = apps.get_model("home", "OfferIndexPage").objects.first()
    if index is not None:
        Page = apps.get_model("wagtailcore", "Page")
        parent_path = index.path[:-4]
        index.delete()
        parent = Page.objects.get(path=parent_path)
        Page.objects.filter(pk=parent.pk).update(numchild=max(parent.numchild - 1, 0))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_leicester_checklist"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create, remove)]
