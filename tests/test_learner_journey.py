"""A new learner's first visit, in Chromium: sign up, enrol, read, mark complete, see progress."""

from wagtail.models import Locale

from courses.models import CoursePage, LessonCompletion
from tests.test_browser import BROWSER_TEST, blocking_violations

pytestmark = BROWSER_TEST


def test_sign_up_enrol_read_and_see_progress_on_the_dashboard(
    demo_site, live_server, page, screenshot_dir
):
    course = CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("path").last()
    first_lesson = course.get_lessons()[0]
    violations = {}

    page.goto(f"{live_server.url}/accounts/signup/")
    violations["sign-up"] = blocking_violations(page)
    page.fill("input[name=email]", "amina@example.org")
    page.fill("input[name=full_name]", "Amina Diallo")
    page.fill("input[name=password1]", "a-Long-password-9")
    page.fill("input[name=password2]", "a-Long-password-9")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(live_server.url + course.url)
    page.get_by_role("button", name="Enrol in this course").click()
    page.wait_for_load_state()
    violations["course"] = blocking_violations(page)
    page.screenshot(path=screenshot_dir / "journey-course.png", full_page=True)

    page.get_by_role("link", name="Start the course").first.click()
    assert page.locator("h1").inner_text() == first_lesson.title
    violations["lesson"] = blocking_violations(page)
    page.get_by_role("button", name="Mark complete").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Mark as not complete").is_visible()

    page.goto(f"{live_server.url}/learn/")
    progress = page.locator("progress").first
    total = len(course.get_lessons())
    assert progress.get_attribute("value") == str(round(100 / total))
    assert page.get_by_role("link", name=course.title).is_visible()
    violations["dashboard"] = blocking_violations(page)
    page.screenshot(path=screenshot_dir / "journey-dashboard.png", full_page=True)

    assert {name: found for name, found in violations.items() if found} == {}
    assert LessonCompletion.objects.get(user__email="amina@example.org").lesson_key == (
        first_lesson.translation_key
    )
