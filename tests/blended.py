"""Building blended programmes in tests: a programme on a course, a cohort with weighted
sessions, attendance, e-learning done and post-test scores."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from blended.attendance import record_mark
from blended.models import (
    AttendanceMark,
    AttendanceStatus,
    Cohort,
    Participant,
    Programme,
    TrainingSession,
)
from courses.models import CoursePage, Enrolment, QuizAttempt, QuizPage

#: Six required sessions; the first counts twice. 80% of 7 is 5.6: a weight of 6 is needed.
WEIGHTS = (2, 1, 1, 1, 1, 1)


def programme_for(course: CoursePage, **rules) -> Programme:
    rules = {
        "requires_elearning": True,
        "min_attendance_percent": 80,
        "min_post_test_percent": 70,
        "requires_signoff": False,
        **rules,
    }
    return Programme.objects.create(name="Shelter", course_key=course.translation_key, **rules)


def cohort_of(programme: Programme, weights: tuple[int, ...] = WEIGHTS) -> Cohort:
    cohort = Cohort.objects.create(
        programme=programme,
        name="Goma, June",
        starts_on=date(2030, 6, 1),
        ends_on=date(2030, 6, 6),
        language="en",
        country="CD",
        place="Goma",
    )
    first = timezone.now() + timedelta(days=30)
    for day, weight in enumerate(weights):
        TrainingSession.objects.create(
            cohort=cohort,
            title=f"Day {day + 1}",
            starts_at=first + timedelta(days=day),
            weight=weight,
        )
    return cohort


def attended(participant: Participant, sessions: int) -> None:
    """Present at the cohort's first `sessions` sessions, absent at the others."""
    for number, session in enumerate(participant.cohort.sessions.order_by("starts_at")):
        status = AttendanceStatus.PRESENT if number < sessions else AttendanceStatus.ABSENT
        record_mark(
            participant,
            session,
            status,
            by=None,
            marked_at=session.starts_at,
            source=AttendanceMark.Source.ROLL_CALL,
        )


def elearning_done(user, course: CoursePage) -> None:
    Enrolment.objects.create(
        user=user, course_key=course.translation_key, completed_at=timezone.now()
    )


def scored(user, quiz: QuizPage, course: CoursePage, percent: int) -> None:
    number = QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key).count() + 1
    QuizAttempt.objects.create(
        user=user,
        quiz_key=quiz.translation_key,
        course_key=course.translation_key,
        number=number,
        seed=number,
        questions=[],
        pass_mark=50,
        status=QuizAttempt.Status.SUBMITTED,
        submitted_at=timezone.now(),
        percent=Decimal(percent),
        score=Decimal(percent) / 10,
        max_score=Decimal(10),
    )
