"""Create the catalogue page, the Course authors and Course reviewers groups, and the review
workflow that puts authors' changes in front of a reviewer before they go live.

Authors add and edit pages under the catalogue, upload images and documents, extend the
audience list, and submit for moderation; they cannot publish. Reviewers may also publish and
are the approvers of the "Course review" workflow assigned to the catalogue.
"""

import uuid

from django.db import migrations

CATALOGUE_SLUG = "courses"
AUTHORS = "Course authors"
REVIEWERS = "Course reviewers"
AUTHOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    ("wagtailimages", "image"): ["add_image", "change_image", "choose_image"],
    ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document"],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return perm


def create_catalogue(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    CourseIndexPage = apps.get_model("courses.CourseIndexPage")
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    home = Page.objects.filter(depth=2).order_by("path").first()
    if home is None:
        raise RuntimeError("No home page: run the home app's migrations first.")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="courseindexpage"
    )
    siblings = Page.objects.filter(depth=3, path__startswith=home.path)
    next_index = siblings.count() + 1
    catalogue = CourseIndexPage.objects.create(
        title="Courses",
        draft_title="Courses",
        slug=CATALOGUE_SLUG,
        content_type=content_type,
        path=f"{home.path}{next_index:04d}",
        depth=3,
        numchild=0,
        url_path=f"{home.url_path}{CATALOGUE_SLUG}/",
        locale_id=home.locale_id,
        translation_key=uuid.uuid4(),
        live=True,
        intro="<p>Short, practical courses for people who protect migrants in a crisis.</p>",
    )
    Page.objects.filter(pk=home.pk).update(numchild=siblings.count() + 1)
    return catalogue


def grant(apps, group, catalogue, page_codenames):
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")

    group.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin"))
    for codename in ["add_audience", "change_audience"]:
        group.permissions.add(permission(apps, "courses", "audience", codename))
    for codename in page_codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page_id=catalogue.pk,
            permission=permission(apps, "wagtailcore", "page", codename),
        )
    root_collection = Collection.objects.filter(depth=1).first()
    for (app_label, model), codenames in MEDIA_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(apps, app_label, model, codename),
            )


def create_review_workflow(apps, catalogue, reviewers):
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name="Course review").first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name="Course review", content_type=task_type, active=True
        )
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name="Course review", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page_id=catalogue.pk, defaults={"workflow": workflow})


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    catalogue = create_catalogue(apps)
    authors, _ = Group.objects.get_or_create(name=AUTHORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    grant(apps, authors, catalogue, AUTHOR_PAGE_PERMISSIONS)
    grant(apps, reviewers, catalogue, REVIEWER_PAGE_PERMISSIONS)
    reviewers.permissions.add(permission(apps, "courses", "audience", "delete_audience"))
    create_review_workflow(apps, catalogue, reviewers)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Workflow.objects.filter(name="Course review").delete()
    Task.objects.filter(name="Course review").delete()
    Group.objects.filter(name__in=[AUTHORS, REVIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
