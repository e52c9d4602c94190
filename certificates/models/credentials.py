"""Open Badges 3.0 credentials: the signed, machine-checkable twin of a certificate."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class OpenBadgeCredential(models.Model):
    """One signed `OpenBadgeCredential` for a certificate, stored exactly as signed.

    A certificate gets a new one when what the credential states changes without the
    certificate changing: its validity was extended. The latest is the one the learner
    downloads; earlier ones stay valid as signed and share the certificate's status bits.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    certificate = models.ForeignKey(
        "certificates.Certificate", on_delete=models.PROTECT, related_name="credentials"
    )
    document = models.JSONField(help_text=_("The signed credential, as issued."))
    valid_until = models.DateTimeField(null=True, blank=True)
    key_name = models.CharField(max_length=100)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Open Badges credential")
        ordering = ["-issued_at"]
        get_latest_by = "issued_at"

    def __str__(self) -> str:
        return f"Credential {self.pk} for certificate {self.certificate_id}"
