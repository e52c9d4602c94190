"""Progress through a course, read side: lessons completed, quizzes passed, what is left.

Nothing here writes. The rule that decides when a course is complete, and records it, is in
`courses.learning.completion`; `outstanding` is what both sides use to say what is left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import ngettext

from courses.assessment.models import QuizAttempt
from courses.learning.models import LessonCompletion

if TYPE_CHECKING:
    from courses.assessment.pages import QuizPage
    from courses.pages.models import CoursePage, LessonPage, ModulePage
    from courses.pages.outline import OutlinePage


@dataclass
class Progress:
    """A learner's progress through an ordered list of lessons (pages, or the entries of a
    course's cached outline, `courses.pages.outline.OutlinePage`). Read it, do not change it:
    the count is worked out once."""

    lessons: list[LessonPage] | list[OutlinePage]
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
    def next_lesson(self) -> LessonPage | OutlinePage | None:
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
        LessonCompletion.objects.filter(user=user, course_key__in=course_keys)
        .filter(superseded=False)
        .values_list("lesson_key", flat=True)
    )


def course_progress(
    user: AbstractBaseUser, course: CoursePage, lessons: list[LessonPage] | None = None
) -> Progress:
    """Progress in one course; pass the course's live lessons if you have them already."""
    if lessons is None:
        lessons = course.get_lessons()
    return Progress(lessons, completed_lesson_keys(user, [course.translation_key]))


def done_keys(user: AbstractBaseUser, course_keys: list[UUID]) -> set[UUID]:
    """The lessons completed and the quizzes passed, in one query: `completed_lesson_keys`
    and `passed_quiz_keys` together, for pages that need both for many courses. (Each page
    has its own translation key, so a lesson's and a quiz's never mix up.)"""
    if not user.is_authenticated or not course_keys:
        return set()
    lessons = LessonCompletion.objects.filter(user=user, course_key__in=course_keys).filter(
        superseded=False
    )
    quizzes = QuizAttempt.objects.filter(
        user=user, course_key__in=course_keys, passed=True, superseded=False
    )
    return {
        key for (key,) in lessons.values_list("lesson_key").union(quizzes.values_list("quiz_key"))
    }


def passed_quiz_keys(user: AbstractBaseUser, course_keys: list[UUID]) -> set[UUID]:
    if not user.is_authenticated or not course_keys:
        return set()
    return set(
        QuizAttempt.objects.filter(user=user, course_key__in=course_keys, passed=True)
        .filter(superseded=False)
        .values_list("quiz_key", flat=True)
        .distinct()
    )


@dataclass
class CompletionStatus:
    """What a learner has left to do to complete a course."""

    progress: Progress
    quizzes_to_pass: list[QuizPage] | list[OutlinePage]

    @property
    def lessons_left(self) -> int:
        return self.progress.total - self.progress.done

    @property
    def is_complete(self) -> bool:
        return self.progress.total > 0 and self.lessons_left == 0 and not self.quizzes_to_pass


def outstanding(
    progress: Progress, required: list[QuizPage] | list[OutlinePage], passed: set[UUID]
) -> CompletionStatus:
    """What is left, from what is already fetched: lessons done and required quizzes passed.
    Pages that list many courses fetch in bulk and call this."""
    return CompletionStatus(progress, [q for q in required if q.translation_key not in passed])
