"""Adding a walk-in: someone who comes to a workshop without being on its list, usually
without an account. The lead or a co-facilitator adds them from the roll; they get a claim
code to enter once they sign up (`blended.claims`). Someone added after a session started is
never counted absent for it (`blended.attendance.was_expected`)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import ngettext

from blended.models import Cohort, Participant


class WalkInRefused(Exception):
    """The cohort cannot take this person; the message says why, for the facilitator."""


def add_walk_in(cohort: Cohort, name: str, organisation: str = "") -> Participant:
    """Put a person without an account on the cohort's list, within its places.

    The cohort's row is locked while its places are counted, so two facilitators adding the
    last walk-in at once cannot both fill the last place."""
    with transaction.atomic():
        locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if is_full(locked):
            raise WalkInRefused(full_message(locked.capacity))
        return Participant.objects.create(
            cohort=locked, name=name.strip(), organisation=organisation.strip()
        )


def is_full(cohort: Cohort) -> bool:
    """Whether every place of the cohort is taken (never, without a number of places)."""
    if cohort.capacity is None:
        return False
    return Participant.objects.filter(cohort=cohort).count() >= cohort.capacity


def full_message(places: int) -> str:
    return ngettext(
        "This cohort is full: its %(places)s place is taken.",
        "This cohort is full: all its %(places)s places are taken.",
        places,
    ) % {"places": places}


def display_claim_code(code: str) -> str:
    """ "ABCD2345" as "ABCD-2345": easier to read out and copy by hand."""
    return f"{code[:4]}-{code[4:]}"
