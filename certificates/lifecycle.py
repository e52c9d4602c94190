"""What staff may do to a certificate after it was requested: retry, revoke, reissue.

Each function locks the certificate row, checks the status under that lock, changes it in one
transaction and records who did it, when and why in Wagtail's log, so the certificate's history
in the admin tells the story. A certificate in the wrong state for the action raises
`CertificateActionRefused` and nothing is changed: running an action twice changes nothing the
second time, because the first one moved the certificate out of the state the action needs.

Issuing itself stays with the worker: these functions only put a certificate back in the
outbox (pending) and ask for it to be issued after the transaction commits.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from certificates.credentials import forget_status_lists
from certificates.issuing import ISSUE_TASK, send_task_later, statement
from certificates.models import Certificate, CertificateReminder, Recertification
from certificates.validity import current_expiry
from courses.models import CoursePage

RETRY_ACTION = "certificates.retry"
REVOKE_ACTION = "certificates.revoke"
REISSUE_ACTION = "certificates.reissue"
#: Logged on the new certificate a reissue creates; "reissue" is logged on the old one.
REPLACEMENT_ACTION = "certificates.replacement"

Status = Certificate.Status


class CertificateActionRefused(Exception):
    """The action does not apply to the certificate as it is now; nothing was changed."""


# The one status each action starts from. Reissue needs an issued certificate: a revoked one
# was withdrawn on purpose and reissuing would quietly undo that, and a pending or failed one
# has not yet been issued with the old name (retrying it reads the same snapshot, though).
STARTS_FROM = {
    RETRY_ACTION: Status.FAILED,
    REVOKE_ACTION: Status.ISSUED,
    REISSUE_ACTION: Status.ISSUED,
}
REFUSALS = {
    RETRY_ACTION: gettext_lazy("Only a failed certificate can be retried; this one is %(status)s."),
    REVOKE_ACTION: gettext_lazy(
        "Only an issued certificate can be revoked; this one is %(status)s."
    ),
    REISSUE_ACTION: gettext_lazy(
        "Only an issued certificate can be reissued; this one is %(status)s."
    ),
}

# A reissue states the account's name: a walk-in's certificate has no account until claimed.
UNCLAIMED_REISSUE = gettext_lazy(
    "This workshop certificate belongs to no account yet. It can be reissued once the "
    "participant signs up and enters their claim code."
)


def refusal(certificate: Certificate, action: str) -> str | None:
    """Why `action` does not apply to the certificate as it is now, or None when it does."""
    if action == REISSUE_ACTION and certificate.enrolment_id is None:
        return str(UNCLAIMED_REISSUE)
    if certificate.status == STARTS_FROM[action]:
        return None
    return REFUSALS[action] % {"status": certificate.get_status_display().lower()}


def _ensure_allowed(certificate: Certificate, action: str) -> None:
    if (reason := refusal(certificate, action)) is not None:
        raise CertificateActionRefused(reason)


def retry_certificate(certificate: Certificate, by: AbstractBaseUser) -> Certificate:
    """Put a failed certificate back in the outbox and ask the worker to issue it again.

    The failure reason is cleared (the log keeps it). Refused, changing nothing, unless the
    certificate is failed, so retrying twice enqueues it once.
    """
    with transaction.atomic():
        locked = _lock(certificate)
        _ensure_allowed(locked, RETRY_ACTION)
        previous_reason = locked.failure_reason
        locked.status = Status.PENDING
        locked.failure_reason = ""
        locked.save(update_fields=["status", "failure_reason"])
        _log(locked, RETRY_ACTION, by, {"failure_reason": previous_reason, "tries": locked.tries})
        send_task_later(ISSUE_TASK, locked.pk)
    return locked


def revoke_certificate(certificate: Certificate, by: AbstractBaseUser, reason: str) -> Certificate:
    """Withdraw an issued certificate: its verification page says it is revoked, and why
    is kept for staff. The PDF is kept as a record of what was issued.

    Refused, changing nothing, without a reason or unless the certificate is issued, so
    revoking twice records one revocation.
    """
    reason = _required_reason(reason)
    with transaction.atomic():
        locked = _lock(certificate)
        _ensure_allowed(locked, REVOKE_ACTION)
        locked.status = Status.REVOKED
        locked.revoked_at = timezone.now()
        locked.revoked_reason = reason
        locked.save(update_fields=["status", "revoked_at", "revoked_reason"])
        _log(locked, REVOKE_ACTION, by, {"reason": reason})
        _republish_status_lists()
    return locked


def reissue_certificate(
    certificate: Certificate,
    by: AbstractBaseUser,
    reason: str,
    *,
    learner_name: str | None = None,
) -> Certificate:
    """Replace an issued certificate with a new one stating what is true now, typically the
    learner's corrected name. Returns the new certificate, pending, with a new code; the
    worker issues it after the transaction commits.

    The old certificate becomes "replaced" and points to the new one, so its verification
    page leads there. The new one is for the same enrolment, cycle and completion date; the
    rest of what it states (`certificates.issuing.statement`: name, course title, score,
    issuer) is read afresh, as for a first certificate; `learner_name`, when given (an
    approved name correction), is stated instead of the account's name.

    Refused, changing nothing, without a reason, unless the certificate is issued, or when
    its course no longer exists; reissuing twice therefore creates one new certificate.
    """
    reason = _required_reason(reason)
    with transaction.atomic():
        old = _lock(certificate)
        _ensure_allowed(old, REISSUE_ACTION)
        course = _course_of(old)
        if course is None:
            raise CertificateActionRefused(
                _("The course of this certificate no longer exists, so it cannot be reissued.")
            )
        # One certificate per enrolment and cycle is not replaced: step aside first.
        old.status = Status.REPLACED
        old.save(update_fields=["status"])
        # The replacement speaks the learner's language, not the staff member's.
        stated = statement(old.enrolment, course, language=old.language)
        if learner_name is not None:
            stated["learner_name"] = learner_name
        # What the learner did stays as stated: the enrolment may be in a later cycle now.
        stated.update(completed_at=old.completed_at, score=old.score, workshop=old.workshop)
        new = Certificate.objects.create(
            enrolment=old.enrolment,
            participant=old.participant,
            cycle=old.cycle,
            renews=old.renews,
            expires_on=current_expiry(old),
            grace_days=old.grace_days,
            **stated,
        )
        old.replaced_by = new
        old.save(update_fields=["replaced_by"])
        carry_over_renewal(old, new)
        _log(old, REISSUE_ACTION, by, {"reason": reason, "replacement": new.display_code})
        _log(new, REPLACEMENT_ACTION, by, {"reason": reason, "replaces": old.display_code})
        send_task_later(ISSUE_TASK, new.pk)
        _republish_status_lists()
    return new


def carry_over_renewal(old: Certificate, new: Certificate) -> None:
    """The replacement takes the old certificate's place in its renewal: an open
    recertification now renews it, and the reminders already written for the old one count
    for it (recorded as not sent again), so the learner gets no reminder twice."""
    Recertification.objects.filter(certificate=old).update(certificate=new)
    CertificateReminder.objects.bulk_create(
        CertificateReminder(
            certificate=new,
            expires_on=reminder.expires_on,
            offset_days=reminder.offset_days,
            due_on=reminder.due_on,
            outcome=CertificateReminder.Outcome.SKIPPED,
            skip_reason=f"Written for {old.display_code}, which this certificate replaces.",
        )
        for reminder in old.reminders.all()
    )


def replacement_chain(certificate: Certificate) -> list[Certificate]:
    """The certificates this one replaced and the ones that replaced it, oldest first."""
    chain = [certificate]
    seen = {certificate.pk}
    current = certificate
    while (older := Certificate.objects.filter(replaced_by=current).first()) is not None:
        if older.pk in seen:
            break
        chain.insert(0, older)
        seen.add(older.pk)
        current = older
    current = certificate
    while current.replaced_by_id is not None and current.replaced_by_id not in seen:
        current = Certificate.objects.get(pk=current.replaced_by_id)
        chain.append(current)
        seen.add(current.pk)
    return chain


def _republish_status_lists() -> None:
    """The published status lists show a withdrawal at once, not when their cache runs out:
    dropped now, and again after the commit in case a request cached the old list between."""
    forget_status_lists()
    transaction.on_commit(forget_status_lists)


def _lock(certificate: Certificate) -> Certificate:
    return (
        # Only the certificate's row: progress locks enrolments, and two lock orders deadlock.
        Certificate.objects.select_for_update(of=("self",))
        .select_related("enrolment__user")
        .get(pk=certificate.pk)
    )


def _required_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CertificateActionRefused(_("Give a reason: it is kept in the certificate's history."))
    return reason


def _course_of(certificate: Certificate) -> CoursePage | None:
    """The course page the certificate is for, preferring the translation it was issued in."""
    pages = list(
        CoursePage.objects.filter(translation_key=certificate.course_key)
        .defer_streamfields()
        .order_by("-live", "locale_id")
    )
    same_title = [page for page in pages if page.title == certificate.course_title]
    return (same_title or pages or [None])[0]


def _log(certificate: Certificate, action: str, by: AbstractBaseUser, data: dict) -> None:
    log(certificate, action, user=by, data=data)
