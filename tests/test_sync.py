"""Offline sync, server side: the outbox a page sends when the connection comes back.

`POST /learn/sync/` applies each item once (lessons counted, quizzes graded), tells the
learner what happened to each, and never half-writes a batch it refuses. The plain forms keep
working for a browser without JavaScript.
"""

from __future__ import annotations

import json
import uuid

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import translation

from certificates.models import Certificate
from courses.assessment.attempts import start_attempt, submit_attempt
from courses.learning.enrolment import enrol
from courses.models import (
    AttemptAnswer,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    SyncedItem,
)
from courses.sync import outbox
from courses.sync.batch import MAX_ITEMS
from tests.factories import LessonPageFactory, UserFactory
from tests.test_quizzes import answers, asked, make_quiz, mixed_questions

SYNC = "/learn/sync/"


@pytest.fixture
def course(course_builder):
    return course_builder(modules=1, lessons_per_module=2)


@pytest.fixture
def lessons(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


@pytest.fixture
def enrolled(client, learner, course):
    """The learner, enrolled and logged in."""
    enrol(learner, course)
    client.force_login(learner)
    return learner


@pytest.fixture
def quiz(module):
    return make_quiz(module, mixed_questions(), pass_mark=50)


def new_id() -> str:
    return str(uuid.uuid4())


def lesson_item(lesson, client_id: str | None = None) -> dict:
    return {"id": client_id or new_id(), "type": "lesson_complete", "lesson": lesson.pk}


def quiz_item(attempt, answered: dict, client_id: str | None = None) -> dict:
    return {
        "id": client_id or new_id(),
        "type": "quiz_submit",
        "attempt": attempt.pk,
        "answers": answered,
    }


def offline_answers(attempt, right: bool = True) -> dict:
    """The answers as the device sends them: {question id: choice ids or the text}."""
    return {
        name[2:]: values if "choices" in question else values[0]
        for question in attempt.questions
        for name, values in answers(attempt, right).items()
        if name[2:] == question["id"]
    }


def sync(client, items, url: str = SYNC, **extra):
    return client.post(url, json.dumps({"items": items}), content_type="application/json", **extra)


def results_of(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    return response.json()["results"]


# Lessons


def test_a_lesson_completed_offline_is_counted_and_the_learner_told(client, enrolled, lessons):
    item = lesson_item(lessons[0])
    [result] = results_of(sync(client, [item]))
    assert result == {
        "id": item["id"],
        "status": "done",
        "lesson": lessons[0].pk,
        "message": f"Lesson counted: {lessons[0].title}",
    }
    assert LessonCompletion.objects.filter(user=enrolled).count() == 1
    assert SyncedItem.objects.get(user=enrolled).client_id == uuid.UUID(item["id"])


def test_a_lesson_of_a_course_the_learner_is_not_enrolled_in_is_refused_with_the_reason(
    client, learner, lessons
):
    client.force_login(learner)
    [result] = results_of(sync(client, [lesson_item(lessons[0])]))
    assert result["status"] == "refused"
    assert result["message"] == "Enrol in this course to record your progress."
    assert not LessonCompletion.objects.exists()


def test_a_lesson_no_longer_published_is_refused_and_the_rest_counted(client, enrolled, lessons):
    lessons[0].unpublish()
    results = results_of(sync(client, [lesson_item(lessons[0]), lesson_item(lessons[1])]))
    assert [result["status"] for result in results] == ["refused", "done"]
    assert "no longer published" in results[0]["message"]
    assert list(LessonCompletion.objects.values_list("lesson_key", flat=True)) == [
        lessons[1].translation_key
    ]


def test_a_synced_lesson_that_completes_the_course_writes_a_pending_certificate(
    client, enrolled, lessons
):
    results = results_of(sync(client, [lesson_item(lesson) for lesson in lessons]))
    assert {result["status"] for result in results} == {"done"}
    assert Enrolment.objects.get(user=enrolled).completed_at is not None
    certificate = Certificate.objects.get(enrolment__user=enrolled)
    assert certificate.status == Certificate.Status.PENDING


# Idempotency


def test_the_same_items_sent_twice_count_once(client, enrolled, lessons, quiz):
    attempt = start_attempt(enrolled, quiz)
    batch = [lesson_item(lessons[0]), quiz_item(attempt, offline_answers(attempt))]
    first = results_of(sync(client, batch))
    assert [result["status"] for result in first] == ["done", "done"]
    saved = list(AttemptAnswer.objects.values_list("pk", "points"))

    second = results_of(sync(client, batch))
    assert second == [{**result, "status": "already_synced"} for result in first]
    assert LessonCompletion.objects.filter(user=enrolled).count() == 1
    assert QuizAttempt.objects.filter(user=enrolled).count() == 1
    assert list(AttemptAnswer.objects.values_list("pk", "points")) == saved
    assert SyncedItem.objects.filter(user=enrolled).count() == 2


def test_the_same_id_sent_from_two_languages_urls_counts_once(client, enrolled, lessons, quiz):
    attempt = start_attempt(enrolled, quiz)
    batch = [lesson_item(lessons[0]), quiz_item(attempt, offline_answers(attempt))]
    with translation.override("fr"):
        french = reverse("sync")
    assert french == "/fr/learn/sync/"
    first = results_of(sync(client, batch))
    again = results_of(sync(client, batch, url=french))
    assert [result["status"] for result in again] == ["already_synced"] * 2
    assert [result["score"] for result in again[1:]] == [first[1]["score"]]
    assert LessonCompletion.objects.filter(user=enrolled).count() == 1
    assert QuizAttempt.objects.submitted().filter(user=enrolled).count() == 1
    assert SyncedItem.objects.filter(user=enrolled).count() == 2


def test_another_learner_may_use_the_same_client_id(client, enrolled, lessons, course):
    item = lesson_item(lessons[0])
    results_of(sync(client, [item]))
    other = UserFactory()
    enrol(other, course)
    client.force_login(other)
    [result] = results_of(sync(client, [item]))
    assert result["status"] == "done"
    assert LessonCompletion.objects.filter(user=other).count() == 1


def test_an_id_synced_by_a_request_running_at_the_same_time_keeps_that_requests_result(
    client, enrolled, lessons, monkeypatch
):
    """The other request commits the same id after this one looked for it: this one's
    insert fails, its savepoint is rolled back, and the other's result is returned."""
    item = lesson_item(lessons[0])
    theirs = {
        "status": "done",
        "message_id": "Lesson counted: %(title)s",
        "message_args": {"title": "Theirs"},
        "lesson": lessons[0].pk,
    }
    check = outbox._check_attempts

    def meanwhile(user, items):
        SyncedItem.objects.create(
            user=user, client_id=item["id"], kind="lesson_complete", result=theirs
        )
        check(user, items)

    monkeypatch.setattr(outbox, "_check_attempts", meanwhile)
    [result] = results_of(sync(client, [item]))
    assert result == {
        "id": item["id"],
        "status": "already_synced",
        "lesson": lessons[0].pk,
        "message": "Lesson counted: Theirs",
    }
    assert not LessonCompletion.objects.exists()  # this request's work was rolled back
    assert SyncedItem.objects.count() == 1


# Quizzes


def test_an_offline_attempt_is_graded_on_sync(client, enrolled, quiz):
    attempt = start_attempt(enrolled, quiz)
    answered = offline_answers(attempt)
    answered[asked(attempt, "Q-SHORT")["id"]] = "somewhere else"
    [result] = results_of(sync(client, [quiz_item(attempt, answered)]))
    assert result["status"] == "done"
    assert (result["score"], result["max_score"], result["percent"], result["passed"]) == (
        3.0,
        4.0,
        75.0,
        True,
    )
    assert result["message"] == "Quiz graded: 3 of 4 points"
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (QuizAttempt.Status.SUBMITTED, 3)


def test_an_attempt_for_a_changed_quiz_is_marked_take_again_with_no_score(client, enrolled, quiz):
    attempt = start_attempt(enrolled, quiz)
    answered = offline_answers(attempt)
    # The device answered a question this attempt does not have (the quiz changed).
    answered[str(uuid.uuid4())] = "true"
    [result] = results_of(sync(client, [quiz_item(attempt, answered)]))
    assert result["status"] == "take_again"
    assert result["message"].startswith("This quiz changed")
    assert "score" not in result
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.passed) == ("in_progress", None, None)
    assert not AttemptAnswer.objects.exists()


def test_a_choice_the_attempt_does_not_have_is_take_again_not_wrong(client, enrolled, quiz):
    attempt = start_attempt(enrolled, quiz)
    answered = offline_answers(attempt)
    answered[asked(attempt, "Q-SINGLE")["id"]] = [str(uuid.uuid4())]
    [result] = results_of(sync(client, [quiz_item(attempt, answered)]))
    assert result["status"] == "take_again"
    assert QuizAttempt.objects.get(pk=attempt.pk).score is None


def test_an_attempt_already_submitted_online_is_take_again_and_its_score_kept(
    client, enrolled, quiz
):
    attempt = start_attempt(enrolled, quiz)
    submit_attempt(enrolled, attempt.pk, answers(attempt, right=True))
    [result] = results_of(sync(client, [quiz_item(attempt, offline_answers(attempt, False))]))
    assert result["status"] == "take_again"
    assert "already submitted" in result["message"]
    assert QuizAttempt.objects.get(pk=attempt.pk).score == 4


def test_a_quiz_edited_after_download_is_graded_against_the_questions_served(
    client, enrolled, quiz
):
    attempt = start_attempt(enrolled, quiz)
    quiz.questions = mixed_questions()  # new ids for every question and choice
    quiz.save_revision().publish()
    [result] = results_of(sync(client, [quiz_item(attempt, offline_answers(attempt))]))
    assert (result["status"], result["score"]) == ("done", 4.0)


# Refusals of the whole batch: nothing written


def test_answers_for_another_learners_attempt_are_refused_with_404(
    client, enrolled, lessons, quiz, course
):
    other = UserFactory()
    enrol(other, course)
    theirs = start_attempt(other, quiz)
    batch = [lesson_item(lessons[0]), quiz_item(theirs, offline_answers(theirs))]
    response = sync(client, batch)
    assert response.status_code == 404
    assert response.json()["errors"] == [
        {"index": 1, "id": batch[1]["id"], "message": "There is no such attempt."}
    ]
    assert not LessonCompletion.objects.exists()
    assert not SyncedItem.objects.exists()
    assert QuizAttempt.objects.get(pk=theirs.pk).is_in_progress


def test_answers_for_an_attempt_that_does_not_exist_are_refused_with_404(client, enrolled):
    item = {"id": new_id(), "type": "quiz_submit", "attempt": 999999, "answers": {}}
    assert sync(client, [item]).status_code == 404


MALFORMED = {
    "not an object": ["not", "an", "object"],
    "no id": {"type": "lesson_complete", "lesson": 1},
    "id not a uuid": {"id": "12", "type": "lesson_complete", "lesson": 1},
    "unknown type": {"id": "f5d0a0f4-1c49-4d2e-9a5c-5e8f0f3a3b11", "type": "enrol"},
    "lesson not an id": {
        "id": "0b7b4f5e-52d5-4c43-8a2e-1b8d5a0f7a21",
        "type": "lesson_complete",
        "lesson": "x",
    },
    "answers not a map": {
        "id": "2a3f1c8e-6d7b-4e21-a0b9-4c5d6e7f8a90",
        "type": "quiz_submit",
        "attempt": 1,
        "answers": ["true"],
    },
    "answer a number": {
        "id": "7c6b5a49-3827-4160-a5f4-e3d2c1b0a998",
        "type": "quiz_submit",
        "attempt": 1,
        "answers": {"q": 3},
    },
}


@pytest.mark.parametrize("bad", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_item_gets_400_naming_it_and_nothing_is_written(client, enrolled, lessons, bad):
    good = lesson_item(lessons[0])
    response = sync(client, [good, bad, lesson_item(lessons[1])])
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["index"] == 1
    assert error["message"]
    assert not LessonCompletion.objects.exists()
    assert not SyncedItem.objects.exists()


def test_every_problem_of_a_batch_gets_its_own_message(client, enrolled, lessons):
    twice = lesson_item(lessons[0])
    batch = [twice, {"type": "lesson_complete"}, twice, {"id": new_id(), "type": "?"}]
    response = sync(client, batch)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [error["index"] for error in errors] == [1, 2, 3]
    assert errors[1] == {
        "index": 2,
        "id": twice["id"],
        "message": "This id is used twice in the batch.",
    }
    assert len({error["message"] for error in errors}) == 3
    assert not LessonCompletion.objects.exists()


@pytest.mark.parametrize(
    "body",
    ["not json", json.dumps([]), json.dumps({"items": {}}), json.dumps({"things": []})],
    ids=["not json", "a list", "items not a list", "no items"],
)
def test_a_batch_that_is_not_a_batch_gets_400(client, enrolled, body):
    response = client.post(SYNC, body, content_type="application/json")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["index"] is None and error["message"]


def test_more_than_the_maximum_items_gets_400_and_nothing_written(client, enrolled, lessons):
    response = sync(client, [lesson_item(lessons[0]) for _ in range(MAX_ITEMS + 1)])
    assert response.status_code == 400
    assert "at most 500 items" in response.json()["errors"][0]["message"]
    assert not LessonCompletion.objects.exists()


def test_a_batch_of_200_items_is_accepted_in_one_request(client, enrolled, course, module, quiz):
    """200 items: 60 lessons, each sent by a second device too (120 items), 79 more repeats
    of them, and one quiz."""
    for _ in range(58):
        LessonPageFactory(parent=module)
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    assert len(lessons) == 60
    attempt = start_attempt(enrolled, quiz)
    batch = [lesson_item(lessons[n % 60]) for n in range(199)]
    batch.append(quiz_item(attempt, offline_answers(attempt)))
    results = results_of(sync(client, batch))
    assert len(results) == 200
    assert [result["id"] for result in results] == [item["id"] for item in batch]
    assert {result["status"] for result in results} == {"done"}
    assert LessonCompletion.objects.filter(user=enrolled).count() == 60
    assert SyncedItem.objects.filter(user=enrolled).count() == 200


# Sessions and CSRF: the outbox is never lost


def test_an_anonymous_request_gets_401_with_the_login_url_not_a_redirect(client, lessons):
    response = sync(client, [lesson_item(lessons[0])], HTTP_REFERER="http://testserver/fr/x/")
    assert response.status_code == 401
    assert response.json() == {"login_url": "/accounts/login/?next=/fr/x/"}
    assert not SyncedItem.objects.exists()


def test_the_token_endpoint_lets_a_page_with_a_stale_token_send_again(learner, course, lessons):
    enrol(learner, course)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    item = lesson_item(lessons[0])
    stale = sync(browser, [item], HTTP_X_CSRFTOKEN="stale-token-from-before-the-login")
    assert stale.status_code == 403
    assert not LessonCompletion.objects.exists()

    response = browser.get(reverse("sync_token"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = response.json()["csrf_token"]
    [result] = results_of(sync(browser, [item], HTTP_X_CSRFTOKEN=token))
    assert result["status"] == "done"


def test_a_get_to_the_sync_endpoint_is_not_allowed(client, enrolled):
    assert client.get(SYNC).status_code == 405


# Without JavaScript, the forms still do it all


def form_posting_to(html: str, action: str) -> dict[str, str]:
    """The fields of the form of `html` that posts to `action` (a button's formaction too)."""
    soup = BeautifulSoup(html, "html.parser")
    for form in soup.find_all("form"):
        buttons = form.find_all(attrs={"formaction": action})
        if form.get("action") == action or buttons:
            return {
                tag["name"]: tag.get("value", "")
                for tag in form.find_all("input")
                if tag.get("name") and tag.get("type") not in ("radio", "checkbox")
            }
    raise AssertionError(f"No form posts to {action}")


def test_without_javascript_a_lesson_is_completed_with_the_lesson_pages_form(
    client, enrolled, lessons
):
    lesson = lessons[0]
    action = reverse("complete_lesson", args=[lesson.pk])
    fields = form_posting_to(client.get(lesson.url).content.decode(), action)
    assert client.post(action, fields).status_code == 302
    assert LessonCompletion.objects.filter(user=enrolled).count() == 1


def test_without_javascript_a_quiz_is_started_and_submitted_with_its_forms(client, enrolled, quiz):
    start = reverse("start_quiz", args=[quiz.pk])
    fields = form_posting_to(client.get(quiz.url).content.decode(), start)
    response = client.post(start, fields)
    attempt = QuizAttempt.objects.get(user=enrolled)
    assert response["Location"] == reverse("quiz_attempt", args=[attempt.pk])
    submit = reverse("submit_attempt", args=[attempt.pk])
    fields = form_posting_to(client.get(response["Location"]).content.decode(), submit)
    response = client.post(submit, {**fields, **answers(attempt)})
    assert response["Location"] == reverse("quiz_review", args=[attempt.pk])
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (QuizAttempt.Status.SUBMITTED, 4)
