"""The blended programme report's sessions and facilitators (`reports.blended` puts the
report together):

- attendance per session: for each session of the chosen cohorts, the participants expected
  (in the cohort when the session started: someone added later is never expected, as
  `blended.attendance.was_expected` says), the standing marks by status (present, late,
  excused, absent; a person added later who came anyway is counted there too) and the
  expected participants with no mark yet;
- who met the programme's attendance rule, per cohort, counted as completion counts it
  (`blended.rules`, with `blended.attendance.attendance_weights` after every session): over
  the required sessions since the participant was added, by weight, present or late attended,
  excused not counted, absent or not marked missed; met when the weight attended reaches the
  programme's percentage of the weight counted, rounded up (everyone, when it sets none);
- facilitator load: per person facilitating one of the chosen cohorts, their cohorts by role,
  the sessions they facilitated (the sessions that have started of the cohorts they lead or
  co-facilitate: observers do not facilitate) and the participants they reached (the
  participants of those cohorts).

Three queries for the sessions, three for the attendance rule, two for the facilitators, whatever
the number of participants and sessions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from blended.attendance import ATTENDED
from blended.models import (
    Attendance,
    AttendanceStatus,
    Cohort,
    Facilitator,
    Participant,
    Programme,
    TrainingSession,
)
from blended.roll_call import SIGNING_ROLES
from reports.cells import Cell, count, tally

#: The roles that facilitate sessions (the roll takers); an observer watches.
FACILITATING = SIGNING_ROLES


@dataclass(frozen=True)
class SessionAttendance:
    """One line of the attendance table: one session."""

    label: str
    expected: Cell
    present: Cell
    late: Cell
    excused: Cell
    absent: Cell
    not_marked: Cell


@dataclass(frozen=True)
class FacilitatorLoad:
    """One line of the facilitator load table: one person."""

    label: str
    cohorts_led: Cell
    cohorts_co_facilitated: Cell
    cohorts_observed: Cell
    sessions: Cell
    participants_reached: Cell


def attendance_per_session(cohorts: list[Cohort]) -> list[SessionAttendance]:
    """Every session of `cohorts`, in the cohorts' order then by time.

    Three plain queries (sessions, participants, standing marks) counted here: counting in
    the database with a subquery per session, joined to the marks, ran each subquery per
    mark and took 2 s for 200 cohorts of 40 people (`make bench-blended`)."""
    cohort_ids = [cohort.pk for cohort in cohorts]
    sessions = list(
        TrainingSession.objects.filter(cohort_id__in=cohort_ids)
        .order_by("starts_at", "pk")
        .values("pk", "cohort_id", "title", "starts_at")
    )
    joined = defaultdict(list)
    for participant in Participant.objects.filter(cohort_id__in=cohort_ids).values(
        "pk", "cohort_id", "added_at"
    ):
        joined[participant["cohort_id"]].append((participant["pk"], participant["added_at"]))
    marks = defaultdict(dict)
    for session_id, participant_id, status in Attendance.objects.filter(
        session__cohort_id__in=cohort_ids
    ).values_list("session_id", "participant_id", "status"):
        marks[session_id][participant_id] = status
    names = {cohort.pk: cohort.name for cohort in cohorts}
    order = {cohort.pk: position for position, cohort in enumerate(cohorts)}
    many = len(cohorts) > 1
    lines = []
    for session in sorted(sessions, key=lambda session: order[session["cohort_id"]]):
        label = f"{session['title']} ({timezone.localtime(session['starts_at']):%Y-%m-%d %H:%M})"
        if many:
            label = f"{names[session['cohort_id']]} · {label}"
        lines.append(_session_line(label, session, joined[session["cohort_id"]], marks))
    return lines


def _session_line(
    label: str, session: dict, participants: list[tuple[int, datetime]], marks: dict
) -> SessionAttendance:
    """Expected: in the cohort when the session started; a mark counts whoever has it."""
    standing = marks[session["pk"]]
    expected = [pk for pk, added_at in participants if added_at <= session["starts_at"]]
    by_status = defaultdict(int)
    for status in standing.values():
        by_status[status] += 1
    return SessionAttendance(
        label=label,
        expected=count(len(expected)),
        present=count(by_status[AttendanceStatus.PRESENT]),
        late=count(by_status[AttendanceStatus.LATE]),
        excused=count(by_status[AttendanceStatus.EXCUSED]),
        absent=count(by_status[AttendanceStatus.ABSENT]),
        not_marked=count(sum(pk not in standing for pk in expected)),
    )


def met_attendance_rule(programme: Programme, cohorts: list[Cohort]) -> dict[int, int]:
    """{cohort pk: how many of its participants met the attendance rule} (three queries; the
    rule is applied here, participant by participant, as `attendance_weights` applies it to
    one, so that the queries do not grow with the participants)."""
    cohort_ids = [cohort.pk for cohort in cohorts]
    participants = Participant.objects.filter(cohort_id__in=cohort_ids)
    if not programme.min_attendance_percent:
        rows = participants.values("cohort_id").annotate(people=Count("pk")).order_by()
        return {row["cohort_id"]: row["people"] for row in rows}
    sessions = defaultdict(list)
    for session in TrainingSession.objects.filter(cohort_id__in=cohort_ids, required=True).values(
        "pk", "cohort_id", "starts_at", "weight"
    ):
        sessions[session["cohort_id"]].append(session)
    statuses = {
        (participant_id, session_id): status
        for participant_id, session_id, status in Attendance.objects.filter(
            participant__cohort_id__in=cohort_ids, session__required=True
        ).values_list("participant_id", "session_id", "status")
    }
    met: dict[int, int] = defaultdict(int)
    for pk, cohort_id, added_at in participants.values_list("pk", "cohort_id", "added_at"):
        attended = required = 0
        for session in sessions[cohort_id]:
            status = statuses.get((pk, session["pk"]))
            if session["starts_at"] < added_at or status == AttendanceStatus.EXCUSED:
                continue
            required += session["weight"]
            if status in ATTENDED:
                attended += session["weight"]
        # The weight needed, rounded up, as `blended.rules` counts it.
        if attended >= -(-programme.min_attendance_percent * required // 100):
            met[cohort_id] += 1
    return met


def facilitator_load(cohorts: list[Cohort], at: datetime | None = None) -> list[FacilitatorLoad]:
    """Every person facilitating one of `cohorts`, by name (two queries). Sessions count
    once they have started by `at` (now by default)."""
    at = at or timezone.now()
    facilitating = Q(role__in=FACILITATING)
    rows = list(
        Facilitator.objects.filter(cohort_id__in=[cohort.pk for cohort in cohorts])
        .values("user")
        .annotate(
            led=Count("cohort", filter=Q(role=Facilitator.Role.LEAD), distinct=True),
            co=Count("cohort", filter=Q(role=Facilitator.Role.CO_FACILITATOR), distinct=True),
            observed=Count("cohort", filter=Q(role=Facilitator.Role.OBSERVER), distinct=True),
            sessions=Count(
                "cohort__sessions",
                filter=facilitating & Q(cohort__sessions__starts_at__lte=at),
                distinct=True,
            ),
            reached=Count("cohort__participants", filter=facilitating, distinct=True),
        )
        .order_by()
    )
    people = get_user_model().objects.in_bulk([row["user"] for row in rows])
    lines = [
        FacilitatorLoad(
            label=str(people[row["user"]]),
            cohorts_led=tally(row["led"]),
            cohorts_co_facilitated=tally(row["co"]),
            cohorts_observed=tally(row["observed"]),
            sessions=tally(row["sessions"]),
            participants_reached=count(row["reached"]),
        )
        for row in rows
    ]
    return sorted(lines, key=lambda line: line.label.casefold())
