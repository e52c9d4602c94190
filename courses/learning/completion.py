"""Completion, write side: recording lessons done and undone, and completing a course.

A course is complete when every live lesson is completed and every required quiz passed (any
passed attempt counts, so the best one): `completion_status` is the one place that decides.
`update_completion` records it once and, in the same transaction, asks for the certificate:
that call (`certificates.issuing.request_certificate`) is the only way from learning into
certificates. Quizzes call `update_completion_for` after grading an attempt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from certificates.issuing import request_certificate
from courses.learning.enrolment import lock_active_enrolment
from courses.learning.models import Enrolment, LessonCompletion
from courses.learning.progress import (
    CompletionStatus,
    Progress,
    course_progress,
    done_keys,
    outstanding,
    passed_quiz_keys,
)
from courses.pages.outline import course_outline, page_type
from training.languages import language_codes

if TYPE_CHECKING:
    from courses.pages.models import CoursePage, LessonPage


class NotEnrolled(Exception):
    """Progress can only be recorded in a course the learner is enrolled in."""


def completion_status(user: AbstractBaseUser, course: CoursePage) -> CompletionStatus:
    """Where a learner stands towards completing one course.

    The course's live lessons and required quizzes come from its outline (`courses.pages.outline`:
    cached until anything is published, so every mark-complete and quiz submit does not load
    the whole course); the learner's completions and passes from the database, in one query.
    """
    outline = course_outline(course.path) if course.live else None
    if outline is None:  # a course not live: nothing cached for it
        return outstanding(
            course_progress(user, course),
            course.get_required_quizzes(),
            passed_quiz_keys(user, [course.translation_key]),
        )
    done = done_keys(user, [course.translation_key])
    return outstanding(Progress(outline.lessons, done), outline.required_quizzes, done)


def update_completion(enrolment: Enrolment, course: CoursePage) -> bool:
    """Record when the course became complete, once. Returns True if it just did.

    The completion date is never moved or cleared afterwards, even if a lesson is marked
    incomplete again. The certificate is requested here, in the same transaction.
    """
    if enrolment.completed_at is not None:
        return False
    if not completion_status(enrolment.user, course).is_complete:
        return False
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    request_certificate(enrolment, course)
    return True


def update_completion_for(user: AbstractBaseUser, course_key: UUID) -> bool:
    """`update_completion` for a course known by its key: quizzes call this after grading
    an attempt. Nothing happens in a course that is no longer published."""
    enrolment = lock_active_enrolment(user, course_key)
    course = page_type("CoursePage").objects.live_by_key(course_key)
    if enrolment is None or course is None:
        return False
    if enrolment.completed_at is not None:
        # A better post-test score may still complete a blended programme on the course.
        request_certificate(enrolment, course)
        return False
    return update_completion(enrolment, course)


def _enrolment_for_update(user: AbstractBaseUser, course: CoursePage) -> Enrolment:
    enrolment = lock_active_enrolment(user, course.translation_key)
    if enrolment is None:
        raise NotEnrolled
    enrolment.user = user  # the same learner: spares `update_completion` loading them again
    return enrolment


def note_activity(enrolment: Enrolment) -> None:
    """Date the learner's latest activity, in the language they are studying in now."""
    enrolment.last_activity_at = timezone.now()
    fields = ["last_activity_at"]
    if (language := get_language()) in language_codes():
        enrolment.study_language = language
        fields.append("study_language")
    enrolment.save(update_fields=fields)


def complete_lesson(
    user: AbstractBaseUser, lesson: LessonPage, course: CoursePage | None = None
) -> LessonCompletion:
    """Mark a lesson complete. Doing it again returns the first record and changes nothing.

    `course` is the lesson's course, for callers that have it already (a synced batch loads
    the courses of all its lessons in one query); else it is looked up.
    Raises NotEnrolled, writing nothing, if the learner is not enrolled in the course.
    """
    course = course or lesson.get_course()
    with transaction.atomic():
        enrolment = _enrolment_for_update(user, course)
        completion, _ = LessonCompletion.objects.get_or_create(
            user=user,
            lesson_key=lesson.translation_key,
            cycle=enrolment.cycle,
            defaults={"course_key": course.translation_key},
        )
        note_activity(enrolment)
        update_completion(enrolment, course)
    return completion


def undo_lesson(user: AbstractBaseUser, lesson: LessonPage) -> None:
    """Mark a lesson not complete again. Harmless if it was not complete."""
    course = lesson.get_course()
    with transaction.atomic():
        enrolment = _enrolment_for_update(user, course)
        LessonCompletion.objects.filter(
            user=user, lesson_key=lesson.translation_key, cycle=enrolment.cycle
        ).delete()
        enrolment.last_activity_at = timezone.now()
        enrolment.save(update_fields=["last_activity_at"])
