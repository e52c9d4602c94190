"""Knowledge gain: for a course with a pre-test and a post-test, what learners knew before and
after, for everyone and by group, for the same learners as the programme report (the course's,
enrolled in the period).

Counted: learners who submitted both tests. Their pre-test score is their first submitted
attempt at the pre-test, their post-test score their best submitted attempt at the post-test
(both in percent). Per learner, the gain is post − pre and the normalised gain is
(post − pre) ÷ (100 − pre), the share of what they could still learn that they learned;
learners who scored 100 on the pre-test had nothing left to learn and are left out of the
normalised gain's mean only. Means are means of the learners' own figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Avg, Case, Count, F, FloatField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from courses.models import CoursePage, QuizAttempt, QuizPage
from reports.cells import Cell, count
from reports.programme import (
    Period,
    group_expression,
    group_label,
    report_enrolments,
    sorted_groups,
)

PRE_TEST, POST_TEST = QuizPage.Purpose.PRE_TEST, QuizPage.Purpose.POST_TEST
#: A normalised gain needs room to grow: learners below this pre-test score.
CEILING = 100


@dataclass(frozen=True)
class Gain:
    """One line of the knowledge gain table: everyone, or one group."""

    label: str
    learners: Cell
    mean_pre: Cell
    mean_post: Cell
    mean_gain: Cell
    mean_normalised_gain: Cell


@dataclass(frozen=True)
class GainReport:
    total: Gain
    groups: list[Gain]


def pre_and_post_test_keys(course_key: UUID) -> dict[str, list[UUID]]:
    """{purpose: translation keys} of the course's pre-tests and post-tests (two queries)."""
    course = CoursePage.objects.filter(translation_key=course_key).order_by("locale_id").first()
    keys: dict[str, list[UUID]] = {PRE_TEST: [], POST_TEST: []}
    if course is None:
        return keys
    quizzes = QuizPage.objects.descendant_of(course).filter(purpose__in=list(keys))
    for purpose, key in quizzes.values_list("purpose", "translation_key").distinct():
        keys[purpose].append(key)
    return keys


def submitted_percent(quiz_keys: list[UUID], order: str, course_key=None) -> Cast:
    """The outer row's user's first attempt at `quiz_keys` by `order`, as a percentage; in
    the outer row's `course_key` unless one is given."""
    course_key = course_key if course_key is not None else OuterRef("course_key")
    attempts = (
        QuizAttempt.objects.submitted()
        .filter(user=OuterRef("user"), course_key=course_key, quiz_key__in=quiz_keys)
        .order_by(order, "pk")
    )
    # As a float: SQLite keeps whole decimals as integers and would divide them as integers.
    return Cast(Subquery(attempts.values("percent")[:1]), FloatField())


below_ceiling = Q(pre__lt=CEILING)
GAIN_FIGURES = {
    "learners": Count("pk"),
    "mean_pre": Avg("pre"),
    "mean_post": Avg("post"),
    "mean_gain": Avg(F("post") - F("pre")),
    "normalisable": Count("pk", filter=below_ceiling),
    # A CASE, not a FILTER, so that no database ever divides by 100 − 100.
    "mean_normalised_gain": Avg(
        Case(
            When(below_ceiling, then=(F("post") - F("pre")) / (Value(float(CEILING)) - F("pre"))),
            output_field=FloatField(),
        )
    ),
}


def gain(label: str, row: dict) -> Gain:
    learners = row["learners"]
    return Gain(
        label=label,
        learners=count(learners),
        mean_pre=Cell(row["mean_pre"], learners),
        mean_post=Cell(row["mean_post"], learners),
        mean_gain=Cell(row["mean_gain"], learners),
        mean_normalised_gain=Cell(row["mean_normalised_gain"], row["normalisable"]),
    )


def gain_report(
    course_key: UUID, period: Period, breakdown: str = "", country: str = ""
) -> GainReport | None:
    """Knowledge gain for the learners of `programme_report(course_key, period, …)`, or None
    when the course has no pre-test or no post-test. Four queries, whatever the number of
    learners. Reading only."""
    keys = pre_and_post_test_keys(course_key)
    if not keys[PRE_TEST] or not keys[POST_TEST]:
        return None
    took_both = (
        report_enrolments(course_key, period, country)
        .annotate(
            pre=submitted_percent(keys[PRE_TEST], "submitted_at"),
            post=submitted_percent(keys[POST_TEST], "-percent"),
        )
        .filter(pre__isnull=False, post__isnull=False)
    )
    total = gain(_("All learners"), took_both.aggregate(**GAIN_FIGURES))
    groups = []
    if breakdown:
        rows = (
            took_both.annotate(group=group_expression(breakdown))
            .values("group")
            .annotate(**GAIN_FIGURES)
            .order_by()
        )
        groups = sorted_groups(
            [gain(group_label(breakdown, row["group"]), row) for row in rows],
            lambda line: line.label,
        )
    return GainReport(total=total, groups=groups)
