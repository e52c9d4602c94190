"""The programme report: for one course (every translation together, by translation key) and
the learners who enrolled in a period, how many enrolled, started, completed and were
certified, the completion rate, the median time to complete and the mean final score, for
everyone and by group (organisation, country, role, gender or language of study).

Counting happens in the database: one query for everyone, one for the groups, one for the
completion times (their median is taken in Python, as SQLite has no median) and two for the
months. The number of queries is the same whatever the number of learners.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID

from django.conf import settings
from django.db.models import (
    Avg,
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Trim, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from accounts.models import Gender, WorkRole
from certificates.models import Certificate
from courses.assessment.models import QuizAttempt
from courses.learning.models import Enrolment, LessonCompletion
from reports.cells import Cell, count, min_cell, rate

#: The groups a report can be broken down by: (the enrolment field, its heading).
BREAKDOWNS = {
    "organisation": ("user__organisation", gettext_lazy("Organisation")),
    "country": ("user__country", gettext_lazy("Country")),
    "role": ("user__work_role", gettext_lazy("Role in crisis response")),
    "gender": ("user__gender", gettext_lazy("Gender")),
    "language": ("study_language", gettext_lazy("Language of study")),
}
#: A certificate in one of these states was issued (a replaced one was issued, then reissued).
CERTIFIED = (Certificate.Status.ISSUED, Certificate.Status.REPLACED)


@dataclass(frozen=True)
class Period:
    """The days on which the learners counted enrolled, both included."""

    start: date
    end: date

    def bounds(self) -> tuple[datetime, datetime]:
        """[start of the first day, start of the day after the last) in the site's time zone."""
        first = datetime.combine(self.start, time.min)
        after = datetime.combine(self.end + timedelta(days=1), time.min)
        return timezone.make_aware(first), timezone.make_aware(after)


@dataclass(frozen=True)
class Figures:
    """One line of the report: everyone, or one group."""

    label: str
    enrolled: Cell
    started: Cell
    completed: Cell
    certified: Cell
    completion_rate: Cell
    median_days: Cell
    mean_score: Cell


@dataclass(frozen=True)
class Month:
    month: date
    enrolled: Cell
    completed: Cell


@dataclass(frozen=True)
class ProgrammeReport:
    course_key: UUID
    period: Period
    country: str
    breakdown: str
    total: Figures
    groups: list[Figures]
    months: list[Month]

    @property
    def breakdown_heading(self) -> str:
        return str(BREAKDOWNS[self.breakdown][1]) if self.breakdown else ""


def report_enrolments(course_key: UUID, period: Period, country: str = "") -> QuerySet:
    """The enrolments a report counts: the course's, enrolled in the period (withdrawn ones
    included: they enrolled), of learners from `country` when one is given."""
    start, after = period.bounds()
    enrolments = Enrolment.objects.filter(
        course_key=course_key, enrolled_at__gte=start, enrolled_at__lt=after
    )
    return enrolments.filter(user__country=country) if country else enrolments


def group_expression(breakdown: str):
    """What the groups are made of: the field, organisations with their spaces trimmed."""
    field = BREAKDOWNS[breakdown][0]
    return Trim(field) if breakdown == "organisation" else F(field)


def group_label(breakdown: str, value: str | None) -> str:
    """How a group is named on the page and in exports."""
    if not value:
        return _("Not given")
    if value == "prefer_not":
        return _("Prefer not to say")
    if breakdown == "country":
        return str(countries.name(value)) or value
    if breakdown == "role":
        return str(WorkRole(value).label) if value in WorkRole.values else value
    if breakdown == "gender":
        return str(Gender(value).label) if value in Gender.values else value
    if breakdown == "language":
        return str(dict(settings.LANGUAGES).get(value, value))
    return value


def sorted_groups(rows: list, label_of) -> list:
    """Groups by name, with "Not given" and "Prefer not to say" last."""
    last = {_("Not given"), _("Prefer not to say")}
    return sorted(rows, key=lambda row: (label_of(row) in last, label_of(row).casefold()))


def with_progress(enrolments: QuerySet) -> QuerySet:
    """Annotate whether each enrolment started, whether it was certified, and its final score
    (the score on its latest issued certificate)."""
    theirs = {"user": OuterRef("user"), "course_key": OuterRef("course_key")}
    started = (
        Q(last_activity_at__isnull=False)
        | Exists(LessonCompletion.objects.filter(**theirs))
        | Exists(QuizAttempt.objects.filter(**theirs))
    )
    certificates = Certificate.objects.filter(enrolment=OuterRef("pk"), status__in=CERTIFIED)
    return enrolments.annotate(
        has_started=ExpressionWrapper(started, output_field=BooleanField()),
        is_certified=Exists(certificates),
        final_score=Subquery(certificates.order_by("-cycle", "-pk").values("score")[:1]),
    )


FIGURES = {
    "enrolled": Count("pk"),
    "started": Count("pk", filter=Q(has_started=True)),
    "completed": Count("pk", filter=Q(completed_at__isnull=False)),
    "certified": Count("pk", filter=Q(is_certified=True)),
    "scored": Count("final_score"),
    "mean_score": Avg("final_score"),
}


def guarded_rate(part: int, whole: int) -> Cell:
    """`part` out of `whole` as a percentage. When the part itself is too small to show, the
    rate is hidden too: with the whole shown beside it, it would give the part away."""
    shown = rate(part, whole)
    if 0 < part < min_cell():
        return Cell(shown.value, part)
    return shown


def figures(label: str, row: dict, days: list[float]) -> Figures:
    mean_score = row["mean_score"]
    return Figures(
        label=label,
        enrolled=count(row["enrolled"]),
        started=count(row["started"]),
        completed=count(row["completed"]),
        certified=count(row["certified"]),
        completion_rate=guarded_rate(row["completed"], row["enrolled"]),
        median_days=Cell(statistics.median(days) if days else None, len(days)),
        mean_score=Cell(float(mean_score) if mean_score is not None else None, row["scored"]),
    )


def days_to_complete(enrolments: QuerySet, breakdown: str) -> dict[str, list[float]]:
    """{group value: days from enrolling to completing, one per completed enrolment}."""
    group = group_expression(breakdown) if breakdown else Value("")
    rows = (
        enrolments.filter(completed_at__isnull=False)
        .annotate(group=group)
        .values_list("group", "enrolled_at", "completed_at")
    )
    days = defaultdict(list)
    for value, enrolled_at, completed_at in rows:
        days[value or ""].append((completed_at - enrolled_at).total_seconds() / 86400)
    return days


def month_starts(first: date, last: date) -> list[date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def months_of(enrolments: QuerySet, period: Period) -> list[Month]:
    """Enrolments per month of the period, and when those learners completed, per month
    (from the period's first month to its last, or to the last completion if later)."""

    def per_month(field: str) -> dict[date, int]:
        rows = (
            enrolments.filter(**{f"{field}__isnull": False})
            .annotate(month=TruncMonth(field))
            .values("month")
            .annotate(people=Count("pk"))
            .order_by()
        )
        return {timezone.localdate(row["month"]).replace(day=1): row["people"] for row in rows}

    enrolled, completed = per_month("enrolled_at"), per_month("completed_at")
    last = max([period.end, *completed])
    return [
        Month(month, count(enrolled.get(month, 0)), count(completed.get(month, 0)))
        for month in month_starts(period.start, last)
    ]


def programme_report(
    course_key: UUID, period: Period, breakdown: str = "", country: str = ""
) -> ProgrammeReport:
    """The programme report of a course for learners who enrolled in `period`, broken down by
    `breakdown` (a key of BREAKDOWNS, or "" for everyone only). Five queries, whatever the
    number of learners. Reading only: running it twice gives the same report."""
    enrolments = report_enrolments(course_key, period, country)
    counted = with_progress(enrolments)
    days = days_to_complete(enrolments, breakdown)
    total = figures(_("All learners"), counted.aggregate(**FIGURES), sum(days.values(), []))
    groups = []
    if breakdown:
        rows = (
            counted.annotate(group=group_expression(breakdown))
            .values("group")
            .annotate(**FIGURES)
            .order_by()
        )
        groups = sorted_groups(
            [
                figures(group_label(breakdown, row["group"]), row, days.get(row["group"] or "", []))
                for row in rows
            ],
            lambda line: line.label,
        )
    return ProgrammeReport(
        course_key=course_key,
        period=period,
        country=country,
        breakdown=breakdown,
        total=total,
        groups=groups,
        months=months_of(enrolments, period),
    )
