"""The workshop pages through HTTP: My workshops, the roll call (online and synced from the
offline outbox), signing off, the QR screen and check-in, and sign-in sheet imports."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blended.attendance import record_mark
from blended.check_in import current_token
from blended.models import (
    Attendance,
    AttendanceMark,
    Cohort,
    Facilitator,
    Participant,
    Programme,
    TrainingSession,
)
from blended.walk_ins import display_claim_code
from tests.staff import flash, learner

START = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
ROLE = Facilitator.Role


@pytest.fixture
def cohort(course) -> Cohort:
    programme = Programme.objects.create(
        name="Shelter", course_key=course.translation_key, requires_signoff=True
    )
    return Cohort.objects.create(
        programme=programme,
        name="Nairobi, March",
        starts_on=date(2030, 3, 4),
        ends_on=date(2030, 3, 6),
        language="en",
        country="KE",
        place="Nairobi",
    )


@pytest.fixture
def session(cohort) -> TrainingSession:
    return TrainingSession.objects.create(
        cohort=cohort, title="Day 1", starts_at=START, venue="Hall B"
    )


def facilitator(cohort: Cohort, username: str, role: str = ROLE.LEAD):
    user = learner(username)
    Facilitator.objects.create(cohort=cohort, user=user, role=role)
    return user


@pytest.fixture
def lead(cohort):
    return facilitator(cohort, "lead")


def add_participant(cohort: Cohort, name: str, *, added_at=START - timedelta(days=7), user=None):
    with time_machine.travel(added_at, tick=False):
        return Participant.objects.create(cohort=cohort, name=name, user=user)


@pytest.fixture
def amina(cohort) -> Participant:
    return add_participant(cohort, "Amina Hassan", user=learner("amina"))


@pytest.fixture
def baraka(cohort) -> Participant:
    """Added to the cohort an hour after the first session started."""
    return add_participant(cohort, "Baraka Otieno", added_at=START + timedelta(hours=1))


def roll_url(session) -> str:
    return f"/workshops/sessions/{session.pk}/roll/"


def marks(participant) -> list[tuple[str, str]]:
    return list(
        AttendanceMark.objects.filter(participant=participant)
        .order_by("pk")
        .values_list("status", "source")
    )


def standing(participant, session) -> str | None:
    found = Attendance.objects.filter(participant=participant, session=session).first()
    return found.status if found else None


# My workshops


def test_my_workshops_lists_the_cohorts_someone_facilitates_with_their_sessions(
    client, cohort, session
):
    observer = facilitator(cohort, "observer", ROLE.OBSERVER)
    client.force_login(observer)

    html = client.get("/workshops/").content.decode()

    assert "Nairobi, March" in html and "Day 1" in html and "Hall B" in html
    assert roll_url(session) in html
    assert f"/workshops/sessions/{session.pk}/qr/" not in html  # observers show no code
    client.force_login(learner("someone-else"))
    assert "Nairobi, March" not in client.get("/workshops/").content.decode()


def test_workshop_pages_send_visitors_to_log_in_first(client, session):
    for url in ["/workshops/", roll_url(session), f"/workshops/check-in/{session.pk}/X/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/accounts/login/?next=/workshops/"), url


# Who may see and take the roll


def test_an_unknown_session_is_not_found(client, lead):
    client.force_login(lead)
    assert client.get("/workshops/sessions/999999/roll/").status_code == 404
    assert client.get("/workshops/sessions/999999/qr/").status_code == 404


def test_someone_who_does_not_facilitate_the_cohort_is_turned_away_with_a_reason(
    client, session, amina
):
    client.force_login(learner("stranger"))
    for url in [roll_url(session), f"/workshops/sessions/{session.pk}/qr/"]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Only the facilitators of this workshop" in response.content.decode()
    response = client.post(roll_url(session), {f"status-{amina.pk}": "present"})
    assert response.status_code == 403
    assert not AttendanceMark.objects.exists()


def test_an_observer_sees_the_roll_but_cannot_change_it(client, cohort, session, amina):
    record_mark(amina, session, "late", by=None, marked_at=START, source="roll_call")
    client.force_login(facilitator(cohort, "observer", ROLE.OBSERVER))

    response = client.get(roll_url(session))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Amina Hassan" in html and "Late" in html
    assert 'type="radio"' not in html and "Sign off" not in html

    response = client.post(roll_url(session), {f"status-{amina.pk}": "present"})
    assert response.status_code == 403
    assert "Only the lead facilitator and co-facilitators" in response.content.decode()
    assert standing(amina, session) == "late"
    assert client.get(f"/workshops/sessions/{session.pk}/qr/").status_code == 403


def test_staff_who_may_change_participants_may_take_the_roll(client, session, amina):
    staff = learner("coordinator")
    staff.user_permissions.add(Permission.objects.get(codename="change_participant"))
    client.force_login(staff)

    response = client.post(roll_url(session), {f"status-{amina.pk}": "present"})

    assert response.status_code == 302
    assert standing(amina, session) == "present"


# Taking the roll


def test_the_roll_shows_standing_marks_and_no_absent_for_someone_who_joined_later(
    client, lead, session, amina, baraka
):
    record_mark(amina, session, "late", by=None, marked_at=START, source="qr")
    client.force_login(lead)

    html = client.get(roll_url(session)).content.decode()

    assert re.search(rf'name="status-{amina.pk}"[^>]*value="late" checked', html)
    assert 'value="absent"' in html
    assert f'id="status-{baraka.pk}-absent"' not in html
    assert f'id="status-{baraka.pk}-excused"' in html
    assert "Joined after this session started" in html
    assert html.count("<fieldset") == 2 and html.count("<legend") == 2
    assert 'name="csrfmiddlewaretoken"' in html
    # No inline script (the site's policy forbids it): the offline roll call is a module file.
    assert re.findall(r"<script[^>]*>", html) == [
        '<script type="module" src="/static/js/offline.js">',
        '<script type="module" src="/static/blended/roll-call.js">',
    ]


def test_posting_the_roll_records_only_changed_lines_and_keeps_the_history(
    client, lead, session, amina, baraka
):
    client.force_login(lead)
    response = client.post(
        roll_url(session),
        {
            f"status-{amina.pk}": "present",
            f"shown-{amina.pk}": "",
            f"status-{baraka.pk}": "late",
            f"shown-{baraka.pk}": "",
        },
    )
    assert response.status_code == 302 and response.url == roll_url(session)
    assert flash(response) == ["Roll saved: 2 marks recorded."]
    client.get(response.url)  # the roll again, with the message

    # The same page sent again: Amina left as shown, Baraka changed to present.
    response = client.post(
        roll_url(session),
        {
            f"status-{amina.pk}": "present",
            f"shown-{amina.pk}": "present",
            f"status-{baraka.pk}": "present",
            f"shown-{baraka.pk}": "late",
        },
    )
    assert flash(response) == ["Roll saved: 1 mark recorded."]
    assert marks(amina) == [("present", "roll_call")]
    assert marks(baraka) == [("late", "roll_call"), ("present", "roll_call")]
    assert standing(baraka, session) == "present"
    assert AttendanceMark.objects.filter(marked_by=lead).count() == 3


def test_a_roll_sent_from_a_page_opened_earlier_does_not_undo_a_newer_mark(
    client, cohort, lead, session, amina
):
    co = facilitator(cohort, "co", ROLE.CO_FACILITATOR)
    # The lead's page showed Amina absent; meanwhile the co-facilitator marks her late.
    earlier = timezone.now() - timedelta(minutes=5)
    record_mark(amina, session, "absent", by=lead, marked_at=earlier, source="roll_call")
    client.force_login(co)
    client.post(roll_url(session), {f"status-{amina.pk}": "late", f"shown-{amina.pk}": "absent"})
    client.get(roll_url(session))  # the roll again, with the message

    client.force_login(lead)
    response = client.post(
        roll_url(session), {f"status-{amina.pk}": "absent", f"shown-{amina.pk}": "absent"}
    )

    assert flash(response) == ["Nothing changed: the roll is as it was."]
    assert standing(amina, session) == "late"


def test_a_refused_line_is_shown_as_an_error_and_only_that_line_is_not_written(
    client, lead, session, amina, baraka
):
    client.force_login(lead)
    response = client.post(
        roll_url(session),
        {f"status-{amina.pk}": "present", f"status-{baraka.pk}": "absent"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "joined the cohort after this session started: they cannot be absent" in html
    assert f'href="#person-{baraka.pk}"' in html
    assert marks(baraka) == []
    assert marks(amina) == [("present", "roll_call")]


def test_the_roll_page_makes_as_many_queries_for_20_people_as_for_3(client, lead, cohort):
    client.force_login(lead)

    def queries_for(count: int) -> int:
        session = TrainingSession.objects.create(cohort=cohort, title="Day", starts_at=START)
        Participant.objects.filter(cohort=cohort).update(cohort=other_cohort)
        for number in range(count):
            person = add_participant(cohort, f"Person {number}", user=learner(f"p{count}-{number}"))
            record_mark(person, session, "present", by=None, marked_at=START, source="qr")
        client.get(roll_url(session))  # what is cached per process (site, settings) is cached
        with CaptureQueriesContext(connection) as queries:
            assert client.get(roll_url(session)).status_code == 200
        return len(queries)

    other_cohort = Cohort.objects.create(
        programme=cohort.programme,
        name="Elsewhere",
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        language="en",
        country="KE",
        place="Mombasa",
    )
    few = queries_for(3)
    assert few == queries_for(20)
    assert few <= 10, few


# Signing off


def test_a_lead_signs_a_participant_off_from_the_roll(client, lead, cohort, session, amina):
    url = f"/workshops/sessions/{session.pk}/participants/{amina.pk}/sign-off/"
    client.force_login(facilitator(cohort, "observer", ROLE.OBSERVER))
    assert client.post(url).status_code == 403

    client.force_login(lead)
    assert f'form="sign-off-{amina.pk}"' in client.get(roll_url(session)).content.decode()
    response = client.post(url)

    assert response.status_code == 302
    assert flash(response) == ["Amina Hassan is signed off."]
    amina.refresh_from_db()
    assert (amina.signed_off_by, amina.signed_off_at is not None) == (lead, True)
    assert "Signed off on" in client.get(roll_url(session)).content.decode()


def test_no_sign_off_where_the_programme_does_not_need_one(client, lead, cohort, session, amina):
    Programme.objects.filter(pk=cohort.programme_id).update(requires_signoff=False)
    client.force_login(lead)

    assert "Sign off" not in client.get(roll_url(session)).content.decode()
    url = f"/workshops/sessions/{session.pk}/participants/{amina.pk}/sign-off/"
    assert client.post(url).status_code == 404


# The roll taken offline, synced


def sync(client, *items):
    response = client.post(
        "/workshops/sync/", {"items": list(items)}, content_type="application/json"
    )
    return response.status_code, response.json()


def offline_mark(session, participant, status, marked_at, client_id=None) -> dict:
    return {
        "id": str(client_id or uuid.uuid4()),
        "type": "attendance_mark",
        "session": session.pk,
        "participant": participant.pk,
        "status": status,
        "marked_at": marked_at.isoformat(),
    }


@time_machine.travel(START + timedelta(hours=2), tick=False)
def test_a_mark_synced_twice_is_recorded_once_as_offline(client, lead, session, amina):
    client.force_login(lead)
    item = offline_mark(session, amina, "late", START + timedelta(minutes=12))

    first = sync(client, item)
    again = sync(client, item)

    assert first[0] == again[0] == 200
    assert first[1]["results"][0]["status"] == "done"
    assert again[1]["results"][0]["status"] == "already_synced"
    assert first[1]["results"][0]["message"] == "Amina Hassan: Late (Day 1)"
    recorded = AttendanceMark.objects.get()
    assert (recorded.source, recorded.status, str(recorded.client_id)) == (
        "offline",
        "late",
        item["id"],
    )
    assert recorded.marked_at == START + timedelta(minutes=12)
    assert recorded.marked_by == lead


@time_machine.travel(START + timedelta(hours=2), tick=False)
def test_an_offline_mark_taken_before_a_newer_online_one_stays_in_the_history_only(
    client, lead, session, amina
):
    client.force_login(lead)
    with time_machine.travel(START + timedelta(minutes=20), tick=False):
        client.post(roll_url(session), {f"status-{amina.pk}": "present"})

    status, body = sync(
        client, offline_mark(session, amina, "absent", START + timedelta(minutes=5))
    )

    assert status == 200
    assert "a later mark stands" in body["results"][0]["message"]
    assert standing(amina, session) == "present"
    assert marks(amina) == [("present", "roll_call"), ("absent", "offline")]

    # A mark taken offline after the online one is the one that stands.
    sync(client, offline_mark(session, amina, "late", START + timedelta(minutes=30)))
    assert standing(amina, session) == "late"


@time_machine.travel(START + timedelta(hours=2), tick=False)
def test_a_phone_clock_in_the_future_counts_as_now_and_a_month_old_mark_is_refused(
    client, lead, session, amina
):
    client.force_login(lead)
    status, body = sync(
        client,
        offline_mark(session, amina, "present", START + timedelta(days=3)),
        offline_mark(session, amina, "late", START - timedelta(days=31)),
    )

    assert status == 200
    future, old = body["results"]
    assert future["status"] == "done"
    assert AttendanceMark.objects.get().marked_at == timezone.now()
    assert old["status"] == "refused"
    assert "more than 30 days ago" in old["message"]


@time_machine.travel(START + timedelta(hours=2), tick=False)
def test_offline_marks_are_refused_for_anyone_but_the_rolls_takers(
    client, cohort, session, amina, baraka
):
    client.force_login(facilitator(cohort, "observer", ROLE.OBSERVER))
    _status, body = sync(client, offline_mark(session, amina, "present", START))
    assert body["results"][0]["status"] == "refused"
    assert "Only the cohort's lead facilitator" in body["results"][0]["message"]

    client.force_login(facilitator(cohort, "lead", ROLE.LEAD))
    _status, body = sync(client, offline_mark(session, baraka, "absent", START))
    assert body["results"][0]["status"] == "refused"
    assert "cannot be absent" in body["results"][0]["message"]
    assert not AttendanceMark.objects.exists()


def test_a_malformed_batch_writes_nothing_and_a_lost_session_gets_401(client, lead, session, amina):
    good = offline_mark(session, amina, "present", START)
    assert sync(client, good)[0] == 401

    client.force_login(lead)
    status, body = sync(
        client,
        good,
        {**good, "id": "not-a-uuid"},
        {**good, "id": str(uuid.uuid4()), "status": "asleep"},
    )

    assert status == 400
    assert [error["index"] for error in body["errors"]] == [1, 2]
    assert not AttendanceMark.objects.exists()
    response = client.post("/workshops/sync/", "{", content_type="application/json")
    assert response.status_code == 400


# The QR screen and checking in


def check_in_path(html: str) -> str:
    url = re.search(r'id="check-in-url"><span dir="ltr">([^<]+)<', html).group(1)
    return url.removeprefix("http://testserver")


def test_the_code_on_the_qr_screen_checks_a_participant_in_by_qr(client, lead, session, amina):
    with time_machine.travel(START - timedelta(minutes=10, seconds=-7), tick=False):
        client.force_login(lead)
        html = client.get(f"/workshops/sessions/{session.pk}/qr/").content.decode()
    token = current_token(session, START - timedelta(minutes=10))
    assert token in html
    assert '<svg viewBox="0 0' in html
    assert 'data-refresh="23"' in html  # the next 30-second slot
    path = check_in_path(html)
    assert path == f"/workshops/check-in/{session.pk}/{token}/"

    with time_machine.travel(START - timedelta(minutes=9, seconds=40), tick=False):
        client.force_login(amina.user)
        page = client.get(path)
        assert "Check me in" in page.content.decode()
        response = client.post(path)

    assert response.status_code == 200
    assert "You are checked in" in response.content.decode()
    recorded = AttendanceMark.objects.get()
    assert (recorded.status, recorded.source, recorded.marked_by) == ("present", "qr", amina.user)


def test_a_code_more_than_60_seconds_old_is_refused_with_400(client, session, amina):
    shown = START - timedelta(minutes=10)
    path = f"/workshops/check-in/{session.pk}/{current_token(session, shown)}/"
    with time_machine.travel(shown + timedelta(seconds=61), tick=False):
        client.force_login(amina.user)
        response = client.post(path)

    assert response.status_code == 400
    assert "This code has expired" in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_outside_the_window_the_screen_shows_no_code_and_check_in_is_refused(
    client, lead, session, amina
):
    before = START - timedelta(minutes=45)
    after = START + timedelta(minutes=61)
    with time_machine.travel(before, tick=False):
        client.force_login(lead)
        html = client.get(f"/workshops/sessions/{session.pk}/qr/").content.decode()
    assert "Check-in opens at 4 March 2030, 08:30" in html and "<svg" not in html
    assert 'data-refresh="300"' in html
    with time_machine.travel(after, tick=False):
        html = client.get(f"/workshops/sessions/{session.pk}/qr/").content.decode()
    assert "Check-in closed at 4 March 2030, 10:00" in html and "<svg" not in html

    with time_machine.travel(after, tick=False):
        client.force_login(amina.user)
        response = client.post(f"/workshops/check-in/{session.pk}/{current_token(session, after)}/")
    assert response.status_code == 400
    assert "Check-in for this session has closed." in response.content.decode()
    assert not AttendanceMark.objects.exists()


def test_someone_not_in_the_cohort_cannot_check_in(client, session, amina):
    path = f"/workshops/check-in/{session.pk}/{current_token(session, START)}/"

    with time_machine.travel(START, tick=False):
        client.force_login(learner("gatecrasher"))
        response = client.post(path)
        unknown = client.get("/workshops/check-in/999999/ABC/")

    assert response.status_code == 403
    assert "You are not on the list of participants" in response.content.decode()
    assert unknown.status_code == 404
    assert not AttendanceMark.objects.exists()


# Sign-in sheets


def upload(client, session, text: str):
    sheet = SimpleUploadedFile("sheet.csv", text.encode(), content_type="text/csv")
    return client.post(f"/workshops/sessions/{session.pk}/sign-in-sheet/", {"file": sheet})


def test_a_sign_in_sheet_is_imported_as_marks_at_the_start_of_the_session(
    client, lead, session, amina, baraka
):
    client.force_login(lead)
    assert client.get(f"/workshops/sessions/{session.pk}/sign-in-sheet/").status_code == 200

    response = upload(client, session, "name,status\nAmina Hassan,present\nBaraka Otieno,late\n")

    assert response.status_code == 302 and response.url == roll_url(session)
    assert flash(response) == ["Sign-in sheet imported: 2 marks recorded."]
    assert marks(amina) == [("present", "import")]
    assert AttendanceMark.objects.filter(participant=baraka).get().marked_at == START


def test_a_sign_in_sheet_with_problems_lists_them_by_line_and_writes_nothing(
    client, lead, session, amina, baraka
):
    client.force_login(lead)

    response = upload(
        client, session, "name,status\nAmina Hassan,present\nNobody,present\nBaraka Otieno,absent\n"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing has been imported: 2 problems were found." in html
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>", html)
    assert rows == ["3", "4"]
    assert "Nobody in this cohort has this name" in html
    assert not AttendanceMark.objects.exists()

    response = upload(client, session, "who,when\n")
    assert "The first line must name the columns" in response.content.decode()


def test_only_the_rolls_takers_import_sign_in_sheets(client, cohort, session, amina):
    client.force_login(facilitator(cohort, "observer", ROLE.OBSERVER))
    assert upload(client, session, "name,status\nAmina Hassan,present\n").status_code == 403
    assert not AttendanceMark.objects.exists()


# Walk-ins added from the roll


def walk_in_url(session) -> str:
    return f"/workshops/sessions/{session.pk}/walk-in/"


def test_a_lead_adds_a_walk_in_who_is_then_on_the_roll_with_their_claim_code(client, session, lead):
    client.force_login(lead)
    assert client.get(walk_in_url(session)).status_code == 200

    response = client.post(
        walk_in_url(session), {"name": " Joseph Mutombo ", "organisation": "Red Cross"}
    )

    assert response.status_code == 302 and response.url == roll_url(session)
    joseph = Participant.objects.get()
    assert (joseph.name, joseph.organisation, joseph.user) == ("Joseph Mutombo", "Red Cross", None)
    code = display_claim_code(joseph.claim_code)
    [message] = flash(client.get(response.url))
    assert f"Give them their claim code, {code}:" in message
    roll = client.get(roll_url(session)).content.decode()
    assert "Joseph Mutombo" in roll and code in roll
    # Added before the session (in 2030) started: they may be absent from it.
    assert f'id="status-{joseph.pk}-absent"' in roll


def test_a_walk_in_needs_a_name_and_a_free_place(client, session, lead):
    client.force_login(lead)
    response = client.post(walk_in_url(session), {"name": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()

    session.cohort.capacity = 1
    session.cohort.save()
    assert client.post(walk_in_url(session), {"name": "First"}).status_code == 302
    full = client.post(walk_in_url(session), {"name": "Second"})
    assert full.status_code == 400
    assert "This cohort is full: its 1 place is taken." in full.content.decode()
    assert list(Participant.objects.values_list("name", flat=True)) == ["First"]


@pytest.mark.parametrize("role", [ROLE.OBSERVER, None])
def test_only_the_lead_and_co_facilitators_add_walk_ins(client, session, cohort, role):
    user = facilitator(cohort, "someone", role) if role else learner("someone")
    client.force_login(user)
    assert client.get(walk_in_url(session)).status_code == 403
    assert client.post(walk_in_url(session), {"name": "Joseph"}).status_code == 403
    assert not Participant.objects.exists()


def test_a_co_facilitator_may_add_one(client, session, cohort):
    client.force_login(facilitator(cohort, "co", Facilitator.Role.CO_FACILITATOR))
    assert client.post(walk_in_url(session), {"name": "Joseph"}).status_code == 302
    assert Participant.objects.filter(name="Joseph").exists()


def test_adding_a_walk_in_needs_a_csrf_token(client, session, lead):
    client.handler.enforce_csrf_checks = True
    client.force_login(lead)
    assert client.post(walk_in_url(session), {"name": "Joseph"}).status_code == 403
    assert not Participant.objects.exists()
