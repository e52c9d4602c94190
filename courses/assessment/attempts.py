"""Taking quizzes: starting an attempt, saving answers as the learner goes, submitting once.

Every function checks that the attempt belongs to the learner and is still open, and either
does all of what it says or raises `QuizRefused` (a message for the learner) having written
nothing. Starting is serialised per learner and course by locking the enrolment row, so a
double click makes one attempt and the attempts limit holds; submitting locks the attempt
row, so a second submit is refused and nothing is graded twice.

An attempt takes its questions and rules from the quiz in the default language, whichever
translation the learner starts from (`translations.source_quiz`), so the same answers get
the same score in every language.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.assessment.grading import grade_question, percent_of
from courses.assessment.models import AttemptAnswer, QuizAttempt
from courses.assessment.questions import draw_questions
from courses.assessment.translations import source_quiz
from courses.learning.completion import note_activity, update_completion_for
from courses.learning.enrolment import lock_active_enrolment
from courses.learning.models import Enrolment

if TYPE_CHECKING:
    from courses.assessment.pages import QuizPage


class QuizRefused(Exception):
    """The learner cannot do this now; the message says why."""


class AnswerRejected(QuizRefused):
    """The submitted answers do not fit the attempt (two answers to a single choice question,
    a true or false question answered "maybe")."""


class QuizChanged(AnswerRejected):
    """The answers name a question or a choice the attempt does not have: the learner's form
    came from another version of the quiz (an old tab, a page kept offline)."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "This quiz has changed since you opened it, so we could not save or grade "
                "these answers. Reload the page to see the quiz as it is now, then answer "
                "again."
            )
        )


def grace() -> timedelta:
    """Time allowed after the deadline for answers sent on a slow network."""
    return timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS)


def _locked_enrolment(user: AbstractBaseUser, quiz: QuizPage) -> Enrolment:
    enrolment = lock_active_enrolment(user, quiz.get_course().translation_key)
    if enrolment is None:
        raise QuizRefused(_("Enrol in this course to take its quizzes."))
    return enrolment


def is_past_deadline(attempt: QuizAttempt, now: datetime) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + grace()


@dataclass
class QuizState:
    """Where a learner stands with one quiz."""

    attempts: list[QuizAttempt] = field(default_factory=list)
    in_progress: QuizAttempt | None = None
    start_problem: str | None = None

    @property
    def best(self) -> QuizAttempt | None:
        return max(self.attempts, key=lambda a: (a.percent, -a.number), default=None)

    @property
    def passed(self) -> bool:
        return any(attempt.passed for attempt in self.attempts)


def start_problem(quiz: QuizPage, submitted: list[QuizAttempt], now: datetime) -> str | None:
    """Why a new attempt cannot start now, or None."""
    if quiz.max_attempts is not None and len(submitted) >= quiz.max_attempts:
        return ngettext(
            "You have used your only attempt at this quiz.",
            "You have used all %(count)s attempts at this quiz.",
            quiz.max_attempts,
        ) % {"count": quiz.max_attempts}
    if quiz.attempt_delay_minutes and submitted:
        last = max(attempt.submitted_at for attempt in submitted)
        next_start = last + timedelta(minutes=quiz.attempt_delay_minutes)
        if now < next_start:
            return _("You can try again from %(time)s.") % {
                "time": date_format(timezone.localtime(next_start), "j F Y, H:i")
            }
    return None


def close_expired_attempts(user: AbstractBaseUser, quiz: QuizPage) -> bool:
    """Grade and close the learner's attempt at `quiz` if its time ran out (with the
    answers saved in time). Its own transaction, so it holds even if what follows fails.
    Returns True if an attempt was closed."""
    now = timezone.now()
    with transaction.atomic():
        attempt = (
            QuizAttempt.objects.select_for_update()
            .in_progress()
            .filter(user=user, quiz_key=quiz.translation_key)
            .first()
        )
        if attempt is None or not is_past_deadline(attempt, now):
            return False
        _grade_and_close(attempt, QuizAttempt.ClosedBy.DEADLINE, now)
        return True


def quiz_state(user: AbstractBaseUser, quiz: QuizPage) -> QuizState:
    if not user.is_authenticated:
        return QuizState()
    close_expired_attempts(user, quiz)
    attempts = list(
        QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key, superseded=False)
    )
    submitted = sorted(
        (a for a in attempts if not a.is_in_progress), key=lambda attempt: attempt.number
    )
    in_progress = next((a for a in attempts if a.is_in_progress), None)
    problem = None if in_progress else start_problem(quiz, submitted, timezone.now())
    return QuizState(submitted, in_progress, problem)


def start_attempt(user: AbstractBaseUser, quiz: QuizPage) -> QuizAttempt:
    """Start an attempt, or return the one in progress. Starting twice makes one attempt.

    The questions, pass mark, time limit and attempt rules are the source quiz's (the quiz
    in the default language), from whichever translation the learner starts.

    An attempt in progress whose time ran out is closed (graded) first, in a transaction
    of its own, so it stays closed even if a new attempt is then refused.
    """
    close_expired_attempts(user, quiz)
    source = source_quiz(quiz)
    now = timezone.now()
    with transaction.atomic():
        enrolment = _locked_enrolment(user, quiz)
        current = (
            QuizAttempt.objects.in_progress()
            .filter(user=user, quiz_key=quiz.translation_key)
            .first()
        )
        if current is not None:
            return current
        submitted = list(
            QuizAttempt.objects.submitted().filter(
                user=user, quiz_key=quiz.translation_key, cycle=enrolment.cycle
            )
        )
        if problem := start_problem(source, submitted, now):
            raise QuizRefused(problem)
        last_number = QuizAttempt.objects.filter(
            user=user, quiz_key=quiz.translation_key
        ).aggregate(Max("number"))["number__max"]
        seed = secrets.randbits(62)
        note_activity(enrolment)
        return QuizAttempt.objects.create(
            user=user,
            quiz_key=quiz.translation_key,
            course_key=enrolment.course_key,
            quiz_revision_id=source.live_revision_id,
            number=(last_number or 0) + 1,
            cycle=enrolment.cycle,
            seed=seed,
            questions=draw_questions(source, seed),
            pass_mark=source.pass_mark,
            deadline=now + timedelta(minutes=source.time_limit_minutes)
            if source.time_limit_minutes
            else None,
        )


def parse_responses(attempt: QuizAttempt, data: Mapping[str, list[str]]) -> dict[str, object]:
    """Responses from form data (`q-<question id>` fields), checked against the attempt.

    Raises QuizChanged for a question not in this attempt or a choice not in its question,
    AnswerRejected for other answers that cannot be right or wrong.
    """
    questions = {question["id"]: question for question in attempt.questions}
    unknown = [name for name in data if name.startswith("q-") and name[2:] not in questions]
    if unknown:
        raise QuizChanged()
    responses: dict[str, object] = {}
    for question_id, question in questions.items():
        values = [value for value in data.get(f"q-{question_id}", []) if value != ""]
        if not values:
            continue
        if question["type"] == "short_answer":
            responses[question_id] = values[0][:500]
        elif question["type"] == "true_false":
            if values[0] not in ("true", "false") or len(values) > 1:
                raise AnswerRejected(_("That answer is not one of the choices."))
            responses[question_id] = values[0]
        else:
            choice_ids = {choice["id"] for choice in question["choices"]}
            if not set(values) <= choice_ids:
                raise QuizChanged()
            if question["type"] == "single_choice" and len(values) > 1:
                raise AnswerRejected(_("Choose only one answer to that question."))
            responses[question_id] = sorted(set(values))
    return responses


def _store_responses(attempt: QuizAttempt, responses: dict[str, object]) -> None:
    """Store the form's answers. The form shows every question, so a question it sends no
    answer for has been cleared (an unticked box, an emptied text field)."""
    for question_id, response in responses.items():
        AttemptAnswer.objects.update_or_create(
            attempt=attempt, question_id=question_id, defaults={"response": response}
        )
    attempt.answers.exclude(question_id__in=list(responses)).delete()


def _locked_attempt(user: AbstractBaseUser, attempt_id: int) -> QuizAttempt:
    attempt = QuizAttempt.objects.select_for_update().filter(pk=attempt_id, user=user).first()
    if attempt is None:
        raise QuizAttempt.DoesNotExist
    return attempt


def _open_attempt(
    user: AbstractBaseUser, attempt_id: int, data: Mapping[str, list[str]]
) -> tuple[QuizAttempt, dict[str, object]]:
    """The learner's attempt, locked, if still open; and the answers in `data`, checked."""
    attempt = _locked_attempt(user, attempt_id)
    if not attempt.is_in_progress:
        raise QuizRefused(_("This attempt was already submitted and graded."))
    return attempt, parse_responses(attempt, data)


def save_answers(user: AbstractBaseUser, attempt_id: int, data: Mapping[str, list[str]]) -> bool:
    """Save answers so far. Returns False when time ran out: the attempt is then closed
    and graded with the answers saved before the deadline; the late ones are not kept."""
    now = timezone.now()
    with transaction.atomic():
        attempt, responses = _open_attempt(user, attempt_id, data)
        if is_past_deadline(attempt, now):
            _grade_and_close(attempt, QuizAttempt.ClosedBy.DEADLINE, now)
            return False
        _store_responses(attempt, responses)
        return True


def submit_attempt(
    user: AbstractBaseUser, attempt_id: int, data: Mapping[str, list[str]]
) -> QuizAttempt:
    """Save the last answers and grade the attempt, once.

    A second submit (double click, back button, another tab) is refused with QuizRefused
    and grades nothing. After the deadline and its grace, only the answers saved in time
    count.
    """
    now = timezone.now()
    with transaction.atomic():
        attempt, responses = _open_attempt(user, attempt_id, data)
        if is_past_deadline(attempt, now):
            _grade_and_close(attempt, QuizAttempt.ClosedBy.DEADLINE, now)
        else:
            _store_responses(attempt, responses)
            _grade_and_close(attempt, QuizAttempt.ClosedBy.LEARNER, now)
        return attempt


def _grade_and_close(attempt: QuizAttempt, closed_by: str, now: datetime) -> None:
    """Grade every question from the saved answers, close the attempt, update completion."""
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    score = max_score = Decimal(0)
    for question in attempt.questions:
        answer = answers.get(question["id"])
        points, correct = grade_question(question, answer.response if answer else None)
        max_score += Decimal(question["points"])
        score += points
        if answer is not None:
            answer.points, answer.correct = points, correct
            answer.save(update_fields=["points", "correct"])
    attempt.score, attempt.max_score = score, max_score
    attempt.percent = percent_of(score, max_score)
    attempt.passed = attempt.percent >= attempt.pass_mark
    attempt.status = QuizAttempt.Status.SUBMITTED
    attempt.closed_by = closed_by
    attempt.submitted_at = min(now, attempt.deadline) if attempt.deadline else now
    attempt.save()
    Enrolment.objects.filter(user=attempt.user, course_key=attempt.course_key).update(
        last_activity_at=now
    )
    update_completion_for(attempt.user, attempt.course_key)
