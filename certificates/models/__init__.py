"""The certificates app's models: the certificate itself, and the records of what happened to it
after it was issued (validity extensions, recertification, reminders, name corrections, Open
Badges credentials). Each later event is a row of its own, so an issued certificate is never
edited to tell its story."""

from certificates.models.certificate import (
    DEFAULT_WORDING,
    Certificate,
    CertificateQuerySet,
    CertificateSettings,
)
from certificates.models.corrections import NameCorrectionRequest
from certificates.models.credentials import OpenBadgeCredential
from certificates.models.renewal import CertificateReminder, Recertification, ValidityExtension

__all__ = [
    "DEFAULT_WORDING",
    "Certificate",
    "CertificateQuerySet",
    "CertificateReminder",
    "CertificateSettings",
    "NameCorrectionRequest",
    "OpenBadgeCredential",
    "Recertification",
    "ValidityExtension",
]
