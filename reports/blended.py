"""The blended programme report (issue 15): for one programme, its cohorts that met in a
period (or one cohort), who the participants are, how they attended each session, what they
learned, how far they got and who trained them.

Which participants are counted: every participant of the chosen cohorts, with or without an
account. A cohort is chosen when it met in the period: its first day on or before the
period's last day and its last day on or after the period's first (no date: no limit), and,
when one cohort is asked for, only that one. A cohort counts whole, all its participants and
sessions, even when it ran over the period's edge.

Sections, each a table (and the same table as CSV and XLSX):

1. Participants by gender, organisation and country. Gender only for participants who agreed
   that it is recorded ("Not recorded" for everyone else, and for a blank answer);
   organisations with their spaces trimmed; the country is the cohort's.
2. Attendance per session (`reports.blended_sessions`).
3. Knowledge gain per cohort, as `reports.gain` computes it for the programme report, over
   the participants with an account who submitted both tests of the programme's course.
4. The funnel, one count each (a step does not require the one before):
   enrolled: participants; attended: present or late at one session at least; met the
   attendance rule: as completion counts it (`reports.blended_sessions`); post-test taken:
   submitted a post-test of the course (account holders only); certified: holds a
   certificate for this participation that was issued (issued, or replaced by a newer one).
5. Facilitator load (`reports.blended_sessions`).

Every count of people follows the small-cell rule (`reports.cells`). The number of queries
does not grow with participants, sessions or attendance marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Trim
from django.utils.translation import gettext as _
from django_countries import countries

from accounts.models import Gender
from blended.attendance import ATTENDED
from blended.models import Attendance, Cohort, Participant, Programme
from certificates.models import Certificate
from courses.models import QuizAttempt
from reports.blended_sessions import (
    FacilitatorLoad,
    SessionAttendance,
    attendance_per_session,
    facilitator_load,
    met_attendance_rule,
)
from reports.cells import Cell, count
from reports.gain import (
    GAIN_FIGURES,
    POST_TEST,
    PRE_TEST,
    Gain,
    GainReport,
    gain,
    pre_and_post_test_keys,
    submitted_percent,
)
from reports.programme import CERTIFIED


@dataclass(frozen=True)
class Group:
    """Participants of one group (a gender, an organisation, a country)."""

    label: str
    participants: Cell


@dataclass(frozen=True)
class Funnel:
    """How far the participants got: everyone, or one cohort."""

    label: str
    enrolled: Cell
    attended: Cell
    met_attendance_rule: Cell
    post_test: Cell
    certified: Cell


@dataclass(frozen=True)
class BlendedReport:
    programme: Programme
    cohorts: list[Cohort]
    start: date | None
    end: date | None
    total: Cell
    by_gender: list[Group]
    by_organisation: list[Group]
    by_country: list[Group]
    sessions: list[SessionAttendance]
    gain: GainReport | None
    funnel: Funnel
    funnel_by_cohort: list[Funnel]
    facilitators: list[FacilitatorLoad]


def chosen_cohorts(
    programme: Programme,
    start: date | None = None,
    end: date | None = None,
    cohort_id: int | None = None,
) -> list[Cohort]:
    """The programme's cohorts that met in the period, first first (one query)."""
    cohorts = Cohort.objects.filter(programme=programme)
    if start:
        cohorts = cohorts.filter(ends_on__gte=start)
    if end:
        cohorts = cohorts.filter(starts_on__lte=end)
    if cohort_id:
        cohorts = cohorts.filter(pk=cohort_id)
    return list(cohorts.order_by("starts_on", "name", "pk"))


def participants_of(cohorts: list[Cohort]) -> QuerySet:
    return Participant.objects.filter(cohort_id__in=[cohort.pk for cohort in cohorts])


def not_recorded() -> str:
    return _("Not recorded")


def not_given() -> str:
    return _("Not given")


def sorted_by_label(groups: list[Group]) -> list[Group]:
    """By name, with the groups of people who gave no answer last."""
    last = {not_recorded(), not_given(), _("Prefer not to say")}
    return sorted(groups, key=lambda group: (group.label in last, group.label.casefold()))


#: Gender only where the participant agreed it is recorded.
consented_gender = Case(
    When(consented=True, then=F("gender")),
    default=Value(""),
)


def gender_label(value: str) -> str:
    if value in Gender.values:
        return str(Gender(value).label)
    return value or not_recorded()


def country_label(value: str) -> str:
    if not value:
        return not_given()
    return str(countries.name(value)) or value


def groups_of(participants: QuerySet, expression, label_of) -> list[Group]:
    """Participants per value of `expression`, named by `label_of` (one query)."""
    rows = (
        participants.annotate(group=expression)
        .values("group")
        .annotate(people=Count("pk"))
        .order_by()
    )
    return sorted_by_label(
        [Group(label_of(row["group"] or ""), count(row["people"])) for row in rows]
    )


def post_test_taken(course_key: UUID, post_test_keys: list[UUID]):
    """Whether the participant (an account holder) submitted a post-test of the course."""
    if not post_test_keys:
        return Value(False)
    return Exists(
        QuizAttempt.objects.submitted().filter(
            user=OuterRef("user"), course_key=course_key, quiz_key__in=post_test_keys
        )
    )


FUNNEL_FIGURES = {
    "enrolled": Count("pk"),
    "attended": Count("pk", filter=Q(has_attended=True)),
    "post_test": Count("pk", filter=Q(took_post_test=True)),
    "certified": Count("pk", filter=Q(is_certified=True)),
}


def funnel_line(label: str, row: dict, met_rule: int) -> Funnel:
    return Funnel(
        label=label,
        enrolled=count(row.get("enrolled", 0)),
        attended=count(row.get("attended", 0)),
        met_attendance_rule=count(met_rule),
        post_test=count(row.get("post_test", 0)),
        certified=count(row.get("certified", 0)),
    )


def funnel_of(
    participants: QuerySet, cohorts: list[Cohort], programme: Programme, post_test_keys: list[UUID]
) -> tuple[Funnel, list[Funnel]]:
    """The funnel for everyone and per cohort, every cohort listed (four queries)."""
    course_key = programme.course_key
    met_rule = met_attendance_rule(programme, cohorts)
    counted = participants.annotate(
        has_attended=Exists(
            Attendance.objects.filter(participant=OuterRef("pk"), status__in=ATTENDED)
        ),
        took_post_test=post_test_taken(course_key, post_test_keys),
        is_certified=Exists(
            Certificate.objects.filter(participant=OuterRef("pk"), status__in=CERTIFIED)
        ),
    )
    rows = {
        row["cohort"]: row for row in counted.values("cohort").annotate(**FUNNEL_FIGURES).order_by()
    }
    # Everyone is in one cohort: the total is the sum of the cohorts' rows.
    everyone = {figure: sum(row[figure] for row in rows.values()) for figure in FUNNEL_FIGURES}
    total = funnel_line(_("All participants"), everyone, sum(met_rule.values()))
    return total, [
        funnel_line(cohort.name, rows.get(cohort.pk, {}), met_rule.get(cohort.pk, 0))
        for cohort in cohorts
    ]


NO_GAIN = {
    "learners": 0,
    "mean_pre": None,
    "mean_post": None,
    "mean_gain": None,
    "normalisable": 0,
    "mean_normalised_gain": None,
}


def gain_per_cohort(
    participants: QuerySet, cohorts: list[Cohort], course_key: UUID, keys: dict
) -> GainReport | None:
    """Knowledge gain for everyone and per cohort (two queries), over the participants with
    an account who submitted both tests; None when the course lacks one of the tests."""
    if not keys[PRE_TEST] or not keys[POST_TEST]:
        return None
    took_both = (
        participants.filter(user__isnull=False)
        .annotate(
            pre=submitted_percent(keys[PRE_TEST], "submitted_at", course_key),
            post=submitted_percent(keys[POST_TEST], "-percent", course_key),
        )
        .filter(pre__isnull=False, post__isnull=False)
    )
    total = gain(_("All participants"), took_both.aggregate(**GAIN_FIGURES))
    rows = {
        row["cohort"]: row for row in took_both.values("cohort").annotate(**GAIN_FIGURES).order_by()
    }
    lines: list[Gain] = [gain(cohort.name, rows.get(cohort.pk, NO_GAIN)) for cohort in cohorts]
    return GainReport(total=total, groups=lines)


def blended_report(
    programme: Programme,
    start: date | None = None,
    end: date | None = None,
    cohort_id: int | None = None,
) -> BlendedReport:
    """The report of `programme`'s cohorts that met from `start` to `end` (both included,
    either may be None: no limit), or of the one cohort `cohort_id` if it met then.

    Reading only, so running it twice gives the same report. A fixed number of queries,
    whatever the number of participants, sessions and marks."""
    cohorts = chosen_cohorts(programme, start, end, cohort_id)
    participants = participants_of(cohorts)
    keys = pre_and_post_test_keys(programme.course_key)
    funnel, funnel_by_cohort = funnel_of(participants, cohorts, programme, keys[POST_TEST])
    return BlendedReport(
        programme=programme,
        cohorts=cohorts,
        start=start,
        end=end,
        total=funnel.enrolled,
        by_gender=groups_of(participants, consented_gender, gender_label),
        by_organisation=groups_of(
            participants, Trim("organisation"), lambda value: value or not_given()
        ),
        by_country=groups_of(participants, F("cohort__country"), country_label),
        sessions=attendance_per_session(cohorts),
        gain=gain_per_cohort(participants, cohorts, programme.course_key, keys),
        funnel=funnel,
        funnel_by_cohort=funnel_by_cohort,
        facilitators=facilitator_load(cohorts),
    )
