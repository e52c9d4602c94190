"""Issuing certificates: render the PDF, store it, mark the row issued; and email the learner.

Only tasks call these. Each function locks the certificate row and does nothing when the
work is already done, so running it twice, or in two workers at once, has one effect.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certificates.credentials import current_credential
from certificates.issuing import EMAIL_TASK, send_task_later
from certificates.models import Certificate
from worker import pdf

logger = logging.getLogger(__name__)


def site_url(name: str, certificate: Certificate, language: str | None = None) -> str:
    """The absolute address of one of the certificate's pages: among `language`'s URLs
    (/ar/…), or with no language in it when None, whatever language is active."""
    with translation.override(language):
        return settings.SITE_URL.rstrip("/") + reverse(name, args=[certificate.code])


def verification_url(certificate: Certificate, language: str | None = None) -> str:
    """The public check page. The PDF and its QR code carry it without a language, so
    whoever checks a certificate reads the page in their own."""
    return site_url("certificate_verify", certificate, language)


def download_url(certificate: Certificate, language: str | None = None) -> str:
    return site_url("certificate_download", certificate, language)


def pdf_name(certificate: Certificate) -> str:
    return f"certificates/{certificate.code}.pdf"


def store_pdf(certificate: Certificate, content: bytes) -> str:
    """Save the PDF under a name of its own; a file left by an interrupted try is replaced."""
    name = pdf_name(certificate)
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(content))


def issue(certificate_id: int) -> str:
    """Render and store the certificate's PDF and mark it issued. Returns what happened:
    "issued", or the status it already had ("issued", "revoked", …), or "gone".

    The PDF is rendered before the row is locked, so learners' writes are not held up while
    it renders (on SQLite a transaction locks the whole database); under the lock the status
    is checked again, so a second run at the same time still has no effect.
    """
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return "gone"
    if certificate.status != Certificate.Status.PENDING:
        return certificate.status
    content = pdf.render_certificate_pdf(certificate, verification_url(certificate))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
        if certificate is None:
            return "gone"
        if certificate.status != Certificate.Status.PENDING:
            return certificate.status
        certificate.tries += 1
        certificate.pdf.name = store_pdf(certificate, content)
        certificate.status = Certificate.Status.ISSUED
        certificate.issued_at = timezone.now()
        certificate.failure_reason = ""
        certificate.save()
        send_task_later(EMAIL_TASK, certificate.pk)
    sign_credential(certificate)
    return "issued"


def sign_credential(certificate: Certificate) -> None:
    """Sign the certificate's Open Badges credential now, so its owner's first download is
    quick. Not part of issuing: if it fails, the download signs it instead."""
    try:
        current_credential(certificate)
    except Exception:
        logger.exception("Could not sign the credential of certificate %s", certificate.pk)


def mark_failed(certificate_id: int, reason: str) -> None:
    """Record that issuing gave up, with the reason staff will read. Only a pending row."""
    Certificate.objects.filter(pk=certificate_id, status=Certificate.Status.PENDING).update(
        status=Certificate.Status.FAILED, failure_reason=reason[:2000]
    )


def count_try(certificate_id: int, reason: str) -> None:
    """Count a failed try that will be retried (the try's own transaction rolled back)."""
    Certificate.objects.filter(pk=certificate_id, status=Certificate.Status.PENDING).update(
        tries=F("tries") + 1, failure_reason=reason[:2000]
    )


def send_certificate_email(certificate_id: int) -> str:
    """Email the learner a link to their certificate, once, in the certificate's language
    (a task has no request, so no language of its own)."""
    with transaction.atomic():
        certificate = (
            # Only the certificate's row: a walk-in's has no enrolment to join (outer join).
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrolment__user")
            .filter(pk=certificate_id, status=Certificate.Status.ISSUED)
            .first()
        )
        if certificate is None:
            return "not issued"
        if certificate.emailed_at is not None:
            return "already sent"
        if certificate.enrolment_id is None:
            # A walk-in without an account: the email goes once they claim their place.
            return "no account yet"
        subject, body = certificate_email(certificate)
        send_mail(subject, body, None, [certificate.enrolment.user.email])
        certificate.emailed_at = timezone.now()
        certificate.save(update_fields=["emailed_at"])
    return "sent"


def certificate_email(certificate: Certificate) -> tuple[str, str]:
    """The subject and body of the certificate email, in the certificate's language; its
    links open the pages in that language too."""
    language = certificate.language
    with translation.override(language):
        subject = _("Your certificate: %(course)s") % {"course": certificate.course_title}
        body = _(
            "Hello %(name)s,\n\nWell done: you completed “%(course)s”.\n"
            "Download your certificate here (log in first):\n%(download)s\n\n"
            "Anyone can check it is genuine at:\n%(verify)s\n"
        ) % {
            "name": certificate.learner_name,
            "course": certificate.course_title,
            "download": download_url(certificate, language),
            "verify": verification_url(certificate, language),
        }
    return subject, body


def pending_to_resend(older_than_seconds: int) -> list[int]:
    """Certificates still waiting to be issued a while after they were requested."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    return list(
        Certificate.objects.filter(
            status=Certificate.Status.PENDING, created_at__lt=cutoff
        ).values_list("pk", flat=True)
    )


def unsent_emails(older_than_seconds: int) -> list[int]:
    """Issued certificates whose email is still not sent a while after issue (its message
    was lost): the email has its outbox in `emailed_at`, like issuing has in `status`."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    return list(
        Certificate.objects.filter(
            status=Certificate.Status.ISSUED,
            emailed_at__isnull=True,
            issued_at__lt=cutoff,
            enrolment__isnull=False,
        ).values_list("pk", flat=True)
    )
