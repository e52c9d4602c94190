"""The questions of one attempt: each question as the attempt keeps it, drawn and ordered.

A snapshot holds everything needed to show and grade a question (`courses.assessment.grading`
reads it), so an author editing the quiz later changes nothing for attempts already started.
Attempts draw from the quiz in the default language (`translations.source_quiz`): a short
answer question also keeps the answers its translations accept, so an answer typed in any
language of the quiz counts, whichever language the learner reads it in.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from courses.assessment.translations import translated_answers

if TYPE_CHECKING:
    from courses.assessment.pages import QuizPage


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
    short_answers = [q for q in questions if q["type"] == "short_answer"]
    if short_answers:
        translated = translated_answers(quiz)
        for question in short_answers:
            question["translated_answers"] = translated.get(question["id"], {})
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
