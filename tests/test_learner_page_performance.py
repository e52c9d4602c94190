"""What the learner's pages keep in the cache, and that it is never stale nor anyone's own.

Lesson pages and "My learning" read course outlines, lesson bodies, routes and the site from
the cache (`courses.pages.outline`, `courses.caching.shared_cache`, `courses.pages.routing`):
their queries stay few and flat, every change to content shows at once, and nothing of one
learner reaches another.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from courses.caching import content_version
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import LessonCompletion, LessonPage
from tests.factories import LessonPageFactory, UserFactory


@pytest.fixture
def course(course_builder):
    return course_builder(modules=2, lessons_per_module=3)


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def publish_body(lesson: LessonPage, text: str) -> None:
    lesson.body = [{"type": "paragraph", "value": f"<p>{text}</p>"}]
    lesson.save_revision().publish()


# Queries


def test_an_enrolled_learners_lesson_page_costs_four_queries_once_cached(
    client, learner, course, django_assert_num_queries
):
    """The learner, the lesson, the enrolment and the completed lessons; nothing else."""
    enrol(learner, course)
    client.force_login(learner)
    lesson = lessons_of(course)[3]
    client.get(lesson.url)
    with django_assert_num_queries(4):
        assert client.get(lesson.url).status_code == 200


def test_a_lesson_pages_first_view_after_a_publish_costs_the_same_in_any_course(
    client, learner, course_builder
):
    small = course_builder(modules=1, lessons_per_module=2)
    large = course_builder(modules=4, lessons_per_module=10)
    for course in (small, large):
        enrol(learner, course)
    client.force_login(learner)
    client.get(lessons_of(small)[0].url)
    content_version.bump()
    cold_large = queries_of(client, lessons_of(large)[-1].url)
    content_version.bump()
    cold_small = queries_of(client, lessons_of(small)[-1].url)
    assert cold_large == cold_small


def test_my_learnings_first_view_after_a_publish_costs_the_same_for_any_number_of_courses(
    client, learner, course_builder
):
    enrol(learner, course_builder(modules=1, lessons_per_module=2))
    client.force_login(learner)
    client.get("/learn/")
    content_version.bump()
    with_one = queries_of(client, "/learn/")
    for _ in range(6):
        enrol(learner, course_builder(modules=2, lessons_per_module=3))
    content_version.bump()
    assert queries_of(client, "/learn/") == with_one


# Changes show at once


def test_a_published_change_to_a_lesson_shows_at_once(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    publish_body(lesson, "Boil water for one minute.")
    assert "Boil water for one minute." in client.get(lesson.url).content.decode()
    publish_body(lesson, "Boil water for three minutes.")
    html = client.get(lesson.url).content.decode()
    assert "Boil water for three minutes." in html
    assert "one minute" not in html


def test_a_renamed_lesson_shows_its_new_title_in_its_neighbours_links(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    first, second = lessons_of(course)[:2]
    client.get(first.url)
    second.title = "Registering families"
    second.save_revision().publish()
    assert "Registering families" in client.get(first.url).content.decode()


def test_a_new_lesson_counts_in_progress_at_once(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    assert client.get(lesson.url).context["progress"].total == 6
    assert client.get("/learn/").context["in_progress"][0].progress.total == 6
    LessonPageFactory(parent=lesson.get_parent())
    assert client.get(lesson.url).context["progress"].total == 7
    assert client.get("/learn/").context["in_progress"][0].progress.total == 7


def test_an_unpublished_lesson_leaves_the_outline_and_its_url(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    first, second, third = lessons_of(course)[:3]
    assert client.get(first.url).context["next_lesson"].pk == second.pk
    url = second.url
    second.unpublish()
    assert client.get(first.url).context["next_lesson"].pk == third.pk
    assert client.get(url).status_code == 404


def test_a_lesson_saved_without_publishing_still_shows_at_once(client, learner, course):
    """Scripts and data migrations save live pages directly; that moves the version too."""
    enrol(learner, course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    client.get(lesson.url)
    lesson.body = [{"type": "paragraph", "value": "<p>Saved by a script.</p>"}]
    lesson.save()
    assert "Saved by a script." in client.get(lesson.url).content.decode()


def test_a_renamed_module_moves_its_lessons_urls_at_once(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    old_url = lesson.url
    assert client.get(old_url).status_code == 200
    module = lesson.get_parent().specific
    module.slug = "renamed-module"
    module.save_revision().publish()
    lesson.refresh_from_db()
    assert "/renamed-module/" in lesson.url
    assert client.get(lesson.url).status_code == 200
    assert client.get(old_url).status_code == 404


def test_a_view_restriction_applies_at_once(client, course):
    lesson = lessons_of(course)[0]
    assert client.get(lesson.url).status_code == 200
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_preview_shows_the_draft_and_is_not_kept(admin_client, rf, course):
    lesson = lessons_of(course)[0]
    publish_body(lesson, "The published words.")
    admin_client.get(lesson.url)
    draft = LessonPage.objects.get(pk=lesson.pk)
    draft.body = [{"type": "paragraph", "value": "<p>The draft words.</p>"}]
    # Wagtail's preview request carries the editor's session cookie, as in the admin.
    session = admin_client.cookies["sessionid"].value
    editor_request = rf.get("/admin/", HTTP_COOKIE=f"sessionid={session}")
    preview = draft.make_preview_request(original_request=editor_request)
    assert "The draft words." in preview.content.decode()
    html = admin_client.get(lesson.url).content.decode()
    assert "The published words." in html
    assert "The draft words." not in html


# Nothing of one learner reaches another


def test_a_cached_lesson_body_is_shown_only_to_people_who_may_read_it(client, learner, course):
    lesson = lessons_of(course)[0]
    publish_body(lesson, "Only for enrolled learners.")
    enrol(learner, course)
    client.force_login(learner)
    assert "Only for enrolled learners." in client.get(lesson.url).content.decode()

    client.force_login(UserFactory())
    html = client.get(lesson.url).content.decode()
    assert "Only for enrolled learners." not in html
    assert "Enrol in this course" in html

    client.logout()
    assert "Only for enrolled learners." not in client.get(lesson.url).content.decode()


def test_each_learner_sees_their_own_progress_on_a_cached_course(client, course):
    first, second = UserFactory(), UserFactory()
    lessons = lessons_of(course)
    for learner in (first, second):
        enrol(learner, course)
    for lesson in lessons[:3]:
        complete_lesson(first, lesson)

    client.force_login(first)
    page = client.get(lessons[0].url)
    assert page.context["progress"].done == 3
    assert "You completed this lesson." in page.content.decode()
    assert client.get("/learn/").context["in_progress"][0].progress.done == 3

    client.force_login(second)
    page = client.get(lessons[0].url)
    assert page.context["progress"].done == 0
    assert "Have you finished this lesson?" in page.content.decode()
    assert client.get("/learn/").context["in_progress"][0].progress.done == 0
    assert LessonCompletion.objects.filter(user=second).count() == 0


def test_the_admin_link_follows_permission_changes_at_once(client, learner, course):
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    assert 'href="/admin/"' not in client.get(lesson.url).content.decode()
    learner.groups.add(Group.objects.get(name="Course authors"))
    assert 'href="/admin/"' in client.get(lesson.url).content.decode()
    learner.groups.clear()
    assert 'href="/admin/"' not in client.get(lesson.url).content.decode()


def test_lesson_pages_and_my_learning_still_work_when_the_cache_is_down(
    client, learner, course, monkeypatch
):
    from redis.exceptions import ConnectionError as RedisConnectionError

    def unreachable(*args, **kwargs):
        raise RedisConnectionError("Redis is down")

    lesson = lessons_of(course)[0]
    publish_body(lesson, "Read me even without Redis.")
    enrol(learner, course)
    client.force_login(learner)
    monkeypatch.setattr(content_version, "current", unreachable)
    monkeypatch.setattr("accounts.admin_access.permissions_version", unreachable)
    assert "Read me even without Redis." in client.get(lesson.url).content.decode()
    assert client.get("/learn/").status_code == 200
