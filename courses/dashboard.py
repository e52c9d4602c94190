""" "My learning": every course a learner is enrolled in, with progress, and the learner's
certificates, in a fixed few queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext

from courses.models import Certificate, Enrolment
from courses.outline import OutlineCourse, course_outlines, live_course_paths
from courses.progress import CompletionStatus, Progress, done_keys, outstanding


@dataclass
class EnrolledCourse:
    enrolment: Enrolment
    course: OutlineCourse
    progress: Progress
    completion: CompletionStatus

    @property
    def last_activity(self) -> str:
        """ "Last activity: 3 May 2026", or "Not started yet"."""
        when = self.enrolment.last_activity_at
        if when is None:
            return gettext("Not started yet")
        return gettext("Last activity: %(date)s") % {"date": day_month_year(when)}


def day_month_year(when: datetime) -> str:
    """The date as "3 May 2026" in the current time zone and language: what the template
    filter `date:"j F Y"` gives, for a fraction of its cost (My learning shows one per course)."""
    local = timezone.localtime(when)
    return f"{local.day} {MONTHS[local.month]} {local.year}"


def enrolled_courses(
    user: AbstractBaseUser, request: HttpRequest | None = None
) -> list[EnrolledCourse]:
    """The learner's active enrolments with their course and progress, most recent first.

    Courses' outlines come from the cache (`courses.outline`); only the enrolments and the
    lessons completed and quizzes passed are read for this learner. Enrolments whose
    course is no longer published are left out (their records are kept).
    """
    enrolments = list(
        Enrolment.objects.active().filter(user=user).order_by("-last_activity_at", "-enrolled_at")
    )
    keys = [enrolment.course_key for enrolment in enrolments]
    paths = live_course_paths(keys, request)
    outlines = course_outlines(paths.values(), request)
    done = done_keys(user, keys)
    rows = []
    for enrolment in enrolments:
        outline = outlines.get(paths.get(enrolment.course_key, ""))
        if outline is None:
            continue
        progress = Progress(outline.lessons, done)
        completion = outstanding(progress, outline.required_quizzes, done)
        rows.append(EnrolledCourse(enrolment, outline.course, progress, completion))
    return rows


#: Certificates a learner sees on "My learning": issued ones, and ones still to come.
#: Revoked and replaced ones stay downloadable by their owner but are not listed.
CURRENT_CERTIFICATE_STATUSES = [
    Certificate.Status.ISSUED,
    Certificate.Status.PENDING,
    Certificate.Status.FAILED,
]


def current_certificates(user: AbstractBaseUser) -> list[Certificate]:
    """The learner's current certificates, most recently completed first, in one query.

    Listed whatever became of the enrolment or the course page since: a certificate states
    what the learner did at the time."""
    return list(
        Certificate.objects.filter(
            enrolment__user=user, status__in=CURRENT_CERTIFICATE_STATUSES
        ).order_by("-completed_at", "-pk")
    )
