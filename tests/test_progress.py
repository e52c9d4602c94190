"""Lesson completion and course progress."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.learning.enrolment import enrol
from courses.models import Enrolment, LessonCompletion, LessonPage


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def complete(client, lesson):
    return client.post(f"/learn/lessons/{lesson.pk}/complete/")


def test_marking_a_lesson_complete_moves_the_progress_bar(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    first = lessons_of(course)[0]
    assert complete(client, first).status_code == 302
    progress = client.get(course.url).context["progress"]
    assert (progress.done, progress.total, progress.percent) == (1, 4, 25)
    assert progress.next_lesson == lessons_of(course)[1]


def test_completing_twice_records_once(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    complete(client, lesson)
    first_time = LessonCompletion.objects.get(user=learner).completed_at
    complete(client, lesson)
    assert LessonCompletion.objects.get(user=learner).completed_at == first_time


def test_undo_marks_a_lesson_not_complete(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    complete(client, lesson)
    assert client.post(f"/learn/lessons/{lesson.pk}/undo/").status_code == 302
    assert not LessonCompletion.objects.filter(user=learner).exists()
    assert client.post(f"/learn/lessons/{lesson.pk}/undo/").status_code == 302


def test_marking_a_lesson_of_a_course_without_enrolment_is_refused(client, learner, course):
    client.force_login(learner)
    response = complete(client, lessons_of(course)[0])
    assert response.status_code == 403
    assert "Enrol in this course" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_unknown_or_unpublished_lesson_is_a_404(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    assert client.post("/learn/lessons/999999/complete/").status_code == 404
    lesson = lessons_of(course)[0]
    lesson.unpublish()
    assert complete(client, lesson).status_code == 404
    assert not LessonCompletion.objects.exists()


def test_anonymous_visitor_cannot_record_progress(client, course):
    response = complete(client, lessons_of(course)[0])
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not LessonCompletion.objects.exists()


def test_course_completes_once_when_every_lesson_is_done(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    lessons = lessons_of(course)
    for lesson in lessons:
        complete(client, lesson)
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.completed_at is not None
    completed_at = enrolment.completed_at
    client.post(f"/learn/lessons/{lessons[0].pk}/undo/")
    complete(client, lessons[0])
    enrolment.refresh_from_db()
    assert enrolment.completed_at == completed_at


def test_lesson_page_links_the_whole_course_and_shows_progress(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    first, second = lessons_of(course)[:2]
    complete(client, first)
    response = client.get(second.url)
    assert response.context["previous_lesson"].pk == first.pk
    assert response.context["progress"].done == 1
    assert f'action="/learn/lessons/{second.pk}/complete/"' in response.content.decode()


def test_course_page_offers_to_continue_where_the_learner_left_off(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    lessons = lessons_of(course)
    complete(client, lessons[0])
    complete(client, lessons[1])
    html = client.get(course.url).content.decode()
    assert "Continue where you left off" in html
    assert lessons[2].url in html


def count_queries(client, url: str) -> int:
    client.get(url)  # fills the caches that content changes empty (courses.pages.outline)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_lesson_page_query_count_is_the_same_for_a_learner_with_more_progress(
    client, learner, course_builder
):
    small = course_builder(modules=1, lessons_per_module=2)
    large = course_builder(modules=3, lessons_per_module=8)
    for course in (small, large):
        enrol(learner, course)
        for lesson in lessons_of(course)[:-1]:
            LessonCompletion.objects.create(
                user=learner, lesson_key=lesson.translation_key, course_key=course.translation_key
            )
    client.force_login(learner)
    client.get(lessons_of(small)[0].url)
    assert count_queries(client, lessons_of(large)[-1].url) == count_queries(
        client, lessons_of(small)[-1].url
    )
