"""A name correction in Chromium, end to end: the learner asks from "My learning", a member of
staff logs in to the admin and approves it, a real worker issues the replacement, and the old
code's public check page says "replaced" and leads to the new certificate. The learner's
pages pass axe-core."""

from __future__ import annotations

import re

from certificates.models import Certificate, NameCorrectionRequest
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import LessonPage
from tests.processes import wait_for
from tests.staff import learner, staff_in_group
from tests.test_browser import BROWSER_TEST, blocking_violations

pytestmark = BROWSER_TEST

PASSWORD = "x-Long-enough-9"  # what tests.staff gives its accounts
ISSUE_TIMEOUT = 90


def log_in(page, live_server, username: str, next_path: str) -> None:
    """Log in with the site's one login form, as people do, then land on `next_path`."""
    page.goto(f"{live_server.url}{next_path}")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def issued_by_the_worker(pk: int, worker_log) -> Certificate:
    return wait_for(
        lambda: Certificate.objects.filter(pk=pk, status=Certificate.Status.ISSUED).first(),
        ISSUE_TIMEOUT,
        f"the worker to issue certificate {pk} (log: {worker_log.read_text()[-2000:]})",
    )


def test_learner_asks_staff_approve_and_the_old_code_leads_to_the_new_certificate(
    allow_orm_beside_playwright,
    live_server,
    browser,
    browser_context_args,
    page,
    course_builder,
    issuing_worker,
    worker_log,
    screenshot_dir,
):
    course = course_builder(title="Psychological first aid", modules=1, lessons_per_module=1)
    amina = learner("amina", full_name="Amina Yusef")
    enrol(amina, course)
    for lesson in LessonPage.objects.descendant_of(course):
        complete_lesson(amina, lesson)
    first = Certificate.objects.get(enrolment__user=amina)
    first = issued_by_the_worker(first.pk, worker_log)
    officer = staff_in_group("Certificate officers", "view_certificate", "change_certificate")
    violations: dict[str, list[str]] = {}

    # The learner asks, from "My learning".
    log_in(page, live_server, "amina", "/learn/")
    assert page.url.endswith("/learn/")
    # The link's name ends with the course title, hidden from sight, as its neighbours' do.
    ask = re.compile(rf"^Ask to correct the name\s*:\s*{re.escape(course.title)}$")
    page.get_by_role("link", name=ask).click()
    page.wait_for_load_state()
    assert page.locator("#current-name").inner_text() == "Amina Yusef"
    violations["request"] = blocking_violations(page)
    page.get_by_label("Your name as it should be printed").fill("Amina Yusuf")
    page.get_by_label("Why does it need correcting?").fill("My surname is misspelt.")
    page.screenshot(path=screenshot_dir / "name-correction-request.png", full_page=True)
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_load_state()
    assert page.url.endswith("/learn/")
    assert "We have your request" in page.locator(".messages").inner_text()
    assert page.locator(".certificate-item__correction").is_visible()
    violations["my-learning"] = blocking_violations(page)
    correction = NameCorrectionRequest.objects.get()

    # Staff log in to the admin and approve it.
    staff_context = browser.new_context(**browser_context_args)
    staff = staff_context.new_page()
    log_in(staff, live_server, officer.username, "/admin/")
    staff.goto(f"{live_server.url}/admin/name_corrections/")
    staff.get_by_role("link", name="Amina Yusuf").click()
    staff.wait_for_load_state()
    assert "My surname is misspelt." in staff.locator("#correction-request").inner_text()
    staff.locator("#correction-approve textarea").fill("Corrected. Sorry for the mistake.")
    staff.get_by_role("button", name="Approve and reissue").click()
    staff.wait_for_load_state()
    assert "Approved. A new certificate" in staff.locator(".messages").inner_text()
    assert staff.locator("#correction-approve").count() == 0
    staff.screenshot(path=screenshot_dir / "name-correction-admin.png", full_page=True)
    staff_context.close()

    # A real worker issues the replacement, stating the corrected name.
    correction.refresh_from_db()
    assert correction.status == NameCorrectionRequest.Status.APPROVED
    replacement = issued_by_the_worker(correction.replacement_id, worker_log)
    assert replacement.learner_name == "Amina Yusuf"
    assert Certificate.objects.filter(enrolment__user=amina).count() == 2

    # The old code's public page says "replaced" and leads to the new one.
    page.goto(f"{live_server.url}/certificates/verify/{first.code}/")
    assert "Replaced certificate" in page.locator("h2#verdict-heading").inner_text()
    page.get_by_role("link", name="Check the current certificate").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/certificates/verify/{replacement.code}/")
    assert page.locator(".verdict--valid").is_visible()
    assert "Amina Yusuf" in page.locator("main").inner_text()

    # The learner reads the answer on the correction page of the old certificate.
    page.goto(f"{live_server.url}/certificates/{first.code}/name-correction/")
    assert "Corrected. Sorry for the mistake." in page.locator("main").inner_text()
    assert replacement.display_code in page.locator("main").inner_text()
    violations["answer"] = blocking_violations(page)
    page.screenshot(path=screenshot_dir / "name-correction-answer.png", full_page=True)

    assert {name: found for name, found in violations.items() if found} == {}
