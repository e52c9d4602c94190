"""Blended training: programmes on a course, cohorts that meet in workshops, their sessions,
facilitators and participants, and attendance.

These are operational records, not pages: staff manage them through Wagtail viewsets. A
programme is keyed by its course's `translation_key`, so it covers every translation of the
course, as enrolments and certificates do. Attendance is a history of marks
(`AttendanceMark`, never changed) and, per participant and session, the mark that stands now
(`Attendance`): the latest by the time it was taken, whoever took it and however it came in
(roll call, QR check-in, a paper sheet imported, a phone syncing after working offline).
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

from accounts.models import Gender, WorkRole
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


def new_claim_code() -> str:
    """Eight characters from an alphabet without look-alikes, for a walk-in to type later."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Participant(models.Model):
    """Someone in a cohort, with or without an account (a walk-in at a workshop). Without
    one, the claim code lets them move this record, their progress and their certificate to
    the account they make later."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender.choices, blank=True, db_default=""
    )
    work_role = models.CharField(
        _("role in crisis response"),
        max_length=20,
        choices=WorkRole.choices,
        blank=True,
        db_default="",
    )
    consented = models.BooleanField(_("agreed that gender and role are recorded"), default=False)
    claim_code = models.CharField(max_length=8, unique=True, default=new_claim_code)
    claimed_at = models.DateTimeField(null=True, blank=True)
    added_at = models.DateTimeField(
        auto_now_add=True, help_text=_("Sessions before this are never counted as missed.")
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"],
                condition=models.Q(user__isnull=False),
                name="one_participation_per_account_and_cohort",
            )
        ]

    def __str__(self) -> str:
        return self.name


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class AttendanceMark(models.Model):
    """One mark as it was taken: the history, appended to and never changed."""

    class Source(models.TextChoices):
        ROLL_CALL = "roll_call", _("Roll call")
        QR = "qr", _("QR check-in")
        IMPORT = "import", _("Sign-in sheet")
        OFFLINE = "offline", _("Roll call, synced after working offline")

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendance_marks"
    )
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendance_marks"
    )
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    source = models.CharField(max_length=10, choices=Source.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(help_text=_("When the mark was taken, on the device."))
    recorded_at = models.DateTimeField(auto_now_add=True)
    client_id = models.UUIDField(
        null=True,
        blank=True,
        unique=True,
        help_text=_("Sent by a device: a mark synced twice is kept once."),
    )

    class Meta:
        verbose_name = _("attendance mark")
        ordering = ["marked_at", "pk"]
        indexes = [models.Index(fields=["participant", "session"])]

    def __str__(self) -> str:
        return f"{self.participant} · {self.session}: {self.status}"


class Attendance(models.Model):
    """The mark that stands for one participant and session: the latest taken."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendance"
    )
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendance"
    )
    mark = models.ForeignKey(AttendanceMark, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    marked_at = models.DateTimeField()

    class Meta:
        verbose_name = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "session"], name="one_attendance_per_participant_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} · {self.session}: {self.status}"
