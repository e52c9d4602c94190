"""Roll calls taken offline: marks a facilitator's phone kept in its outbox, synced later.

The page's outbox (`training/static/js/offline.js`, the same one that keeps learners' lessons
and quizzes) sends `{"items": [...]}` to `POST /workshops/sync/`, each item

    {"id": "<UUID made on the phone>", "type": "attendance_mark", "session": <id>,
     "participant": <id>, "status": "present" | "late" | "excused" | "absent",
     "marked_at": "<ISO 8601 time on the phone, with its offset>"}

`parse_batch` checks the whole batch first (`BatchInvalid`, nothing written, one message per
item). `sync_marks` records each item through `attendance.record_mark` with source "offline"
and the item's id as the mark's `client_id`: the same id again records nothing and gets
`already_synced`. The phone's clock is trusted for the order of marks (the later mark wins),
within limits: a time in the future counts as now, and a mark older than `MAX_AGE` is refused.
Every result is final: the phone drops the item once it has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from blended.attendance import AttendanceRefused, record_mark, unknown_status_message
from blended.models import (
    Attendance,
    AttendanceMark,
    AttendanceStatus,
    Participant,
    TrainingSession,
)
from blended.roll_call import roll_access
from courses.sync.batch import client_id_of, parse_items, positive_id

KIND = "attendance_mark"
#: Marks taken longer ago than this are refused: a phone forgotten in a drawer for months
#: should not rewrite a workshop's attendance.
MAX_AGE = timedelta(days=30)
DONE, ALREADY_SYNCED, REFUSED = "done", "already_synced", "refused"


@dataclass(frozen=True)
class MarkItem:
    index: int
    client_id: UUID
    session_id: int
    participant_id: int
    status: str
    marked_at: datetime


def _item(index: int, raw: object) -> MarkItem | str:
    """The item, or what is wrong with it."""
    if not isinstance(raw, dict):
        return _("Each item must be an object.")
    client_id = client_id_of(raw.get("id"))
    if client_id is None:
        return _("The item has no id, or its id is not a UUID.")
    if raw.get("type") != KIND:
        return _("Unknown item type: use attendance_mark.")
    session_id = positive_id(raw.get("session"))
    participant_id = positive_id(raw.get("participant"))
    if session_id is None or participant_id is None:
        return _("An attendance mark needs the session's id and the participant's id.")
    status = raw.get("status")
    if status not in AttendanceStatus.values:
        return unknown_status_message()
    marked_at = parse_datetime(raw["marked_at"]) if isinstance(raw.get("marked_at"), str) else None
    if marked_at is None or marked_at.tzinfo is None:
        return _("marked_at must be a date and time with its offset, such as 2030-03-04T09:05Z.")
    return MarkItem(index, client_id, session_id, participant_id, status, marked_at)


def parse_batch(body: bytes) -> list[MarkItem]:
    """The items of a batch sent as JSON, checked; raises BatchInvalid listing every problem."""
    return parse_items(body, _item)


def _result(item: MarkItem, status: str, message: str) -> dict:
    return {
        "id": str(item.client_id),
        "status": status,
        "message": message,
        "session": item.session_id,
        "participant": item.participant_id,
    }


def _recorded(item: MarkItem, mark: AttendanceMark, standing: Attendance | None, status: str):
    values = {
        "name": mark.participant.name,
        "status": AttendanceStatus(mark.status).label,
        "session": mark.session.title,
    }
    if standing is not None and standing.mark_id != mark.pk:
        message = _(
            "%(name)s: %(status)s is in the history, but a later mark stands (%(session)s)."
        )
    else:
        message = _("%(name)s: %(status)s (%(session)s)")
    return _result(item, status, message % values)


def _sync_one(
    user: AbstractBaseUser, item: MarkItem, found: dict, now: datetime
) -> tuple[dict | None, AttendanceMark | None]:
    """One item's result, and the mark it recorded or found."""
    sessions, participants, kept, access = found
    earlier = kept.get(item.client_id)
    if earlier is not None:
        if (earlier.session_id, earlier.participant_id) != (item.session_id, item.participant_id):
            return _result(item, REFUSED, _("This id was already used for another mark.")), None
        return None, earlier
    session = sessions.get(item.session_id)
    participant = participants.get(item.participant_id)
    if session is None or participant is None or participant.cohort_id != session.cohort_id:
        return _result(item, REFUSED, _("There is no such person in this session.")), None
    if session.cohort_id not in access:
        access[session.cohort_id] = roll_access(user, session.cohort_id)
    if not access[session.cohort_id].may_mark:
        message = _("Only the cohort's lead facilitator or co-facilitators can take this roll.")
        return _result(item, REFUSED, message), None
    if item.marked_at < now - MAX_AGE:
        message = _("This mark was taken more than 30 days ago, so it was not recorded.")
        return _result(item, REFUSED, message), None
    try:
        mark = record_mark(
            participant,
            session,
            item.status,
            by=user,
            marked_at=min(item.marked_at, now),
            source=AttendanceMark.Source.OFFLINE,
            client_id=item.client_id,
        )
    except AttendanceRefused as refusal:
        return _result(item, REFUSED, str(refusal)), None
    return None, mark


def sync_marks(user: AbstractBaseUser, items: list[MarkItem], now: datetime) -> list[dict]:
    """Record a facilitator's offline marks, in order, and return one result per item.

    Each is `done` (recorded; its message says when a later mark still stands),
    `already_synced` (this id was recorded before: nothing changes) or `refused` (not the
    facilitator's roll, no such person in the session, too old, or "absent" for someone
    who joined after the session started). Running a batch twice records it once.
    """
    client_ids = [item.client_id for item in items]
    kept = {
        mark.client_id: mark
        for mark in AttendanceMark.objects.filter(client_id__in=client_ids).select_related(
            "participant", "session"
        )
    }
    sessions = TrainingSession.objects.in_bulk({item.session_id for item in items})
    participants = Participant.objects.in_bulk({item.participant_id for item in items})
    found = (sessions, participants, kept, {})
    results = []
    with transaction.atomic():
        for item in items:
            refusal, mark = _sync_one(user, item, found, now)
            if refusal is not None:
                results.append(refusal)
                continue
            standing = Attendance.objects.filter(
                participant_id=mark.participant_id, session_id=mark.session_id
            ).first()
            status = ALREADY_SYNCED if item.client_id in kept else DONE
            results.append(_recorded(item, mark, standing, status))
    return results
