"""Checking in by QR code: the facilitator's screen shows a code that changes every 30 seconds.

A code is an HMAC of the session and the 30-second slot, keyed by the session's own secret,
so it cannot be worked out from earlier codes and is worthless for any other session. The
code of the current slot and of the one before are accepted, so a code works for 30 to 60
seconds: long enough to scan, too short to send to a friend who stayed at home.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from blended.attendance import ATTENDED, AttendanceRefused, record_mark
from blended.models import (
    Attendance,
    AttendanceMark,
    AttendanceStatus,
    Participant,
    TrainingSession,
)

SLOT_SECONDS = 30
TOKEN_LENGTH = 10
#: Statuses a QR check-in never replaces: checking in again, or after a facilitator marked
#: someone late, leaves the standing mark as it is.
ALREADY_IN = ATTENDED


class CheckInRefused(AttendanceRefused):
    """A check-in that cannot be accepted; the message says why, in words for the participant."""


def _slot(at: datetime) -> int:
    return int(at.timestamp()) // SLOT_SECONDS


def _token_for_slot(session: TrainingSession, slot: int) -> str:
    digest = hmac.new(
        session.check_in_secret.encode(), f"{session.pk}:{slot}".encode(), hashlib.sha256
    ).digest()
    # Base32: capitals and digits only, easy to read out and compact in a QR code.
    return base64.b32encode(digest).decode("ascii")[:TOKEN_LENGTH]


def current_token(session: TrainingSession, at: datetime) -> str:
    """The code to show for `session` at the moment `at`."""
    return _token_for_slot(session, _slot(at))


def check_in_window(session: TrainingSession) -> tuple[datetime, datetime]:
    """When check-in opens and closes for `session`, both included."""
    return (
        session.starts_at - timedelta(minutes=session.check_in_opens_minutes),
        session.starts_at + timedelta(minutes=session.check_in_closes_minutes),
    )


def token_is_valid(session: TrainingSession, token: str, at: datetime) -> bool:
    """Whether `token` is the code of the current 30-second slot or of the one before.

    Both are compared in constant time, so timing says nothing about how close a guess was.
    """
    given = token.strip().upper().encode()
    slot = _slot(at)
    matches = [
        hmac.compare_digest(given, _token_for_slot(session, candidate).encode())
        for candidate in (slot, slot - 1)
    ]
    return any(matches)


def check_in(
    session: TrainingSession, participant: Participant, token: str, at: datetime
) -> AttendanceMark:
    """Record `participant` present at `session`, by QR code, if the code and time allow.

    Refused (`CheckInRefused`, nothing written) outside the session's check-in window or
    with a code more than one slot old. Checking in again, or after a facilitator has
    already marked the participant present or late, records nothing and returns the mark
    that stands; after an "absent" or "excused" mark, the check-in is newer and stands.
    """
    opens, closes = check_in_window(session)
    if at < opens:
        raise CheckInRefused(_("Check-in for this session has not opened yet."))
    if at > closes:
        raise CheckInRefused(_("Check-in for this session has closed."))
    if not token_is_valid(session, token, at):
        raise CheckInRefused(_("This code has expired. Scan the code on the screen again."))
    standing = (
        Attendance.objects.filter(participant=participant, session=session)
        .select_related("mark")
        .first()
    )
    if standing is not None and standing.status in ALREADY_IN:
        return standing.mark
    return record_mark(
        participant,
        session,
        AttendanceStatus.PRESENT,
        by=participant.user,
        marked_at=at,
        source=AttendanceMark.Source.QR,
    )
