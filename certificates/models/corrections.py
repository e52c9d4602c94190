"""A learner's request to correct the name on a certificate, and staff's decision on it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NameCorrectionRequest(models.Model):
    """Who asked for which name and why; who decided, when, and what they said.

    Written by the learner's form and by the approve and refuse actions only: the admin shows
    it, never edits it, so it stands as the audit trail of the correction.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    certificate = models.ForeignKey(
        "certificates.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="name_corrections",
    )
    current_name = models.CharField(_("name on the certificate"), max_length=150)
    requested_name = models.CharField(_("corrected name"), max_length=150)
    reason = models.TextField(_("reason"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="name_correction_requests",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_message = models.TextField(_("message to the learner"), blank=True)
    replacement = models.OneToOneField(
        "certificates.Certificate",
        verbose_name=_("replacement certificate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("name correction request")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate"],
                condition=models.Q(status="pending"),
                name="one_pending_name_correction_per_certificate",
            )
        ]

    def __str__(self) -> str:
        return f"{self.current_name} → {self.requested_name}"
