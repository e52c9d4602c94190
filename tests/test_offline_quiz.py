"""Taking a quiz offline: `GET /learn/quizzes/<id>/offline/` opens an attempt as "Start" does
and gives the device its questions, never what says which answer is right; the answers come
back through `POST /learn/sync/` and are graded there, against the questions served."""

from __future__ import annotations

import json
import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from certificates.models import Certificate
from courses.assessment.attempts import start_attempt
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import Enrolment, LessonPage, QuizAttempt
from tests.test_quiz_translations import source_questions, translate
from tests.test_quizzes import make_quiz, secret_questions, take


@pytest.fixture
def course(course_builder):
    return course_builder(modules=1, lessons_per_module=1)


@pytest.fixture
def enrolled(client, learner, course):
    enrol(learner, course)
    client.force_login(learner)
    return learner


def offline_url(quiz, language: str = "en") -> str:
    with translation.override(language):
        return reverse("offline_quiz", args=[quiz.pk])


def download(client, quiz, language: str = "en"):
    response = client.get(offline_url(quiz, language))
    assert "no-store" in response["Cache-Control"]
    return response


def test_downloading_a_quiz_opens_an_attempt_as_start_does(client, enrolled, module):
    quiz = make_quiz(module, source_questions())
    response = download(client, quiz)
    assert response.status_code == 200
    package = response.json()
    attempt = QuizAttempt.objects.get(user=enrolled)
    assert attempt.is_in_progress
    assert package["attempt"] == attempt.pk
    assert package["quiz"] == {
        "id": quiz.pk,
        "title": quiz.title,
        "translation_key": str(quiz.translation_key),
        "language": "en",
    }
    assert [q["id"] for q in package["questions"]] == [q["id"] for q in attempt.questions]
    first = package["questions"][0]
    assert first["prompt"] == "<p>Q-SINGLE: where do people gather?</p>"
    assert (first["type"], first["points"]) == ("single_choice", 1)
    assert first["choices"] == [
        {"id": choice["id"], "text": choice["text"]} for choice in attempt.questions[0]["choices"]
    ]
    # Downloading again (another device, a reload) gives the same attempt, and so does Start.
    assert download(client, quiz).json() == package
    assert start_attempt(enrolled, quiz).pk == attempt.pk


def test_an_offline_quiz_never_contains_right_answers_or_feedback(client, enrolled, module):
    quiz = make_quiz(module, secret_questions())
    text = download(client, quiz).content.decode()
    assert "Assembly point" in text
    assert "SECRET" not in text
    for word in ("correct", "feedback", "accepted_answers", "translated_answers", '"answer"'):
        assert word not in text
    package = json.loads(text)
    allowed = {"id", "number", "type", "prompt", "points", "choices", "language"}
    assert all(set(question) <= allowed for question in package["questions"])
    assert all(
        set(choice) == {"id", "text"} for q in package["questions"] for choice in q["choices"]
    )


def test_a_quiz_with_a_time_limit_cannot_be_taken_offline(client, enrolled, module):
    quiz = make_quiz(module, time_limit_minutes=10)
    response = download(client, quiz)
    assert response.status_code == 409
    assert response.json() == {
        "message": "This quiz has a time limit, so it cannot be taken offline."
    }
    assert not QuizAttempt.objects.exists()


def test_downloading_a_quiz_without_enrolment_is_forbidden(client, learner, module):
    client.force_login(learner)
    response = download(client, make_quiz(module))
    assert response.status_code == 403
    assert response.json()["message"] == "Enrol in this course to take its quizzes."
    assert not QuizAttempt.objects.exists()


def test_downloading_after_the_last_attempt_is_refused_with_the_reason(client, enrolled, module):
    quiz = make_quiz(module, max_attempts=1)
    take(enrolled, quiz, right=False)
    response = download(client, quiz)
    assert response.status_code == 409
    assert response.json()["message"] == "You have used your only attempt at this quiz."
    assert QuizAttempt.objects.count() == 1


def test_downloading_when_logged_out_gets_401_with_the_login_url(client, module):
    response = download(client, make_quiz(module))
    assert response.status_code == 401
    assert response.json()["login_url"].startswith("/accounts/login/?next=")


def test_an_unpublished_quiz_is_not_found(client, enrolled, module):
    quiz = make_quiz(module)
    quiz.unpublish()
    assert download(client, quiz).status_code == 404


def test_an_offline_quiz_downloaded_in_arabic_has_the_arabic_words(client, enrolled, module):
    quiz = make_quiz(module, source_questions())
    arabic = translate(quiz)
    package = download(client, arabic, "ar").json()
    assert package["quiz"]["title"] == "التحذيرات"
    assert package["questions"][0]["prompt"] == "<p>أين يتجمع الناس؟</p>"
    assert package["questions"][0]["choices"][0]["text"] == "نقطة التجمع"
    # The same attempt, whichever language asks.
    assert download(client, quiz).json()["attempt"] == package["attempt"]


def test_a_quiz_taken_offline_and_synced_completes_the_course_as_online(
    client, enrolled, course, module
):
    """Download, answer offline, sync: graded on the server, the course complete, the
    certificate pending, as after an online submit."""
    for lesson in LessonPage.objects.descendant_of(course):
        complete_lesson(enrolled, lesson)
    quiz = make_quiz(module, source_questions(), pass_mark=50)
    package = download(client, quiz).json()
    by_prompt = {q["prompt"]: q for q in package["questions"]}
    single = by_prompt["<p>Q-SINGLE: where do people gather?</p>"]
    multiple = by_prompt["<p>Q-MULTIPLE: which warnings reach everyone?</p>"]
    chosen = {
        single["id"]: [c["id"] for c in single["choices"] if c["text"] == "Assembly point"],
        multiple["id"]: [c["id"] for c in multiple["choices"] if c["text"] == "Pictograms"],
        by_prompt["<p>Q-TRUE-FALSE: warn in every language.</p>"]["id"]: "true",
        by_prompt["<p>Q-SHORT: name the gathering place.</p>"]["id"]: " Assembly Point ",
    }
    item = {
        "id": str(uuid.uuid4()),
        "type": "quiz_submit",
        "attempt": package["attempt"],
        "answers": chosen,
    }
    response = client.post(
        reverse("sync"), json.dumps({"items": [item]}), content_type="application/json"
    )
    [result] = response.json()["results"]
    # Partial credit for one right choice of two in the multiple choice question.
    assert (result["status"], result["score"], result["max_score"]) == ("done", 3.5, 4.0)
    assert result["message"] == "Quiz graded: 3.50 of 4 points"
    assert result["passed"] is True
    assert Enrolment.objects.get(user=enrolled).completed_at is not None
    assert Certificate.objects.get(enrolment__user=enrolled).status == "pending"
