"""Training of trainers: facilitator qualifications and the co-facilitated sessions that lead
to them.

A qualification is never edited, like a certificate: a renewal or a higher level is a new row,
so the rows are the history of who was qualified for what, when, and who trained them
(`trained_in`: the trainers' cohort it came from, whose lead facilitators trained the person).
The rules that grant them are in `blended.qualifications`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from blended.models.cohorts import Cohort, TrainingSession


class QualificationLevel(models.IntegerChoices):
    """Ordered: a higher number is a higher level. Trainee is never stored: it is what a
    participant of a trainers' cohort is until they complete it (see
    `blended.qualifications.current_level`)."""

    TRAINEE = 1, _("Trainee")
    CO_FACILITATOR = 2, _("Co-facilitator")
    CERTIFIED = 3, _("Certified facilitator")
    MASTER = 4, _("Master trainer")


class FacilitatorQualification(models.Model):
    """A level granted to a person, valid from when it was granted until `valid_until`."""

    Level = QualificationLevel

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="facilitator_qualifications",
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=QualificationLevel.choices)
    granted_at = models.DateTimeField(_("granted"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: it does not expire.")
    )
    trained_in = models.ForeignKey(
        Cohort,
        verbose_name=_("trained in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="qualifications_granted",
        help_text=_("The trainers' cohort it came from; its lead facilitators trained the person."),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: granted by the platform's rules."),
    )
    reason = models.TextField(_("reason"), blank=True)
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewals",
    )

    class Meta:
        verbose_name = _("facilitator qualification")
        ordering = ["-granted_at", "-pk"]
        indexes = [models.Index(fields=["user", "level"])]
        constraints = [
            # The first grant of a level happens once per person; everything after it is a
            # renewal. Two requests granting the same level at once leave one row.
            models.UniqueConstraint(
                fields=["user", "level"],
                condition=models.Q(renews__isnull=True),
                name="one_first_grant_per_person_and_level",
            ),
            # A qualification is renewed once: the renewal is renewed in its turn.
            models.UniqueConstraint(
                fields=["renews"],
                condition=models.Q(renews__isnull=False),
                name="one_renewal_per_qualification",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_level_display()}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("A facilitator qualification is never changed: add a new one.")
        super().save(*args, **kwargs)


class CoFacilitation(models.Model):
    """A learner session a co-facilitator helped run, signed off by a lead of its cohort."""

    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="co_facilitations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-facilitator"),
        on_delete=models.PROTECT,
        related_name="co_facilitations",
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(_("signed off"))

    class Meta:
        verbose_name = _("co-facilitated session")
        ordering = ["-signed_off_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="one_co_facilitation_per_session_and_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.session}"
