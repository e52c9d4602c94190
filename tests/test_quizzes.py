"""Quizzes: authoring questions, drawing them, taking an attempt, review and course completion."""

import copy
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from courses.assessment.attempts import (
    QuizRefused,
    quiz_state,
    save_answers,
    start_attempt,
    submit_attempt,
)
from courses.assessment.questions import draw_questions
from courses.learning.completion import complete_lesson, completion_status
from courses.learning.enrolment import enrol, withdraw
from courses.models import AttemptAnswer, Enrolment, LessonPage, ModulePage, QuizAttempt, QuizPage
from courses.pages.blocks import QuizQuestionsBlock
from demo.builder import publish_child, question_value, stream
from tests.factories import QuizPageFactory, UserFactory, answer_choice, raw_question

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def course(course_builder):
    return course_builder(modules=1, lessons_per_module=2)


def make_quiz(module: ModulePage, questions: list[dict] | None = None, **fields) -> QuizPage:
    """A published quiz, loaded back from the database as the views load it."""
    if questions is not None:
        fields["questions"] = questions
    quiz = QuizPageFactory(parent=module, **fields)
    return QuizPage.objects.get(pk=quiz.pk)


def mixed_questions() -> list[dict]:
    """One question of each type, one point each. Their prompts name them."""
    return [
        raw_question(
            "single_choice",
            "<p>Q-SINGLE: where do people gather?</p>",
            choices=[
                answer_choice("Assembly point", correct=True),
                answer_choice("At home"),
                answer_choice("By the river"),
            ],
        ),
        raw_question("multiple_choice", "<p>Q-MULTIPLE: which warnings reach everyone?</p>"),
        raw_question("true_false", "<p>Q-TRUE-FALSE: warn in every language.</p>"),
        raw_question("short_answer", "<p>Q-SHORT: name the gathering place.</p>"),
    ]


def asked(attempt: QuizAttempt, name: str) -> dict:
    """The question of the attempt whose prompt holds `name`."""
    return next(question for question in attempt.questions if name in question["prompt"])


def field(question: dict) -> str:
    return f"q-{question['id']}"


def choice_id(question: dict, text: str) -> str:
    return next(choice["id"] for choice in question["choices"] if choice["text"] == text)


def answer(question: dict, right: bool = True) -> list[str]:
    """Form values answering `question` right, or wrong."""
    if question["type"] == "true_false":
        opposite = {"true": "false", "false": "true"}
        return [question["answer"] if right else opposite[question["answer"]]]
    if question["type"] == "short_answer":
        return [question["accepted_answers"][0] if right else "somewhere else"]
    right_ids = [choice["id"] for choice in question["choices"] if choice["correct"]]
    wrong_ids = [choice["id"] for choice in question["choices"] if not choice["correct"]]
    return right_ids if right else wrong_ids[:1]


def answers(attempt: QuizAttempt, right: bool = True) -> dict[str, list[str]]:
    return {field(question): answer(question, right) for question in attempt.questions}


def take(user, quiz: QuizPage, right: bool = True) -> QuizAttempt:
    """Start an attempt and submit it with every answer right, or every answer wrong."""
    attempt = start_attempt(user, quiz)
    return submit_attempt(user, attempt.pk, answers(attempt, right))


def attempt_url(attempt: QuizAttempt) -> str:
    return reverse("quiz_attempt", args=[attempt.pk])


def submit_url(attempt: QuizAttempt) -> str:
    return reverse("submit_attempt", args=[attempt.pk])


def review_url(attempt: QuizAttempt) -> str:
    return reverse("quiz_review", args=[attempt.pk])


def start_url(quiz: QuizPage) -> str:
    return reverse("start_quiz", args=[quiz.pk])


# Authoring: every question must be answerable right.


def clean_questions(raw: list[dict]):
    block = QuizQuestionsBlock()
    return block.clean(block.to_python(raw))


def error_messages(error: StreamBlockValidationError) -> list[str]:
    return [
        message
        for child_error in error.block_errors.values()
        for messages in child_error.block_errors.values()
        for message in messages.messages
    ]


@pytest.mark.parametrize("correct", [[], ["Assembly point", "At home"]], ids=["none", "two"])
def test_single_choice_question_needs_exactly_one_correct_choice(correct):
    choices = [
        answer_choice(text, correct=text in correct)
        for text in ["Assembly point", "At home", "By the river"]
    ]
    with pytest.raises(StreamBlockValidationError) as error:
        clean_questions([raw_question("single_choice", choices=choices)])
    assert error_messages(error.value) == ["Mark exactly one choice as correct."]


def test_multiple_choice_question_with_no_correct_choice_is_rejected():
    choices = [answer_choice("Translated warnings"), answer_choice("Pictograms")]
    with pytest.raises(StreamBlockValidationError) as error:
        clean_questions([raw_question("multiple_choice", choices=choices)])
    assert error_messages(error.value) == ["Mark at least one choice as correct."]


def test_valid_questions_of_every_type_are_accepted():
    one_right = [answer_choice("Assembly point", correct=True), answer_choice("At home")]
    all_right = [answer_choice("Translated", correct=True), answer_choice("Drawn", correct=True)]
    questions = clean_questions(
        [
            raw_question("single_choice", choices=one_right),
            raw_question("multiple_choice", choices=all_right, scoring="partial"),
            raw_question("true_false", answer="false"),
            raw_question("short_answer", accepted_answers=["assembly point", "muster point"]),
        ]
    )
    assert [child.block_type for child in questions] == [
        "single_choice",
        "multiple_choice",
        "true_false",
        "short_answer",
    ]


def test_quiz_without_questions_is_rejected():
    with pytest.raises(StreamBlockValidationError):
        clean_questions([])


def question_form(
    block_type: str, choices: list[tuple[str, bool]], prompt: str = "Where do people gather?"
) -> tuple[str, dict]:
    """A single or multiple choice question as the admin's StreamField form posts it."""
    value = {
        "prompt": rich_text(f"<p>{prompt}</p>"),
        "image": {"image": "", "decorative": "", "alt_text": ""},
        "points": "1",
        "feedback": rich_text(""),
        "choices": streamfield(
            [
                ("item", {"text": text, "correct": "on" if correct else "", "feedback": ""})
                for text, correct in choices
            ]
        ),
    }
    if block_type == "multiple_choice":
        value["scoring"] = "partial"
    return (block_type, value)


def add_quiz_form(client, module: ModulePage, question: tuple[str, dict]) -> tuple[str, dict]:
    url = reverse("wagtailadmin_pages:add", args=("courses", "quizpage", module.pk))
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
    data.update({"title": "Warning check", "slug": "warning-check", "action-publish": "publish"})
    data.update(nested_form_data({"questions": streamfield([question])}))
    return url, data


@pytest.mark.parametrize(
    ("block_type", "marked_correct", "error"),
    [
        ("single_choice", [], "Mark exactly one choice as correct."),
        ("single_choice", ["Assembly point", "At home"], "Mark exactly one choice as correct."),
        ("multiple_choice", [], "Mark at least one choice as correct."),
    ],
    ids=["single-none-correct", "single-two-correct", "multiple-none-correct"],
)
def test_admin_refuses_a_question_that_cannot_be_answered_right(
    admin_client, module, block_type, marked_correct, error
):
    choices = [(text, text in marked_correct) for text in ("Assembly point", "At home")]
    url, data = add_quiz_form(admin_client, module, question_form(block_type, choices))
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not QuizPage.objects.exists()


def test_quiz_written_in_the_admin_can_be_taken(admin_client, module, learner):
    choices = [("Assembly point", True), ("Home", False)]
    url, data = add_quiz_form(admin_client, module, question_form("single_choice", choices))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    quiz = QuizPage.objects.get(slug="warning-check")
    assert quiz.live
    enrol(learner, quiz.get_course())
    attempt = take(learner, quiz)
    assert [choice["text"] for choice in attempt.questions[0]["choices"]] == [
        "Assembly point",
        "Home",
    ]
    assert attempt.passed


# Drawing questions


def numbered_questions(count: int) -> list[dict]:
    return [raw_question("true_false", f"<p>Question number {n}</p>") for n in range(count)]


def prompts(questions: list[dict]) -> list[str]:
    return [question["prompt"] for question in questions]


def authored_prompts(quiz: QuizPage) -> list[str]:
    return [child.value["prompt"].source for child in quiz.questions]


def test_quiz_cannot_draw_more_questions_than_it_has(module):
    quiz = make_quiz(module, numbered_questions(2))
    quiz.questions_to_draw = 3
    with pytest.raises(ValidationError) as error:
        quiz.full_clean()
    assert error.value.message_dict["questions_to_draw"] == [
        "The quiz has only 2 questions to draw from."
    ]


def test_the_same_seed_draws_the_same_questions_in_the_same_order(module):
    quiz = make_quiz(
        module,
        [*numbered_questions(4), *mixed_questions()],
        questions_to_draw=6,
        shuffle_questions=True,
        shuffle_choices=True,
    )
    first = draw_questions(quiz, 1234)
    again = draw_questions(QuizPage.objects.get(pk=quiz.pk), 1234)
    assert again == first


def test_different_seeds_shuffle_questions_differently(module):
    quiz = make_quiz(module, numbered_questions(6), shuffle_questions=True)
    orders = {tuple(prompts(draw_questions(quiz, seed))) for seed in range(20)}
    assert len(orders) > 1
    assert all(sorted(order) == sorted(authored_prompts(quiz)) for order in orders)


def test_drawing_n_of_m_questions_gives_n_distinct_questions(module):
    quiz = make_quiz(module, numbered_questions(6), questions_to_draw=3, shuffle_questions=True)
    for seed in range(20):
        drawn = draw_questions(quiz, seed)
        assert len(drawn) == 3
        assert len({question["id"] for question in drawn}) == 3
        assert set(prompts(drawn)) <= set(authored_prompts(quiz))


def test_without_shuffling_drawn_questions_keep_the_authored_order(module):
    quiz = make_quiz(module, numbered_questions(6), questions_to_draw=3)
    authored = authored_prompts(quiz)
    drawn_sets = set()
    for seed in range(20):
        drawn = prompts(draw_questions(quiz, seed))
        assert drawn == sorted(drawn, key=authored.index)
        drawn_sets.add(tuple(drawn))
    assert len(drawn_sets) > 1


def test_without_shuffling_all_questions_are_asked_in_the_authored_order(module):
    quiz = make_quiz(module, numbered_questions(6))
    assert prompts(draw_questions(quiz, 99)) == authored_prompts(quiz)


def test_shuffle_choices_permutes_each_questions_choices(module):
    texts = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
    choices = [answer_choice(text, correct=text == "Charlie") for text in texts]
    quiz = make_quiz(module, [raw_question("single_choice", choices=choices)], shuffle_choices=True)
    orders = set()
    for seed in range(20):
        drawn = draw_questions(quiz, seed)[0]["choices"]
        assert sorted(choice["text"] for choice in drawn) == texts
        assert next(choice for choice in drawn if choice["correct"])["text"] == "Charlie"
        orders.add(tuple(choice["text"] for choice in drawn))
    assert len(orders) > 1


def test_without_shuffle_choices_choices_keep_the_authored_order(module):
    texts = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
    choices = [answer_choice(text, correct=text == "Charlie") for text in texts]
    quiz = make_quiz(module, [raw_question("single_choice", choices=choices)])
    for seed in range(5):
        assert [choice["text"] for choice in draw_questions(quiz, seed)[0]["choices"]] == texts


def test_an_attempt_asks_what_its_seed_draws(module, learner):
    quiz = make_quiz(module, numbered_questions(6), questions_to_draw=4, shuffle_questions=True)
    enrol(learner, quiz.get_course())
    attempt = start_attempt(learner, quiz)
    assert attempt.questions == draw_questions(quiz, attempt.seed)


def test_choice_ids_of_a_demo_quiz_are_the_same_every_time_it_is_loaded(module):
    # The demo builder writes choices without ids. Ids given afresh on every load would make
    # a seed draw different choices each time, and answers unmatchable across attempts.
    data = {
        "prompt": "<p>Where do people gather?</p>",
        "points": 1,
        "choices": [answer_choice("Assembly point", correct=True), answer_choice("At home")],
    }
    quiz = QuizPage(
        title="Demo quiz",
        slug="demo-quiz",
        questions=stream([("single_choice", question_value("single_choice", data))]),
    )
    publish_child(module, quiz)
    first = draw_questions(QuizPage.objects.get(pk=quiz.pk), 7)[0]["choices"]
    again = draw_questions(QuizPage.objects.get(pk=quiz.pk), 7)[0]["choices"]
    assert [choice["id"] for choice in again] == [choice["id"] for choice in first]


# Starting an attempt


def test_starting_requires_an_enrolment_and_writes_nothing(module, learner):
    quiz = make_quiz(module)
    with pytest.raises(QuizRefused, match="Enrol in this course to take its quizzes."):
        start_attempt(learner, quiz)
    assert not QuizAttempt.objects.exists()


def test_a_learner_who_withdrew_cannot_start(module, learner):
    quiz = make_quiz(module)
    enrol(learner, quiz.get_course())
    withdraw(learner, quiz.get_course())
    with pytest.raises(QuizRefused):
        start_attempt(learner, quiz)
    assert not QuizAttempt.objects.exists()


def test_pressing_start_without_enrolment_says_why_on_the_quiz_page(client, module, learner):
    quiz = make_quiz(module)
    client.force_login(learner)
    response = client.post(start_url(quiz), follow=True)
    assert response.redirect_chain[-1][0] == quiz.url
    assert "Enrol in this course to take its quizzes." in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_pressing_start_when_logged_out_asks_to_log_in(client, module):
    quiz = make_quiz(module)
    response = client.post(start_url(quiz))
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not QuizAttempt.objects.exists()


def test_starting_twice_returns_the_attempt_in_progress(module, learner):
    quiz = make_quiz(module)
    enrol(learner, quiz.get_course())
    first = start_attempt(learner, quiz)
    assert start_attempt(learner, quiz).pk == first.pk
    assert QuizAttempt.objects.filter(user=learner).count() == 1


def test_pressing_start_twice_continues_the_same_attempt(client, module, learner):
    quiz = make_quiz(module)
    enrol(learner, quiz.get_course())
    client.force_login(learner)
    first = client.post(start_url(quiz))
    second = client.post(start_url(quiz))
    attempt = QuizAttempt.objects.get(user=learner)
    assert first["Location"] == second["Location"] == attempt_url(attempt)


def test_attempts_limit_refuses_a_new_start_after_the_last_allowed_attempt(client, module, learner):
    quiz = make_quiz(module, max_attempts=2)
    enrol(learner, quiz.get_course())
    take(learner, quiz, right=False)
    take(learner, quiz, right=False)
    with pytest.raises(QuizRefused, match="You have used all 2 attempts at this quiz."):
        start_attempt(learner, quiz)
    assert QuizAttempt.objects.filter(user=learner).count() == 2
    client.force_login(learner)
    page = client.get(quiz.url).content.decode()
    assert "You have used all 2 attempts at this quiz." in page
    assert start_url(quiz) not in page


def test_delay_between_attempts_refuses_until_it_has_passed(module, learner):
    quiz = make_quiz(module, attempt_delay_minutes=60)
    enrol(learner, quiz.get_course())
    with time_machine.travel(START, tick=False) as clock:
        take(learner, quiz, right=False)
        clock.shift(timedelta(minutes=59))
        with pytest.raises(QuizRefused, match="You can try again from"):
            start_attempt(learner, quiz)
        assert QuizAttempt.objects.filter(user=learner).count() == 1
        clock.shift(timedelta(minutes=1))
        assert start_attempt(learner, quiz).number == 2


# Time limit, with a grace period for answers sent on a slow network


@pytest.fixture
def timed_quiz(module, learner, settings) -> QuizPage:
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    quiz = make_quiz(
        module,
        [
            raw_question("true_false", "<p>Q-FIRST</p>"),
            raw_question("true_false", "<p>Q-SECOND</p>"),
        ],
        time_limit_minutes=10,
        pass_mark=50,
    )
    enrol(learner, quiz.get_course())
    return quiz


def test_answers_saved_in_time_are_graded_when_a_late_save_closes_the_attempt(timed_quiz, learner):
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_attempt(learner, timed_quiz)
        assert attempt.deadline == START + timedelta(minutes=10)
        clock.shift(timedelta(minutes=5))
        first = asked(attempt, "Q-FIRST")
        assert save_answers(learner, attempt.pk, {field(first): answer(first)})
        clock.shift(timedelta(minutes=5, seconds=31))
        second = asked(attempt, "Q-SECOND")
        assert not save_answers(learner, attempt.pk, {field(second): answer(second)})
    attempt.refresh_from_db()
    assert attempt.status == QuizAttempt.Status.SUBMITTED
    assert attempt.closed_by == QuizAttempt.ClosedBy.DEADLINE
    assert (attempt.score, attempt.max_score) == (Decimal(1), Decimal(2))
    assert attempt.submitted_at == attempt.deadline
    assert list(attempt.answers.values_list("question_id", flat=True)) == [first["id"]]


def test_submit_after_the_grace_period_grades_only_answers_saved_in_time(timed_quiz, learner):
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_attempt(learner, timed_quiz)
        first = asked(attempt, "Q-FIRST")
        save_answers(learner, attempt.pk, {field(first): answer(first)})
        clock.shift(timedelta(minutes=10, seconds=31))
        submit_attempt(learner, attempt.pk, answers(attempt))
    attempt.refresh_from_db()
    assert attempt.closed_by == QuizAttempt.ClosedBy.DEADLINE
    assert attempt.score == Decimal(1)
    assert attempt.answers.count() == 1


def test_submit_within_the_grace_period_is_accepted_normally(timed_quiz, learner):
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_attempt(learner, timed_quiz)
        clock.shift(timedelta(minutes=10, seconds=29))
        submit_attempt(learner, attempt.pk, answers(attempt))
    attempt.refresh_from_db()
    assert attempt.closed_by == QuizAttempt.ClosedBy.LEARNER
    assert (attempt.score, attempt.passed) == (Decimal(2), True)


def test_saving_through_the_form_after_time_ran_out_shows_the_results(client, timed_quiz, learner):
    client.force_login(learner)
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_attempt(learner, timed_quiz)
        clock.shift(timedelta(minutes=11))
        response = client.post(attempt_url(attempt), answers(attempt), follow=True)
    assert response.redirect_chain[-1][0] == review_url(attempt)
    assert "Time is up." in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.closed_by == QuizAttempt.ClosedBy.DEADLINE
    assert (attempt.score, attempt.answers.count()) == (Decimal(0), 0)


def test_starting_again_after_time_ran_out_closes_the_old_attempt_first(timed_quiz, learner):
    with time_machine.travel(START, tick=False) as clock:
        old = start_attempt(learner, timed_quiz)
        clock.shift(timedelta(minutes=30))
        new = start_attempt(learner, timed_quiz)
    old.refresh_from_db()
    assert (old.status, old.closed_by) == (QuizAttempt.Status.SUBMITTED, "deadline")
    assert (new.number, new.is_in_progress) == (2, True)


# Answers through the HTTP client


@pytest.fixture
def attempt(client, module, learner) -> QuizAttempt:
    """An attempt in progress at a quiz with one question of each type, started by the learner."""
    quiz = make_quiz(module, mixed_questions())
    enrol(learner, quiz.get_course())
    client.force_login(learner)
    response = client.post(start_url(quiz))
    attempt = QuizAttempt.objects.get(user=learner)
    assert response["Location"] == attempt_url(attempt)
    return attempt


def test_saving_answers_keeps_them_for_later(client, attempt):
    response = client.post(attempt_url(attempt), answers(attempt))
    assert response["Location"] == attempt_url(attempt)
    saved = dict(attempt.answers.values_list("question_id", "response"))
    single = asked(attempt, "Q-SINGLE")
    assert saved[single["id"]] == [choice_id(single, "Assembly point")]
    assert saved[asked(attempt, "Q-SHORT")["id"]] == "assembly point"
    page = client.get(attempt_url(attempt)).content.decode()
    assert "Answers saved so far: 4 of 4 questions." in page


def unknown_question(attempt):
    return {"q-not-a-question-of-this-attempt": "true"}


def choice_of_another_question(attempt):
    other = asked(attempt, "Q-MULTIPLE")["choices"][0]["id"]
    return {field(asked(attempt, "Q-SINGLE")): other}


def unknown_choice(attempt):
    return {field(asked(attempt, "Q-SINGLE")): "not-a-choice"}


def two_choices_for_single_choice(attempt):
    single = asked(attempt, "Q-SINGLE")
    return {field(single): [choice_id(single, "Assembly point"), choice_id(single, "At home")]}


def true_false_maybe(attempt):
    return {field(asked(attempt, "Q-TRUE-FALSE")): "maybe"}


def true_false_both(attempt):
    return {field(asked(attempt, "Q-TRUE-FALSE")): ["true", "false"]}


# Ids the attempt does not know mean the form came from another version of the quiz: 409, and
# the learner is told to reload (tests/test_quiz_translations.py has the page in full).
QUIZ_CHANGED = "This quiz has changed since you opened it"
NOT_A_CHOICE = "That answer is not one of the choices."
BAD_ANSWERS = [
    (unknown_question, 409, QUIZ_CHANGED),
    (choice_of_another_question, 409, QUIZ_CHANGED),
    (unknown_choice, 409, QUIZ_CHANGED),
    (two_choices_for_single_choice, 400, "Choose only one answer to that question."),
    (true_false_maybe, 400, NOT_A_CHOICE),
    (true_false_both, 400, NOT_A_CHOICE),
]


@pytest.mark.parametrize(
    ("bad_answers", "status", "message"),
    BAD_ANSWERS,
    ids=[bad.__name__ for bad, *_ in BAD_ANSWERS],
)
@pytest.mark.parametrize("action", ["save", "submit"])
def test_answers_that_do_not_fit_the_attempt_are_refused_and_nothing_is_saved(
    client, attempt, bad_answers, status, message, action
):
    short = asked(attempt, "Q-SHORT")
    data = {field(short): "assembly point", **bad_answers(attempt)}
    url = attempt_url(attempt) if action == "save" else submit_url(attempt)
    response = client.post(url, data)
    assert response.status_code == status
    assert message in response.content.decode()
    assert not AttemptAnswer.objects.exists()
    attempt.refresh_from_db()
    assert attempt.is_in_progress


def test_another_learners_attempt_is_not_found(client, attempt):
    data = answers(attempt)
    client.force_login(UserFactory())
    assert client.get(attempt_url(attempt)).status_code == 404
    assert client.post(attempt_url(attempt), data).status_code == 404
    assert client.post(submit_url(attempt), data).status_code == 404
    assert not AttemptAnswer.objects.exists()
    attempt.refresh_from_db()
    assert attempt.is_in_progress
    submit_attempt(attempt.user, attempt.pk, data)
    assert client.get(review_url(attempt)).status_code == 404


def test_second_submit_is_refused_and_changes_nothing(client, attempt):
    first = client.post(submit_url(attempt), answers(attempt, right=False))
    assert first["Location"] == review_url(attempt)
    attempt.refresh_from_db()
    graded = (attempt.score, attempt.percent, attempt.passed, attempt.submitted_at)
    responses = dict(attempt.answers.values_list("question_id", "response"))

    second = client.post(submit_url(attempt), answers(attempt, right=True))
    assert second.status_code == 409
    assert "This attempt was already submitted and graded." in second.content.decode()
    attempt.refresh_from_db()
    assert (attempt.score, attempt.percent, attempt.passed, attempt.submitted_at) == graded
    assert dict(attempt.answers.values_list("question_id", "response")) == responses


def test_saving_after_submitting_is_refused_and_changes_nothing(client, attempt):
    client.post(submit_url(attempt), answers(attempt, right=False))
    response = client.post(attempt_url(attempt), answers(attempt, right=True), follow=True)
    assert response.redirect_chain[-1][0] == review_url(attempt)
    assert "This attempt was already submitted and graded." in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.score == Decimal(0)


def test_submitting_grades_every_question(client, attempt):
    data = answers(attempt, right=True)
    data[field(asked(attempt, "Q-SHORT"))] = ["  ASSEMBLY POINT "]
    data[field(asked(attempt, "Q-TRUE-FALSE"))] = ["false"]
    client.post(submit_url(attempt), data)
    attempt.refresh_from_db()
    assert (attempt.score, attempt.max_score, attempt.percent) == (3, 4, Decimal("75.00"))
    assert attempt.passed  # the default pass mark is 70%
    assert attempt.closed_by == QuizAttempt.ClosedBy.LEARNER


# The answer form gives nothing away


def secret_questions() -> list[dict]:
    """Questions whose feedback and answers are distinctive strings that must stay hidden."""
    return [
        raw_question(
            "single_choice",
            "<p>Q-SINGLE: where do people gather?</p>",
            feedback="<p>FEEDBACK-SECRET-GENERAL-1</p>",
            choices=[
                answer_choice("Assembly point", correct=True, feedback="FEEDBACK-SECRET-1"),
                answer_choice("At home", feedback="FEEDBACK-SECRET-2"),
                answer_choice("By the river", feedback="FEEDBACK-SECRET-3"),
            ],
        ),
        raw_question(
            "multiple_choice",
            "<p>Q-MULTIPLE: which warnings reach everyone?</p>",
            feedback="<p>FEEDBACK-SECRET-GENERAL-2</p>",
            scoring="partial",
            choices=[
                answer_choice("Translated warnings", correct=True, feedback="FEEDBACK-SECRET-4"),
                answer_choice("Pictograms", correct=True, feedback="FEEDBACK-SECRET-5"),
                answer_choice("Local language only", feedback="FEEDBACK-SECRET-6"),
            ],
        ),
        raw_question(
            "true_false",
            "<p>Q-TRUE-FALSE: warn in one language only.</p>",
            feedback="<p>FEEDBACK-SECRET-GENERAL-3</p>",
            answer="false",
        ),
        raw_question(
            "short_answer",
            "<p>Q-SHORT: name the gathering place.</p>",
            feedback="<p>FEEDBACK-SECRET-GENERAL-4</p>",
            accepted_answers=["ANSWER-SECRET-MUSTER"],
        ),
    ]


def assert_gives_nothing_away(html: str) -> None:
    """No feedback, no accepted answer, and no tag marked as the right one."""
    assert "SECRET" not in html
    assert not re.findall(r"<[^>]*correct[^>]*>", html, re.IGNORECASE)


def test_answer_form_shows_no_right_answer_or_feedback(client, module, learner):
    quiz = make_quiz(module, secret_questions())
    enrol(learner, quiz.get_course())
    client.force_login(learner)
    client.post(start_url(quiz))
    attempt = QuizAttempt.objects.get(user=learner)
    response = client.get(attempt_url(attempt))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Assembly point" in html
    assert_gives_nothing_away(html)

    # Within a question, the right choice is written exactly like the wrong ones, and is
    # labelled with its text alone.
    soup = BeautifulSoup(html, "html.parser")
    form_text = " ".join(soup.find("form", class_="quiz-form").get_text().split())
    assert not re.search(r"\bcorrect\b", form_text, re.IGNORECASE)
    for question in attempt.questions:
        inputs = soup.find_all("input", attrs={"name": field(question)})
        assert inputs
        assert len({markup_without_ids(tag) for tag in inputs}) == 1
        assert len({markup_without_ids(tag.parent) for tag in inputs}) == 1
        labels = [soup.find("label", attrs={"for": tag["id"]}).get_text().strip() for tag in inputs]
        if "choices" in question:
            assert labels == [choice["text"] for choice in question["choices"]]


def markup_without_ids(tag) -> tuple:
    """A tag's name and attributes, leaving out those that name one choice."""
    return (
        tag.name,
        *sorted((k, str(v)) for k, v in tag.attrs.items() if k not in ("id", "value")),
    )


def test_answer_form_with_saved_answers_still_shows_no_right_answer(client, module, learner):
    quiz = make_quiz(module, secret_questions())
    enrol(learner, quiz.get_course())
    client.force_login(learner)
    attempt = start_attempt(learner, quiz)
    client.post(attempt_url(attempt), answers(attempt, right=False))
    assert_gives_nothing_away(client.get(attempt_url(attempt)).content.decode())


@pytest.mark.parametrize("who", ["visitor", "not_enrolled", "enrolled", "in_progress"])
def test_quiz_page_shows_no_questions_answers_or_feedback(client, module, learner, who):
    quiz = make_quiz(module, secret_questions())
    if who != "visitor":
        client.force_login(learner)
    if who in ("enrolled", "in_progress"):
        enrol(learner, quiz.get_course())
    if who == "in_progress":
        start_attempt(learner, quiz)
    response = client.get(quiz.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_gives_nothing_away(html)
    assert "Assembly point" not in html


# Review after the attempt


def review_quiz(module, learner, **fields) -> QuizPage:
    quiz = make_quiz(module, secret_questions(), pass_mark=100, **fields)
    enrol(learner, quiz.get_course())
    return quiz


def take_with_one_right(learner, quiz: QuizPage) -> QuizAttempt:
    """Answer the short answer question right and every other question wrong: 1 of 4 points."""
    attempt = start_attempt(learner, quiz)
    data = answers(attempt, right=False)
    single = asked(attempt, "Q-SINGLE")
    data[field(single)] = [choice_id(single, "At home")]
    data[field(asked(attempt, "Q-SHORT"))] = ["answer-secret-muster"]
    return submit_attempt(learner, attempt.pk, data)


def review_html(client, learner, attempt: QuizAttempt) -> str:
    client.force_login(learner)
    response = client.get(review_url(attempt))
    assert response.status_code == 200
    return response.content.decode()


def choice_item(html: str, text: str) -> str:
    """The text of the reviewed choice `text`, with its tags."""
    soup = BeautifulSoup(html, "html.parser")
    span = soup.find(string=re.compile(re.escape(text)))
    return " ".join(span.find_parent("li").get_text().split())


def reviewed_question(html: str, name: str) -> str:
    """The text of the reviewed question whose prompt holds `name`."""
    soup = BeautifulSoup(html, "html.parser")
    prompt = soup.find(string=re.compile(re.escape(name)))
    return " ".join(prompt.find_parent("li").get_text().split())


def test_review_with_score_only_shows_the_score_and_no_answers(client, module, learner):
    quiz = review_quiz(module, learner, review_detail=QuizPage.ReviewDetail.SCORE)
    html = review_html(client, learner, take_with_one_right(learner, quiz))
    assert "1 of 4 points (25%)" in html
    assert "Q-SINGLE" not in html
    assert "FEEDBACK-SECRET" not in html
    assert "ANSWER-SECRET" not in html


def test_review_with_correctness_shows_which_answers_were_wrong_but_not_the_right_ones(
    client, module, learner
):
    quiz = review_quiz(module, learner, review_detail=QuizPage.ReviewDetail.CORRECTNESS)
    html = review_html(client, learner, take_with_one_right(learner, quiz))
    assert "1 of 4 points (25%)" in html
    assert "Q-SINGLE" in html
    assert "Wrong" in reviewed_question(html, "Q-SINGLE")
    assert "Right" in reviewed_question(html, "Q-SHORT")
    assert "FEEDBACK-SECRET" not in html
    assert "The right answer" not in html
    assert "A right answer you did not choose" not in html
    # The right choice is shown just like a wrong choice the learner did not pick.
    right = choice_item(html, "Assembly point").replace("Assembly point", "")
    other = choice_item(html, "By the river").replace("By the river", "")
    assert right == other


def test_review_with_feedback_shows_right_answers_and_feedback(client, module, learner):
    quiz = review_quiz(module, learner, review_detail=QuizPage.ReviewDetail.FEEDBACK)
    html = review_html(client, learner, take_with_one_right(learner, quiz))
    assert "1 of 4 points (25%)" in html
    assert "A right answer you did not choose" in choice_item(html, "Assembly point")
    assert "FEEDBACK-SECRET-2" in choice_item(html, "At home")
    for general in range(1, 5):
        assert f"FEEDBACK-SECRET-GENERAL-{general}" in html
    assert "ANSWER-SECRET-MUSTER" in html


def test_review_only_after_passing_shows_the_score_until_the_learner_passes(
    client, module, learner
):
    quiz = review_quiz(
        module,
        learner,
        review_detail=QuizPage.ReviewDetail.FEEDBACK,
        review_only_after_passing=True,
    )
    failed = take_with_one_right(learner, quiz)
    html = review_html(client, learner, failed)
    assert "1 of 4 points (25%)" in html
    assert "You will see which answers were right after you pass this quiz." in html
    assert "SECRET" not in html

    passed = take(learner, quiz, right=True)
    assert passed.passed
    html = review_html(client, learner, failed)
    assert "FEEDBACK-SECRET-2" in choice_item(html, "At home")
    assert "FEEDBACK-SECRET-GENERAL-1" in html


# Authors editing a quiz while a learner takes it


def test_editing_the_quiz_during_an_attempt_changes_nothing_for_the_attempt(
    client, module, learner
):
    quiz = make_quiz(module, mixed_questions(), pass_mark=100)
    enrol(learner, quiz.get_course())
    attempt = start_attempt(learner, quiz)
    drawn = copy.deepcopy(attempt.questions)

    # The author drops every question but the first, makes another choice the right one
    # and doubles its points, and publishes.
    edited = QuizPage.objects.get(pk=quiz.pk)
    first = copy.deepcopy(edited.questions.raw_data[0])
    for item in first["value"]["choices"]:
        item["value"]["correct"] = item["value"]["text"] == "At home"
    first["value"]["points"] = 2
    edited.questions = [first]
    edited.save_revision().publish()

    client.force_login(learner)
    page = client.get(attempt_url(attempt)).content.decode()
    assert "Q-SHORT" in page
    response = client.post(submit_url(attempt), answers(attempt, right=True))
    assert response["Location"] == review_url(attempt)
    attempt.refresh_from_db()
    assert attempt.questions == drawn
    assert (attempt.score, attempt.max_score, attempt.passed) == (4, 4, True)

    # New attempts ask the quiz as it is now.
    assert len(start_attempt(learner, QuizPage.objects.get(pk=quiz.pk)).questions) == 1


def test_draft_edits_do_not_reach_learners_until_published(client, module, learner):
    quiz = make_quiz(module, mixed_questions())
    draft = QuizPage.objects.get(pk=quiz.pk)
    draft.questions = [copy.deepcopy(draft.questions.raw_data[0])]
    draft.save_revision()
    enrol(learner, quiz.get_course())
    client.force_login(learner)
    client.post(start_url(quiz))
    assert len(QuizAttempt.objects.get(user=learner).questions) == 4


# Course completion


def complete_all_lessons(learner, course) -> None:
    for lesson in LessonPage.objects.descendant_of(course):
        complete_lesson(learner, lesson)


def enrolment_of(learner, course) -> Enrolment:
    return Enrolment.objects.get(user=learner, course_key=course.translation_key)


def test_course_is_not_complete_until_its_required_quiz_is_passed(course, module, learner):
    quiz = make_quiz(module)
    enrol(learner, course)
    complete_all_lessons(learner, course)
    take(learner, quiz, right=False)
    assert enrolment_of(learner, course).completed_at is None
    status = completion_status(learner, course)
    assert status.lessons_left == 0
    assert [still.pk for still in status.quizzes_to_pass] == [quiz.pk]
    assert not status.is_complete


def test_passing_the_required_quiz_completes_the_course_once(course, module, learner):
    quiz = make_quiz(module)
    enrol(learner, course)
    with time_machine.travel(START, tick=False) as clock:
        complete_all_lessons(learner, course)
        clock.shift(timedelta(hours=1))
        take(learner, quiz, right=True)
        assert enrolment_of(learner, course).completed_at == START + timedelta(hours=1)
        clock.shift(timedelta(days=1))
        take(learner, quiz, right=True)
        take(learner, quiz, right=False)
    assert enrolment_of(learner, course).completed_at == START + timedelta(hours=1)


def test_lessons_finished_after_passing_the_quiz_complete_the_course(course, module, learner):
    quiz = make_quiz(module)
    enrol(learner, course)
    take(learner, quiz, right=True)
    assert enrolment_of(learner, course).completed_at is None
    complete_all_lessons(learner, course)
    assert enrolment_of(learner, course).completed_at is not None


@pytest.mark.parametrize("attempted", [False, True], ids=["not-taken", "failed"])
def test_a_pre_test_never_blocks_completion(course, module, learner, attempted):
    pre_test = make_quiz(module, purpose=QuizPage.Purpose.PRE_TEST, required_for_completion=True)
    enrol(learner, course)
    if attempted:
        assert not take(learner, pre_test, right=False).passed
    complete_all_lessons(learner, course)
    assert enrolment_of(learner, course).completed_at is not None


def test_a_practice_quiz_does_not_block_completion(course, module, learner):
    make_quiz(module, required_for_completion=False)
    enrol(learner, course)
    complete_all_lessons(learner, course)
    assert enrolment_of(learner, course).completed_at is not None


def test_the_best_attempt_counts(course, module, learner):
    quiz = make_quiz(module)
    enrol(learner, course)
    complete_all_lessons(learner, course)
    results = [take(learner, quiz, right=right).passed for right in (False, True, False)]
    assert results == [False, True, False]
    state = quiz_state(learner, quiz)
    assert state.passed
    assert state.best.number == 2
    assert completion_status(learner, course).is_complete
    assert enrolment_of(learner, course).completed_at is not None


def test_opening_an_attempt_after_time_ran_out_closes_it_and_shows_the_results(
    client, timed_quiz, learner
):
    client.force_login(learner)
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_attempt(learner, timed_quiz)
        clock.shift(timedelta(minutes=11))
        response = client.get(attempt_url(attempt), follow=True)
    assert response.redirect_chain[-1][0] == review_url(attempt)
    attempt.refresh_from_db()
    assert attempt.closed_by == QuizAttempt.ClosedBy.DEADLINE


def test_an_expired_attempt_is_graded_even_when_a_new_start_is_refused(timed_quiz, learner):
    timed_quiz.max_attempts = 1
    timed_quiz.save_revision().publish()
    with time_machine.travel(START, tick=False) as clock:
        attempt = start_attempt(learner, timed_quiz)
        clock.shift(timedelta(minutes=30))
        with pytest.raises(QuizRefused, match="only attempt"):
            start_attempt(learner, QuizPage.objects.get(pk=timed_quiz.pk))
    attempt.refresh_from_db()
    assert (attempt.status, attempt.closed_by) == (QuizAttempt.Status.SUBMITTED, "deadline")


def test_clearing_an_answer_in_the_form_removes_it(client, attempt):
    client.post(attempt_url(attempt), answers(attempt))
    short = asked(attempt, "Q-SHORT")
    everything_but_short = {
        name: value for name, value in answers(attempt).items() if name != field(short)
    }
    client.post(attempt_url(attempt), {**everything_but_short, field(short): [""]})
    saved = set(attempt.answers.values_list("question_id", flat=True))
    assert short["id"] not in saved
    assert len(saved) == 3
