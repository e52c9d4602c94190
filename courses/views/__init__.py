"""Learner views: HTTP in, domain functions called, HTTP out."""

from .learning import (
    complete_lesson_view,
    enrol_view,
    undo_lesson_view,
    withdraw_view,
)
from .quizzes import attempt_view, review_view, start_quiz_view, submit_attempt_view
from .sync import offline_quiz_view, sync_token_view, sync_view

__all__ = [
    "attempt_view",
    "complete_lesson_view",
    "enrol_view",
    "offline_quiz_view",
    "review_view",
    "start_quiz_view",
    "submit_attempt_view",
    "sync_token_view",
    "sync_view",
    "undo_lesson_view",
    "withdraw_view",
]
