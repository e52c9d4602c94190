"""Attendance: a history of marks (`AttendanceMark`, never changed) and, per participant and
session, the mark that stands now (`Attendance`): the latest by the time it was taken, whoever
took it and however it came in (roll call, QR check-in, a paper sheet imported, a phone
syncing after working offline).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from blended.models.cohorts import TrainingSession
from blended.models.participants import Participant


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
