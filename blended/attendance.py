"""Attendance: recording marks, the roll of a session, and how much a participant attended.

Every mark is appended to the history (`AttendanceMark`) and never changed. Per participant
and session, `Attendance` holds the mark that stands: the one taken last by the device's
clock, whoever took it and however it came in. So two facilitators marking the same person
give one standing record and two marks in the history, and a phone that syncs a mark taken
earlier, offline, does not override a mark taken since.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import NamedTuple

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blended.models import (
    Attendance,
    AttendanceMark,
    AttendanceStatus,
    Participant,
    TrainingSession,
)

#: Statuses that count as having attended.
ATTENDED = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.LATE})


class AttendanceRefused(ValueError):
    """A mark that cannot be recorded; the message says why, in words for facilitators."""


def unknown_status_message() -> str:
    return _("The status must be present, late, excused or absent.")


def check_mark(participant: Participant, session: TrainingSession, status: str) -> None:
    """Raise `AttendanceRefused` if `status` cannot be recorded for `participant` at `session`.

    Someone added to the cohort after a session started was never expected at it, so they
    are never marked absent for it; any other status is recorded (they may have come anyway).
    """
    if status not in AttendanceStatus.values:
        raise AttendanceRefused(unknown_status_message())
    if participant.cohort_id != session.cohort_id:
        raise AttendanceRefused(
            _("%(name)s is not in this session's cohort.") % {"name": participant.name}
        )
    if status == AttendanceStatus.ABSENT and not was_expected(participant, session):
        raise AttendanceRefused(
            _("%(name)s joined the cohort after this session started: they cannot be absent.")
            % {"name": participant.name}
        )


def was_expected(participant: Participant, session: TrainingSession) -> bool:
    """Whether `participant` was in the cohort when `session` started."""
    return participant.added_at <= session.starts_at


def record_mark(
    participant: Participant,
    session: TrainingSession,
    status: str,
    *,
    by: AbstractBaseUser | None,
    marked_at: datetime,
    source: str,
    client_id: uuid.UUID | None = None,
) -> AttendanceMark:
    """Append a mark to the history and make it the standing one if it is the latest.

    `marked_at` is when the mark was taken, on the device. The standing `Attendance` moves
    to this mark only if it was taken at or after the standing one (ties go to the mark
    recorded last), so a mark synced late from a phone that was offline does not override
    a newer one, and yet stays in the history.

    A mark that completes the participant's programme requests their certificate in the
    same transaction (`blended.completion.certify_if_complete`).

    Refusals (`AttendanceRefused`) write nothing. Sent twice with the same `client_id` (a
    device syncing again), the second call returns the first mark and writes nothing.
    """
    if client_id is not None:
        existing = AttendanceMark.objects.filter(client_id=client_id).first()
        if existing is not None:
            return existing
    check_mark(participant, session, status)
    with transaction.atomic():
        try:
            with transaction.atomic():
                mark = AttendanceMark.objects.create(
                    participant=participant,
                    session=session,
                    status=status,
                    source=source,
                    marked_by=by,
                    marked_at=marked_at,
                    client_id=client_id,
                )
        except IntegrityError:
            # The same client_id arrived from another request at the same time.
            if client_id is None:
                raise
            return AttendanceMark.objects.get(client_id=client_id)
        _make_standing_if_latest(mark)
        # completion builds on attendance, so it is imported here and not at the top.
        from blended.completion import certify_if_complete

        # Any mark may complete the participant, an "absent" too (it may be the last one the
        # roll needed): the certificate is requested with it.
        certify_if_complete(participant, taking_roll=True)
    return mark


def _make_standing_if_latest(mark: AttendanceMark) -> None:
    """Under a lock on the standing row, point it at `mark` if `mark` is the latest taken.

    The first mark for a participant and session creates the row; when two transactions
    both try, the unique constraint refuses one, which then takes the update path.
    """
    standing = Attendance.objects.select_for_update().filter(
        participant_id=mark.participant_id, session_id=mark.session_id
    )
    for _attempt in range(2):
        current = standing.first()
        if current is None:
            try:
                with transaction.atomic():
                    Attendance.objects.create(
                        participant_id=mark.participant_id,
                        session_id=mark.session_id,
                        mark=mark,
                        status=mark.status,
                        marked_at=mark.marked_at,
                    )
            except IntegrityError:
                continue
            return
        if (mark.marked_at, mark.pk) >= (current.marked_at, current.mark_id):
            current.mark = mark
            current.status = mark.status
            current.marked_at = mark.marked_at
            current.save(update_fields=["mark", "status", "marked_at"])
        return
    raise RuntimeError("The standing attendance row could neither be created nor found.")


class RollLine(NamedTuple):
    """One participant on a session's roll. `expected` is False for someone added to the
    cohort after the session started: they are listed, never counted absent."""

    participant: Participant
    attendance: Attendance | None
    expected: bool


def roll(session: TrainingSession) -> list[RollLine]:
    """Every participant of the session's cohort, by name, with their standing mark.

    Two queries, however many participants.
    """
    participants = list(
        Participant.objects.filter(cohort_id=session.cohort_id).select_related("user")
    )
    standing = {
        attendance.participant_id: attendance
        for attendance in Attendance.objects.filter(session=session)
    }
    return [
        RollLine(participant, standing.get(participant.pk), was_expected(participant, session))
        for participant in participants
    ]


def attendance_weights(participant: Participant, *, at: datetime | None = None) -> tuple[int, int]:
    """(weight attended, weight required) over the participant's cohort's required sessions.

    The rule, session by session, counting each by its weight:

    - sessions that started before the participant was added do not count at all;
    - present or late: attended (on both sides);
    - excused: the session does not count (on neither side);
    - absent: missed (required side only);
    - no mark: missed if the session has ended by `at` (now by default), otherwise not
      counted yet.

    Optional sessions never count. Two queries.
    """
    at = at or timezone.now()
    sessions = TrainingSession.objects.filter(
        cohort_id=participant.cohort_id, required=True, starts_at__gte=participant.added_at
    )
    statuses = dict(
        Attendance.objects.filter(participant=participant).values_list("session_id", "status")
    )
    attended = required = 0
    for session in sessions:
        status = statuses.get(session.pk)
        ended = session.starts_at + timedelta(minutes=session.duration_minutes) <= at
        if status == AttendanceStatus.EXCUSED or (status is None and not ended):
            continue
        required += session.weight
        if status in ATTENDED:
            attended += session.weight
    return attended, required
