"""How long a certificate is valid, and what to say about it today.

A certificate's expiry date is fixed when it is created (`expiry_for`). Staff can move it
later with a `ValidityExtension`, a row of its own: the current expiry date is the latest
extension's, else the certificate's own (`current_expiry`, and the queryset annotation
`CertificateQuerySet.with_validity` for lists). After the expiry date the certificate stays
valid for its grace period; after that it is expired everywhere: on its check page, in
"My learning" and in the published status list.
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates.models import Certificate, ValidityExtension

if TYPE_CHECKING:
    from courses.pages.models import CoursePage


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan + 1 → 28
    or 29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expiry_for(course: CoursePage, completed_on: date, renews: Certificate | None) -> date | None:
    """When a certificate for `course` completed on `completed_on` expires: None if the
    course's certificates never expire.

    A renewal counted "from the previous expiry" starts from the previous certificate's
    current expiry date, so renewing early loses nothing; renewing after the previous one
    stopped being valid (expiry and grace) starts from the completion, as does a first
    certificate.
    """
    if not course.validity_months:
        return None
    start = completed_on
    if renews is not None and course.renewal_basis == "previous_expiry":
        previous = current_expiry(renews)
        if previous is not None and completed_on <= previous + timedelta(days=renews.grace_days):
            start = previous
    return add_months(start, course.validity_months)


def current_expiry(certificate: Certificate) -> date | None:
    """The expiry date today: the latest extension's, else the one it was issued with."""
    annotated = getattr(certificate, "current_expires_on", ...)
    if annotated is not ...:
        return annotated
    latest = certificate.extensions.order_by("-created_at", "-pk").first()
    return latest.expires_on if latest is not None else certificate.expires_on


class State(enum.Enum):
    NEVER_EXPIRES = "never_expires"
    VALID = "valid"
    EXPIRING = "expiring"
    GRACE = "grace"
    EXPIRED = "expired"
    RENEWED = "renewed"


@dataclass(frozen=True)
class Validity:
    """A certificate's validity on one day, with the sentence people read about it."""

    state: State
    expires_on: date | None = None
    valid_until: date | None = None
    days_left: int | None = None
    renewal: Certificate | None = None

    @property
    def is_valid(self) -> bool:
        """Valid today: accepted by whoever checks it (its grace period included)."""
        return self.state not in (State.EXPIRED,)

    @property
    def summary(self) -> str:
        def day(value: date) -> str:
            return date_format(value, "j F Y")

        if self.state is State.RENEWED:
            return _("Renewed: see the new certificate.")
        if self.state is State.NEVER_EXPIRES:
            return _("Does not expire.")
        if self.state is State.EXPIRED:
            return _("Expired on %(date)s.") % {"date": day(self.expires_on)}
        if self.state is State.GRACE:
            return _("Expired on %(date)s; still accepted until %(until)s while it is renewed.") % {
                "date": day(self.expires_on),
                "until": day(self.valid_until),
            }
        if self.state is State.EXPIRING:
            if self.days_left == 0:
                return _("Expires today.")
            return ngettext(
                "Expires in %(days)s day, on %(date)s.",
                "Expires in %(days)s days, on %(date)s.",
                self.days_left,
            ) % {
                "days": self.days_left,
                "date": day(self.expires_on),
            }
        return _("Valid until %(date)s.") % {"date": day(self.expires_on)}


#: From this many days before expiry, "expires in N days" rather than "valid until …".
COUNTDOWN_DAYS = 30


def validity(
    certificate: Certificate, today: date | None = None, renewal: Certificate | None = None
) -> Validity:
    """The certificate's validity on `today` (the local date by default). `renewal` is the
    issued certificate that renewed it, if the caller has looked it up (`renewal_of`)."""
    today = today or timezone.localdate()
    if renewal is not None:
        return Validity(State.RENEWED, renewal=renewal)
    expires_on = current_expiry(certificate)
    if expires_on is None:
        return Validity(State.NEVER_EXPIRES)
    valid_until = expires_on + timedelta(days=certificate.grace_days)
    days_left = (expires_on - today).days
    if today > valid_until:
        state = State.EXPIRED
    elif today > expires_on:
        state = State.GRACE
    elif days_left <= COUNTDOWN_DAYS:
        state = State.EXPIRING
    else:
        state = State.VALID
    return Validity(state, expires_on, valid_until, days_left)


def renewal_of(certificate: Certificate) -> Certificate | None:
    """The issued certificate of the next cycle that renewed this one, if any."""
    return (
        Certificate.objects.filter(renews=certificate, status=Certificate.Status.ISSUED)
        .order_by("-pk")
        .first()
    )


class ExtensionRefused(Exception):
    """The extension cannot be made as asked; nothing was changed."""


def extend_validity(
    certificates: list[Certificate], expires_on: date, reason: str, by: AbstractBaseUser
) -> list[ValidityExtension]:
    """Move the expiry date of a group of certificates to `expires_on`, with the reason.

    Certificates that never expire, are not issued, or already expire on or after that date
    are left alone (an extension never shortens a validity). All rows share one batch.
    Reminders follow the new date: they are keyed by the expiry date they announce.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ExtensionRefused(_("Give a reason: it is kept with every certificate extended."))
    if expires_on <= timezone.localdate():
        raise ExtensionRefused(_("Choose a new expiry date in the future."))
    with transaction.atomic():
        first = ValidityExtension(expires_on=expires_on, reason=reason, created_by=by)
        rows = []
        for certificate in certificates:
            current = current_expiry(certificate)
            if certificate.status != Certificate.Status.ISSUED or current is None:
                continue
            if current >= expires_on:
                continue
            rows.append(
                ValidityExtension(
                    certificate=certificate,
                    expires_on=expires_on,
                    previous_expires_on=current,
                    reason=reason,
                    batch=first.batch,
                    created_by=by,
                )
            )
        return ValidityExtension.objects.bulk_create(rows)


def with_validity_today(certificates: QuerySet[Certificate]) -> list[Certificate]:
    """The certificates, each with its `validity` today, for lists: the current expiry dates
    and the issued renewals come in the same two queries whatever the number."""
    listed = list(
        certificates.with_validity()
        .select_related("recertification")
        .prefetch_related(
            Prefetch(
                "renewals",
                queryset=Certificate.objects.filter(status=Certificate.Status.ISSUED),
                to_attr="issued_renewals",
            )
        )
    )
    today = timezone.localdate()
    for certificate in listed:
        renewal = certificate.issued_renewals[-1] if certificate.issued_renewals else None
        certificate.validity = validity(certificate, today, renewal)
        certificate.renewal_open = renewal is None and _has_open_recertification(certificate)
    return listed


def _has_open_recertification(certificate: Certificate) -> bool:
    try:
        return certificate.recertification.renewal_id is None
    except Certificate.recertification.RelatedObjectDoesNotExist:
        return False
