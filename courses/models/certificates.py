"""Certificates: what a learner earned, stated once and never edited.

A certificate row is created, pending, in the same transaction that records a course as
complete; that row is the outbox from which the worker issues the PDF (see worker/tasks.py).
An issued certificate is never changed: a name correction issues a new one that replaces it,
and recertification will issue a new one for a new cycle.
"""

from __future__ import annotations

import secrets
import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

#: Crockford's base 32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 30  # 30 characters × 5 bits = 150 bits of randomness
CODE_GROUP = 5


def new_certificate_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """A code as stored, from what a person typed: any case, spaces or dashes, full-width or
    non-Latin digits, and the letters people confuse with digits (O for 0, I and L for 1)."""
    text = unicodedata.normalize("NFKC", typed).upper().translate(str.maketrans("OIL", "011"))
    ascii_digits = (str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)
    return "".join(ch for ch in ascii_digits if ch in CODE_ALPHABET)


def display_code(code: str) -> str:
    """A code in groups people can read and type: XXXXX-XXXXX-…"""
    return "-".join(code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


class Certificate(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ISSUED = "issued", _("Issued")
        FAILED = "failed", _("Failed")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced")

    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.PROTECT, related_name="certificates"
    )
    cycle = models.PositiveSmallIntegerField(
        default=1, help_text=_("Certification cycle: recertification issues cycle 2, 3, …")
    )
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_certificate_code)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    # What the certificate states, fixed when it is created.
    learner_name = models.CharField(max_length=150)
    course_title = models.CharField(max_length=255)
    course_phase = models.CharField(max_length=40)
    completed_at = models.DateTimeField()
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    organisation = models.CharField(max_length=200)
    signatory_name = models.CharField(max_length=150, blank=True)
    signatory_title = models.CharField(max_length=150, blank=True)
    wording = models.TextField(blank=True)
    # Issuing.
    pdf = models.FileField(upload_to="certificates/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    tries = models.PositiveSmallIntegerField(default=0)
    failure_reason = models.TextField(blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Lifecycle.
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    replaced_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )

    class Meta:
        verbose_name = _("certificate")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "cycle"],
                condition=~models.Q(status="replaced"),
                name="one_current_certificate_per_enrolment_cycle",
            )
        ]

    def __str__(self) -> str:
        return f"{self.course_title} — {self.learner_name} ({display_code(self.code)})"

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    @property
    def user(self):
        return self.enrolment.user


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """Who issues certificates, as printed on them. Changes apply to certificates issued later."""

    organisation = models.CharField(
        _("issuing organisation"), max_length=200, default="Crisis Ready training programme"
    )
    signatory_name = models.CharField(_("signatory name"), max_length=150, blank=True)
    signatory_title = models.CharField(_("signatory title"), max_length=150, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    wording = models.TextField(
        _("wording"),
        blank=True,
        default="has completed the course",
        help_text=_("The words between the learner's name and the course title."),
    )

    panels = [
        FieldPanel("organisation"),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_title"), FieldPanel("signature")],
            heading=_("Signatory"),
        ),
        FieldPanel("logo"),
        FieldPanel("wording"),
    ]

    class Meta:
        verbose_name = _("certificate settings")
