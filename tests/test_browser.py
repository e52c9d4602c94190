"""Journeys in a real browser: the public pages pass axe-core with no serious violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.models import Locale

from courses.models import CoursePage, LessonPage

# Every browser test: marked `browser`, with a transactional database that the live server's
# thread sees, put back to the migrated baseline after each test.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
pytestmark = BROWSER_TEST
BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page) -> list[str]:
    results = Axe().run(
        page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]}
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}]
)
def test_public_pages_have_no_serious_accessibility_violations(
    demo_site, live_server, page, screenshot_dir, viewport
):
    course = CoursePage.objects.live().order_by("path").first()
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    page.set_viewport_size(viewport)
    failures = {}
    for name, path in [
        ("home", "/"),
        ("catalogue", "/courses/"),
        ("course", course.url),
        ("lesson", lesson.url),
    ]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.screenshot(path=screenshot_dir / f"{name}-{viewport['width']}.png", full_page=True)
        if violations := blocking_violations(page):
            failures[name] = violations
    assert failures == {}


def test_a_visitor_finds_a_course_by_phase_and_reads_its_first_lesson(demo_site, live_server, page):
    page.goto(live_server.url + "/courses/")
    page.get_by_label("Crisis phase").select_option("response")
    page.get_by_role("button", name="Show courses").click()
    course = CoursePage.objects.get(phase="response", locale=Locale.get_default())
    page.get_by_role("link", name=course.title).click()
    assert page.locator("h1").inner_text() == course.title
    first_lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    page.get_by_role("link", name=first_lesson.title).click()
    assert page.locator("h1").inner_text() == first_lesson.title
    assert page.get_by_role("link", name="Log in to enrol").first.is_visible()
    assert page.locator("script").count() == 0
