"""Programmes, cohorts, their facilitators and sessions: what a blended course is, and the
groups that meet to take it.

A programme is keyed by its course's `translation_key`, so it covers every translation of the
course, as enrolments and certificates do.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from training.languages import language_choices


class Programme(models.Model):
    """What completing a blended course requires: every rule set here, together (AND)."""

    name = models.CharField(_("name"), max_length=200)
    course_key = models.UUIDField(_("course"), db_index=True)
    requires_elearning = models.BooleanField(_("e-learning must be complete"), default=True)
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("attendance needed (percentage of required sessions)"),
        default=80,
        validators=[MaxValueValidator(100)],
        help_text=_("Counted by the sessions' weights. 0: attendance is not needed."),
    )
    min_post_test_percent = models.PositiveSmallIntegerField(
        _("post-test score needed (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Leave empty if the post-test score does not count."),
    )
    requires_signoff = models.BooleanField(_("a facilitator must sign off"), default=False)
    co_facilitations_to_certify = models.PositiveSmallIntegerField(
        _("co-facilitated sessions needed to become a certified facilitator"),
        default=2,
        db_default=2,
        help_text=_(
            "For training of trainers: after a trainers' cohort of this programme, how many "
            "learner sessions a co-facilitator must co-facilitate, each signed off by a lead."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("blended programme")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Cohort(ClusterableModel):
    """One group that trains together: a workshop for learners, or for future trainers."""

    class Kind(models.TextChoices):
        LEARNERS = "learners", _("Learners")
        TRAINERS = "trainers", _("Trainers (training of trainers)")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="cohorts"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.LEARNERS)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    language = models.CharField(_("language"), max_length=12, choices=language_choices)
    country = CountryField(_("country"))
    place = models.CharField(_("place"), max_length=200, help_text=_("A city or a venue."))
    partner_organisation = models.CharField(_("partner organisation"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


class Facilitator(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead facilitator")
        CO_FACILITATOR = "co", _("Co-facilitator")
        OBSERVER = "observer", _("Observer")

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="facilitators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="facilitations",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.LEAD)

    class Meta:
        verbose_name = _("facilitator")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="one_role_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


def new_check_in_secret() -> str:
    return secrets.token_urlsafe(24)


class TrainingSession(models.Model):
    """One meeting of a cohort. Participants check in by QR code only within its window."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=180)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    required = models.BooleanField(_("required"), default=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, help_text=_("How much it counts towards attendance.")
    )
    check_in_opens_minutes = models.PositiveSmallIntegerField(
        _("check-in opens (minutes before)"), default=30
    )
    check_in_closes_minutes = models.PositiveSmallIntegerField(
        _("check-in closes (minutes after the start)"), default=60
    )
    check_in_secret = models.CharField(max_length=64, default=new_check_in_secret, editable=False)

    class Meta:
        verbose_name = _("session")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title
