"""A learner moves between languages in Chromium: signs up in French, starts the demo course,
switches to Arabic halfway, finishes it there and gets one certificate, in Arabic, that the
public check page shows as valid. The French and Arabic pages pass axe-core."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from certificates.models import Certificate
from courses.models import CoursePage, LessonPage, QuizAttempt, QuizPage
from tests.processes import wait_for as wait_until
from tests.test_browser import BROWSER_TEST, blocking_violations
from tests.test_quiz_journey import answer_every_question, right_answer

pytestmark = BROWSER_TEST

COURSE_SLUG = "reaching-migrants-before-a-crisis"
PASSWORD = "Une phrase assez longue 42"


def course_in(language: str) -> CoursePage:
    return CoursePage.objects.live().get(
        slug=COURSE_SLUG, locale=Locale.objects.get(language_code=language)
    )


def mark_complete(page) -> None:
    page.locator("form.completion button[type=submit]").click()
    page.wait_for_load_state()


def switch_to(page, language: str) -> None:
    """Use the switcher as a learner would: the link written in the language's own name."""
    page.locator(f'.language-switcher a[hreflang="{language}"]').click()
    page.wait_for_load_state()


def test_learner_signs_up_in_french_finishes_in_arabic_and_gets_one_arabic_certificate(
    demo_site, live_server, page, screenshot_dir, issuing_worker, worker_log
):
    french, arabic = course_in("fr"), course_in("ar")
    french_lessons = list(LessonPage.objects.live().descendant_of(french).order_by("path"))
    violations: dict[str, list[str]] = {}

    def check(name: str) -> None:
        violations[name] = blocking_violations(page)
        page.screenshot(path=screenshot_dir / f"languages-{name}.png", full_page=True)

    # Sign up in French: the form speaks French, and French becomes the preference.
    page.goto(f"{live_server.url}/fr/accounts/signup/")
    assert page.locator("html").get_attribute("lang") == "fr"
    check("fr-signup")
    page.fill("input[name=full_name]", "Awa Diallo")
    page.fill("input[name=email]", "awa@example.org")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    learner = get_user_model().objects.get(email="awa@example.org")
    assert learner.preferred_language == "fr"

    for name, path in [("fr-home", "/fr/"), ("fr-catalogue", "/fr/courses/")]:
        page.goto(live_server.url + path)
        check(name)

    # Enrol and do two lessons in French.
    page.goto(live_server.url + french.url)
    assert page.locator("h1").inner_text() == french.title
    page.locator("form[action$='/enrol/'] button[type=submit]").click()
    page.wait_for_load_state()
    check("fr-course")
    for lesson in french_lessons[:2]:
        page.goto(live_server.url + lesson.url)
        mark_complete(page)
    check("fr-lesson")

    # Switch to Arabic from the course page: the same course, right to left, same progress.
    page.goto(live_server.url + french.url)
    switch_to(page, "ar")
    assert page.url.endswith(arabic.url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == arabic.title
    assert page.locator("#progress-course").get_attribute("value") == str(
        round(100 * 2 / len(french_lessons))
    )
    learner.refresh_from_db()
    assert learner.preferred_language == "ar"
    check("ar-course")

    arabic_lessons = list(LessonPage.objects.live().descendant_of(arabic).order_by("path"))
    for lesson in arabic_lessons[2:]:
        page.goto(live_server.url + lesson.url)
        assert page.locator("html").get_attribute("dir") == "rtl"
        mark_complete(page)
    check("ar-lesson")

    # The final quiz, in Arabic.
    quiz = QuizPage.objects.live().descendant_of(arabic).get(slug="final-quiz")
    page.goto(live_server.url + quiz.url)
    check("ar-quiz")
    page.locator("form[action$='/start/'] button[type=submit]").click()
    page.wait_for_load_state()
    attempt = QuizAttempt.objects.in_progress().get(user=learner, quiz_key=quiz.translation_key)
    answer_every_question(page, attempt, right_answer)
    check("ar-attempt")
    page.locator("button[formaction$='/submit/']").click()
    page.wait_for_load_state()
    attempt.refresh_from_db()
    assert attempt.passed is True

    # One certificate, issued by the worker, in Arabic.
    certificate = wait_until(
        lambda: Certificate.objects.filter(
            enrolment__user=learner, status=Certificate.Status.ISSUED
        ).first(),
        90,
        f"the worker to issue the certificate (log: {worker_log.read_text()[-2000:]})",
    )
    assert Certificate.objects.filter(enrolment__user=learner).count() == 1
    assert certificate.language == "ar"
    assert certificate.course_title == arabic.title

    page.goto(f"{live_server.url}/ar/learn/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    check("ar-my-learning")
    page.locator(f"a[href$='/certificates/verify/{certificate.code}/']").first.click()
    page.wait_for_load_state()
    assert page.locator(".verdict--valid").is_visible()
    assert arabic.title in page.locator("main").inner_text()
    check("ar-verify")

    for name, path in [("ar-home", "/ar/"), ("ar-catalogue", "/ar/courses/")]:
        page.goto(live_server.url + path)
        check(name)
    page.context.clear_cookies()  # signed out: the sign-up page is for newcomers
    page.goto(f"{live_server.url}/ar/accounts/signup/")
    check("ar-signup")

    assert {name: found for name, found in violations.items() if found} == {}
