"""A learner's progress as the tests need it: a course completed the way learners complete it
(enrol, then every live lesson), and its certificate issued as the worker issues it."""

from __future__ import annotations

from certificates.models import Certificate
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import CoursePage, LessonPage
from worker import certificates as worker_certificates


def complete_course(user, course: CoursePage) -> None:
    enrol(user, course)
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path"):
        complete_lesson(user, lesson, course)


def certified(user, course: CoursePage) -> Certificate:
    """Complete `course` and issue its (first) certificate in this process, PDF included."""
    complete_course(user, course)
    certificate = Certificate.objects.get(
        enrolment__user=user, enrolment__course_key=course.translation_key, cycle=1
    )
    assert worker_certificates.issue(certificate.pk) == "issued"
    return Certificate.objects.get(pk=certificate.pk)
