"""Attendance in a workshop room: roll calls, QR check-in, paper sign-in sheets, and how much
a participant attended."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blended.attendance import (
    AttendanceRefused,
    attendance_weights,
    record_mark,
    roll,
)
from blended.check_in import CheckInRefused, check_in, current_token
from blended.models import (
    Attendance,
    AttendanceMark,
    AttendanceStatus,
    Cohort,
    Participant,
    Programme,
    TrainingSession,
)
from blended.sign_in_sheet import import_sign_in_sheet
from courses.learning.roster import RosterFileError
from tests.factories import UserFactory

ROLL_CALL = AttendanceMark.Source.ROLL_CALL
#: The first session starts at 09:00 on the workshop's first day.
START = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def cohort(course) -> Cohort:
    programme = Programme.objects.create(name="Shelter", course_key=course.translation_key)
    return Cohort.objects.create(
        programme=programme,
        name="Nairobi, March",
        starts_on=date(2030, 3, 4),
        ends_on=date(2030, 3, 6),
        language="en",
        country="KE",
        place="Nairobi",
    )


def add_session(cohort: Cohort, day: int = 0, **fields) -> TrainingSession:
    fields.setdefault("title", f"Day {day + 1}")
    return TrainingSession.objects.create(
        cohort=cohort, starts_at=START + timedelta(days=day), **fields
    )


def add_participant(cohort: Cohort, name: str, *, added_at=START - timedelta(days=7), user=None):
    with time_machine.travel(added_at, tick=False):
        return Participant.objects.create(cohort=cohort, name=name, user=user)


@pytest.fixture
def session(cohort) -> TrainingSession:
    return add_session(cohort)


@pytest.fixture
def amina(cohort) -> Participant:
    return add_participant(cohort, "Amina Hassan", user=UserFactory(email="amina@example.org"))


@pytest.fixture
def facilitators():
    return UserFactory(), UserFactory()


def mark(participant, session, status, minutes, by=None, **kwargs) -> AttendanceMark:
    return record_mark(
        participant,
        session,
        status,
        by=by,
        marked_at=START + timedelta(minutes=minutes),
        source=kwargs.pop("source", ROLL_CALL),
        **kwargs,
    )


# Roll calls


def test_two_facilitators_marking_the_same_person_give_one_record_the_later_wins(
    session, amina, facilitators
):
    first = mark(amina, session, AttendanceStatus.ABSENT, 5, by=facilitators[0])
    second = mark(amina, session, AttendanceStatus.LATE, 20, by=facilitators[1])

    standing = Attendance.objects.get(participant=amina, session=session)
    assert (standing.mark, standing.status) == (second, "late")
    assert list(AttendanceMark.objects.filter(participant=amina)) == [first, second]


def test_a_mark_taken_earlier_but_synced_later_stays_in_the_history_only(session, amina):
    newer = mark(amina, session, AttendanceStatus.PRESENT, 10)
    synced = mark(amina, session, AttendanceStatus.ABSENT, 2, source="offline")

    standing = Attendance.objects.get(participant=amina, session=session)
    assert (standing.mark, standing.status) == (newer, "present")
    assert set(AttendanceMark.objects.filter(participant=amina)) == {newer, synced}


def test_marks_taken_at_the_same_moment_go_to_the_one_recorded_last(session, amina):
    mark(amina, session, AttendanceStatus.ABSENT, 0)
    last = mark(amina, session, AttendanceStatus.PRESENT, 0)
    assert Attendance.objects.get(participant=amina, session=session).mark == last


def test_a_mark_sent_twice_with_the_same_client_id_is_kept_once(session, amina):
    client_id = uuid.uuid4()
    first = mark(amina, session, AttendanceStatus.PRESENT, 3, client_id=client_id)
    again = mark(amina, session, AttendanceStatus.PRESENT, 3, client_id=client_id)

    assert again == first
    assert AttendanceMark.objects.filter(participant=amina).count() == 1


def test_someone_added_after_the_session_is_never_marked_absent(cohort, session):
    walk_in = add_participant(cohort, "Baraka", added_at=START + timedelta(hours=1))

    with pytest.raises(AttendanceRefused, match="joined the cohort after this session started"):
        mark(walk_in, session, AttendanceStatus.ABSENT, 70)
    assert not AttendanceMark.objects.exists()

    mark(walk_in, session, AttendanceStatus.LATE, 70)
    assert Attendance.objects.get(participant=walk_in).status == "late"


def test_marks_for_someone_outside_the_cohort_or_with_an_unknown_status_are_refused(
    cohort, session, amina
):
    other_cohort = Cohort.objects.create(
        programme=cohort.programme,
        name="Mombasa",
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        language="en",
        country="KE",
        place="Mombasa",
    )
    stranger = add_participant(other_cohort, "Chidi")

    with pytest.raises(AttendanceRefused, match="is not in this session's cohort"):
        mark(stranger, session, AttendanceStatus.PRESENT, 0)
    with pytest.raises(AttendanceRefused, match="must be present, late, excused or absent"):
        mark(amina, session, "asleep", 0)
    assert not AttendanceMark.objects.exists()


def test_the_roll_lists_everyone_and_flags_those_not_expected(cohort, session, amina):
    walk_in = add_participant(cohort, "Baraka", added_at=START + timedelta(hours=1))
    add_participant(cohort, "Chidi")
    mark(amina, session, AttendanceStatus.PRESENT, 0)

    with CaptureQueriesContext(connection) as queries:
        lines = roll(session)

    assert len(queries) == 2
    assert [(line.participant.name, line.expected) for line in lines] == [
        ("Amina Hassan", True),
        ("Baraka", False),
        ("Chidi", True),
    ]
    assert lines[0].attendance.status == "present"
    assert lines[1].participant == walk_in
    assert lines[1].attendance is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("attempt", range(2))
def test_two_facilitators_marking_at_once_give_one_record_and_two_marks(
    session, amina, facilitators, attempt
):
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def take_roll(by, status, minutes):
        try:
            barrier.wait(timeout=10)
            mark(amina, session, status, minutes, by=by)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=take_roll, args=(facilitators[0], AttendanceStatus.LATE, 4)),
        threading.Thread(target=take_roll, args=(facilitators[1], AttendanceStatus.PRESENT, 6)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert AttendanceMark.objects.filter(participant=amina, session=session).count() == 2
    standing = Attendance.objects.get(participant=amina, session=session)
    assert standing.status == "present"


# QR check-in


def test_a_valid_code_records_present_by_qr(session, amina):
    at = START - timedelta(minutes=10)
    recorded = check_in(session, amina, current_token(session, at), at)

    assert (recorded.status, recorded.source, recorded.marked_by) == ("present", "qr", amina.user)
    assert Attendance.objects.get(participant=amina, session=session).mark == recorded


def test_the_previous_code_is_still_accepted_and_lowercase_is_fine(session, amina):
    shown = START - timedelta(minutes=10)
    scanned = shown + timedelta(seconds=30)
    recorded = check_in(session, amina, current_token(session, shown).lower(), scanned)
    assert recorded.source == "qr"


def test_a_code_two_slots_old_is_refused(session, amina):
    shown = START - timedelta(minutes=10)
    with pytest.raises(CheckInRefused, match="This code has expired"):
        check_in(session, amina, current_token(session, shown), shown + timedelta(seconds=61))
    assert not AttendanceMark.objects.exists()


def test_a_code_of_another_session_is_refused(cohort, session, amina):
    other = add_session(cohort, day=0, title="Afternoon")
    at = START
    with pytest.raises(CheckInRefused, match="This code has expired"):
        check_in(session, amina, current_token(other, at), at)


def test_check_in_is_refused_outside_the_window(session, amina):
    before = START - timedelta(minutes=session.check_in_opens_minutes, seconds=1)
    after = START + timedelta(minutes=session.check_in_closes_minutes, seconds=1)

    with pytest.raises(CheckInRefused, match="not opened yet"):
        check_in(session, amina, current_token(session, before), before)
    with pytest.raises(CheckInRefused, match="has closed"):
        check_in(session, amina, current_token(session, after), after)
    assert not AttendanceMark.objects.exists()


def test_checking_in_twice_or_after_a_late_mark_keeps_what_stands(cohort, session, amina):
    first_scan = START - timedelta(minutes=5)
    first = check_in(session, amina, current_token(session, first_scan), first_scan)
    second_scan = START + timedelta(minutes=2)
    assert check_in(session, amina, current_token(session, second_scan), second_scan) == first

    baraka = add_participant(cohort, "Baraka")
    late = mark(baraka, session, AttendanceStatus.LATE, 20)
    scan = START + timedelta(minutes=25)
    assert check_in(session, baraka, current_token(session, scan), scan) == late
    assert AttendanceMark.objects.count() == 2


def test_check_in_with_the_clock_of_the_server(session, amina):
    """What a check-in view does: show the code now, scan it 45 seconds later."""
    with time_machine.travel(START - timedelta(minutes=1), tick=False) as clock:
        shown = current_token(session, datetime.now(UTC))
        clock.shift(45)
        assert check_in(session, amina, shown, datetime.now(UTC)).status == "present"
        clock.shift(30)
        with pytest.raises(CheckInRefused):
            check_in(session, amina, shown, datetime.now(UTC))


# Sign-in sheets


def test_a_sheet_with_problems_gives_them_by_line_and_writes_nothing(cohort, session, amina):
    add_participant(cohort, "Baraka")
    add_participant(cohort, "Chidi")
    add_participant(cohort, "chidi")
    add_participant(cohort, "Dalia", added_at=START + timedelta(hours=2))
    sheet = (
        b"name,status\n"
        b"baraka,present\n"
        b"Nobody,present\n"
        b"Chidi,late\n"
        b"Baraka,absent\n"
        b"Amina Hassan,asleep\n"
        b"Dalia,absent\n"
    )

    report = import_sign_in_sheet(session, sheet, by=None)

    assert not report.committed
    assert [(problem.line, problem.message) for problem in report.problems] == [
        (3, "Nobody in this cohort has this name or email address."),
        (4, "Several people in this cohort have this name: use their email address."),
        (5, "This person is also on line 2."),
        (6, "The status must be present, late, excused or absent."),
        (7, "Dalia joined the cohort after this session started: they cannot be absent."),
    ]
    assert not AttendanceMark.objects.exists()

    only_valid = import_sign_in_sheet(session, sheet, by=None, only_valid=True)
    assert only_valid.committed
    assert list(Attendance.objects.values_list("participant__name", "status")) == [
        ("Baraka", "present")
    ]


def test_a_clean_sheet_is_imported_once_as_of_the_session_start(cohort, session, amina):
    baraka = add_participant(cohort, "Baraka", user=UserFactory(email="baraka@example.org"))
    sheet = b"email;status\nAMINA@example.org;Late\nbaraka@example.org;excused\n"

    report = import_sign_in_sheet(session, sheet, by=None)
    again = import_sign_in_sheet(session, sheet, by=None)

    assert report.committed and again.committed
    assert [(line.line, line.participant, line.status) for line in report.lines] == [
        (2, amina, "late"),
        (3, baraka, "excused"),
    ]
    marks = AttendanceMark.objects.all()
    assert len(marks) == 2
    assert {(m.source, m.marked_at) for m in marks} == {("import", session.starts_at)}


def test_a_sheet_without_the_right_columns_is_refused_as_a_whole(session):
    with pytest.raises(RosterFileError, match="name,status or email,status"):
        import_sign_in_sheet(session, b"person,status\nAmina,present\n", by=None)
    with pytest.raises(RosterFileError, match="only the header line"):
        import_sign_in_sheet(session, b"name,status\n", by=None)


# How much a participant attended


def test_attendance_weights_count_required_sessions_since_joining(cohort, amina):
    sessions = [
        add_session(cohort, day=0, weight=2),
        add_session(cohort, day=1, weight=1),
        add_session(cohort, day=2, weight=3),  # excused
        add_session(cohort, day=3, weight=1),  # no mark, ended: missed
        add_session(cohort, day=4, weight=5, required=False),
        add_session(cohort, day=5, weight=1),  # not over yet, no mark: not counted
    ]
    mark(amina, sessions[0], AttendanceStatus.PRESENT, 0)
    mark(amina, sessions[1], AttendanceStatus.ABSENT, 24 * 60)
    mark(amina, sessions[2], AttendanceStatus.EXCUSED, 2 * 24 * 60)
    mark(amina, sessions[4], AttendanceStatus.PRESENT, 4 * 24 * 60)

    assert attendance_weights(amina, at=START + timedelta(days=5)) == (2, 4)

    mark(amina, sessions[5], AttendanceStatus.LATE, 5 * 24 * 60)
    assert attendance_weights(amina, at=START + timedelta(days=5)) == (3, 5)


def test_sessions_before_joining_do_not_count(cohort):
    add_session(cohort, day=0, weight=2)
    second_day = add_session(cohort, day=1, weight=1)
    walk_in = add_participant(cohort, "Baraka", added_at=START + timedelta(hours=3))
    mark(walk_in, second_day, AttendanceStatus.PRESENT, 24 * 60)

    assert attendance_weights(walk_in, at=START + timedelta(days=3)) == (1, 1)
