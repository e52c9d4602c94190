"""Applying a synced batch: each item once, each with a result the learner is shown.

`sync_items` applies a batch (already checked by `courses.sync.batch`) in one transaction,
each item in a savepoint of its own, through the same domain functions as the online forms:
`completion.complete_lesson` for a lesson, `attempts.submit_attempt` for a quiz, so
completion and certificates follow exactly as online. Each item's result is kept
(`SyncedItem`); an id seen before gets its kept result back, marked `already_synced`, and
changes nothing, whichever page or language sends it again.

Results, each final (the device removes the item from its outbox once it has one):

- `done`: counted now (a lesson; a quiz graded, with its score);
- `take_again`: the answers no longer fit the attempt (the quiz changed) or the attempt was
  already closed (submitted online): nothing was scored, the learner takes the quiz again;
- `refused`: not counted, for a reason the message gives (not enrolled, lesson unpublished).

Results are kept in no language: their message is translated each time it is shown.
"""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Page

from courses.assessment.attempts import AnswerRejected, QuizRefused, submit_attempt
from courses.assessment.models import QuizAttempt
from courses.learning.completion import NotEnrolled, complete_lesson
from courses.pages.outline import page_type
from courses.sync.batch import SyncItem
from courses.sync.models import SyncedItem

DONE, ALREADY_SYNCED, TAKE_AGAIN, REFUSED = "done", "already_synced", "take_again", "refused"

# Messages are kept untranslated with the result and translated when shown.
LESSON_COUNTED = gettext_noop("Lesson counted: %(title)s")
NO_SUCH_LESSON = gettext_noop("This lesson is no longer published, so it was not counted.")
ENROL_FIRST = gettext_noop("Enrol in this course to record your progress.")
QUIZ_GRADED = gettext_noop("Quiz graded: %(score)s of %(max_score)s points")
GRADED_AT_DEADLINE = gettext_noop(
    "Time was up, so only the answers saved in time were graded: %(score)s of %(max_score)s points"
)
QUIZ_CHANGED = gettext_noop(
    "This quiz changed since you downloaded it, so your answers were not scored. "
    "Please take it again."
)
ATTEMPT_CLOSED = gettext_noop(
    "This attempt was already submitted, so these answers were not scored. "
    "Please take the quiz again."
)


class AttemptNotFound(Exception):
    """Answers for an attempt that is not the learner's (or not at all): the whole batch is
    refused and nothing written. `errors` names the items, as `BatchInvalid` does."""

    def __init__(self, errors: list[dict]) -> None:
        super().__init__(errors)
        self.errors = errors


def _result(status: str, message_id: str, **fields: object) -> dict:
    args = fields.pop("message_args", {})
    return {"status": status, "message_id": message_id, "message_args": args, **fields}


def shown(client_id: UUID, result: dict, *, already: bool = False) -> dict:
    """A kept result as the learner's device receives it, its message in the active
    language; marked `already_synced` when the item was synced by an earlier request."""
    args = {
        name: floatformat(value, -2) if isinstance(value, float) else value
        for name, value in result.get("message_args", {}).items()
    }
    fields = {k: v for k, v in result.items() if k not in ("message_id", "message_args")}
    return {
        "id": str(client_id),
        **fields,
        "status": ALREADY_SYNCED if already else result["status"],
        "message": _(result["message_id"]) % args,
    }


def _check_attempts(user: AbstractBaseUser, items: list[SyncItem]) -> None:
    """Raise AttemptNotFound if any item names an attempt that is not the learner's."""
    wanted = {item.attempt_id for item in items if item.kind == SyncedItem.Kind.QUIZ_SUBMIT}
    if not wanted:
        return
    own = set(QuizAttempt.objects.filter(pk__in=wanted, user=user).values_list("pk", flat=True))
    errors = [
        {"index": item.index, "id": str(item.client_id), "message": _("There is no such attempt.")}
        for item in items
        if item.kind == SyncedItem.Kind.QUIZ_SUBMIT and item.attempt_id not in own
    ]
    if errors:
        raise AttemptNotFound(errors)


def _course_path(lesson: Page) -> str:
    # A lesson's parent is a module, whose parent is the course.
    return lesson.path[: len(lesson.path) - 2 * lesson.steplen]


def _lessons_with_courses(items: list[SyncItem]) -> dict[int, tuple[Page, Page]]:
    """{lesson id: (lesson, its course)} for the live, public lessons the items name: two
    queries for the whole batch, rather than two page-tree queries per item."""
    ids = {item.lesson_id for item in items if item.kind == SyncedItem.Kind.LESSON_COMPLETE}
    if not ids:
        return {}
    lessons = page_type("LessonPage").objects.live().public().filter(pk__in=ids).defer("body")
    lessons = list(lessons)
    courses = {
        course.path: course
        for course in page_type("CoursePage").objects.filter(
            path__in={_course_path(lesson) for lesson in lessons}
        )
    }
    return {
        lesson.pk: (lesson, courses[_course_path(lesson)])
        for lesson in lessons
        if _course_path(lesson) in courses
    }


def _complete_lesson(user: AbstractBaseUser, item: SyncItem, lessons: dict) -> dict:
    if item.lesson_id not in lessons:
        return _result(REFUSED, NO_SUCH_LESSON, lesson=item.lesson_id)
    lesson, course = lessons[item.lesson_id]
    try:
        complete_lesson(user, lesson, course)
    except NotEnrolled:
        return _result(REFUSED, ENROL_FIRST, lesson=lesson.pk)
    return _result(DONE, LESSON_COUNTED, lesson=lesson.pk, message_args={"title": lesson.title})


def _number(value: Decimal | None) -> float:
    return float(value or 0)


def _submit_quiz(user: AbstractBaseUser, item: SyncItem) -> dict:
    try:
        attempt = submit_attempt(user, item.attempt_id, item.form_data())
    except AnswerRejected:  # QuizChanged among them
        # Answers that name what the attempt does not have, or cannot be right or wrong:
        # they were made against another version of the quiz. Nothing is scored.
        return _result(TAKE_AGAIN, QUIZ_CHANGED, attempt=item.attempt_id)
    except QuizRefused:
        return _result(TAKE_AGAIN, ATTEMPT_CLOSED, attempt=item.attempt_id)
    score, max_score = _number(attempt.score), _number(attempt.max_score)
    at_deadline = attempt.closed_by == QuizAttempt.ClosedBy.DEADLINE
    return _result(
        DONE,
        GRADED_AT_DEADLINE if at_deadline else QUIZ_GRADED,
        attempt=attempt.pk,
        score=score,
        max_score=max_score,
        percent=_number(attempt.percent),
        passed=bool(attempt.passed),
        message_args={"score": score, "max_score": max_score},
    )


def _apply_once(user: AbstractBaseUser, item: SyncItem, lessons: dict) -> dict:
    """Apply one item and keep its result, in a savepoint: all of it or nothing."""
    try:
        with transaction.atomic():
            if item.kind == SyncedItem.Kind.LESSON_COMPLETE:
                result = _complete_lesson(user, item, lessons)
            else:
                result = _submit_quiz(user, item)
            SyncedItem.objects.create(
                user=user, client_id=item.client_id, kind=item.kind, result=result
            )
    except IntegrityError:
        # A request running at the same time synced the same id first: its result stands,
        # and what this one did is rolled back with the savepoint.
        kept = SyncedItem.objects.filter(user=user, client_id=item.client_id).first()
        if kept is None:
            raise
        return shown(item.client_id, kept.result, already=True)
    return shown(item.client_id, result)


def sync_items(user: AbstractBaseUser, items: list[SyncItem]) -> list[dict]:
    """Apply a learner's synced items, in order, and return one result per item.

    An item whose id this learner synced before returns its kept result, marked
    `already_synced`, and changes nothing: running a batch twice counts it once. Raises
    AttemptNotFound, writing nothing, if a new item names another learner's attempt.
    """
    kept = {
        synced.client_id: synced.result
        for synced in SyncedItem.objects.filter(
            user=user, client_id__in=[item.client_id for item in items]
        )
    }
    new = [item for item in items if item.client_id not in kept]
    _check_attempts(user, new)
    lessons = _lessons_with_courses(new)
    results = []
    with transaction.atomic():
        for item in items:
            if item.client_id in kept:
                results.append(shown(item.client_id, kept[item.client_id], already=True))
            else:
                results.append(_apply_once(user, item, lessons))
    return results
