"""Grading: points for each question type, from the question as an attempt keeps it."""

from decimal import Decimal

import pytest

from courses.assessment.grading import grade_question, percent_of


def choice_question(block_type: str, right: list[str], wrong: list[str], **fields) -> dict:
    """A question as `question_snapshot` stores it, choices named by their ids."""
    choices = [{"id": key, "text": key, "correct": True, "feedback": ""} for key in right]
    choices += [{"id": key, "text": key, "correct": False, "feedback": ""} for key in wrong]
    return {"id": "q1", "type": block_type, "points": 1, "choices": choices, **fields}


def single_choice(points: int = 1) -> dict:
    return choice_question("single_choice", ["a"], ["b", "c"], points=points)


def multiple_choice(scoring: str, points: int = 3) -> dict:
    return choice_question(
        "multiple_choice", ["a", "b", "c"], ["x", "y"], points=points, scoring=scoring
    )


def true_false(answer: str = "true", points: int = 1) -> dict:
    return {"id": "q1", "type": "true_false", "points": points, "answer": answer}


def short_answer(*accepted: str, points: int = 1) -> dict:
    return {
        "id": "q1",
        "type": "short_answer",
        "points": points,
        "accepted_answers": list(accepted),
    }


# Single choice


def test_single_choice_right_answer_scores_full_points():
    assert grade_question(single_choice(points=2), ["a"]) == (Decimal(2), True)


def test_single_choice_wrong_answer_scores_nothing():
    assert grade_question(single_choice(points=2), ["b"]) == (Decimal(0), False)


def test_single_choice_accepts_the_choice_id_as_a_plain_string():
    assert grade_question(single_choice(), "a") == (Decimal(1), True)


def test_single_choice_with_a_wrong_choice_besides_the_right_one_scores_nothing():
    assert grade_question(single_choice(), ["a", "b"]) == (Decimal(0), False)


# Multiple choice, all or nothing


def test_all_or_nothing_exactly_the_right_choices_score_full_points():
    assert grade_question(multiple_choice("all_or_nothing"), ["c", "a", "b"]) == (
        Decimal(3),
        True,
    )


@pytest.mark.parametrize(
    "response",
    [["a", "b"], ["a", "b", "c", "x"], ["x"], ["x", "y"]],
    ids=["some-right-missing", "one-wrong-added", "only-wrong", "all-wrong"],
)
def test_all_or_nothing_anything_but_the_exact_set_scores_nothing(response):
    assert grade_question(multiple_choice("all_or_nothing"), response) == (Decimal(0), False)


# Multiple choice, partial credit: points × (right picked − wrong picked) ÷ right choices


@pytest.mark.parametrize(
    ("response", "points", "correct"),
    [
        (["a", "b", "c"], Decimal(3), True),
        (["a", "b"], Decimal(2), False),
        (["a", "b", "x"], Decimal(1), False),  # 3 × (2 − 1) ÷ 3
        (["a", "b", "c", "x"], Decimal(2), False),  # 3 × (3 − 1) ÷ 3
        (["a", "x"], Decimal(0), False),  # 3 × (1 − 1) ÷ 3
        (["a", "x", "y"], Decimal(0), False),  # negative share, floored at zero
        (["x", "y"], Decimal(0), False),
    ],
)
def test_partial_credit_counts_right_choices_minus_wrong_ones(response, points, correct):
    assert grade_question(multiple_choice("partial", points=3), response) == (points, correct)


def test_partial_credit_is_rounded_to_cents():
    points, correct = grade_question(multiple_choice("partial", points=1), ["a"])
    assert points == Decimal("0.33")
    assert not correct
    points, _ = grade_question(multiple_choice("partial", points=2), ["a", "b"])
    assert points == Decimal("1.33")


def test_partial_credit_never_goes_below_zero():
    points, _ = grade_question(multiple_choice("partial", points=5), ["x", "y"])
    assert points == Decimal(0)


def test_choosing_the_same_choice_twice_counts_it_once():
    assert grade_question(multiple_choice("partial"), ["a", "a", "a"]) == (Decimal(1), False)


# True or false


def test_true_false_right_answer_scores_full_points():
    assert grade_question(true_false("false", points=2), "false") == (Decimal(2), True)


def test_true_false_wrong_answer_scores_nothing():
    assert grade_question(true_false("true"), "false") == (Decimal(0), False)


# Short answer


@pytest.mark.parametrize("typed", ["assembly point", "Assembly Point", "  ASSEMBLY POINT\t\n"])
def test_short_answer_ignores_case_and_surrounding_spaces(typed):
    assert grade_question(short_answer("assembly point", points=2), typed) == (
        Decimal(2),
        True,
    )


@pytest.mark.parametrize("typed", ["assembly  point", "assemblypoint", "assembly-point", "point"])
def test_short_answer_does_not_ignore_differences_inside_the_answer(typed):
    assert grade_question(short_answer("assembly point"), typed) == (Decimal(0), False)


def test_short_answer_matches_any_accepted_answer_however_the_author_wrote_it():
    question = short_answer("Assembly point ", "MUSTER STATION")
    assert grade_question(question, "muster station") == (Decimal(1), True)
    assert grade_question(question, "assembly point") == (Decimal(1), True)


def test_short_answer_of_only_spaces_scores_nothing():
    assert grade_question(short_answer("assembly point"), "   ") == (Decimal(0), False)


# No response


@pytest.mark.parametrize(
    "question",
    [
        single_choice(),
        multiple_choice("all_or_nothing"),
        multiple_choice("partial"),
        true_false(),
        short_answer("assembly point"),
    ],
    ids=["single", "multiple-all-or-nothing", "multiple-partial", "true-false", "short"],
)
@pytest.mark.parametrize("response", [None, "", []], ids=["none", "empty-text", "empty-list"])
def test_an_empty_response_scores_zero(question, response):
    assert grade_question(question, response) == (Decimal(0), False)


# Percentages


@pytest.mark.parametrize(
    ("score", "max_score", "percent"),
    [
        (Decimal(0), Decimal(3), Decimal("0.00")),
        (Decimal(1), Decimal(3), Decimal("33.33")),
        (Decimal(2), Decimal(3), Decimal("66.67")),
        (Decimal(3), Decimal(3), Decimal("100.00")),
        (Decimal(0), Decimal(0), Decimal(0)),
    ],
)
def test_percent_is_rounded_to_cents(score, max_score, percent):
    assert percent_of(score, max_score) == percent


def test_short_answer_matches_whatever_the_unicode_composition():
    import unicodedata

    from courses.assessment.grading import grade_question

    question = {"type": "short_answer", "points": 1, "accepted_answers": ["réfugié"]}
    decomposed = unicodedata.normalize("NFD", "Réfugié ")
    assert decomposed != "Réfugié "
    assert grade_question(question, decomposed)[1] is True
