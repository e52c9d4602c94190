"""What completing a blended programme needs, and how far a participant has come.

A programme's rules hold together (AND): the e-learning complete, enough of the required
sessions attended (counted by weight), a high enough post-test score, a facilitator's
sign-off. Each rule the programme sets is reported met or not and, when not, with one plain
sentence of what is missing, which "My learning" shows as it is.

A participant without an account (a walk-in) has no e-learning or quiz records: only the
attendance and sign-off rules can be met until they claim their place with their code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from blended.attendance import attendance_weights
from blended.models import Participant, Programme
from blended.roll_call import roll_access
from courses.models import CoursePage, Enrolment, QuizAttempt, QuizPage

ELEARNING = "elearning"
ATTENDANCE = "attendance"
POST_TEST = "post_test"
SIGN_OFF = "sign_off"


#: Completion counts every required session, held or still to come (an unmarked one as not
#: attended), so attending the first of six sessions never meets "80% of the sessions".
AFTER_EVERY_SESSION = datetime(9999, 1, 1, tzinfo=UTC)


class SignOffRefused(Exception):
    """The person may not sign this participant off. Its text can be shown as it is."""


@dataclass(frozen=True)
class RuleStatus:
    """One rule of the programme: `rule` is one of ELEARNING, ATTENDANCE, POST_TEST,
    SIGN_OFF; `missing` says what is still needed, empty when the rule is met."""

    rule: str
    met: bool
    missing: str = ""


@dataclass(frozen=True)
class BlendedStatus:
    """Where a participant stands with every rule their programme sets, in a fixed order."""

    rules: list[RuleStatus] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return all(rule.met for rule in self.rules)

    @property
    def missing(self) -> list[str]:
        """What is still needed, one sentence per rule not met."""
        return [rule.missing for rule in self.rules if not rule.met]


def progress_towards_completion(participant: Participant) -> BlendedStatus:
    """Each rule of the participant's programme, met or not, and what is missing.

    Reads only; a few queries. Running it twice gives the same answer.
    """
    programme = participant.cohort.programme
    user = participant.user
    rules = []
    if programme.requires_elearning:
        rules.append(_elearning_status(programme, user))
    if programme.min_attendance_percent:
        rules.append(_attendance_status(programme, participant))
    if programme.min_post_test_percent is not None:
        rules.append(_post_test_status(programme, user))
    if programme.requires_signoff:
        met = participant.signed_off_at is not None
        missing = "" if met else _("A facilitator must sign you off.")
        rules.append(RuleStatus(SIGN_OFF, met, missing))
    return BlendedStatus(rules)


def _needs_claim(missing: str) -> str:
    # Outside the f-string, where makemessages finds it.
    claim_first = _("Sign up and enter your claim code so that it counts.")
    return f"{missing} {claim_first}"


def _elearning_status(programme: Programme, user: AbstractBaseUser | None) -> RuleStatus:
    missing = _("Complete the e-learning course.")
    if user is None:
        return RuleStatus(ELEARNING, False, _needs_claim(missing))
    met = Enrolment.objects.filter(
        user=user, course_key=programme.course_key, completed_at__isnull=False
    ).exists()
    return RuleStatus(ELEARNING, met, "" if met else missing)


def _attendance_status(programme: Programme, participant: Participant) -> RuleStatus:
    attended, required = attendance_weights(participant, at=AFTER_EVERY_SESSION)
    percent = programme.min_attendance_percent
    # The weight needed, rounded up: 80% of 7 is 5.6, so 6.
    needed = -(-percent * required // 100)
    still = max(needed - attended, 0)
    if not still:
        return RuleStatus(ATTENDANCE, True)
    weights = set(
        participant.cohort.sessions.filter(required=True).values_list("weight", flat=True)
    )
    if weights <= {1}:
        missing = ngettext(
            "Attend %(count)s more session.", "Attend %(count)s more sessions.", still
        ) % {"count": still}
    else:
        missing = ngettext(
            "Attend sessions worth %(count)s more point of attendance.",
            "Attend sessions worth %(count)s more points of attendance.",
            still,
        ) % {"count": still}
    return RuleStatus(ATTENDANCE, False, missing)


def best_post_test_percent(user: AbstractBaseUser, course_key) -> Decimal | None:
    """The best score of the user's submitted attempts at the course's post-tests, in their
    current cycle through the course; None without one."""
    course = CoursePage.objects.live_by_key(course_key)
    if course is None:
        return None
    keys = [
        quiz.translation_key
        for quiz in course.specific.get_quizzes()
        if quiz.purpose == QuizPage.Purpose.POST_TEST
    ]
    if not keys:
        return None
    # Earlier cycles' attempts are flagged superseded when a recertification opens one.
    return (
        QuizAttempt.objects.submitted()
        .filter(user=user, quiz_key__in=keys, superseded=False)
        .aggregate(best=Max("percent"))["best"]
    )


def _percent(value: Decimal | int) -> str:
    """55 for 55.00, 69.5 for 69.50."""
    return format(Decimal(value).normalize(), "f")


def _post_test_status(programme: Programme, user: AbstractBaseUser | None) -> RuleStatus:
    needed = programme.min_post_test_percent
    best = None if user is None else best_post_test_percent(user, programme.course_key)
    if best is not None and best >= needed:
        return RuleStatus(POST_TEST, True)
    if best is None:
        missing = _("Score at least %(needed)s%% on the post-test.") % {"needed": needed}
    else:
        missing = _("Score at least %(needed)s%% on the post-test (best so far: %(best)s%%).") % {
            "needed": needed,
            "best": _percent(best),
        }
    return RuleStatus(POST_TEST, False, _needs_claim(missing) if user is None else missing)


def may_sign_off(participant: Participant, by: AbstractBaseUser) -> bool:
    """Whoever may take the cohort's roll (a lead or co-facilitator, or staff who may change
    participants), never for their own participation."""
    if participant.user_id is not None and participant.user_id == by.pk:
        return False
    return roll_access(by, participant.cohort_id).may_mark


def sign_off(participant: Participant, by: AbstractBaseUser) -> Participant:
    """Record that `by` signs the participant off. Signing off twice keeps the first
    sign-off. Raises SignOffRefused, writing nothing, if `by` may not sign off."""
    if not may_sign_off(participant, by):
        raise SignOffRefused(
            _(
                "Only the cohort's lead facilitator or co-facilitator, or staff who manage "
                "participants, can sign a participant off."
            )
        )
    with transaction.atomic():
        locked = Participant.objects.select_for_update().get(pk=participant.pk)
        if locked.signed_off_at is None:
            locked.signed_off_by = by
            locked.signed_off_at = timezone.now()
            locked.save(update_fields=["signed_off_by", "signed_off_at"])
            # completion builds on these rules, so it is imported here and not at the top.
            from blended.completion import certify_if_complete

            certify_if_complete(locked)
    participant.signed_off_by_id = locked.signed_off_by_id
    participant.signed_off_at = locked.signed_off_at
    return participant
