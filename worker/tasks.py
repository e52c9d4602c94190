"""Tasks. Each takes primary keys or plain values, never model instances, and is idempotent."""

import logging

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from blended.completion import certify_finished_workshops
from certificates.recertification import run_daily
from worker import certificates, localize, reminders

# Errors logged here reach the administrators through the deployment's error reporting.
logger = logging.getLogger(__name__)


@shared_task(name="worker.ping_worker", ignore_result=False)
def ping_worker(token: str) -> str:
    """Answer with the token: proves a worker process is consuming the queue.

    Running it twice returns the same answer and changes nothing.
    """
    return f"pong:{token}"


# Errors worth another try: storage and network hiccups, a database that went away.
TRANSIENT_ERRORS = (OSError, OperationalError, InterfaceError)
MAX_ISSUE_RETRIES = 5


def backoff_seconds(retries: int, first: int, longest: int) -> int:
    """How long to wait before the next try: `first` seconds, doubling with each retry,
    never more than `longest`."""
    return min(2**retries * first, longest)


@shared_task(name="worker.issue_certificate", bind=True, max_retries=MAX_ISSUE_RETRIES)
def issue_certificate(self, certificate_id: int) -> str:
    """Issue one certificate (PDF, storage, status), then ask for the email to be sent.

    Idempotent: an issued, revoked or replaced certificate is left alone, so a second run,
    or a run in another worker at the same time, changes nothing. Transient failures are
    retried with exponential backoff (at most MAX_ISSUE_RETRIES times); after the last
    retry, or at once for any other error, the certificate is marked failed with the reason
    for staff to see and retry from the admin.
    """
    try:
        return certificates.issue(certificate_id)
    except TRANSIENT_ERRORS as error:
        reason = f"{type(error).__name__}: {error}"
        if self.request.retries >= self.max_retries:
            logger.error("Certificate %s failed after retries: %s", certificate_id, reason)
            certificates.mark_failed(certificate_id, f"Gave up after retries. {reason}")
            return "failed"
        certificates.count_try(certificate_id, reason)
        countdown = backoff_seconds(self.request.retries, first=5, longest=300)
        raise self.retry(exc=error, countdown=countdown) from error
    except Exception as error:
        logger.exception("Certificate %s failed", certificate_id)
        certificates.mark_failed(certificate_id, f"{type(error).__name__}: {error}")
        return "failed"


@shared_task(name="worker.send_certificate_email", bind=True, max_retries=5)
def send_certificate_email(self, certificate_id: int) -> str:
    """Email the learner their certificate link; a second run sends nothing."""
    try:
        return certificates.send_certificate_email(certificate_id)
    except TRANSIENT_ERRORS as error:
        countdown = backoff_seconds(self.request.retries, first=30, longest=600)
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(name="worker.sweep_pending_certificates")
def sweep_pending_certificates() -> int:
    """Send again the tasks whose messages were lost (a Redis outage, a killed worker):
    issuing for certificates still pending after a while, and the email for issued ones not
    yet emailed. Both tasks are idempotent, so a message that was only late does no harm.
    Returns how many tasks were sent."""
    after = settings.CERTIFICATE_SWEEP_AFTER_SECONDS
    pending = certificates.pending_to_resend(after)
    unsent = certificates.unsent_emails(after)
    due_reminders = reminders.unsent_reminders(after)
    for certificate_id in pending:
        issue_certificate.delay(certificate_id)
    for certificate_id in unsent:
        send_certificate_email.delay(certificate_id)
    for reminder_id in due_reminders:
        send_certificate_reminder.delay(reminder_id)
    return len(pending) + len(unsent) + len(due_reminders)


@shared_task(name="worker.renew_certificates", bind=True, max_retries=5)
def renew_certificates(self) -> dict:
    """The daily recertification job: open the recertifications whose window opened and send
    the reminders due today. Running it twice a day, or retrying it, does no more than once:
    every row it writes is unique (see certificates/recertification.py). Returns counts."""
    try:
        report = run_daily()
    except TRANSIENT_ERRORS as error:
        countdown = backoff_seconds(self.request.retries, first=60, longest=1800)
        raise self.retry(exc=error, countdown=countdown) from error
    for reminder_id in report.reminders:
        send_certificate_reminder.delay(reminder_id)
    return {
        "opened": len(report.opened),
        "reminders": len(report.reminders),
        "skipped": len(report.skipped),
    }


@shared_task(name="worker.certify_finished_workshops", bind=True, max_retries=5)
def certify_finished_workshops_task(self) -> int:
    """Issue the certificates of workshop participants who met every rule but whose last
    session nobody marked, once it is over (`blended.completion`). Idempotent: a participant
    has one certificate. Returns how many were requested."""
    try:
        return len(certify_finished_workshops())
    except TRANSIENT_ERRORS as error:
        countdown = backoff_seconds(self.request.retries, first=60, longest=1800)
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(name="worker.send_certificate_reminder", bind=True, max_retries=5)
def send_certificate_reminder(self, reminder_id: int) -> str:
    """Email one certificate reminder; a second run sends nothing."""
    try:
        return reminders.send_reminder(reminder_id)
    except TRANSIENT_ERRORS as error:
        countdown = backoff_seconds(self.request.retries, first=30, longest=600)
        raise self.retry(exc=error, countdown=countdown) from error


@shared_task(name="worker.run_localize_job", bind=True, max_retries=5)
def run_localize_job(self, job: dict) -> str:
    """Run a wagtail-localize job (a page subtree to translate, a locale tree to fill with
    aliases). Both kinds are safe to run twice; transient errors are tried again."""
    try:
        localize.run_job(job)
    except TRANSIENT_ERRORS as error:
        countdown = backoff_seconds(self.request.retries, first=5, longest=300)
        raise self.retry(exc=error, countdown=countdown) from error
    return "done"
