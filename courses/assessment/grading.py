"""Grading: pure functions from a question (as an attempt stored it) and a response to points.

Questions are the dictionaries `courses.assessment.questions.question_snapshot` makes.
Responses are a list of choice ids (single and multiple choice), "true" or "false", or the
text typed.

Short answers match any answer the quiz accepts in any of its languages (`accepted_answers`,
and `translated_answers` by language), so the same words score the same on every language's
page.

Multiple choice with partial credit: points × (right choices picked − wrong choices picked)
÷ right choices, never below zero. All or nothing: full points only for exactly the right set.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def normalise_answer(text: str) -> str:
    """Short answers match whatever their case, surrounding spaces and Unicode composition
    (an accented letter typed as one character or as a letter plus an accent)."""
    return unicodedata.normalize("NFC", text).strip().casefold()


def chosen_ids(response: object) -> set[str]:
    if isinstance(response, str):
        return {response}
    if isinstance(response, list):
        return {str(item) for item in response}
    return set()


def grade_choices(question: dict, response: object) -> tuple[Decimal, bool]:
    points = Decimal(question["points"])
    right = {choice["id"] for choice in question["choices"] if choice["correct"]}
    chosen = chosen_ids(response)
    is_correct = chosen == right
    if question["type"] == "multiple_choice" and question.get("scoring") == "partial":
        share = Decimal(len(chosen & right) - len(chosen - right)) / Decimal(len(right))
        awarded = max(Decimal(0), points * share)
        return awarded.quantize(CENT, rounding=ROUND_HALF_UP), is_correct
    return (points if is_correct else Decimal(0)), is_correct


def grade_true_false(question: dict, response: object) -> tuple[Decimal, bool]:
    is_correct = response == question["answer"]
    return (Decimal(question["points"]) if is_correct else Decimal(0)), is_correct


def grade_short_answer(question: dict, response: object) -> tuple[Decimal, bool]:
    typed = normalise_answer(response) if isinstance(response, str) else ""
    in_translations = question.get("translated_answers", {}).values()
    answers = [*question["accepted_answers"], *(a for listed in in_translations for a in listed)]
    accepted = {normalise_answer(answer) for answer in answers}
    is_correct = bool(typed) and typed in accepted
    return (Decimal(question["points"]) if is_correct else Decimal(0)), is_correct


GRADERS = {
    "single_choice": grade_choices,
    "multiple_choice": grade_choices,
    "true_false": grade_true_false,
    "short_answer": grade_short_answer,
}


def grade_question(question: dict, response: object) -> tuple[Decimal, bool]:
    """Points awarded and whether the answer is fully right. No response scores zero."""
    if response in (None, "", []):
        return Decimal(0), False
    return GRADERS[question["type"]](question, response)


def percent_of(score: Decimal, max_score: Decimal) -> Decimal:
    if not max_score:
        return Decimal(0)
    return (Decimal(100) * score / max_score).quantize(CENT, rounding=ROUND_HALF_UP)
