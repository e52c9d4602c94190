"""Races on quiz attempts between real database connections: one grading, one attempt.

Each request runs in its own thread with its own connection, released together by a barrier;
on PostgreSQL this exercises the row locks, on SQLite the immediate transactions.
"""

import threading
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.db import connection

from courses.assessment.attempts import QuizRefused, start_attempt, submit_attempt
from courses.assessment.grading import grade_question
from courses.learning.enrolment import enrol
from courses.models import AttemptAnswer, ModulePage, QuizAttempt, QuizPage
from tests.factories import QuizPageFactory, raw_question

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ALREADY_SUBMITTED = "This attempt was already submitted and graded."


def race(*requests: Callable[[], str]) -> list[str]:
    """Run each request in its own thread at the same moment; what each returned or why
    it was refused."""
    barrier = threading.Barrier(len(requests))
    outcomes: list[str] = []

    def run(request):
        try:
            barrier.wait(timeout=10)
            outcomes.append(request())
        except QuizRefused as refusal:
            outcomes.append(str(refusal))
        except Exception as error:  # noqa: BLE001 - any other error must fail the test, named
            outcomes.append(f"error: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(request,)) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def make_quiz(course_builder, learner, **fields) -> QuizPage:
    """A quiz with one question of each type (5 points) in a course the learner is in."""
    course = course_builder(modules=1, lessons_per_module=1)
    quiz = QuizPageFactory(
        parent=ModulePage.objects.child_of(course).get(),
        questions=[
            raw_question("single_choice", "<p>Where do people gather?</p>", points=2),
            raw_question("multiple_choice", "<p>Which warnings reach everyone?</p>"),
            raw_question("true_false", "<p>Warn in every language.</p>"),
            raw_question("short_answer", "<p>Name the gathering place.</p>"),
        ],
        **fields,
    )
    enrol(learner, course)
    return QuizPage.objects.get(pk=quiz.pk)


@pytest.fixture
def quiz(course_builder, learner) -> QuizPage:
    return make_quiz(course_builder, learner)


OPPOSITE = {"true": "false", "false": "true"}


def answers(attempt: QuizAttempt, right: bool) -> dict[str, list[str]]:
    """Form data answering every question of the attempt right, or wrong."""
    data = {}
    for question in attempt.questions:
        if question["type"] == "true_false":
            values = [question["answer"] if right else OPPOSITE[question["answer"]]]
        elif question["type"] == "short_answer":
            values = [question["accepted_answers"][0] if right else "somewhere else"]
        else:
            matching = [c["id"] for c in question["choices"] if c["correct"] == right]
            values = matching if right else matching[:1]
        data[f"q-{question['id']}"] = values
    return data


@pytest.mark.parametrize("repeat", range(3))
def test_two_simultaneous_submits_of_one_attempt_grade_it_once(quiz, learner, repeat):
    attempt = start_attempt(learner, quiz)
    right, wrong = answers(attempt, right=True), answers(attempt, right=False)

    outcomes = race(
        lambda: submit_attempt(learner, attempt.pk, right) and "right",
        lambda: submit_attempt(learner, attempt.pk, wrong) and "wrong",
    )

    assert len(outcomes) == 2, outcomes
    assert outcomes.count(ALREADY_SUBMITTED) == 1, outcomes
    winner = next(outcome for outcome in outcomes if outcome != ALREADY_SUBMITTED)
    assert winner in ("right", "wrong"), outcomes
    data = right if winner == "right" else wrong

    # Exactly the winner's answers are kept and graded, each once.
    attempt.refresh_from_db()
    saved = {answer.question_id: answer for answer in AttemptAnswer.objects.filter(attempt=attempt)}
    assert len(saved) == len(attempt.questions)
    expected_score = Decimal(0)
    for question in attempt.questions:
        response = saved[question["id"]].response
        assert sorted(response if isinstance(response, list) else [response]) == sorted(
            data[f"q-{question['id']}"]
        )
        points, correct = grade_question(question, response)
        assert (saved[question["id"]].points, saved[question["id"]].correct) == (points, correct)
        expected_score += points
    assert attempt.status == QuizAttempt.Status.SUBMITTED
    assert (attempt.score, attempt.max_score) == (expected_score, Decimal(5))
    assert attempt.score == (Decimal(5) if winner == "right" else Decimal(0))


@pytest.mark.parametrize("repeat", range(3))
def test_two_simultaneous_starts_make_one_attempt(quiz, learner, repeat):
    def start() -> str:
        return str(start_attempt(learner, QuizPage.objects.get(pk=quiz.pk)).pk)

    outcomes = race(start, start)

    attempts = QuizAttempt.objects.filter(user=learner)
    assert attempts.count() == 1
    assert outcomes == [str(attempts.get().pk)] * 2


@pytest.mark.parametrize("repeat", range(3))
def test_racing_start_and_submit_never_exceeds_the_attempts_limit(course_builder, learner, repeat):
    quiz = make_quiz(course_builder, learner, max_attempts=2)
    first = start_attempt(learner, quiz)
    submit_attempt(learner, first.pk, answers(first, right=False))

    def start_and_submit() -> str:
        attempt = start_attempt(learner, QuizPage.objects.get(pk=quiz.pk))
        submit_attempt(learner, attempt.pk, answers(attempt, right=False))
        return "submitted"

    outcomes = race(start_and_submit, start_and_submit)

    assert outcomes.count("submitted") == 1, outcomes
    refusal = next(outcome for outcome in outcomes if outcome != "submitted")
    assert refusal in (ALREADY_SUBMITTED, "You have used all 2 attempts at this quiz.")
    assert QuizAttempt.objects.filter(user=learner).submitted().count() == 2
    assert not QuizAttempt.objects.filter(user=learner).in_progress().exists()
