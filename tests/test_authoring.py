"""Authoring through the Wagtail admin: authors draft and submit, reviewers approve and publish."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from courses.models import LessonPage
from tests.factories import AudienceFactory, LessonPageFactory

User = get_user_model()


def staff_user(username: str, group: str):
    user = User.objects.create_user(username=username, password="x-Long-enough-9")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def author(db):
    return staff_user("author", "Course authors")


@pytest.fixture
def reviewer(db):
    return staff_user("reviewer", "Course reviewers")


@pytest.fixture
def module(course_builder):
    course = course_builder(modules=1, lessons_per_module=1)
    return course.get_children().get().specific


def lesson_form(client, module, action: str) -> dict:
    """The admin's add-lesson form as the browser would post it, with our title and body."""
    url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", module.pk))
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
    data.update(
        {"title": "Sheltering families together", "slug": "sheltering-families", "summary": ""}
    )
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>Keep families together.</p>"))])}
        )
    )
    data[action] = action
    return url, data


def test_author_creates_a_lesson_draft_and_submits_it_for_review(client, author, module):
    client.force_login(author)
    url, data = lesson_form(client, module, "action-submit")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = LessonPage.objects.get(slug="sheltering-families")
    assert not lesson.live
    state = WorkflowState.objects.for_instance(lesson).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Course review"


def test_author_cannot_publish(client, author, module):
    client.force_login(author)
    url, data = lesson_form(client, module, "action-publish")
    client.post(url, data)
    lesson = LessonPage.objects.get(slug="sheltering-families")
    assert not lesson.live
    assert not lesson.permissions_for_user(author).can_publish()


def test_author_cannot_edit_outside_the_catalogue(client, author, home):
    client.force_login(author)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(home.pk,)))
    assert response.status_code in (302, 403)


def test_reviewer_approves_and_the_lesson_goes_live(client, author, reviewer, module):
    client.force_login(author)
    url, data = lesson_form(client, module, "action-submit")
    client.post(url, data)
    lesson = LessonPage.objects.get(slug="sheltering-families")
    task_state = WorkflowState.objects.for_instance(lesson).get().current_task_state

    client.force_login(reviewer)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(lesson.pk, "approve", task_state.pk)),
        {"comment": "Clear and accurate."},
    )
    assert response.status_code in (200, 302)
    lesson.refresh_from_db()
    assert lesson.live
    assert "Keep families together." in client.get(lesson.url).content.decode()


def test_reviewer_can_publish_directly(reviewer, module):
    lesson = LessonPageFactory(parent=module)
    assert lesson.permissions_for_user(reviewer).can_publish()


# StreamFields are drawn by the editor's JavaScript, so their form data is given here.
STREAM_DATA = {
    "course": {"outcomes": streamfield([("outcome", "Plan warnings in every language.")])},
    "lesson": {"body": streamfield([("paragraph", rich_text("<p>Keep families together.</p>"))])},
}


@pytest.mark.parametrize("page_kind", ["home", "catalogue", "course", "module", "lesson"])
def test_preview_works_for_every_page_type(admin_client, course_builder, page_kind):
    course = course_builder(modules=1, lessons_per_module=1, audiences=[AudienceFactory()])
    module = course.get_children().get()
    pages = {
        "home": course.get_parent().get_parent(),
        "catalogue": course.get_parent(),
        "course": course,
        "module": module,
        "lesson": module.get_children().get(),
    }
    page = Page.objects.get(pk=pages[page_kind].pk).specific
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = querydict_from_html(
        admin_client.get(edit_url).content.decode(), form_id="page-edit-form"
    ).dict()
    data.update(nested_form_data(STREAM_DATA.get(page_kind, {})))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    response = admin_client.post(preview_url, data)
    assert response.json()["is_valid"], response.content.decode()[:2000]
    response = admin_client.get(preview_url)
    assert response.status_code == 200
    assert page.title in response.content.decode()
