"""Progress through a course: lessons completed, what is next, and when a course is complete.

`completion_status` is the one place that decides whether a course is complete: every live
lesson completed and every required quiz passed (any passed attempt counts, so the best one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext

from courses.models import (
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
    QuizPage,
)


class NotEnrolled(Exception):
    """Progress can only be recorded in a course the learner is enrolled in."""


@dataclass
class Progress:
    """A learner's progress through an ordered list of lessons (pages, or the entries of a
    course's cached outline, `courses.outline.OutlinePage`). Read it, do not change it: the
    count is worked out once."""

    lessons: list[LessonPage]
    completed_keys: set[UUID] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @cached_property
    def done(self) -> int:
        return sum(lesson.translation_key in self.completed_keys for lesson in self.lessons)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def label(self) -> str:
        """ "3 of 12 lessons done (25%)", for progress bars. Worded here rather than with
        `{% blocktranslate count %}`, which costs about twenty times as much to render, and
        "My learning" shows a bar per course."""
        return ngettext(
            "%(done)s of %(counter)s lesson done (%(percent)s%%)",
            "%(done)s of %(counter)s lessons done (%(percent)s%%)",
            self.total,
        ) % {"done": self.done, "counter": self.total, "percent": self.percent}

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
    from courses.enrolment import lock_active_enrolment

    enrolment = lock_active_enrolment(user, course.translation_key)
    if enrolment is None:
        raise NotEnrolled
    return enrolment


def is_required(quiz: QuizPage) -> bool:
    return quiz.required_for_completion and quiz.purpose != QuizPage.Purpose.PRE_TEST


def required_quizzes(course: CoursePage) -> list[QuizPage]:
    """Live quizzes whose passing the course requires (a pre-test never is)."""
    return list(
        QuizPage.objects.descendant_of(course)
        .live()
        .filter(required_for_completion=True)
        .exclude(purpose=QuizPage.Purpose.PRE_TEST)
        .defer_streamfields()
        .order_by("path")
    )


def done_keys(user: AbstractBaseUser, course_keys: list[UUID]) -> set[UUID]:
    """The lessons completed and the quizzes passed, in one query: `completed_lesson_keys`
    and `passed_quiz_keys` together, for pages that need both for many courses. (Each page
    has its own translation key, so a lesson's and a quiz's never mix up.)"""
    if not user.is_authenticated or not course_keys:
        return set()
    lessons = LessonCompletion.objects.filter(user=user, course_key__in=course_keys)
    quizzes = QuizAttempt.objects.filter(user=user, course_key__in=course_keys, passed=True)
    return {
        key for (key,) in lessons.values_list("lesson_key").union(quizzes.values_list("quiz_key"))
    }


def passed_quiz_keys(user: AbstractBaseUser, course_keys: list[UUID]) -> set[UUID]:
    if not user.is_authenticated or not course_keys:
        return set()
    return set(
        QuizAttempt.objects.filter(user=user, course_key__in=course_keys, passed=True)
        .values_list("quiz_key", flat=True)
        .distinct()
    )


@dataclass
class CompletionStatus:
    """What a learner has left to do to complete a course."""

    progress: Progress
    quizzes_to_pass: list[QuizPage]

    @property
    def lessons_left(self) -> int:
        return self.progress.total - self.progress.done

    @property
    def is_complete(self) -> bool:
        return self.progress.total > 0 and self.lessons_left == 0 and not self.quizzes_to_pass


def outstanding(
    progress: Progress, required: list[QuizPage], passed: set[UUID]
) -> CompletionStatus:
    """The completion rule, from what is already fetched: lessons done and required quizzes
    passed. Pages that list many courses fetch in bulk and call this."""
    return CompletionStatus(progress, [q for q in required if q.translation_key not in passed])


def completion_status(user: AbstractBaseUser, course: CoursePage) -> CompletionStatus:
    """Where a learner stands towards completing one course.

    The course's live lessons and required quizzes come from its outline (`courses.outline`:
    cached until anything is published, so every mark-complete and quiz submit does not load
    the whole course); the learner's completions and passes from the database, in one query.
    """
    from courses.outline import course_outline

    outline = course_outline(course.path) if course.live else None
    if outline is None:  # a course not live: nothing cached for it
        return outstanding(
            course_progress(user, course),
            required_quizzes(course),
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
    from courses.certificates import request_certificate

    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    request_certificate(enrolment, course)
    return True


def update_completion_for(user: AbstractBaseUser, course_key: UUID) -> bool:
    """`update_completion` for a course known by its key (quizzes call this)."""
    from courses.enrolment import lock_active_enrolment

    enrolment = lock_active_enrolment(user, course_key)
    course = CoursePage.objects.live().filter(translation_key=course_key).first()
    if enrolment is None or course is None:
        return False
    return update_completion(enrolment, course)


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
