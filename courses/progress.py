"""Progress through a course: lessons completed, what is next, and when a course is complete.

`update_completion` is the one place that decides whether a course is complete; later
requirements (quizzes) are added there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage


class NotEnrolled(Exception):
    """Progress can only be recorded in a course the learner is enrolled in."""


@dataclass
class Progress:
    """A learner's progress through an ordered list of lessons."""

    lessons: list[LessonPage]
    completed_keys: set[UUID] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done(self) -> int:
        return sum(lesson.translation_key in self.completed_keys for lesson in self.lessons)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.done == self.total

    @property
    def next_lesson(self) -> LessonPage | None:
        """The first lesson not yet completed, in course order."""
        return next(
            (
                lesson
                for lesson in self.lessons
                if lesson.translation_key not in self.completed_keys
            ),
            None,
        )

    def is_completed(self, lesson: LessonPage) -> bool:
        return lesson.translation_key in self.completed_keys

    def within(self, module: ModulePage) -> Progress:
        """The same learner's progress, counting only one module's lessons."""
        lessons = [lesson for lesson in self.lessons if lesson.path.startswith(module.path)]
        return Progress(lessons, self.completed_keys)


def completed_lesson_keys(user: AbstractBaseUser, course_keys: list[UUID]) -> set[UUID]:
    if not user.is_authenticated or not course_keys:
        return set()
    return set(
        LessonCompletion.objects.filter(user=user, course_key__in=course_keys).values_list(
            "lesson_key", flat=True
        )
    )


def course_progress(
    user: AbstractBaseUser, course: CoursePage, lessons: list[LessonPage] | None = None
) -> Progress:
    """Progress in one course; pass the course's live lessons if you have them already."""
    if lessons is None:
        lessons = course.get_lessons()
    return Progress(lessons, completed_lesson_keys(user, [course.translation_key]))


def _enrolment_for_update(user: AbstractBaseUser, course: CoursePage) -> Enrolment:
    enrolment = (
        Enrolment.objects.select_for_update()
        .active()
        .filter(user=user, course_key=course.translation_key)
        .first()
    )
    if enrolment is None:
        raise NotEnrolled
    return enrolment


def update_completion(enrolment: Enrolment, course: CoursePage) -> bool:
    """Record when the course became complete, once. Returns True if it just did.

    A course is complete when every live lesson is completed. The completion date is never
    moved or cleared afterwards, even if a lesson is marked incomplete again.
    """
    if enrolment.completed_at is not None:
        return False
    if not course_progress(enrolment.user, course).is_complete:
        return False
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    return True


def complete_lesson(user: AbstractBaseUser, lesson: LessonPage) -> LessonCompletion:
    """Mark a lesson complete. Doing it again returns the first record and changes nothing.

    Raises NotEnrolled, writing nothing, if the learner is not enrolled in the course.
    """
    course = lesson.get_course()
    with transaction.atomic():
        enrolment = _enrolment_for_update(user, course)
        completion, _ = LessonCompletion.objects.get_or_create(
            user=user,
            lesson_key=lesson.translation_key,
            defaults={"course_key": course.translation_key},
        )
        enrolment.last_activity_at = timezone.now()
        enrolment.save(update_fields=["last_activity_at"])
        update_completion(enrolment, course)
    return completion


def undo_lesson(user: AbstractBaseUser, lesson: LessonPage) -> None:
    """Mark a lesson not complete again. Harmless if it was not complete."""
    course = lesson.get_course()
    with transaction.atomic():
        enrolment = _enrolment_for_update(user, course)
        LessonCompletion.objects.filter(user=user, lesson_key=lesson.translation_key).delete()
        enrolment.last_activity_at = timezone.now()
        enrolment.save(update_fields=["last_activity_at"])
