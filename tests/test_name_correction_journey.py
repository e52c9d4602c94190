"""A certificate's later life in Chromium, end to end: the learner downloads their Open Badge
as JSON and as a PNG from "My learning", then asks for a name correction; a member of staff
logs in to the admin and approves it, a real worker issues the replacement, the old code's
public check page says "replaced" and leads to the new certificate, and the badge downloaded
before is now revoked in the published status list. The learner's pages pass axe-core."""

from __future__ import annotations

import json
import re

from certificates.credentials import issuer_id, status_list_url
from certificates.models import Certificate, NameCorrectionRequest
from certificates.openbadges.baking import unbake_png
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import LessonPage
from tests.independent_verifier import verify_independently
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


def download(page, label: str, course_title: str) -> bytes:
    """Click a download link of My learning (named "<label>: <course>") and read the file."""
    name = re.compile(rf"^{re.escape(label)}\s*:\s*{re.escape(course_title)}$")
    with page.expect_download() as started:
        page.get_by_role("link", name=name).click()
    path = started.value.path()
    return path.read_bytes() if hasattr(path, "read_bytes") else open(path, "rb").read()


def published(page, live_server) -> dict:
    """What a verifier fetches from the site: the issuer's profile and the status lists."""
    documents = {issuer_id(): page.request.get(f"{live_server.url}/openbadges/issuer/").json()}
    for purpose in ("revocation", "suspension"):
        url = f"{live_server.url}/openbadges/status/{purpose}/"
        documents[status_list_url(purpose)] = page.request.get(url).json()
    return documents


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

    # The learner downloads the badge, as JSON and as a PNG, from "My learning".
    log_in(page, live_server, "amina", "/learn/")
    assert page.url.endswith("/learn/")
    badge_json = json.loads(download(page, "Open Badge (JSON)", course.title))
    badge_png = download(page, "Open Badge (PNG image)", course.title)
    assert badge_png.startswith(b"\x89PNG")
    assert json.loads(unbake_png(badge_png)) == badge_json
    assert badge_json["credentialSubject"]["identifier"][0]["identityHash"] == "Amina Yusef"
    checked = verify_independently(badge_json, published(page, live_server))
    assert checked["verified"] is True
    assert checked["status"] == {"revocation": False, "suspension": False}

    # The learner asks for a correction, from "My learning".
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

    # The badge downloaded before the correction is now revoked, for any verifier.
    checked = verify_independently(badge_json, published(page, live_server))
    assert checked["status"] == {"revocation": True, "suspension": False}

    # The learner reads the answer on the correction page of the old certificate.
    page.goto(f"{live_server.url}/certificates/{first.code}/name-correction/")
    assert "Corrected. Sorry for the mistake." in page.locator("main").inner_text()
    assert replacement.display_code in page.locator("main").inner_text()
    violations["answer"] = blocking_violations(page)
    page.screenshot(path=screenshot_dir / "name-correction-answer.png", full_page=True)

    assert {name: found for name, found in violations.items() if found} == {}
