""" "My learning": every course a learner is enrolled in, with progress, and the learner's
certificates, in a fixed few queries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from courses.models import Certificate, CoursePage, Enrolment, LessonPage, QuizPage
from courses.progress import (
    CompletionStatus,
    Progress,
    completed_lesson_keys,
    is_required,
    outstanding,
    passed_quiz_keys,
)


@dataclass
class EnrolledCourse:
    enrolment: Enrolment
    course: CoursePage
    progress: Progress
    completion: CompletionStatus


def pages_by_course(model, courses: list[CoursePage]) -> dict[str, list]:
    """Live pages of one type under several courses, in one query, grouped by course path.

    Courses all sit at the same depth (children of the catalogue), so a page's course is
    the prefix of its path of that length."""
    if not courses:
        return {}
    in_any_course = reduce(or_, (Q(path__startswith=course.path) for course in courses))
    grouped: dict[str, list] = {course.path: [] for course in courses}
    pages = model.objects.live().public().filter(in_any_course).defer_streamfields()
    for page in pages.order_by("path"):
        grouped[page.path[: courses[0].depth * model.steplen]].append(page)
    return grouped


def enrolled_courses(user: AbstractBaseUser) -> list[EnrolledCourse]:
    """The learner's active enrolments with their course and progress, most recent first.

    Enrolments whose course is no longer published are left out (their records are kept).
    """
    enrolments = list(
        Enrolment.objects.active().filter(user=user).order_by("-last_activity_at", "-enrolled_at")
    )
    keys = [enrolment.course_key for enrolment in enrolments]
    courses = {
        course.translation_key: course
        for course in CoursePage.objects.live()
        .filter(translation_key__in=keys)
        .defer_streamfields()
    }
    lessons = pages_by_course(LessonPage, list(courses.values()))
    quizzes = pages_by_course(QuizPage, list(courses.values()))
    completed = completed_lesson_keys(user, keys)
    passed = passed_quiz_keys(user, keys)
    rows = []
    for enrolment in enrolments:
        course = courses.get(enrolment.course_key)
        if course is None:
            continue
        progress = Progress(lessons[course.path], completed)
        required = [quiz for quiz in quizzes[course.path] if is_required(quiz)]
        completion = outstanding(progress, required, passed)
        rows.append(EnrolledCourse(enrolment, course, progress, completion))
    return rows


#: Certificates a learner sees on "My learning": issued ones, and ones still to come.
#: Revoked and replaced ones stay downloadable by their owner but are not listed.
CURRENT_CERTIFICATE_STATUSES = [
    Certificate.Status.ISSUED,
    Certificate.Status.PENDING,
    Certificate.Status.FAILED,
]


def current_certificates(user: AbstractBaseUser) -> list[Certificate]:
    """The learner's current certificates, most recently completed first, in one query.

    Listed whatever became of the enrolment or the course page since: a certificate states
    what the learner did at the time."""
    return list(
        Certificate.objects.filter(
            enrolment__user=user, status__in=CURRENT_CERTIFICATE_STATUSES
        ).order_by("-completed_at", "-pk")
    )
