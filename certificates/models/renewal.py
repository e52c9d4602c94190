"""What keeps a certificate current: validity extensions, recertification and reminders."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ValidityExtension(models.Model):
    """Staff moved a certificate's expiry date, for example for everyone during a crisis.

    The certificate keeps the date it was issued with; its current expiry date is the one of
    its latest extension (`CertificateQuerySet.with_validity`). Extensions made together
    share a `batch`, so the admin can show them as one decision.
    """

    certificate = models.ForeignKey(
        "certificates.Certificate", on_delete=models.PROTECT, related_name="extensions"
    )
    expires_on = models.DateField(_("new expiry date"))
    previous_expires_on = models.DateField(_("previous expiry date"))
    reason = models.TextField(_("reason"))
    batch = models.UUIDField(default=uuid.uuid4, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("validity extension")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.certificate_id}: {self.previous_expires_on} → {self.expires_on}"


class Recertification(models.Model):
    """A recertification opened for one certificate: the learner was enrolled again (in the
    refresher course, or the same course for a new cycle) when the window opened.

    One per certificate, so the daily job opens it once however often it runs. Completing
    `enrolment` in its `cycle` issues the renewal, which is recorded here.
    """

    certificate = models.OneToOneField(
        "certificates.Certificate", on_delete=models.PROTECT, related_name="recertification"
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.PROTECT, related_name="recertifications"
    )
    cycle = models.PositiveSmallIntegerField(help_text=_("The enrolment's cycle opened for it."))
    opened_at = models.DateTimeField(auto_now_add=True)
    renewal = models.OneToOneField(
        "certificates.Certificate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewal_of",
    )

    class Meta:
        verbose_name = _("recertification")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "cycle"], name="one_recertification_per_enrolment_cycle"
            )
        ]

    def __str__(self) -> str:
        return f"Recertification of {self.certificate_id}"


class CertificateReminder(models.Model):
    """One reminder of a certificate's expiry: `offset_days` from the expiry date (negative
    before it). The row is written once, when the reminder is due, and is the outbox of its
    email: `sent_at` is set when the email went out, and a reminder that became due while
    a later one was already due is recorded as skipped rather than sent late."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("To send")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not sent")

    certificate = models.ForeignKey(
        "certificates.Certificate", on_delete=models.CASCADE, related_name="reminders"
    )
    offset_days = models.SmallIntegerField()
    expires_on = models.DateField(help_text=_("The expiry date the reminder was for."))
    due_on = models.DateField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    skip_reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "expires_on", "offset_days"],
                name="one_reminder_per_certificate_expiry_and_day",
            )
        ]
        indexes = [models.Index(fields=["outcome", "created_at"])]

    def __str__(self) -> str:
        return f"Reminder {self.offset_days:+d} days for {self.certificate_id}"
