"""Who may take a session's roll, and taking it: the facilitators' side of attendance.

The lead facilitator and co-facilitators of a cohort take its roll, show its QR code and
import its sign-in sheets, as do staff who may change participants; observers and staff who
may view participants see the roll without changing it. Marks go through
`blended.attendance.record_mark`, so the later mark wins and every mark stays in the history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser

from blended.attendance import AttendanceRefused, RollLine, record_mark
from blended.models import AttendanceMark, Facilitator, TrainingSession

#: The roles that take the roll and sign participants off; an observer watches.
SIGNING_ROLES = (Facilitator.Role.LEAD, Facilitator.Role.CO_FACILITATOR)
CHANGE_PERMISSION = "blended.change_participant"
VIEW_PERMISSION = "blended.view_participant"


@dataclass(frozen=True)
class RollAccess:
    """What one person may do with one cohort's roll. `role` is their facilitator role in
    the cohort, empty if they have none."""

    role: str = ""
    may_view: bool = False
    may_mark: bool = False


def roll_access(user: AbstractBaseUser, cohort_id: int) -> RollAccess:
    """What `user` may do with the roll of the cohort `cohort_id`. One query, and the
    user's permissions (cached on the user) only when their role is not enough."""
    if not user.is_authenticated:
        return RollAccess()
    role = (
        Facilitator.objects.filter(cohort_id=cohort_id, user=user)
        .values_list("role", flat=True)
        .first()
    ) or ""
    if role in SIGNING_ROLES:
        return RollAccess(role, may_view=True, may_mark=True)
    if user.has_perm(CHANGE_PERMISSION):
        return RollAccess(role, may_view=True, may_mark=True)
    may_view = bool(role) or user.has_perm(VIEW_PERMISSION)
    return RollAccess(role, may_view=may_view, may_mark=False)


@dataclass
class RollCallResult:
    """What taking the roll did: the marks recorded, and per participant id the reason a
    line was refused (nothing was written for it)."""

    recorded: list[AttendanceMark] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)


def take_roll(
    session: TrainingSession,
    lines: list[RollLine],
    chosen: dict[int, str],
    shown: dict[int, str],
    *,
    by: AbstractBaseUser,
    at: datetime,
) -> RollCallResult:
    """Record, as a roll call at `at`, each line whose status the facilitator changed.

    `chosen` and `shown` map participant ids to the status chosen now and to the one the
    page showed when it was opened ("" for none): a line left as it was shown records
    nothing, so a roll sent from a page opened earlier never undoes a mark another
    facilitator made meanwhile. Participant ids not on the roll are ignored. A refused line
    writes nothing and the others are recorded. Sending the same roll twice records the
    changes twice in the history and leaves the standing marks as they are.
    """
    result = RollCallResult()
    for line in lines:
        pk = line.participant.pk
        status = chosen.get(pk, "")
        if not status or status == shown.get(pk, ""):
            continue
        try:
            mark = record_mark(
                line.participant,
                session,
                status,
                by=by,
                marked_at=at,
                source=AttendanceMark.Source.ROLL_CALL,
            )
        except AttendanceRefused as refusal:
            result.refused[pk] = str(refusal)
        else:
            result.recorded.append(mark)
    return result
