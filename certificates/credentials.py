"""Open Badges 3.0: every issued certificate as a signed `OpenBadgeCredential`, the issuer's
profile with its public keys, and the status lists that publish revocation and expiry.

What a credential states comes from the certificate (`build_credential`); it is signed with
the issuer's current key (`certificates.openbadges.keys`, loaded from OPEN_BADGES_KEY_DIR,
outside the repository and never in the database) and stored as signed. A certificate gets a
new credential only when what it states changes without the certificate changing: an
extension moved its validity (`current_credential`).

People at risk carry these credentials: the subject is named and identified by a salted hash
of their email, nothing else (no email, no account id, no country).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certificates.issuing import issuer_settings
from certificates.models import Certificate, OpenBadgeCredential
from certificates.openbadges.keys import (
    SigningKey,
    controller_document,
    load_keys,
    signing_key,
    verification_method,
)
from certificates.openbadges.loader import OB_V3_CONTEXT, VC_V2_CONTEXT
from certificates.openbadges.schema import validate_credential
from certificates.openbadges.signing import sign, xsd_datetime
from certificates.openbadges.status_list import STATUS_LIST_LENGTH, encode_status_list
from certificates.validity import current_expiry

REVOCATION = "revocation"
#: Expiry is published as suspension: reversible, as an extension can make it valid again.
SUSPENSION = "suspension"
STATUS_PURPOSES = (REVOCATION, SUSPENSION)
#: How long a signed status list is served from the cache before it is built again.
STATUS_LIST_SECONDS = 300


class CredentialInvalid(Exception):
    """A credential we built does not match the Open Badges 3.0 schema: a bug, not input."""


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def issuer_id() -> str:
    return site_url(reverse("openbadges_issuer"))


def status_list_url(purpose: str) -> str:
    return site_url(reverse("openbadges_status_list", args=[purpose]))


@lru_cache(maxsize=4)
def _keys_in(directory: str, changed: float) -> list[SigningKey]:
    return load_keys(Path(directory))


def issuer_keys() -> list[SigningKey]:
    """Every key in the key folder, retired ones too; read again when the folder changes."""
    directory = Path(settings.OPEN_BADGES_KEY_DIR)
    changed = directory.stat().st_mtime if directory.exists() else 0.0
    return _keys_in(str(directory), changed)


def issuer_profile() -> dict:
    """The issuer's profile: who issues, and the keys that verify what it signed. Published at
    the issuer's id (a stable URL of the site), so verifiers find the keys there."""
    document = controller_document(issuer_id(), issuer_keys())
    issuer = issuer_settings()
    return {
        **document,
        # An Open Badges Profile (VC and OB terms) that is also the keys' controller document
        # (security and Multikey terms): verifiers in safe mode need every term defined.
        "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT, *document["@context"]],
        "type": ["Profile"],
        "name": issuer.organisation,
        "url": settings.SITE_URL,
    }


def _issuer_summary() -> dict:
    return {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": issuer_settings().organisation,
        "url": settings.SITE_URL,
    }


def end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


def valid_until(certificate: Certificate) -> datetime | None:
    """The last moment the certificate is valid: its current expiry plus its grace period."""
    expires_on = current_expiry(certificate)
    if expires_on is None:
        return None
    return end_of_day(expires_on + timedelta(days=certificate.grace_days))


def _identifiers(certificate: Certificate) -> list[dict]:
    """The subject's name, as printed on the certificate, and a salted hash of their email
    that lets them prove the credential is theirs without publishing the address."""
    identifiers = [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": certificate.learner_name,
        }
    ]
    user = certificate.user
    email = (user.email if user is not None else "").strip().lower()
    if email:
        salt = secrets.token_hex(8)
        digest = hashlib.sha256((email + salt).encode()).hexdigest()
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": f"sha256${digest}",
                "salt": salt,
            }
        )
    return identifiers


def _status_entries(certificate: Certificate) -> list[dict]:
    return [
        {
            "id": f"{status_list_url(purpose)}#{certificate.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": purpose,
            "statusListIndex": str(certificate.status_index),
            "statusListCredential": status_list_url(purpose),
        }
        for purpose in STATUS_PURPOSES
    ]


def _achievement(certificate: Certificate) -> dict:
    with translation.override(certificate.language):
        criteria = _(
            "Complete every lesson of the course “%(course)s” and pass its required quizzes."
        ) % {"course": certificate.course_title}
        description = _("%(phase)s course of the Crisis Ready training programme.") % {
            "phase": certificate.course_phase
        }
    return {
        "id": f"urn:uuid:{certificate.course_key}",
        "type": ["Achievement"],
        "achievementType": "Certification" if certificate.expires_on else "CertificateOfCompletion",
        "name": certificate.course_title,
        "description": description,
        "criteria": {"narrative": criteria},
        "inLanguage": certificate.language,
    }


def _evidence(certificate: Certificate, verify_url: str) -> dict:
    """The check page; for a blended programme, also the workshop the certificate names."""
    evidence = {"id": verify_url, "type": ["Evidence"], "name": "Certificate check page"}
    if certificate.workshop:
        evidence["narrative"] = certificate.workshop
    return evidence


def build_credential(certificate: Certificate, credential_id: uuid.UUID) -> dict:
    """The unsigned `OpenBadgeCredential` stating what the certificate states."""
    verify_url = site_url(reverse("certificate_verify", args=[certificate.code]))
    document = {
        "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
        "id": f"urn:uuid:{credential_id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": _issuer_summary(),
        "validFrom": xsd_datetime(certificate.issued_at or certificate.completed_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": _identifiers(certificate),
            "achievement": _achievement(certificate),
            "activityEndDate": xsd_datetime(certificate.completed_at),
        },
        "evidence": [_evidence(certificate, verify_url)],
        "credentialStatus": _status_entries(certificate),
    }
    until = valid_until(certificate)
    if until is not None:
        document["validUntil"] = xsd_datetime(until)
    return document


def assign_status_index(certificate: Certificate) -> int:
    """The certificate's place in the status lists: chosen at random, so a place says nothing
    about when the certificate was issued or who else was (as the specification advises)."""
    if certificate.status_index is not None:
        return certificate.status_index
    while True:
        index = secrets.randbelow(STATUS_LIST_LENGTH)
        try:
            with transaction.atomic():
                updated = Certificate.objects.filter(
                    pk=certificate.pk, status_index__isnull=True
                ).update(status_index=index)
        except IntegrityError:  # taken by another certificate: draw again
            continue
        certificate.refresh_from_db(fields=["status_index"])
        if updated or certificate.status_index is not None:
            return certificate.status_index


def issue_credential(certificate: Certificate) -> OpenBadgeCredential:
    """Sign and store a new credential for an issued certificate."""
    assign_status_index(certificate)
    key = signing_key(issuer_keys())
    credential_id = uuid.uuid4()
    document = build_credential(certificate, credential_id)
    if errors := validate_credential(document):
        raise CredentialInvalid("; ".join(errors))
    method = verification_method(key, issuer_id())["id"]
    signed = sign(document, key, method, created=timezone.now())
    return OpenBadgeCredential.objects.create(
        id=credential_id,
        certificate=certificate,
        document=signed,
        valid_until=valid_until(certificate),
        key_name=key.name,
    )


def current_credential(certificate: Certificate) -> OpenBadgeCredential:
    """The credential to hand out now: the latest, or a new one when there is none yet or
    the validity it states is no longer the certificate's (an extension moved it)."""
    latest = certificate.credentials.order_by("-issued_at").first()
    if latest is not None and latest.valid_until == valid_until(certificate):
        return latest
    return issue_credential(certificate)


def status_indexes(purpose: str, today: date | None = None) -> list[int]:
    """The set bits of one status list: withdrawn certificates (revoked, or replaced by a
    corrected one) for revocation; certificates past their expiry and grace for suspension."""
    listed = Certificate.objects.filter(status_index__isnull=False)
    if purpose == REVOCATION:
        withdrawn = listed.filter(
            status__in=[Certificate.Status.REVOKED, Certificate.Status.REPLACED]
        )
        return list(withdrawn.values_list("status_index", flat=True))
    today = today or timezone.localdate()
    expiring = (
        listed.with_validity()
        .filter(status=Certificate.Status.ISSUED, current_expires_on__lt=today)
        .values_list("status_index", "current_expires_on", "grace_days")
    )
    return [
        index for index, expires_on, grace in expiring if expires_on + timedelta(days=grace) < today
    ]


def status_list_credential(purpose: str) -> dict:
    """The signed `BitstringStatusListCredential` for `purpose`, built at most every few
    minutes (expiry changes with the date, revocation whenever staff act)."""
    cache_key = f"openbadges:status:{purpose}"
    if (cached := cache.get(cache_key)) is not None:
        return cached
    now = timezone.now()
    url = status_list_url(purpose)
    document = {
        "@context": [VC_V2_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id(),
        "validFrom": xsd_datetime(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode_status_list(status_indexes(purpose)),
            "ttl": STATUS_LIST_SECONDS * 1000,
        },
    }
    key = signing_key(issuer_keys())
    signed = sign(document, key, verification_method(key, issuer_id())["id"], created=now)
    cache.set(cache_key, signed, STATUS_LIST_SECONDS)
    return signed


def forget_status_lists() -> None:
    """Drop the cached status lists, after a certificate was revoked or replaced."""
    cache.delete_many([f"openbadges:status:{purpose}" for purpose in STATUS_PURPOSES])
