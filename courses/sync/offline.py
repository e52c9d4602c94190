"""A quiz packed to take offline: an attempt opened on the server, its questions without
anything that says which answer is right.

Only quizzes without a time limit go offline: a deadline cannot be kept by a device that may
stay offline for days. The attempt is opened exactly as the quiz page's "Start" button opens
it (`attempts.start_attempt`: the same attempts limit and wait between attempts; an attempt
in progress is reused), so its questions and their choices' order are fixed on the server,
and grading, when the answers sync, reads those questions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from courses.assessment.attempts import QuizRefused, start_attempt
from courses.assessment.translations import in_language, live_quiz_in_language, source_quiz
from courses.learning.completion import NotEnrolled
from courses.learning.enrolment import active_enrolment
from courses.pages.languages import content_language

if TYPE_CHECKING:
    from courses.assessment.pages import QuizPage


class TimeLimited(QuizRefused):
    """A quiz with a time limit is taken online only."""

    def __init__(self) -> None:
        super().__init__(_("This quiz has a time limit, so it cannot be taken offline."))


def _question(number: int, question: dict) -> dict:
    """What a device may hold of a question: its words and choices, never which choice is
    right, the accepted answers or the feedback."""
    shown = {
        "id": question["id"],
        "number": number,
        "type": question["type"],
        "prompt": expand_db_html(question["prompt"]),
        "points": question["points"],
        "choices": [
            {"id": choice["id"], "text": choice["text"]} for choice in question.get("choices", [])
        ],
    }
    if question.get("language"):  # words not translated yet: the default language's
        shown["language"] = question["language"]
    return shown


def offline_quiz(user: AbstractBaseUser, quiz: QuizPage, language: str) -> dict:
    """Open (or reuse) the learner's attempt at `quiz` and pack it to take offline, worded in
    `language` where the quiz is translated. Asking twice returns the same attempt.

    Raises TimeLimited for a quiz with a time limit, NotEnrolled if the learner is not
    enrolled, QuizRefused (with the reason) when no attempt may start now; writes nothing
    then.
    """
    if source_quiz(quiz).time_limit_minutes:
        raise TimeLimited
    if active_enrolment(user, quiz.get_course()) is None:
        raise NotEnrolled
    attempt = start_attempt(user, quiz)
    worded = live_quiz_in_language(attempt.quiz_key, language) or quiz
    questions = in_language(attempt.questions, worded)
    return {
        "attempt": attempt.pk,
        "quiz": {
            "id": worded.pk,
            "title": worded.title,
            "translation_key": str(worded.translation_key),
            "language": content_language(worded),
        },
        "questions": [_question(number, q) for number, q in enumerate(questions, start=1)],
        "answers": {answer.question_id: answer.response for answer in attempt.answers.all()},
    }
