"""Learner views: HTTP in, domain functions called, HTTP out."""

from .learning import (
    complete_lesson_view,
    enrol_view,
    undo_lesson_view,
    withdraw_view,
)
from .quizzes import attempt_view, review_view, start_quiz_view, submit_attempt_view

__all__ = [
    "attempt_view",
    "complete_lesson_view",
    "enrol_view",
    "review_view",
    "start_quiz_view",
    "submit_attempt_view",
    "undo_lesson_view",
    "withdraw_view",
]
