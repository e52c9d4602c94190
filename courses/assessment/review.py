"""What learners see of their attempts: the answer form, the review, results per quiz.

The answer form never holds which answers are right; the review shows as much as the quiz's
review policy allows. Both are worded in the language of the quiz page they are shown with
(`translations.in_language`); the attempt keeps the questions it graded.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser
from wagtail.images import get_image_model

from courses.assessment.attempts import quiz_state
from courses.assessment.models import AttemptAnswer, QuizAttempt
from courses.assessment.translations import in_language
from courses.learning.progress import CompletionStatus, Progress, outstanding
from training.languages import text_direction

if TYPE_CHECKING:
    from courses.assessment.pages import QuizPage
    from courses.pages.models import CoursePage


def _words_language(question: dict) -> dict:
    """`language` and `direction` of a question whose words are not the quiz page's (not
    translated yet), for its `lang` and `dir` attributes; else empty."""
    language = question.get("language")
    return {"language": language, "direction": text_direction(language)} if language else {}


def _images_for(questions: list[dict]) -> dict:
    ids = [question["image_id"] for question in questions if question["image_id"]]
    return get_image_model().objects.in_bulk(ids) if ids else {}


def attempt_for_display(attempt: QuizAttempt, quiz: QuizPage | None = None) -> dict:
    """What the answer form may show: prompts and choice texts, never which one is right.
    Worded as `quiz`, the quiz in the learner's language, words where it has them."""
    saved = {answer.question_id: answer.response for answer in attempt.answers.all()}
    shown = in_language(attempt.questions, quiz)
    images = _images_for(shown)
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
            **_words_language(question),
        }
        for number, question in enumerate(shown, start=1)
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
        **_words_language(question),
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
            user=user, quiz_key=attempt.quiz_key, passed=True, cycle=attempt.cycle
        ).exists()
    ):
        detail = quiz.ReviewDetail.SCORE
    show_correctness = detail != quiz.ReviewDetail.SCORE
    show_feedback = detail == quiz.ReviewDetail.FEEDBACK
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    shown = in_language(attempt.questions, quiz) if show_correctness else []
    images = _images_for(shown)
    rows = [
        review_row(number, question, answers.get(question["id"]), images, show_feedback)
        for number, question in enumerate(shown, start=1)
    ]
    return {
        "rows": rows,
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


def attach_quiz_results(
    user: AbstractBaseUser, course: CoursePage, quizzes: list[QuizPage]
) -> None:
    """Give each quiz a `result` for this learner, from one query."""
    results: dict = {quiz.translation_key: QuizResult() for quiz in quizzes}
    if user.is_authenticated and quizzes:
        attempts = QuizAttempt.objects.submitted().filter(
            user=user, course_key=course.translation_key, superseded=False
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


def completion_from_results(progress: Progress, quizzes: list[QuizPage]) -> CompletionStatus:
    """Completion status from quizzes that carry their `result` (see attach_quiz_results)."""
    passed = {quiz.translation_key for quiz in quizzes if quiz.result.passed}
    required = [quiz for quiz in quizzes if quiz.counts_towards_completion]
    return outstanding(progress, required, passed)
