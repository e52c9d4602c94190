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

One query for the sessions, three for the attendance rule, two for the facilitators, whatever
the number of participants and sessions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
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
from reports.cells import Cell, count

#: The roles that facilitate sessions; an observer watches.
FACILITATING = (Facilitator.Role.LEAD, Facilitator.Role.CO_FACILITATOR)


def tally(value: int) -> Cell:
    """A count of cohorts or sessions, about no one: the small-cell rule does not hide it."""
    return Cell(value, 0)


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


def number_of(participants) -> Coalesce:
    """How many rows `participants`, a queryset filtered on its outer session, has."""
    counted = (
        participants.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(people=Count("pk"))
        .values("people")
    )
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def attendance_per_session(cohorts: list[Cohort]) -> list[SessionAttendance]:
    """Every session of `cohorts`, in the cohorts' order then by time (one query)."""
    expected = Participant.objects.filter(
        cohort_id=OuterRef("cohort_id"), added_at__lte=OuterRef("starts_at")
    )
    marked = Attendance.objects.filter(participant=OuterRef("pk"), session=OuterRef(OuterRef("pk")))
    by_status = {
        status: Count("attendance", filter=Q(attendance__status=status))
        for status in AttendanceStatus.values
    }
    sessions = (
        TrainingSession.objects.filter(cohort_id__in=[cohort.pk for cohort in cohorts])
        .annotate(
            expected=number_of(expected),
            not_marked=number_of(expected.filter(~Exists(marked))),
            **by_status,
        )
        .order_by("starts_at", "pk")
    )
    names = {cohort.pk: cohort.name for cohort in cohorts}
    order = {cohort.pk: position for position, cohort in enumerate(cohorts)}
    many = len(cohorts) > 1
    lines = []
    for session in sorted(sessions, key=lambda session: order[session.cohort_id]):
        label = f"{session.title} ({timezone.localtime(session.starts_at):%Y-%m-%d %H:%M})"
        if many:
            label = f"{names[session.cohort_id]} · {label}"
        lines.append(
            SessionAttendance(
                label=label,
                expected=count(session.expected),
                present=count(getattr(session, AttendanceStatus.PRESENT)),
                late=count(getattr(session, AttendanceStatus.LATE)),
                excused=count(getattr(session, AttendanceStatus.EXCUSED)),
                absent=count(getattr(session, AttendanceStatus.ABSENT)),
                not_marked=count(session.not_marked),
            )
        )
    return lines


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
