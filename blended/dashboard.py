"""What "My learning" shows of blended training: the learner's workshop places, each with
what is still missing before its certificate, in plain sentences."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from blended.completion import current_certificate, missing_for
from blended.models import Facilitator, Participant


@dataclass(frozen=True)
class WorkshopPlace:
    participant: Participant
    certified: bool
    missing: list[str]


def workshop_places(user: AbstractBaseUser) -> list[WorkshopPlace]:
    """The learner's places in cohorts, latest first. One query without any; a few more for
    each place (learners have one or two)."""
    participants = (
        Participant.objects.filter(user=user)
        .select_related("cohort__programme", "user")
        .order_by("-cohort__starts_on", "-pk")
    )
    places = []
    for participant in participants:
        certified = current_certificate(participant) is not None
        missing = [] if certified else missing_for(participant)
        places.append(WorkshopPlace(participant, certified, missing))
    return places


def facilitates(user: AbstractBaseUser) -> bool:
    """Whether the user facilitates any cohort: My learning then links to My workshops."""
    return Facilitator.objects.filter(user=user).exists()
