""" "My learning": every course a learner is enrolled in, with progress, in a fixed few queries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from courses.models import CoursePage, Enrolment, LessonPage
from courses.progress import Progress, completed_lesson_keys


@dataclass
class EnrolledCourse:
    enrolment: Enrolment
    course: CoursePage
    progress: Progress


def lessons_by_course(courses: list[CoursePage]) -> dict[str, list[LessonPage]]:
    """Live lessons of several courses in one query, grouped by course path."""
    if not courses:
        return {}
    in_any_course = reduce(or_, (Q(path__startswith=course.path) for course in courses))
    grouped: dict[str, list[LessonPage]] = {course.path: [] for course in courses}
    lessons = (
        LessonPage.objects.live()
        .public()
        .filter(in_any_course)
        .defer_streamfields()
        .order_by("path")
    )
    for lesson in lessons:
        grouped[lesson.path[: courses[0].depth * LessonPage.steplen]].append(lesson)
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
    lessons = lessons_by_course(list(courses.values()))
    completed = completed_lesson_keys(user, keys)
    return [
        EnrolledCourse(enrolment, course, Progress(lessons[course.path], completed))
        for enrolment in enrolments
        if (course := courses.get(enrolment.course_key)) is not None
    ]
