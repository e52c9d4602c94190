"""Learners' attempts at a quiz, for staff: the list (filtered by learner) and one attempt
with the answers given, the points each scored and the right answers.

These are records of individual learners, read by staff who may view reports; they are not
aggregate figures, so the small-cell rule does not apply to them.
"""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q, QuerySet

from courses.assessment.models import QuizAttempt
from courses.assessment.review import review_row


def quiz_attempts(quiz_key: UUID, learner: str = "") -> QuerySet[QuizAttempt]:
    """Submitted attempts at the quiz (any translation), newest first, with their learner
    (one query per page). `learner` narrows to names, usernames or emails containing it."""
    attempts = (
        QuizAttempt.objects.submitted()
        .filter(quiz_key=quiz_key)
        .select_related("user")
        .order_by("-submitted_at", "-pk")
    )
    learner = learner.strip()
    if learner:
        attempts = attempts.filter(
            Q(user__full_name__icontains=learner)
            | Q(user__username__icontains=learner)
            | Q(user__email__icontains=learner)
            | Q(user__first_name__icontains=learner)
            | Q(user__last_name__icontains=learner)
        )
    return attempts


def submitted_attempt(attempt_id: int) -> QuizAttempt:
    """A submitted attempt with its learner; QuizAttempt.DoesNotExist otherwise."""
    return QuizAttempt.objects.submitted().select_related("user").get(pk=attempt_id)


def answer_rows(attempt: QuizAttempt) -> list[dict]:
    """Each question the attempt was asked, in its order: the answer given, the points it
    scored, and the right answers (`courses.assessment.review.review_row`, with feedback).
    One query."""
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    return [
        review_row(number, question, answers.get(question["id"]), {}, with_feedback=True)
        for number, question in enumerate(attempt.questions, start=1)
    ]
