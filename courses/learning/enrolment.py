"""Enrolment rules: who may join a course, and when. Plain functions; views and the admin call them.

Each function either does what it says or raises `EnrolmentRefused` with a message for the
learner, having written nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.assessment.models import QuizAttempt
from courses.learning.models import Enrolment, LessonCompletion

if TYPE_CHECKING:
    from courses.pages.models import CoursePage


class EnrolmentRefused(Exception):
    """The learner may not enrol; the message says why, in words for them."""


def enrolment_problem(course: CoursePage, now: datetime | None = None) -> str | None:
    """Why nobody can enrol in this course right now, or None if enrolment is open."""
    now = now or timezone.now()
    if not course.live:
        return _("This course is not published.")
    if not course.enrolment_open:
        return _("Enrolment in this course is closed.")
    if course.enrolment_opens_at and now < course.enrolment_opens_at:
        return _("Enrolment opens on %(date)s.") % {
            "date": date_format(timezone.localtime(course.enrolment_opens_at), "j F Y")
        }
    if course.enrolment_closes_at and now >= course.enrolment_closes_at:
        return _("Enrolment in this course has closed.")
    return None


def key_matches(course: CoursePage, key: str) -> bool:
    """True when the course needs no key, or `key` is its key."""
    return not course.enrolment_key or constant_time_compare(key.strip(), course.enrolment_key)


def places_left(course: CoursePage) -> int | None:
    """Free places, or None when the course has no limit."""
    if course.capacity is None:
        return None
    taken = Enrolment.objects.active().filter(course_key=course.translation_key).count()
    return max(course.capacity - taken, 0)


def enrolment_panel(course: CoursePage) -> dict:
    """What the enrolment panel of a course, module, lesson or quiz page shows someone not
    enrolled: why nobody can enrol now, if so, and the places left."""
    return {"enrolment_problem": enrolment_problem(course), "places_left": places_left(course)}


def active_enrolment(user: AbstractBaseUser, course: CoursePage) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    # One row at most (one enrolment per learner and course): no ordering to add, as first()
    # would, on the query every lesson page makes.
    enrolments = Enrolment.objects.active().filter(user=user, course_key=course.translation_key)
    return next(iter(enrolments), None)


def lock_active_enrolment(user: AbstractBaseUser, course_key: UUID) -> Enrolment | None:
    """The learner's active enrolment, locked until the transaction ends, or None.

    Recording progress and starting quizzes take this lock, so one learner's concurrent
    requests in one course happen one after the other."""
    return (
        Enrolment.objects.select_for_update()
        .active()
        .filter(user=user, course_key=course_key)
        .first()
    )


def lock_course(course_key: UUID) -> None:
    """Lock every translation's page row of a course until the transaction ends.

    Places are shared by all translations, so the lock must be too: two learners enrolling
    from /en/ and /ar/ wait for each other. Rows are locked in id order, so two lockers
    cannot each hold one row and wait for the other."""
    list(
        Page.objects.select_for_update()
        .filter(translation_key=course_key)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def enrol(
    user: AbstractBaseUser,
    course: CoursePage,
    key: str = "",
    *,
    enrolled_by: AbstractBaseUser | None = None,
) -> Enrolment:
    """Enrol `user` in `course`, checking the course's window, key and places.

    Enrolling again while enrolled returns the same enrolment and changes nothing. A learner
    who withdrew is enrolled again with the same record, so their progress is still there.
    Staff enrolling someone (`enrolled_by`) skip the key, but not the places or the window.
    The course is locked while places are counted, so two learners racing for the last
    place cannot both get it, whichever translations of the course they enrol from.
    """
    with transaction.atomic():
        lock_course(course.translation_key)
        enrolment = (
            Enrolment.objects.select_for_update()
            .filter(user=user, course_key=course.translation_key)
            .first()
        )
        if enrolment and enrolment.is_active:
            return enrolment
        if problem := enrolment_problem(course):
            raise EnrolmentRefused(problem)
        if enrolled_by is None and not key_matches(course, key):
            raise EnrolmentRefused(_("That enrolment key is not right for this course."))
        if places_left(course) == 0:
            raise EnrolmentRefused(_("This course is full."))
        if enrolment is None:
            return Enrolment.objects.create(
                user=user, course_key=course.translation_key, enrolled_by=enrolled_by
            )
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.withdrawn_at = None
        enrolment.save(update_fields=["status", "withdrawn_at"])
        return enrolment


def withdraw(user: AbstractBaseUser, course: CoursePage) -> Enrolment | None:
    """Withdraw from a course, keeping the learner's progress. Running it twice is harmless."""
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update()
            .filter(user=user, course_key=course.translation_key)
            .first()
        )
        if enrolment is None or not enrolment.is_active:
            return enrolment
        enrolment.status = Enrolment.Status.WITHDRAWN
        enrolment.withdrawn_at = timezone.now()
        enrolment.save(update_fields=["status", "withdrawn_at"])
        return enrolment


def can_read_lessons(user: AbstractBaseUser, enrolment: Enrolment | None) -> bool:
    """Enrolled learners read lesson bodies; so do the people who write and review courses."""
    if enrolment is not None and enrolment.is_active:
        return True
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def supersede_progress(user: AbstractBaseUser, course_key: UUID) -> None:
    """Keep the learner's lessons and attempts in the course as history, no longer counted:
    a new cycle starts from nothing. Rows are flagged, never deleted, so progress queries
    filter on a column instead of looking up each row's cycle."""
    LessonCompletion.objects.filter(user=user, course_key=course_key).update(superseded=True)
    QuizAttempt.objects.filter(user=user, course_key=course_key).update(superseded=True)


def open_new_cycle(user: AbstractBaseUser, course_key: UUID) -> Enrolment:
    """Enrol `user` in the course again for a recertification: a new cycle, with progress
    starting afresh (the earlier cycles' completions and attempts are kept, and no longer
    count). The course's window, key and places do not apply: the learner already holds
    the qualification and must be able to keep it.

    A learner enrolled and not yet through the course keeps their current cycle: what they
    do now counts for the recertification.
    """
    now = timezone.now()
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update().filter(user=user, course_key=course_key).first()
        )
        if enrolment is None:
            return Enrolment.objects.create(user=user, course_key=course_key, cycle_opened_at=now)
        if enrolment.completed_at is not None:
            enrolment.cycle += 1
            enrolment.completed_at = None
            enrolment.cycle_opened_at = now
            supersede_progress(user, course_key)
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.withdrawn_at = None
        enrolment.save(
            update_fields=["cycle", "completed_at", "cycle_opened_at", "status", "withdrawn_at"]
        )
        return enrolment
