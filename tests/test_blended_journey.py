"""A workshop in Chromium, on a phone-sized screen: the facilitator logs in, opens the session
from My workshops and takes the roll; the connection drops, they mark one more person, and
the mark is synced once back online (source "offline"); a participant opens the check-in URL
of the QR screen, presses "Check me in" and is recorded present by QR. The roll page passes
axe-core."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.utils import timezone

from blended.models import (
    Attendance,
    AttendanceMark,
    Cohort,
    Facilitator,
    Participant,
    Programme,
    TrainingSession,
)
from tests.staff import learner
from tests.test_browser import BROWSER_TEST, blocking_violations
from tests.test_name_correction_journey import log_in

pytestmark = BROWSER_TEST

PHONE = {"width": 390, "height": 844}
SYNC_TIMEOUT = 20_000


def workshop(course) -> tuple[TrainingSession, Facilitator]:
    """A cohort whose first session starts in ten minutes: QR check-in is open."""
    programme = Programme.objects.create(name="Shelter", course_key=course.translation_key)
    today = date.today()
    cohort = Cohort.objects.create(
        programme=programme,
        name="Nairobi, March",
        starts_on=today,
        ends_on=today + timedelta(days=2),
        language="en",
        country="KE",
        place="Nairobi",
    )
    session = TrainingSession.objects.create(
        cohort=cohort,
        title="Day 1",
        starts_at=timezone.now() + timedelta(minutes=10),
        venue="Hall B",
    )
    lead = Facilitator.objects.create(cohort=cohort, user=learner("wanjiru"), role="lead")
    return session, lead


def choose(page, name: str, status: str) -> None:
    page.get_by_role("group", name=name).get_by_label(status).check()


def test_a_facilitator_takes_the_roll_also_offline_and_a_participant_checks_in_by_qr(
    allow_orm_beside_playwright,
    live_server,
    browser,
    browser_context_args,
    page,
    course,
    screenshot_dir,
):
    session, lead = workshop(course)
    cohort = session.cohort
    amina = Participant.objects.create(cohort=cohort, name="Amina Hassan")
    baraka = Participant.objects.create(cohort=cohort, name="Baraka Otieno")
    chidi = Participant.objects.create(cohort=cohort, name="Chidi Okafor")
    dalia = Participant.objects.create(cohort=cohort, name="Dalia Mwangi", user=learner("dalia"))
    page.set_viewport_size(PHONE)

    # The facilitator logs in and finds the session in My workshops.
    log_in(page, live_server, "wanjiru", "/workshops/")
    # The link's name ends with the session's title, hidden from sight.
    page.get_by_role("link", name=re.compile(r"^Take the roll\s*:\s*Day 1$")).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Roll call")
    violations = blocking_violations(page)

    # The roll, online.
    choose(page, "Amina Hassan", "Present")
    choose(page, "Baraka Otieno", "Late")
    page.get_by_role("button", name="Save the roll").click()
    page.wait_for_load_state()
    assert "Roll saved: 2 marks recorded." in page.locator(".messages").inner_text()
    statuses = dict(Attendance.objects.values_list("participant__name", "status"))
    assert statuses == {"Amina Hassan": "present", "Baraka Otieno": "late"}
    page.screenshot(path=screenshot_dir / "roll-call.png", full_page=True)

    # The connection drops: the next mark waits on the phone, then syncs.
    page.context.set_offline(True)
    try:
        choose(page, "Chidi Okafor", "Excused")
        page.get_by_role("button", name="Save the roll").click()
        page.get_by_text("1 waiting to sync").wait_for()
        chidi_group = page.get_by_role("group", name="Chidi Okafor")
        assert chidi_group.get_by_text("Saved on this device").is_visible()
        assert not AttendanceMark.objects.filter(participant=chidi).exists()
        page.screenshot(path=screenshot_dir / "roll-call-offline.png", full_page=True)
        # The roll opens again with no connection: the phone kept a copy.
        page.reload()
        assert page.locator("h1").inner_text().startswith("Roll call")
        page.get_by_text("1 waiting to sync").wait_for()
    finally:
        page.context.set_offline(False)

    page.locator("[data-sync-results]").get_by_text("Chidi Okafor: Excused").wait_for(
        timeout=SYNC_TIMEOUT
    )
    page.get_by_text("waiting to sync").wait_for(state="hidden")
    synced = AttendanceMark.objects.get(participant=chidi)
    assert (synced.status, synced.source, synced.marked_by) == ("excused", "offline", lead.user)
    assert synced.client_id is not None
    page.reload()  # nothing is sent twice
    page.wait_for_load_state()
    assert AttendanceMark.objects.filter(participant=chidi).count() == 1
    assert page.get_by_role("group", name="Chidi Okafor").get_by_label("Excused").is_checked()

    # The QR screen shows the code and the URL it holds.
    page.goto(f"{live_server.url}/workshops/sessions/{session.pk}/qr/")
    assert page.get_by_role("img", name="QR code to check in").is_visible()
    check_in_url = page.locator("#check-in-url").get_attribute("href")
    page.screenshot(path=screenshot_dir / "qr-screen.png", full_page=True)

    # A participant opens that URL on their phone, logs in, and checks in.
    participant_context = browser.new_context(**browser_context_args, viewport=PHONE)
    try:
        phone = participant_context.new_page()
        log_in(phone, live_server, "dalia", check_in_url.removeprefix(live_server.url))
        phone.get_by_role("button", name="Check me in").click()
        phone.wait_for_load_state()
        assert phone.locator("h1").inner_text() == "You are checked in"
        violations += blocking_violations(phone)
        phone.screenshot(path=screenshot_dir / "checked-in.png", full_page=True)
    finally:
        participant_context.close()

    by_qr = AttendanceMark.objects.get(participant=dalia)
    assert (by_qr.status, by_qr.source) == ("present", "qr")
    assert not AttendanceMark.objects.filter(participant=amina, source="qr").exists()
    assert baraka.attendance.get().status == "late"
    assert violations == []


def test_the_offline_roll_call_runs_under_the_sites_content_security_policy(
    allow_orm_beside_playwright, live_server, browser, course
):
    """The journey above bypasses the policy (for axe-core); this one keeps it."""
    session, _lead = workshop(course)
    Participant.objects.create(cohort=session.cohort, name="Amina Hassan")
    Participant.objects.create(cohort=session.cohort, name="Baraka Otieno")
    context = browser.new_context(bypass_csp=False, viewport=PHONE)
    try:
        page = context.new_page()
        refused = []
        page.on("console", lambda message: refused.append(message.text))
        log_in(page, live_server, "wanjiru", f"/workshops/sessions/{session.pk}/roll/")
        context.set_offline(True)
        choose(page, "Amina Hassan", "Late")
        choose(page, "Baraka Otieno", "Absent")
        page.get_by_role("button", name="Save the roll").click()
        page.get_by_text("2 waiting to sync").wait_for()
        context.set_offline(False)
        page.locator("[data-sync-results]").get_by_text("Amina Hassan: Late").wait_for(
            timeout=SYNC_TIMEOUT
        )
        assert [text for text in refused if "Content Security Policy" in text] == []
    finally:
        context.close()
    synced = AttendanceMark.objects.order_by("participant__name")
    assert [(mark.status, mark.source) for mark in synced] == [
        ("late", "offline"),
        ("absent", "offline"),
    ]


def test_the_qr_screen_swaps_in_the_next_code_and_can_be_paused(
    allow_orm_beside_playwright, live_server, browser, course
):
    """Under the site's policy, with the page's clock run forward: when the 30-second slot
    ends the code area is fetched again and replaced; paused, it stays as it is."""
    session, _lead = workshop(course)
    context = browser.new_context(bypass_csp=False, viewport=PHONE)
    try:
        page = context.new_page()
        refused = []
        page.on("console", lambda message: refused.append(message.text))
        page.clock.install()
        log_in(page, live_server, "wanjiru", f"/workshops/sessions/{session.pk}/qr/")
        live = page.locator("#qr-live")
        assert 1 <= int(live.get_attribute("data-refresh")) <= 30
        live.evaluate("element => element.dataset.seen = 'yes'")

        page.clock.run_for(31_000)
        page.locator("#qr-live:not([data-seen])").wait_for()
        assert page.get_by_role("img", name="QR code to check in").is_visible()

        pause = page.get_by_role("button", name="Pause the code changes")
        pause.click()
        assert pause.get_attribute("aria-pressed") == "true"
        page.locator("#qr-live").evaluate("element => element.dataset.seen = 'yes'")
        page.clock.run_for(61_000)
        page.wait_for_timeout(500)
        assert page.locator("#qr-live[data-seen]").count() == 1
        assert [text for text in refused if "Content Security Policy" in text] == []
    finally:
        context.close()
