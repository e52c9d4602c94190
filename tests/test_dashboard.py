""" "My learning": enrolled courses with progress, completed ones apart, in constant queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol, withdraw
from courses.models import LessonPage
from tests.factories import UserFactory


def test_dashboard_needs_a_login(client, db):
    response = client.get("/learn/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_dashboard_lists_courses_with_progress_and_completed_ones_apart(
    client, learner, course_builder
):
    started = course_builder(title="Warnings", modules=1, lessons_per_module=2)
    finished = course_builder(title="Shelters", modules=1, lessons_per_module=1)
    left = course_builder(title="Left behind", modules=1, lessons_per_module=1)
    for course in (started, finished, left):
        enrol(learner, course)
    withdraw(learner, left)
    complete_lesson(learner, LessonPage.objects.descendant_of(started).first())
    complete_lesson(learner, LessonPage.objects.descendant_of(finished).get())
    client.force_login(learner)
    response = client.get("/learn/")
    in_progress = response.context["in_progress"]
    assert [item.course.title for item in in_progress] == ["Warnings"]
    assert in_progress[0].progress.percent == 50
    assert [item.course.title for item in response.context["completed"]] == ["Shelters"]
    html = response.content.decode()
    assert "Left behind" not in html
    assert LessonPage.objects.descendant_of(started).last().title in html


def test_dashboard_shows_only_the_learners_own_courses(client, learner, course_builder):
    mine = course_builder(title="Mine")
    theirs = course_builder(title="Someone else's")
    enrol(learner, mine)
    enrol(UserFactory(), theirs)
    client.force_login(learner)
    titles = [item.course.title for item in client.get("/learn/").context["in_progress"]]
    assert titles == ["Mine"]


def dashboard_queries(client) -> int:
    client.get("/learn/")  # fills the caches that content changes empty (courses.pages.outline)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/learn/").status_code == 200
    return len(queries)


def test_dashboard_query_count_is_constant_in_courses_and_lessons(client, learner, course_builder):
    first = course_builder(modules=1, lessons_per_module=2)
    enrol(learner, first)
    complete_lesson(learner, LessonPage.objects.descendant_of(first).first())
    client.force_login(learner)
    client.get("/learn/")
    with_one = dashboard_queries(client)
    for _ in range(19):
        course = course_builder(modules=2, lessons_per_module=3)
        enrol(learner, course)
        complete_lesson(learner, LessonPage.objects.descendant_of(course).first())
    assert dashboard_queries(client) == with_one


def test_course_cards_change_as_soon_as_progress_or_titles_change(client, learner, course_builder):
    course = course_builder(title="Warnings", modules=1, lessons_per_module=2)
    first, second = LessonPage.objects.descendant_of(course).order_by("path")
    enrol(learner, course)
    client.force_login(learner)
    assert "0 of 2 lessons done" in client.get("/learn/").content.decode()

    complete_lesson(learner, first)
    html = client.get("/learn/").content.decode()
    assert "1 of 2 lessons done" in html and second.title in html

    course.title = "Early warnings"
    course.save_revision().publish()
    assert "Early warnings" in client.get("/learn/").content.decode()


def test_a_learners_cached_cards_are_never_shown_to_another(client, course_builder):
    course = course_builder(title="Warnings", modules=1, lessons_per_module=2)
    ahead, behind = UserFactory(), UserFactory()
    for learner in (ahead, behind):
        enrol(learner, course)
    complete_lesson(ahead, LessonPage.objects.descendant_of(course).first())
    client.force_login(ahead)
    assert "1 of 2 lessons done" in client.get("/learn/").content.decode()

    client.force_login(behind)
    html = client.get("/learn/").content.decode()
    assert "0 of 2 lessons done" in html and "1 of 2" not in html
