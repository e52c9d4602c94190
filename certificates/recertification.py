"""Recertification: opening the refresher when a certificate's window opens, writing its
reminders when they fall due, and issuing the next cycle's certificate when the refresher is
completed.

`run_daily` is what the daily beat task runs. Everything it writes is keyed so that writing
it again changes nothing (one `Recertification` per certificate, one `CertificateReminder`
per certificate, expiry date and day), so running it twice a day, retrying it, or catching
up after days without a worker has the effect of one run per day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from certificates.models import Certificate, CertificateReminder, Recertification
from courses.learning.enrolment import open_new_cycle
from courses.pages.certification import LONGEST_REMINDER_DAYS
from courses.pages.models import CoursePage

Outcome = CertificateReminder.Outcome


@dataclass
class DailyReport:
    """What one run did: recertifications opened and reminders written, by id."""

    opened: list[int] = field(default_factory=list)
    reminders: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)


def certification_course(course_key) -> CoursePage | None:
    """The live course whose certification settings apply: the source, in the default
    language, whose settings every translation shares."""
    return CoursePage.objects.live_by_key(course_key)


def refresher_for(course: CoursePage) -> CoursePage:
    """The course that renews `course`'s certificate: its refresher when one is live, else
    the course itself."""
    refresher = course.refresher_course
    if refresher is not None and refresher.live:
        return CoursePage.objects.live_by_key(refresher.translation_key) or course
    return course


def candidates(today: date):
    """Issued, expiring certificates not yet renewed, whose current expiry is near enough to
    `today` for something to be due (reminders reach at most ten years either side)."""
    window = timedelta(days=LONGEST_REMINDER_DAYS)
    return (
        Certificate.objects.with_validity()
        .filter(
            status=Certificate.Status.ISSUED,
            expires_on__isnull=False,
            # A walk-in's workshop certificate has no account to renew it yet.
            enrolment__isnull=False,
            current_expires_on__gte=today - window,
            current_expires_on__lte=today + window,
        )
        .exclude(renewals__status__in=[Certificate.Status.ISSUED, Certificate.Status.PENDING])
        .select_related("enrolment__user", "recertification")
        .prefetch_related("reminders")
        .order_by("pk")
    )


def run_daily(today: date | None = None) -> DailyReport:
    """Open the recertifications and write the reminders due on `today` (local date)."""
    today = today or timezone.localdate()
    report = DailyReport()
    courses: dict = {}
    for certificate in candidates(today).iterator(chunk_size=500):
        key = certificate.enrolment.course_key
        if key not in courses:
            courses[key] = certification_course(key)
        course = courses[key]
        if course is None or not course.validity_months:
            continue
        expires_on = certificate.current_expires_on
        opens_on = expires_on - timedelta(days=course.recertification_window_days)
        if today >= opens_on and not _has_recertification(certificate):
            recertification = open_recertification(certificate, course)
            if recertification is not None:
                report.opened.append(recertification.pk)
        _write_reminders(certificate, course, expires_on, today, report)
    return report


def _has_recertification(certificate: Certificate) -> bool:
    try:
        return certificate.recertification is not None
    except Recertification.DoesNotExist:
        return False


def open_recertification(certificate: Certificate, course: CoursePage) -> Recertification | None:
    """Enrol the learner in the refresher for a new cycle and record it, once. Their earlier
    progress stays, as history. Returns None if it was already open."""
    refresher = refresher_for(course)
    try:
        with transaction.atomic():
            if Recertification.objects.filter(certificate=certificate).exists():
                return None
            enrolment = open_new_cycle(certificate.enrolment.user, refresher.translation_key)
            return Recertification.objects.create(
                certificate=certificate, enrolment=enrolment, cycle=enrolment.cycle
            )
    except IntegrityError:  # another run opened it at the same moment
        return None


def _write_reminders(
    certificate: Certificate,
    course: CoursePage,
    expires_on: date,
    today: date,
    report: DailyReport,
) -> None:
    """Write the reminders due by `today` for this expiry date, once each. Only the latest
    due one is sent: one that fell due earlier but was never written (no worker ran that
    day) is recorded as skipped, so a learner never gets two reminders at once."""
    due = [
        offset for offset in course.reminder_offsets() if expires_on + timedelta(offset) <= today
    ]
    if not due:
        return
    opted_out = not getattr(certificate.enrolment.user, "certificate_reminders", True)
    # Prefetched with the candidates: one query per chunk, not one per certificate.
    written = {r.offset_days for r in certificate.reminders.all() if r.expires_on == expires_on}
    latest = max(due)
    for offset in due:
        if offset in written:
            continue
        if opted_out:
            outcome, why = Outcome.SKIPPED, "The learner turned reminders off."
        elif offset != latest:
            outcome, why = Outcome.SKIPPED, "A later reminder was already due."
        else:
            outcome, why = Outcome.PENDING, ""
        reminder = _write_reminder(certificate, expires_on, offset, outcome, why)
        if reminder is None:
            continue
        (report.reminders if outcome == Outcome.PENDING else report.skipped).append(reminder.pk)


def _write_reminder(
    certificate: Certificate, expires_on: date, offset: int, outcome: str, why: str
) -> CertificateReminder | None:
    try:
        with transaction.atomic():
            return CertificateReminder.objects.create(
                certificate=certificate,
                expires_on=expires_on,
                offset_days=offset,
                due_on=expires_on + timedelta(offset),
                outcome=outcome,
                skip_reason=why,
            )
    except IntegrityError:  # written by a run at the same moment
        return None
