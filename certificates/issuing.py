"""Requesting a certificate: the pending row created when a course is completed, and the
message that asks a worker to issue it.

`request_certificate` is the one entry point from learning (`courses.learning.completion`
calls it when a course becomes complete); nothing else in `courses` imports this app.

The row is the outbox. It is written in the transaction that records the completion, and
the message is only sent after that transaction commits. If the message is lost (Redis down,
a worker killed), the periodic sweep (`worker.sweep_pending_certificates`) sends it again.

A certificate is written in one language, chosen when it is requested and stored on it
(`certificate_language`): its statement (course title, phase, wording) is fixed in that
language here, and the worker renders its PDF and email in it.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING

from celery import current_app
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from wagtail.models import Locale, Site

from certificates.models import DEFAULT_WORDING, Certificate, CertificateSettings, Recertification
from certificates.validity import expiry_for
from courses.assessment.models import QuizAttempt
from training.languages import language_codes

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
        QuizAttempt.objects.filter(
            user=enrolment.user, quiz_key__in=quiz_keys, cycle=enrolment.cycle
        )
        .values("quiz_key")
        .annotate(best=Max("percent"))
        .values_list("best", flat=True)
    )
    scores = [score for score in best if score is not None]
    return (sum(scores) / len(scores)).quantize(Decimal("0.01")) if scores else None


def certificate_language(user: AbstractBaseUser) -> str:
    """The language a learner's certificate is written in.

    The active language first: a course is completed in the learner's request (a lesson
    marked complete, a quiz submitted), so it is the language of the page they completed
    it on. Where none of ours is active (code run outside a request, a staff tool in another
    language), the learner's preferred language; failing that, the site's default.
    """
    codes = language_codes()
    active = translation.get_language()
    if active in codes:
        return active
    preferred = getattr(user, "preferred_language", "")
    return preferred if preferred in codes else settings.LANGUAGE_CODE


def request_certificate(enrolment: Enrolment, course: CoursePage) -> Certificate | None:
    """Create the pending certificate for a completed enrolment and ask for it to be issued.

    Call inside the transaction that records the completion: the certificate is written in
    the language active there (`certificate_language`). A cycle opened for a
    recertification issues the renewal of the certificate it was opened for
    (`request_renewal`); a participant of a blended programme on the course gets its
    certificate when every rule of the programme is met (`blended.completion`); otherwise
    the course's first certificate. Idempotent: an enrolment
    has one current certificate per cycle, so a second call returns the existing one, in the
    language it was first written in.
    """
    if enrolment.completed_at is None:
        return None
    if (recertification := open_recertification_for(enrolment)) is not None:
        return request_renewal(recertification, enrolment, course)
    # blended builds on certificates, so it is imported here and not at the top.
    from blended.completion import certify_participations, participations_of

    if participations := participations_of(enrolment):
        # A blended programme's rules decide: the e-learning is one of them.
        return certify_participations(participations)
    if not course.awards_certificate:
        return None
    existing = (
        Certificate.objects.filter(enrolment=enrolment, cycle=1)
        .exclude(status=Certificate.Status.REPLACED)
        .first()
    )
    if existing is not None:
        return existing
    language = certificate_language(enrolment.user)
    source = certification_source(course)
    certificate = Certificate.objects.create(
        enrolment=enrolment,
        expires_on=expiry_for(source, timezone.localdate(enrolment.completed_at), None),
        grace_days=source.grace_days,
        **statement(enrolment, course, language),
    )
    send_task_later(ISSUE_TASK, certificate.pk)
    return certificate


def certification_source(course: CoursePage) -> CoursePage:
    """The course whose certification settings apply: the live source page in the default
    language, which all translations share; the course itself if that is not live."""
    return type(course).objects.live_by_key(course.translation_key) or course


def open_recertification_for(enrolment: Enrolment) -> Recertification | None:
    """The recertification the enrolment's current cycle was opened for, still to renew."""
    return (
        Recertification.objects.select_related("certificate__enrolment__user")
        .filter(enrolment=enrolment, cycle=enrolment.cycle, renewal__isnull=True)
        .first()
    )


def request_renewal(
    recertification: Recertification, enrolment: Enrolment, refresher: CoursePage
) -> Certificate | None:
    """Create the next cycle's certificate when the refresher is completed, and ask for it to
    be issued. Call inside the transaction that records the completion. The certificate is
    for the course it renews (its title, phase and issuer), dated by the refresher's
    completion and scored on the refresher's quizzes. Idempotent: one renewal per
    recertification."""
    locked = Recertification.objects.select_for_update().get(pk=recertification.pk)
    if locked.renewal_id is not None:
        return locked.renewal
    old = recertification.certificate
    course = type(refresher).objects.live_by_key(old.enrolment.course_key)
    if course is None:
        return None
    details = statement(enrolment, course, language=None)
    details["score"] = course_score(enrolment, refresher)
    details["completed_at"] = enrolment.completed_at
    completed_on = timezone.localdate(enrolment.completed_at)
    renewal = Certificate.objects.create(
        enrolment=old.enrolment,
        cycle=old.cycle + 1,
        renews=old,
        expires_on=expiry_for(course, completed_on, old),
        grace_days=course.grace_days,
        **details,
    )
    locked.renewal = renewal
    locked.save(update_fields=["renewal"])
    send_task_later(ISSUE_TASK, renewal.pk)
    return renewal


def statement(enrolment: Enrolment, course: CoursePage, language: str | None = None) -> dict:
    """What the certificate will state, fixed now, in `language` (by default the one
    `certificate_language` picks): later edits never change it.

    The course's words come from its translation in that language when one is written,
    so the title, the phase and the wording read in the certificate's language.
    """
    language = language or certificate_language(enrolment.user)
    return {
        **course_statement(course, language),
        "learner_name": display_name(enrolment.user),
        "completed_at": enrolment.completed_at,
        "score": course_score(enrolment, course),
    }


def display_name(user: AbstractBaseUser) -> str:
    """The learner's name as a certificate states it."""
    return user.full_name or user.get_full_name() or user.email


def course_statement(course: CoursePage, language: str) -> dict:
    """What a certificate states about the course and its issuer, in `language`: the part
    every certificate of the course shares, whoever earned it and however."""
    issuer = issuer_settings()
    page = course_in(course, language)
    with translation.override(language):
        phase = str(course.get_phase_display())
    return {
        "language": language,
        "course_title": page.title,
        "course_phase": phase,
        "organisation": issuer.organisation,
        "signatory_name": issuer.signatory_name,
        "signatory_title": issuer.signatory_title,
        "wording": page.certificate_wording or wording_in(issuer, language),
    }


def course_in(course: CoursePage, language: str) -> CoursePage:
    """The course as written in `language`: its live translation there, when an author
    wrote one. Otherwise the source whose words the learner read: an alias (a translation
    not written yet) only repeats its source's words."""
    locale = Locale.objects.filter(language_code=language).first()
    written = course.get_translation_or_none(locale) if locale else None
    if written is not None and written.live and written.alias_of_id is None:
        return written.specific
    if course.alias_of_id is not None:
        return course.alias_of.specific
    return course


def wording_in(issuer: CertificateSettings, language: str) -> str:
    """The issuer's words between the name and the title. The default wording is ours, so
    it is stated in the certificate's language; wording staff wrote is stated as written."""
    if issuer.wording != DEFAULT_WORDING:
        return issuer.wording
    with translation.override(language):
        return translation.gettext(DEFAULT_WORDING)
