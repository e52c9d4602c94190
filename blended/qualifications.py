"""Training of trainers: who may facilitate what, and how a person gets there.

The levels, in order (`QualificationLevel`):

- **trainee**: a participant of a trainers' cohort that has not ended. It is derived, never
  stored: a row would have to be written at enrolment and taken back at withdrawal, and could
  drift from the participation it mirrors.
- **co-facilitator**: granted by the platform when a participant completes a trainers' cohort
  (`grant_after_trainers_cohort`, called by the completion code).
- **certified facilitator**: granted by the platform once a co-facilitator has co-facilitated
  N learner sessions, each signed off by a lead of the session's cohort
  (`sign_co_facilitation`). N is set on the programme of the trainers' cohort the person
  completed (`Programme.co_facilitations_to_certify`): the training-of-trainers programme
  says what finishing it takes. Sessions count if they started after that cohort's last day.
- **master trainer**: granted by staff, with a reason (`grant_master`).

Every qualification is valid for `FACILITATOR_QUALIFICATION_MONTHS` from its grant, then must be
renewed (`renew`): a new row, as a certificate's renewal is. A lead of a learners' cohort must
hold a certified or master qualification valid on the cohort's first day; a lead of a
trainers' cohort must be a master trainer (`may_lead`).

Each write locks the person's account row, so two requests for the same person run one after
the other; unique constraints keep one first grant per level and one renewal per row, so a
call made twice grants once.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from blended.models import (
    CoFacilitation,
    Cohort,
    Facilitator,
    FacilitatorQualification,
    Participant,
    QualificationLevel,
    TrainingSession,
)
from blended.rules import progress_towards_completion
from certificates.validity import add_months

Level = QualificationLevel

#: What a lead needs, by the kind of cohort they lead.
LEVEL_TO_LEAD = {Cohort.Kind.LEARNERS: Level.CERTIFIED, Cohort.Kind.TRAINERS: Level.MASTER}


class QualificationRefused(Exception):
    """The rules do not allow it. Its text names the person and can be shown as it is."""


def valid_on(day: date) -> Q:
    """Qualifications in force on `day`: granted by then, not expired before it."""
    return Q(granted_at__date__lte=day) & (Q(valid_until__isnull=True) | Q(valid_until__gte=day))


def current_qualification(
    user: AbstractBaseUser, on: date | None = None
) -> FacilitatorQualification | None:
    """The person's highest stored qualification valid on `on` (today by default), the one
    valid longest among equals; None without one."""
    day = on or timezone.localdate()
    return (
        FacilitatorQualification.objects.filter(valid_on(day), user=user)
        .order_by("-level", F("valid_until").desc(nulls_first=True), "-granted_at")
        .first()
    )


def current_level(user: AbstractBaseUser, on: date | None = None) -> Level | None:
    """The highest level the person holds on `on` (today by default): a stored qualification
    valid that day or, without one, trainee while they are in a trainers' cohort that has not
    ended. None: no level at all."""
    day = on or timezone.localdate()
    qualification = current_qualification(user, day)
    if qualification is not None:
        return Level(qualification.level)
    in_training = Participant.objects.filter(
        user=user,
        cohort__kind=Cohort.Kind.TRAINERS,
        cohort__starts_on__lte=day,
        cohort__ends_on__gte=day,
    ).exists()
    return Level.TRAINEE if in_training else None


def name_of(user: AbstractBaseUser) -> str:
    return getattr(user, "display_name", "") or user.get_username()


def _lock(user: AbstractBaseUser) -> None:
    """Run the person's qualification writes one after the other (a no-op on SQLite, whose
    writes are serialised anyway)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _valid_until(start: date) -> date | None:
    months = settings.FACILITATOR_QUALIFICATION_MONTHS
    return add_months(start, months) if months else None


def _last_of_chain(user: AbstractBaseUser, level: Level) -> FacilitatorQualification | None:
    """The person's latest qualification at `level` that nothing renews yet."""
    return (
        FacilitatorQualification.objects.filter(user=user, level=level, renewals__isnull=True)
        .order_by("-granted_at", "-pk")
        .first()
    )


def _add(user: AbstractBaseUser, level: Level, **fields) -> FacilitatorQualification:
    """Write a qualification, or, if a concurrent call wrote the same one first (a unique
    constraint says so), return that one."""
    now = timezone.now()
    renews = fields.get("renews")
    start = timezone.localdate(now)
    if renews is not None and renews.valid_until and renews.valid_until > start:
        start = renews.valid_until  # renewing early loses nothing
    try:
        with transaction.atomic():
            return FacilitatorQualification.objects.create(
                user=user, level=level, granted_at=now, valid_until=_valid_until(start), **fields
            )
    except IntegrityError:
        same = FacilitatorQualification.objects.filter(user=user, level=level)
        return same.get(renews=renews) if renews else same.get(renews__isnull=True)


def grant_after_trainers_cohort(participant: Participant) -> FacilitatorQualification | None:
    """Make a participant who completed a trainers' cohort a co-facilitator, trained in that
    cohort (by its leads), and certify them if their signed-off co-facilitations already
    reach the number needed.

    A first trainers' cohort is a first grant; a later one renews the co-facilitator
    qualification, so the cascade knows every cohort the person was trained in, and the
    certified one of a certified facilitator (their refresher). Called again
    for the same participation, it returns the qualification it granted the first time.
    Returns None for a participant without an account (nothing to hold it yet). Raises
    QualificationRefused, writing nothing, if the cohort is not a trainers' cohort or the
    participant has not met its every rule. Safe inside the caller's transaction.
    """
    cohort = participant.cohort
    if cohort.kind != Cohort.Kind.TRAINERS:
        raise QualificationRefused(
            _("Only completing a trainers' cohort makes someone a co-facilitator.")
        )
    if participant.user_id is None:
        return None
    if not progress_towards_completion(participant).is_complete:
        raise QualificationRefused(
            _("%(name)s has not completed %(cohort)s yet.")
            % {"name": participant.name, "cohort": cohort.name}
        )
    user = participant.user
    with transaction.atomic():
        _lock(user)
        granted = FacilitatorQualification.objects.filter(
            user=user, level=Level.CO_FACILITATOR, trained_in=cohort
        ).first()
        if granted is None:
            reason = _("Completed the trainers' cohort %(cohort)s.") % {"cohort": cohort.name}
            granted = _add(
                user,
                Level.CO_FACILITATOR,
                trained_in=cohort,
                reason=reason,
                renews=_last_of_chain(user, Level.CO_FACILITATOR),
            )
            # A trainers' cohort is the refresher of a certified facilitator too, as a
            # refresher course renews a certificate.
            if (certified := _last_of_chain(user, Level.CERTIFIED)) is not None:
                renew(certified, reason=reason)
        _certify_if_due(user)
    return granted


def co_facilitations_needed(user: AbstractBaseUser) -> tuple[int, int]:
    """(signed-off co-facilitated sessions that count, how many are needed) for the person
    to become a certified facilitator, by the first trainers' cohort they completed; (0, 0)
    if they never completed one."""
    first = (
        FacilitatorQualification.objects.filter(
            user=user, level=Level.CO_FACILITATOR, trained_in__isnull=False
        )
        .select_related("trained_in__programme")
        .order_by("granted_at", "pk")
        .first()
    )
    if first is None:
        return 0, 0
    trained_in = first.trained_in
    done = CoFacilitation.objects.filter(
        user=user,
        session__cohort__kind=Cohort.Kind.LEARNERS,
        session__starts_at__date__gt=trained_in.ends_on,
    ).count()
    return done, trained_in.programme.co_facilitations_to_certify


def _certify_if_due(user: AbstractBaseUser) -> FacilitatorQualification | None:
    """Grant `certified` once, to a co-facilitator (valid today) whose signed-off sessions
    reach the number needed. Later certifications are renewals. The caller holds the lock."""
    if FacilitatorQualification.objects.filter(user=user, level__gte=Level.CERTIFIED).exists():
        return None
    today = timezone.localdate()
    co = (
        FacilitatorQualification.objects.filter(
            valid_on(today), user=user, level=Level.CO_FACILITATOR
        )
        .order_by("granted_at")
        .first()
    )
    if co is None:
        return None
    done, needed = co_facilitations_needed(user)
    if done < needed:
        return None
    reason = ngettext(
        "Co-facilitated %(count)s learner session, signed off by a lead.",
        "Co-facilitated %(count)s learner sessions, each signed off by a lead.",
        done,
    ) % {"count": done}
    return _add(user, Level.CERTIFIED, trained_in=co.trained_in, reason=reason)


def sign_co_facilitation(
    session: TrainingSession, co_facilitator: AbstractBaseUser, by: AbstractBaseUser
) -> CoFacilitation:
    """Record that `by`, a lead of the session's learners' cohort, signs off `co_facilitator`
    (a co-facilitator of that cohort) for the session; grant `certified` when that makes
    enough. Signing off the same person and session twice keeps the first sign-off. Raises
    QualificationRefused, writing nothing, for anyone else, for oneself, for a session of a
    trainers' cohort or one that has not started.
    """
    cohort = session.cohort
    if cohort.kind != Cohort.Kind.LEARNERS:
        raise QualificationRefused(_("Only sessions of a learners' cohort count."))
    if by.pk == co_facilitator.pk:
        raise QualificationRefused(_("No one can sign off their own co-facilitation."))
    if session.starts_at > timezone.now():
        raise QualificationRefused(_("This session has not started yet."))
    roles = dict(
        Facilitator.objects.filter(
            cohort=cohort, user_id__in=[by.pk, co_facilitator.pk]
        ).values_list("user_id", "role")
    )
    if roles.get(by.pk) != Facilitator.Role.LEAD:
        raise QualificationRefused(
            _("Only a lead facilitator of %(cohort)s can sign off its co-facilitators.")
            % {"cohort": cohort.name}
        )
    if roles.get(co_facilitator.pk) != Facilitator.Role.CO_FACILITATOR:
        raise QualificationRefused(
            _("%(name)s is not a co-facilitator of %(cohort)s.")
            % {"name": name_of(co_facilitator), "cohort": cohort.name}
        )
    with transaction.atomic():
        _lock(co_facilitator)
        signed, _created = CoFacilitation.objects.get_or_create(
            session=session,
            user=co_facilitator,
            defaults={"signed_off_by": by, "signed_off_at": timezone.now()},
        )
        _certify_if_due(co_facilitator)
    return signed


def grant_master(
    user: AbstractBaseUser, by: AbstractBaseUser, reason: str
) -> FacilitatorQualification:
    """Staff make `user` a master trainer, saying why. A master valid today is returned as
    it is (granting twice grants once); an expired one is renewed. Raises
    QualificationRefused without a reason or for oneself."""
    reason = reason.strip()
    if not reason:
        raise QualificationRefused(_("Say why this person becomes a master trainer."))
    if by.pk == user.pk:
        raise QualificationRefused(_("No one can make themselves a master trainer."))
    with transaction.atomic():
        _lock(user)
        current = FacilitatorQualification.objects.filter(
            valid_on(timezone.localdate()), user=user, level=Level.MASTER
        ).first()
        if current is not None:
            return current
        return _add(
            user,
            Level.MASTER,
            granted_by=by,
            reason=reason,
            renews=_last_of_chain(user, Level.MASTER),
        )


def renew(
    qualification: FacilitatorQualification,
    by: AbstractBaseUser | None = None,
    reason: str = "",
) -> FacilitatorQualification:
    """A new qualification at the same level, renewing `qualification`: valid for the set
    number of months from its expiry if renewed before it, from today otherwise. Renewing
    the same qualification twice returns the first renewal."""
    with transaction.atomic():
        _lock(qualification.user)
        existing = qualification.renewals.first()
        if existing is not None:
            return existing
        return _add(
            qualification.user,
            Level(qualification.level),
            renews=qualification,
            trained_in=qualification.trained_in,
            granted_by=by,
            reason=reason,
        )


def may_lead(user: AbstractBaseUser, cohort: Cohort) -> None:
    """Return if `user` may lead `cohort` (which may be unsaved: only its kind and first day
    are read); raise QualificationRefused, naming them, if not. A learners' cohort needs a
    certified facilitator or a master trainer, a trainers' cohort a master trainer, with a
    qualification valid on the cohort's first day."""
    needed = LEVEL_TO_LEAD[cohort.kind]
    held = current_qualification(user, cohort.starts_on)
    if held is not None and held.level >= needed:
        return
    values = {"name": name_of(user), "day": date_format(cohort.starts_on)}
    if needed == Level.MASTER:
        message = _(
            "%(name)s cannot lead a trainers' cohort: a lead needs a master trainer "
            "qualification valid on the cohort's first day (%(day)s)."
        )
    else:
        message = _(
            "%(name)s cannot lead a learners' cohort: a lead needs a certified facilitator "
            "or master trainer qualification valid on the cohort's first day (%(day)s)."
        )
    raise QualificationRefused(message % values)


def can_lead(user: AbstractBaseUser, cohort: Cohort) -> bool:
    """`may_lead` as a yes or no."""
    try:
        may_lead(user, cohort)
    except QualificationRefused:
        return False
    return True
