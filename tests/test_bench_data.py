"""The load-test data set (bench/data): its shape at a small scale, a second run creating
nothing, an interrupted run completed by the next, and its pages served like authored ones."""

from __future__ import annotations

from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import strip_tags
from wagtail.models import Page, PageLogEntry

import bench.data.activity
from bench.data import Plan, load
from bench.data.pages import publish_child
from bench.data.plan import COHORT_COURSE_SLUG, COHORT_LESSONS_DONE, username
from certificates.models import Certificate
from courses.assessment.grading import grade_question, percent_of
from courses.assessment.questions import draw_questions
from courses.models import (
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
    QuizPage,
)

SCALE = 0.005
PLAN = Plan.for_scale(SCALE)


@pytest.fixture
def loaded(db) -> dict[str, int]:
    return {result.name: result.created for result in load(SCALE)}


def learner(number: int):
    return get_user_model().objects.get(username=username(number))


def bench_courses():
    return CoursePage.objects.live().filter(slug__startswith="bench-course-")


def test_loader_creates_the_planned_data_set(loaded):
    assert PLAN.courses == 20 and PLAN.learners == 100
    assert bench_courses().count() == PLAN.courses
    for course in bench_courses():
        assert course.awards_certificate
        assert len(course.get_lessons()) == 40
        assert ModulePage.objects.child_of(course).count() == 8
        [quiz] = QuizPage.objects.descendant_of(course).specific()
        assert (quiz.max_attempts, quiz.attempt_delay_minutes, quiz.pass_mark) == (None, 0, 60)
        assert quiz.required_for_completion
        assert len(quiz.questions) == 5
    assert loaded["learners"] == PLAN.learners
    assert Enrolment.objects.count() == loaded["enrolments"] == PLAN.enrolments
    assert LessonCompletion.objects.count() == loaded["completions"] == PLAN.completions
    assert QuizAttempt.objects.count() == loaded["attempts"] == PLAN.attempts
    # Nobody has finished a course, so loading issued no certificate.
    assert not Enrolment.objects.filter(completed_at__isnull=False).exists()
    assert not Certificate.objects.exists()

    # A dashboard learner: 20 courses, each partly done.
    dashboard_learner = learner(1)
    assert Enrolment.objects.active().filter(user=dashboard_learner).count() == 20
    done = Counter(
        LessonCompletion.objects.filter(user=dashboard_learner).values_list("course_key", flat=True)
    )
    assert 0 < max(done.values()) < 40

    # Completions are the first lessons of a course, in reading order.
    for course in bench_courses()[:3]:
        keys = [lesson.translation_key for lesson in course.get_lessons()]
        for enrolment in Enrolment.objects.filter(course_key=course.translation_key):
            done_keys = set(
                LessonCompletion.objects.filter(
                    user_id=enrolment.user_id, course_key=course.translation_key
                ).values_list("lesson_key", flat=True)
            )
            assert done_keys == set(keys[: len(done_keys)])

    # The cohort: the last learners, each with two of the three lessons done.
    cohort = CoursePage.objects.get(slug=COHORT_COURSE_SLUG)
    lessons = cohort.get_lessons()
    assert len(lessons) == 3 and cohort.awards_certificate and not cohort.get_quizzes()
    enrolled = Enrolment.objects.filter(course_key=cohort.translation_key)
    assert set(enrolled.values_list("user__username", flat=True)) == {
        username(n) for n in PLAN.cohort_range
    }
    for enrolment in enrolled:
        done_in_cohort = LessonCompletion.objects.filter(
            user_id=enrolment.user_id, course_key=cohort.translation_key
        )
        assert set(done_in_cohort.values_list("lesson_key", flat=True)) == {
            lesson.translation_key for lesson in lessons[:COHORT_LESSONS_DONE]
        }


def test_attempts_are_submitted_and_graded_as_the_app_grades_them(loaded):
    quizzes = {quiz.translation_key: quiz for quiz in QuizPage.objects.all()}
    attempts = QuizAttempt.objects.prefetch_related("answers")
    assert {attempt.status for attempt in attempts} == {QuizAttempt.Status.SUBMITTED}
    numbers: dict[tuple, list[int]] = {}
    for attempt in attempts:
        quiz = quizzes[attempt.quiz_key]
        assert attempt.questions == draw_questions(quiz, attempt.seed)
        assert attempt.quiz_revision_id == quiz.live_revision_id
        assert Enrolment.objects.filter(user_id=attempt.user_id, course_key=attempt.course_key)
        responses = {answer.question_id: answer for answer in attempt.answers.all()}
        assert len(responses) == 5
        score = 0
        for question in attempt.questions:
            answer = responses[question["id"]]
            points, correct = grade_question(question, answer.response)
            assert (answer.points, answer.correct) == (points, correct)
            score += points
        assert attempt.score == score
        assert attempt.percent == percent_of(score, attempt.max_score)
        assert attempt.passed == (attempt.percent >= quiz.pass_mark)
        assert attempt.submitted_at > attempt.started_at
        numbers.setdefault((attempt.user_id, attempt.quiz_key), []).append(attempt.number)
    for user_numbers in numbers.values():
        assert sorted(user_numbers) == list(range(1, len(user_numbers) + 1))


def test_second_run_creates_nothing_and_a_later_one_restores_deleted_rows(loaded):
    assert sum(loaded.values()) > 0
    assert [result.created for result in load(SCALE) if result.created] == []

    dashboard_learner = learner(1)
    LessonCompletion.objects.filter(user=dashboard_learner).delete()
    Enrolment.objects.filter(user=dashboard_learner).first().delete()
    created = {result.name: result.created for result in load(SCALE)}
    assert created["enrolments"] == 1
    assert created["completions"] > 0
    assert LessonCompletion.objects.count() == PLAN.completions


def test_run_stopped_halfway_is_completed_by_the_next(db, monkeypatch):
    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(bench.data.activity, "ensure_attempts", stop)
    with pytest.raises(KeyboardInterrupt):
        load(SCALE)
    assert LessonCompletion.objects.count() == PLAN.completions
    assert not QuizAttempt.objects.exists()
    monkeypatch.undo()

    created = {result.name: result.created for result in load(SCALE)}
    assert created["pages"] == created["learners"] == created["completions"] == 0
    assert created["attempts"] == QuizAttempt.objects.count() == PLAN.attempts


def test_bench_pages_are_published_like_pages_authored_in_wagtail(loaded, client):
    # The tree is sound: no bench page (nor the catalogue) has a wrong depth, path or count.
    problem_ids = {pk for problems in Page.find_problems() for pk in problems}
    assert not Page.objects.filter(pk__in=problem_ids, url_path__startswith="/home/courses/")
    lesson = LessonPage.objects.get(url_path="/home/courses/bench-course-01/module-2/lesson-07/")
    quiz = QuizPage.objects.get(url_path="/home/courses/bench-course-01/module-8/final-quiz/")
    for page in (lesson, quiz):
        page.full_clean()  # the content is valid as an author would have had to enter it
        assert page.live and not page.has_unpublished_changes
        assert page.live_revision_id == page.latest_revision_id
        assert page.latest_revision.as_object().title == page.title
        assert set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True)) == {
            "wagtail.create",
            "wagtail.publish",
        }
    assert list(lesson.latest_revision.as_object().body.raw_data) == list(lesson.body.raw_data)
    words = strip_tags(" ".join(str(block.render()) for block in lesson.body)).split()
    assert 600 <= len(words) <= 900
    assert {block.block_type for block in lesson.body} >= {
        "heading",
        "paragraph",
        "callout",
        "checklist",
        "scenario",
        "quote",
    }

    # The same lesson published through Wagtail's API has the same page fields.
    module = ModulePage.objects.parent_of(lesson).get()
    authored = publish_child(
        module,
        LessonPage(
            title=lesson.title,
            slug="authored",
            summary=lesson.summary,
            body=lesson.body.raw_data,
            estimated_minutes=lesson.estimated_minutes,
        ),
    )
    authored.refresh_from_db()
    for field in ("live", "has_unpublished_changes", "draft_title", "locale_id", "depth"):
        assert getattr(authored, field) == getattr(lesson, field), field
    assert authored.url_path == lesson.url_path.replace("lesson-07", "authored")

    # Site search finds bench lessons by words in their body.
    response = client.get("/search/", {"q": "interpreter"})
    assert any(isinstance(page.specific, LessonPage) for page in response.context["results"])


def test_bench_learner_can_open_dashboard_lesson_and_quiz(loaded, client):
    dashboard_learner = learner(1)
    client.force_login(dashboard_learner)
    attempt = QuizAttempt.objects.filter(user=dashboard_learner).first()
    course = CoursePage.objects.get(translation_key=attempt.course_key)
    dashboard = client.get("/learn/")
    assert dashboard.status_code == 200
    assert course.title in dashboard.text
    lesson = course.get_lessons()[5]
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert "A situation from the field" in response.text
    quiz = course.get_quizzes()[0]
    response = client.get(quiz.url)
    assert response.status_code == 200
    assert response.context["state"].attempts  # the learner's loaded attempts are there
