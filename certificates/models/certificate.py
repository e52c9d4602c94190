"""Certificates: what a learner earned, stated once and never edited.

A certificate row is created, pending, in the same transaction that records a course as
complete; that row is the outbox from which the worker issues the PDF (see worker/tasks.py).
An issued certificate is never changed: a name correction issues a new one that replaces it,
and recertification will issue a new one for a new cycle.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from certificates.codes import CODE_LENGTH, display_code, new_certificate_code
from certificates.models.renewal import ValidityExtension
from training.languages import language_choices, text_direction

#: The issuer's wording until staff change it. Kept as the English source text, so a
#: certificate can state it in its own language (`certificates.issuing.wording_in`).
DEFAULT_WORDING = gettext_noop("has completed the course")


class CertificateQuerySet(models.QuerySet):
    def with_validity(self) -> CertificateQuerySet:
        """Annotate `current_expires_on`: the latest extension's date, else the issued one."""
        latest = ValidityExtension.objects.filter(certificate=OuterRef("pk")).order_by(
            "-created_at", "-pk"
        )
        return self.annotate(
            current_expires_on=Coalesce(
                Subquery(latest.values("expires_on")[:1]),
                F("expires_on"),
                output_field=models.DateField(),
            )
        )

    def verifiable(self) -> CertificateQuerySet:
        """Certificates with a public verification page: issued, revoked or replaced."""
        return self.filter(status__in=Certificate.VERIFIABLE_STATUSES)

    def current_for(self, user: AbstractBaseUser) -> CertificateQuerySet:
        """A learner's current certificates as "My learning" lists them, most recently
        completed first: issued ones and ones still to come. Revoked and replaced ones stay
        downloadable by their owner but are not listed. Listed whatever became of the
        enrolment or the course page since: a certificate states what the learner did then."""
        return self.filter(enrolment__user=user, status__in=Certificate.CURRENT_STATUSES).order_by(
            "-completed_at", "-pk"
        )


class Certificate(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ISSUED = "issued", _("Issued")
        FAILED = "failed", _("Failed")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced")

    enrolment = models.ForeignKey(
        "courses.Enrolment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
        help_text=_("Empty only for a workshop participant without an account, until claimed."),
    )
    participant = models.ForeignKey(
        "blended.Participant",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
        help_text=_("Set for a blended programme's certificate: the place it was earned in."),
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
    workshop = models.TextField(
        blank=True,
        db_default="",
        help_text=_("For a blended programme: the cohort, place, dates and attendance."),
    )
    language = models.CharField(
        _("language"),
        max_length=12,
        choices=language_choices,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the certificate is written in."),
    )
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
    # Validity, fixed when the certificate is created (an extension is a row of its own).
    expires_on = models.DateField(
        _("expires on"), null=True, blank=True, help_text=_("Empty: never expires.")
    )
    grace_days = models.PositiveSmallIntegerField(
        _("grace period (days)"),
        default=0,
        db_default=0,
        help_text=_("Still valid this long after expiry."),
    )
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewals",
        help_text=_("The previous cycle's certificate, which this one renews."),
    )
    # Where the certificate's bits sit in the published status lists (revocation, expiry).
    status_index = models.PositiveIntegerField(null=True, blank=True, unique=True)

    #: Statuses with a public verification page; the others are not issued yet, or failed.
    VERIFIABLE_STATUSES = (Status.ISSUED, Status.REVOKED, Status.REPLACED)
    #: Statuses "My learning" lists: issued, and still to come.
    CURRENT_STATUSES = (Status.ISSUED, Status.PENDING, Status.FAILED)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "cycle"],
                condition=~models.Q(status="replaced") & models.Q(participant__isnull=True),
                name="one_current_certificate_per_enrolment_cycle",
            ),
            # A blended participant earns one certificate: the workshop is not repeated.
            models.UniqueConstraint(
                fields=["participant"],
                condition=~models.Q(status="replaced") & models.Q(participant__isnull=False),
                name="one_current_certificate_per_participant",
            ),
            models.CheckConstraint(
                condition=models.Q(enrolment__isnull=False) | models.Q(participant__isnull=False),
                name="certificate_has_an_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course_title} — {self.learner_name} ({display_code(self.code)})"

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    @property
    def text_direction(self) -> str:
        """ "rtl" or "ltr": the `dir` of what the certificate states, for its PDF and page."""
        return text_direction(self.language)

    @property
    def user(self) -> AbstractBaseUser | None:
        """The account the certificate belongs to; None for a walk-in's, until claimed."""
        if self.enrolment_id is not None:
            return self.enrolment.user
        return self.participant.user

    @property
    def course_key(self):
        """The translation key of the certified course (all its translations share it)."""
        if self.enrolment_id is not None:
            return self.enrolment.course_key
        return self.participant.cohort.programme.course_key

    @property
    def is_verifiable(self) -> bool:
        return self.status in self.VERIFIABLE_STATUSES

    def can_be_downloaded_by(self, user: AbstractBaseUser) -> bool:
        """The PDF is for its owner, and for staff who may view certificates."""
        if not user.is_authenticated:
            return False
        owned = self.enrolment_id is not None and self.enrolment.user_id == user.pk
        return owned or user.has_perm("certificates.view_certificate")


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
        default=DEFAULT_WORDING,
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
