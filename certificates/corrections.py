"""Name corrections: a learner asks for the name on an issued certificate to be corrected,
and staff approve or refuse the request.

An issued certificate is never edited. Approving a request reissues the certificate
(`certificates.lifecycle.reissue_certificate`) with the requested name: the old one becomes
"replaced" and its verification page leads to the new one, which the worker issues. The
request row keeps who asked, for which name and why, and who decided, when and what they
said; only these functions write it, so it stands as the audit trail.

Each function checks under a row lock and changes nothing when the request or certificate
is not in the state it needs, raising `NameCorrectionRefused` with a message for people. So
asking twice leaves one pending request, and deciding twice records one decision.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from certificates.lifecycle import CertificateActionRefused, reissue_certificate
from certificates.models import Certificate, NameCorrectionRequest

REQUEST_ACTION = "certificates.name_correction.request"
APPROVE_ACTION = "certificates.name_correction.approve"
REFUSE_ACTION = "certificates.name_correction.refuse"

NAME_MAX_LENGTH = NameCorrectionRequest._meta.get_field("requested_name").max_length
REASON_MAX_LENGTH = 2000
MESSAGE_MAX_LENGTH = 2000

Status = NameCorrectionRequest.Status


class NameCorrectionRefused(CertificateActionRefused):
    """The request cannot be made or decided as things are now; nothing was changed.

    A kind of `CertificateActionRefused`, so a caller that handles the certificate's other
    actions handles this one too."""


def clean_name(name: str) -> str:
    """A typed name as it would be printed: no spaces at the ends, single spaces between."""
    return " ".join((name or "").split())


def correction_refusal(certificate: Certificate, user: AbstractBaseUser) -> str | None:
    """Why `user` cannot ask for the name on `certificate` to be corrected now, or None.

    Reads, without locking: for showing or hiding the form. `request_name_correction`
    checks again under a lock."""
    if certificate.enrolment.user_id != user.pk:
        return _("Only the person this certificate was issued to can ask to correct its name.")
    if certificate.status != Certificate.Status.ISSUED:
        if certificate.status == Certificate.Status.REPLACED:
            return _("This certificate was replaced by a newer one. Ask from the newer one.")
        if certificate.status == Certificate.Status.REVOKED:
            return _("This certificate was withdrawn, so its name cannot be corrected.")
        return _("You can ask for a correction once the certificate is ready.")
    if certificate.name_corrections.filter(status=Status.PENDING).exists():
        return _("You have already asked to correct this name. Our team will answer soon.")
    return None


def request_name_correction(
    certificate: Certificate, user: AbstractBaseUser, requested_name: str, reason: str
) -> NameCorrectionRequest:
    """Record the owner's request for the name on an issued certificate to be corrected.

    The name is cleaned (`clean_name`) and must differ from the one printed; a reason is
    needed. Refused, writing nothing, for anyone but the owner, for a certificate that is
    not issued, or while another request for it waits for a decision: asking twice leaves
    one pending request.
    """
    requested_name = clean_name(requested_name)
    reason = (reason or "").strip()
    if not requested_name:
        raise NameCorrectionRefused(_("Enter the name as it should be printed."))
    if len(requested_name) > NAME_MAX_LENGTH:
        raise NameCorrectionRefused(
            _("The name can be at most %(limit)d characters long.") % {"limit": NAME_MAX_LENGTH}
        )
    if not reason:
        raise NameCorrectionRefused(_("Say why the name needs correcting."))
    if len(reason) > REASON_MAX_LENGTH:
        raise NameCorrectionRefused(
            _("The reason can be at most %(limit)d characters long.") % {"limit": REASON_MAX_LENGTH}
        )
    with transaction.atomic():
        locked = _lock_certificate(certificate.pk)
        if (why := correction_refusal(locked, user)) is not None:
            raise NameCorrectionRefused(why)
        if requested_name == locked.learner_name:
            raise NameCorrectionRefused(
                _("This is already the name on the certificate. Enter the corrected name.")
            )
        try:
            # A savepoint, so that losing a race to the one-pending constraint leaves the
            # outer transaction usable; the certificate's lock makes that rare.
            with transaction.atomic():
                correction = NameCorrectionRequest.objects.create(
                    certificate=locked,
                    current_name=locked.learner_name,
                    requested_name=requested_name,
                    reason=reason,
                    requested_by=user,
                )
        except IntegrityError as taken:
            raise NameCorrectionRefused(
                _("You have already asked to correct this name. Our team will answer soon.")
            ) from taken
        log(
            correction,
            REQUEST_ACTION,
            user=user,
            data={"certificate": locked.display_code, "requested_name": requested_name},
        )
    return correction


def approve_name_correction(
    request: NameCorrectionRequest, by: AbstractBaseUser, message: str = ""
) -> Certificate:
    """Approve a pending request: reissue its certificate with the requested name, and record
    who decided, when, what they said and which certificate replaces the old one, all in one
    transaction. Returns the replacement, pending until the worker issues it.

    Refused, changing nothing, unless the request is pending and its certificate issued:
    approving twice creates one replacement.
    """
    message = (message or "").strip()
    with transaction.atomic():
        # The certificate first, then the request: the order `request_name_correction`
        # and the reissue take locks in, so two staff members cannot deadlock each other.
        _lock_certificate(request.certificate_id)
        locked = _lock_request(request.pk)
        reissue_reason = _(
            "Name correction request %(number)s: “%(old)s” corrected to “%(new)s”. %(reason)s"
        ) % {
            "number": locked.pk,
            "old": locked.current_name,
            "new": locked.requested_name,
            "reason": locked.reason,
        }
        replacement = reissue_certificate(
            locked.certificate, by, reissue_reason, learner_name=locked.requested_name
        )
        _decide(locked, Status.APPROVED, by, message, replacement=replacement)
        log(
            locked,
            APPROVE_ACTION,
            user=by,
            data={
                "message": message,
                "certificate": locked.certificate.display_code,
                "replacement": replacement.display_code,
            },
        )
    return replacement


def refuse_name_correction(
    request: NameCorrectionRequest, by: AbstractBaseUser, message: str
) -> None:
    """Refuse a pending request, with a message the learner reads on the request's page.

    The certificate stays as it is. Refused, changing nothing, without a message or unless
    the request is pending: refusing twice records one decision.
    """
    message = (message or "").strip()
    if not message:
        raise NameCorrectionRefused(_("Write a message that tells the learner why."))
    with transaction.atomic():
        locked = _lock_request(request.pk)
        _decide(locked, Status.REFUSED, by, message)
        log(
            locked,
            REFUSE_ACTION,
            user=by,
            data={"message": message, "certificate": locked.certificate.display_code},
        )


def decision_refusal(request: NameCorrectionRequest) -> str | None:
    """Why the request cannot be decided now (it already was), or None when it can."""
    if request.status == Status.PENDING:
        return None
    return _("This request was already decided: %(status)s.") % {
        "status": request.get_status_display().lower()
    }


def corrections_of(certificate: Certificate) -> QuerySet[NameCorrectionRequest]:
    """The requests made for this certificate and for the ones it replaced or that replaced
    it (same enrolment and cycle), newest first, with the replacements they led to."""
    return (
        NameCorrectionRequest.objects.filter(
            certificate__enrolment_id=certificate.enrolment_id,
            certificate__cycle=certificate.cycle,
        )
        .select_related("certificate", "replacement")
        .order_by("-requested_at", "-pk")
    )


def with_pending_corrections(certificates: QuerySet[Certificate]) -> QuerySet[Certificate]:
    """`certificates`, each with `pending_name_corrections`: a list of its pending request (at
    most one), fetched for all of them in one query, for "My learning" to say "requested"."""
    return certificates.prefetch_related(
        Prefetch(
            "name_corrections",
            queryset=NameCorrectionRequest.objects.filter(status=Status.PENDING),
            to_attr="pending_name_corrections",
        )
    )


def _lock_certificate(pk: int) -> Certificate:
    return (
        Certificate.objects.select_for_update(of=("self",)).select_related("enrolment").get(pk=pk)
    )


def _lock_request(pk: int) -> NameCorrectionRequest:
    locked = (
        NameCorrectionRequest.objects.select_for_update(of=("self",))
        .select_related("certificate")
        .get(pk=pk)
    )
    if (why := decision_refusal(locked)) is not None:
        raise NameCorrectionRefused(why)
    return locked


def _decide(
    request: NameCorrectionRequest,
    status: str,
    by: AbstractBaseUser,
    message: str,
    replacement: Certificate | None = None,
) -> None:
    request.status = status
    request.decided_by = by
    request.decided_at = timezone.now()
    request.decision_message = message
    request.replacement = replacement
    request.save(
        update_fields=["status", "decided_by", "decided_at", "decision_message", "replacement"]
    )
