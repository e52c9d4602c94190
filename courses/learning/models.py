"""Who is enrolled in which course, and which lessons they have completed.

Both are keyed by Wagtail's `translation_key` of the course and lesson pages, not by page id,
so that every translation of a course shares one enrolment and one progress record.
Completions are unique per learner and lesson: writing one twice is a no-op, which is what
lessons synced after working offline will need.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolmentQuerySet(models.QuerySet):
    def active(self) -> EnrolmentQuerySet:
        return self.filter(status=Enrolment.Status.ACTIVE)


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Enrolled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    cycle = models.PositiveSmallIntegerField(
        _("cycle"),
        default=1,
        db_default=1,
        help_text=_(
            "Times through the course: a recertification opens cycle 2, 3, … and the learner's "
            "progress starts again; earlier cycles' progress is kept."
        ),
    )
    cycle_opened_at = models.DateTimeField(_("cycle opened"), null=True, blank=True)
    study_language = models.CharField(
        _("language of study"),
        max_length=12,
        blank=True,
        db_default="",
        help_text=_("The language the learner last studied the course in."),
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The staff member who enrolled this learner, if not the learner."),
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrolment_per_course")
        ]
        indexes = [models.Index(fields=["course_key", "status"])]

    def __str__(self) -> str:
        return f"{self.user} in {self.course_key}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class LessonCompletion(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    course_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    #: The enrolment's cycle when the lesson was completed.
    cycle = models.PositiveSmallIntegerField(default=1, db_default=1)
    #: Set when a later cycle opened: kept as history, no longer counted.
    superseded = models.BooleanField(default=False, db_default=False)
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "cycle"], name="one_completion_per_lesson_and_cycle"
            )
        ]
        indexes = [models.Index(fields=["user", "course_key"])]

    def __str__(self) -> str:
        return f"{self.user} completed {self.lesson_key}"
