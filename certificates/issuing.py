"""Requesting a certificate: the pending row created when a course is completed, and the
message that asks a worker to issue it.

`request_certificate` is the one entry point from learning (`courses.learning.completion`
calls it when a course becomes complete); nothing else in `courses` imports this app.

The row is the outbox. It is written in the transaction that records the completion, and
the message is only sent after that transaction commits. If the message is lost (Redis down,
a worker killed), the periodic sweep (`worker.sweep_pending_certificates`) sends it again.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING

from celery import current_app
from django.db import transaction
from django.db.models import Max
from wagtail.models import Site

from certificates.models import Certificate, CertificateSettings
from courses.assessment.models import QuizAttempt

if TYPE_CHECKING:
    from courses.learning.models import Enrolment
    from courses.pages.models import CoursePage

logger = logging.getLogger(__name__)

ISSUE_TASK = "worker.issue_certificate"
EMAIL_TASK = "worker.send_certificate_email"


def send_task_later(task_name: str, certificate_id: int) -> None:
    """Send a task after the current transaction commits. A broker that is down is logged,
    not raised: the learner's request must not fail, and the sweep sends it again later."""

    def send() -> None:
        try:
            # No result is stored: waiting on a down result store would block the request.
            current_app.send_task(task_name, args=[certificate_id], ignore_result=True)
        except Exception:  # noqa: BLE001 - any broker failure; the outbox row remains
            logger.warning("Could not enqueue %s for certificate %s", task_name, certificate_id)

    transaction.on_commit(send)


def issuer_settings() -> CertificateSettings:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return CertificateSettings.for_site(site)


def course_score(enrolment: Enrolment, course: CoursePage) -> Decimal | None:
    """The best percentage on the course's required quizzes, averaged; None without quizzes
    (or when the course is no longer published)."""
    quizzes = course.get_required_quizzes() if course.live else []
    quiz_keys = [quiz.translation_key for quiz in quizzes]
    if not quiz_keys:
        return None
    best = (
        QuizAttempt.objects.filter(user=enrolment.user, quiz_key__in=quiz_keys)
        .values("quiz_key")
        .annotate(best=Max("percent"))
        .values_list("best", flat=True)
    )
    scores = [score for score in best if score is not None]
    return (sum(scores) / len(scores)).quantize(Decimal("0.01")) if scores else None


def request_certificate(enrolment: Enrolment, course: CoursePage) -> Certificate | None:
    """Create the pending certificate for a completed enrolment and ask for it to be issued.

    Call inside the transaction that records the completion. Idempotent: an enrolment has
    one current certificate per cycle, so a second call returns the existing one.
    """
    if not course.awards_certificate or enrolment.completed_at is None:
        return None
    existing = (
        Certificate.objects.filter(enrolment=enrolment, cycle=1)
        .exclude(status=Certificate.Status.REPLACED)
        .first()
    )
    if existing is not None:
        return existing
    certificate = Certificate.objects.create(enrolment=enrolment, **statement(enrolment, course))
    send_task_later(ISSUE_TASK, certificate.pk)
    return certificate


def statement(enrolment: Enrolment, course: CoursePage) -> dict:
    """What the certificate will state, fixed now: later edits never change it."""
    issuer = issuer_settings()
    user = enrolment.user
    return {
        "learner_name": user.full_name or user.get_full_name() or user.email,
        "course_title": course.title,
        "course_phase": course.get_phase_display(),
        "completed_at": enrolment.completed_at,
        "score": course_score(enrolment, course),
        "organisation": issuer.organisation,
        "signatory_name": issuer.signatory_name,
        "signatory_title": issuer.signatory_title,
        "wording": course.certificate_wording or issuer.wording,
    }
