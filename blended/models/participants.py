"""Participants: people in a cohort, with or without an account (a walk-in at a workshop)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Gender, WorkRole
from blended.models.cohorts import Cohort


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
