"""The demo learner finishes a course in Chromium: lessons, a failed final quiz, a passed retry."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from courses.models import CoursePage, QuizAttempt, QuizPage
from tests.test_browser import BROWSER_TEST, blocking_violations

pytestmark = BROWSER_TEST


def wrong_answer(question: dict) -> list[str] | str:
    """Form values that score nothing: a wrong choice, the other truth value, a wrong word."""
    if question["type"] == "short_answer":
        return "I do not know"
    if question["type"] == "true_false":
        return "false" if question["answer"] == "true" else "true"
    return [next(choice["id"] for choice in question["choices"] if not choice["correct"])]


def right_answer(question: dict) -> list[str] | str:
    if question["type"] == "short_answer":
        return question["accepted_answers"][0]
    if question["type"] == "true_false":
        return question["answer"]
    return [choice["id"] for choice in question["choices"] if choice["correct"]]


def answer_every_question(page, attempt: QuizAttempt, answer) -> None:
    """Fill the form as a learner would: tick the radios and boxes, type the short answers."""
    for question in attempt.questions:
        name = f"q-{question['id']}"
        value = answer(question)
        if question["type"] == "short_answer":
            page.locator(f'input[name="{name}"]').fill(value)
        else:
            for choice_value in [value] if isinstance(value, str) else value:
                page.locator(f'input[name="{name}"][value="{choice_value}"]').check()


def attempt_in_progress(user, quiz: QuizPage) -> QuizAttempt:
    return QuizAttempt.objects.in_progress().get(user=user, quiz_key=quiz.translation_key)


def test_learner_fails_the_final_quiz_then_passes_it_and_completes_the_course(
    demo_site, live_server, page, screenshot_dir
):
    course = CoursePage.objects.live().get(
        slug="reaching-migrants-before-a-crisis", locale=Locale.get_default()
    )
    quiz = QuizPage.objects.live().descendant_of(course).get(slug="final-quiz")
    learner = get_user_model().objects.get(username="learner")
    violations = {}

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", "learner")
    page.fill("input[name=password]", "crisis-ready-learner")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Log out").is_visible()

    for lesson in course.get_lessons():
        page.goto(live_server.url + lesson.url)
        mark_complete = page.get_by_role("button", name="Mark complete")
        if mark_complete.count():
            mark_complete.click()
            page.wait_for_load_state()
        assert page.get_by_role("button", name="Mark as not complete").is_visible()

    page.goto(live_server.url + course.url)
    progress = page.locator("#progress-heading + .progress")
    assert "(100%)" in progress.inner_text()
    left = page.get_by_role("list", name="What is left to complete this course")
    assert left.get_by_role("link", name=quiz.title).is_visible()

    # First attempt: every answer wrong.
    page.goto(live_server.url + quiz.url)
    violations["quiz page"] = blocking_violations(page)
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_load_state()
    first = attempt_in_progress(learner, quiz)
    assert page.locator("fieldset.question").count() == len(first.questions)
    shown_text = page.locator("main").inner_text()
    choice_feedback = [
        choice["feedback"]
        for question in first.questions
        for choice in question.get("choices", [])
        if choice["feedback"]
    ]
    assert not [feedback for feedback in choice_feedback if feedback in shown_text]
    answer_every_question(page, first, wrong_answer)
    violations["attempt form"] = blocking_violations(page)
    page.screenshot(path=screenshot_dir / "quiz-attempt.png", full_page=True)
    page.get_by_role("button", name="Submit for grading").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", name="You did not pass this time").is_visible()
    assert "(0%)" in page.locator(".result").inner_text()
    violations["review, not passed"] = blocking_violations(page)
    page.screenshot(path=screenshot_dir / "quiz-review-not-passed.png", full_page=True)
    first.refresh_from_db()
    assert first.passed is False

    # Second attempt: every answer right, saved first, then submitted.
    page.get_by_role("button", name="Try again").click()
    page.wait_for_load_state()
    second = attempt_in_progress(learner, quiz)
    assert second.number == 2
    answer_every_question(page, second, right_answer)
    page.get_by_role("button", name="Save my answers").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your answers are saved.").is_visible()
    saved_choice = right_answer(next(q for q in second.questions if q["type"] == "single_choice"))
    assert page.locator(f'input[value="{saved_choice[0]}"]').is_checked()
    page.get_by_role("button", name="Submit for grading").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", name="You passed").is_visible()
    violations["review, passed"] = blocking_violations(page)
    page.screenshot(path=screenshot_dir / "quiz-review-passed.png", full_page=True)

    page.goto(live_server.url + course.url)
    assert page.get_by_text("You completed this course on").is_visible()
    outline_quiz = page.locator(".syllabus__quiz", has=page.get_by_role("link", name=quiz.title))
    assert "Passed" in outline_quiz.inner_text()
    violations["course, completed"] = blocking_violations(page)
    page.screenshot(path=screenshot_dir / "quiz-course-completed.png", full_page=True)

    page.goto(f"{live_server.url}/learn/")
    completed = page.locator("section", has=page.get_by_role("heading", name="Completed courses"))
    assert completed.get_by_role("link", name=course.title).is_visible()

    assert {name: found for name, found in violations.items() if found} == {}
