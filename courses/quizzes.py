"""Taking quizzes: starting an attempt, saving answers as the learner goes, submitting once.

Every function checks that the attempt belongs to the learner and is still open, and either
does all of what it says or raises `QuizRefused` (a message for the learner) having written
nothing. Starting is serialised per learner and course by locking the enrolment row, so a
double click makes one attempt and the attempts limit holds; submitting locks the attempt
row, so a second submit is refused and nothing is graded twice.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.enrolment import lock_active_enrolment
from courses.grading import grade_question, percent_of
from courses.models import AttemptAnswer, Enrolment, QuizAttempt, QuizPage


class QuizRefused(Exception):
    """The learner cannot do this now; the message says why."""


class AnswerRejected(QuizRefused):
    """The submitted answers do not fit the attempt (unknown question or choice)."""


def grace() -> timedelta:
    """Time allowed after the deadline for answers sent on a slow network."""
    return timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS)


def question_snapshot(child) -> dict:
    """A question as an attempt keeps it: everything needed to show and grade it."""
    value = child.value
    image = value.get("image")
    snapshot = {
        "id": str(child.id),
        "type": child.block_type,
        "prompt": value["prompt"].source,
        "image_id": image.pk if image else None,
        "image_alt": getattr(image, "contextual_alt_text", "") if image else "",
        "points": value["points"],
        "feedback": value["feedback"].source if value.get("feedback") else "",
    }
    if "choices" in value:
        snapshot["choices"] = [
            {
                "id": str(bound.id),
                "text": bound.value["text"],
                "correct": bool(bound.value["correct"]),
                "feedback": bound.value["feedback"],
            }
            for bound in value["choices"].bound_blocks
        ]
    if child.block_type == "multiple_choice":
        snapshot["scoring"] = value["scoring"]
    if child.block_type == "true_false":
        snapshot["answer"] = value["answer"]
    if child.block_type == "short_answer":
        snapshot["accepted_answers"] = list(value["accepted_answers"])
    return snapshot


def draw_questions(quiz: QuizPage, seed: int) -> list[dict]:
    """The questions for one attempt: drawn, ordered and with choices ordered by `seed`."""
    rng = random.Random(seed)  # noqa: S311 - shuffling questions, not security
    questions = [question_snapshot(child) for child in quiz.questions]
    if quiz.questions_to_draw and quiz.questions_to_draw < len(questions):
        drawn = set(rng.sample(range(len(questions)), quiz.questions_to_draw))
        questions = [q for index, q in enumerate(questions) if index in drawn]
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    if quiz.shuffle_choices:
        for question in questions:
            if "choices" in question:
                rng.shuffle(question["choices"])
    return questions


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
    attempts = list(QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key))
    submitted = sorted(
        (a for a in attempts if not a.is_in_progress), key=lambda attempt: attempt.number
    )
    in_progress = next((a for a in attempts if a.is_in_progress), None)
    problem = None if in_progress else start_problem(quiz, submitted, timezone.now())
    return QuizState(submitted, in_progress, problem)


def start_attempt(user: AbstractBaseUser, quiz: QuizPage) -> QuizAttempt:
    """Start an attempt, or return the one in progress. Starting twice makes one attempt.

    An attempt in progress whose time ran out is closed (graded) first, in a transaction
    of its own, so it stays closed even if a new attempt is then refused.
    """
    close_expired_attempts(user, quiz)
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
            QuizAttempt.objects.submitted().filter(user=user, quiz_key=quiz.translation_key)
        )
        if problem := start_problem(quiz, submitted, now):
            raise QuizRefused(problem)
        last_number = QuizAttempt.objects.filter(
            user=user, quiz_key=quiz.translation_key
        ).aggregate(Max("number"))["number__max"]
        seed = secrets.randbits(62)
        enrolment.last_activity_at = now
        enrolment.save(update_fields=["last_activity_at"])
        return QuizAttempt.objects.create(
            user=user,
            quiz_key=quiz.translation_key,
            course_key=enrolment.course_key,
            quiz_revision_id=quiz.live_revision_id,
            number=(last_number or 0) + 1,
            seed=seed,
            questions=draw_questions(quiz, seed),
            pass_mark=quiz.pass_mark,
            deadline=now + timedelta(minutes=quiz.time_limit_minutes)
            if quiz.time_limit_minutes
            else None,
        )


def parse_responses(attempt: QuizAttempt, data: Mapping[str, list[str]]) -> dict[str, object]:
    """Responses from form data (`q-<question id>` fields), checked against the attempt.

    Raises AnswerRejected for a question not in this attempt or a choice not in its question.
    """
    questions = {question["id"]: question for question in attempt.questions}
    unknown = [name for name in data if name.startswith("q-") and name[2:] not in questions]
    if unknown:
        raise AnswerRejected(_("Some answers are for questions that are not in this attempt."))
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
                raise AnswerRejected(_("That answer is not one of the choices."))
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
    from courses.progress import update_completion_for

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


def _images_for(attempt: QuizAttempt) -> dict:
    from wagtail.images import get_image_model

    ids = [question["image_id"] for question in attempt.questions if question["image_id"]]
    return get_image_model().objects.in_bulk(ids) if ids else {}


def attempt_for_display(attempt: QuizAttempt) -> dict:
    """What the answer form may show: prompts and choice texts, never which one is right."""
    saved = {answer.question_id: answer.response for answer in attempt.answers.all()}
    images = _images_for(attempt)
    questions = [
        {
            "number": number,
            "id": question["id"],
            "type": question["type"],
            "prompt": question["prompt"],
            "image": images.get(question["image_id"]),
            "image_alt": question["image_alt"],
            "points": question["points"],
            "choices": [
                {"id": choice["id"], "text": choice["text"]}
                for choice in question.get("choices", [])
            ],
            "response": saved.get(question["id"]),
        }
        for number, question in enumerate(attempt.questions, start=1)
    ]
    return {"questions": questions, "answered": len(saved)}


def review_row(
    number: int, question: dict, answer: AttemptAnswer | None, images: dict, with_feedback: bool
) -> dict:
    """One reviewed question, holding the right answers and feedback only `with_feedback`."""
    response = answer.response if answer else None
    chosen = set(response) if isinstance(response, list) else set()
    row = {
        "number": number,
        "type": question["type"],
        "prompt": question["prompt"],
        "image": images.get(question["image_id"]),
        "image_alt": question["image_alt"],
        "max_points": question["points"],
        "points": answer.points if answer and answer.points is not None else 0,
        "correct": bool(answer and answer.correct),
        "answered": answer is not None,
        "response": response if isinstance(response, str) else "",
        "choices": [
            {
                "text": choice["text"],
                "chosen": choice["id"] in chosen,
                **(
                    {"correct": choice["correct"], "feedback": choice["feedback"]}
                    if with_feedback
                    else {}
                ),
            }
            for choice in question.get("choices", [])
        ],
    }
    if with_feedback:
        row["feedback"] = question["feedback"]
        row["answer"] = question.get("answer", "")
        row["accepted_answers"] = question.get("accepted_answers", [])
    return row


def review_for(user: AbstractBaseUser, quiz: QuizPage, attempt: QuizAttempt) -> dict:
    """The review the quiz allows: score only, which answers were right, or also the right
    answers and feedback. With "only after passing", a learner who has not passed yet sees
    the score only."""
    detail = quiz.review_detail
    if (
        quiz.review_only_after_passing
        and not QuizAttempt.objects.filter(
            user=user, quiz_key=attempt.quiz_key, passed=True
        ).exists()
    ):
        detail = QuizPage.ReviewDetail.SCORE
    show_correctness = detail != QuizPage.ReviewDetail.SCORE
    show_feedback = detail == QuizPage.ReviewDetail.FEEDBACK
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    images = _images_for(attempt) if show_correctness else {}
    rows = [
        review_row(number, question, answers.get(question["id"]), images, show_feedback)
        for number, question in enumerate(attempt.questions, start=1)
    ]
    return {
        "rows": rows if show_correctness else [],
        "show_correctness": show_correctness,
        "show_feedback": show_feedback,
        "state": quiz_state(user, quiz),
    }


@dataclass
class QuizResult:
    """A learner's results at one quiz: attempts made, best percentage, passed or not."""

    attempts: int = 0
    best_percent: Decimal | None = None
    passed: bool = False


def attach_quiz_results(user: AbstractBaseUser, course, quizzes: list[QuizPage]) -> None:
    """Give each quiz a `result` for this learner, from one query."""
    results: dict = {quiz.translation_key: QuizResult() for quiz in quizzes}
    if user.is_authenticated and quizzes:
        attempts = QuizAttempt.objects.submitted().filter(
            user=user, course_key=course.translation_key
        )
        for quiz_key, percent, passed in attempts.values_list("quiz_key", "percent", "passed"):
            result = results.get(quiz_key)
            if result is None:
                continue
            result.attempts += 1
            result.best_percent = max(percent, result.best_percent or percent)
            result.passed = result.passed or bool(passed)
    for quiz in quizzes:
        quiz.result = results[quiz.translation_key]


def completion_from_results(progress, quizzes: list[QuizPage]):
    """Completion status from quizzes that carry their `result` (see attach_quiz_results)."""
    from courses.progress import is_required, outstanding

    passed = {quiz.translation_key for quiz in quizzes if quiz.result.passed}
    return outstanding(progress, [quiz for quiz in quizzes if is_required(quiz)], passed)
