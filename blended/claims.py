"""Claiming a place: a walk-in, added to a cohort without an account, signs up later and
enters the code they were given, and the participant record becomes theirs.

Attendance and sign-off belong to the participant record, so they follow it. The account is
enrolled in the programme's course, so the e-learning and the post-test can be done, and a
certificate the walk-in already earned moves to it: it appears in My learning, its email is
sent, and what it states (the name written at the workshop) does not change.
"""

from __future__ import annotations

import re

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blended.completion import certify_if_complete, enrolment_for
from blended.models import Participant
from certificates.issuing import EMAIL_TASK, send_task_later
from certificates.models import Certificate

#: What `new_claim_code` makes: eight characters from an alphabet without look-alikes.
CODE_PATTERN = re.compile(r"[A-HJ-NP-Z2-9]{8}")


class ClaimRefused(Exception):
    """The code cannot be claimed by this account. Its text can be shown as it is."""


def normalise_code(code: str) -> str:
    """The code as stored: upper case, without spaces or dashes (" abcd-2345 " → "ABCD2345")."""
    return re.sub(r"[\s-]", "", code or "").upper()


def claim(code: str, user: AbstractBaseUser) -> Participant:
    """Make the participant record with this claim code the user's, and return it.

    Refuses (ClaimRefused, nothing written) a code that is unknown or malformed, one
    already claimed by another account, and a user who already has a place in that cohort.
    Claiming again a code the user has already claimed returns their record unchanged.

    A code that is not even well formed is refused before the database is asked, and every
    code is looked up in the same way, by the unique index, so an answer says no more about
    which codes exist than its words do. Throttling guesses is the calling view's work.
    """
    normalised = normalise_code(code)
    if not CODE_PATTERN.fullmatch(normalised):
        raise ClaimRefused(_("This code is not valid. Check it and try again."))
    with transaction.atomic():
        participant = Participant.objects.select_for_update().filter(claim_code=normalised).first()
        if participant is None:
            raise ClaimRefused(_("This code is not valid. Check it and try again."))
        if participant.user_id is not None:
            if participant.user_id == user.pk:
                return participant
            raise ClaimRefused(_("This code has already been used."))
        in_cohort = Participant.objects.filter(cohort_id=participant.cohort_id, user=user)
        if in_cohort.exists():
            raise ClaimRefused(_("You already have a place in this cohort."))
        participant.user = user
        participant.claimed_at = timezone.now()
        try:
            with transaction.atomic():
                participant.save(update_fields=["user", "claimed_at"])
        except IntegrityError:
            # The same account claimed another code of this cohort at the same moment.
            raise ClaimRefused(_("You already have a place in this cohort.")) from None
        move_certificates(participant)
        certify_if_complete(participant)
    return participant


def move_certificates(participant: Participant) -> None:
    """Give the claimed participant's certificates to their account, through its enrolment
    in the course, and send the email of each one already issued."""
    enrolment = enrolment_for(participant)
    unclaimed = Certificate.objects.filter(participant=participant, enrolment__isnull=True)
    issued = list(unclaimed.filter(status=Certificate.Status.ISSUED).values_list("pk", flat=True))
    unclaimed.update(enrolment=enrolment)
    for certificate_id in issued:
        send_task_later(EMAIL_TASK, certificate_id)
