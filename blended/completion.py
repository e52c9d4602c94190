"""Completing a blended programme: its certificate, once, when every rule is met.

Whatever may complete a participant calls `certify_if_complete` in the transaction that
records it: a mark taken (`blended.attendance.record_mark`), a sign-off, a claim, and, for
the e-learning and the post-test, `certificates.issuing.request_certificate`, which hands
participants of a programme on its course over to here (`certify_participations`).

The certificate row is the same outbox as for the e-learning: written here, pending, and
issued by the worker after the transaction commits (`certificates.issuing.send_task_later`).
Exactly once: the participant's row is locked while the rules are read, and the database
keeps one current certificate per participant. Besides what every certificate of the course
states, it names the workshop: the cohort, the place, the dates and the attendance.

A certificate states the workshop's attendance, so it waits until every required session
since the participant joined has a mark for them: the roll of the last session, or the last
sheet typed in after the workshop, settles it. Rolls entered days later come in any order, so
a mark never certifies on a time limit; only when nothing is being entered: other events (the
e-learning, a sign-off, a claim) and `certify_finished_workshops`, the hourly task, also
certify someone left unmarked once their cohort ended more than `ROLL_GRACE` ago (an
unmarked session then counts as missed).

A walk-in (a participant without an account) is certified too, on a certificate that belongs
to no account until they claim their place (`blended.claims`).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from blended.attendance import ATTENDED
from blended.models import Attendance, AttendanceStatus, Cohort, Participant, TrainingSession
from blended.rules import best_post_test_percent, progress_towards_completion
from certificates.issuing import (
    ISSUE_TASK,
    certificate_language,
    certification_source,
    course_statement,
    display_name,
    send_task_later,
)
from certificates.models import Certificate
from certificates.validity import expiry_for
from courses.models import CoursePage, Enrolment
from training.languages import language_codes


def participations_of(enrolment: Enrolment) -> list[Participant]:
    """The learner's places in cohorts of blended programmes on the enrolment's course."""
    return list(
        Participant.objects.filter(
            user_id=enrolment.user_id, cohort__programme__course_key=enrolment.course_key
        )
    )


def certify_participations(participations: list[Participant]) -> Certificate | None:
    """`certify_if_complete` for each place; the first certificate, or None if none is due."""
    certificates = [certify_if_complete(participant) for participant in participations]
    return next((certificate for certificate in certificates if certificate), None)


def current_certificate(participant: Participant) -> Certificate | None:
    return (
        Certificate.objects.filter(participant=participant)
        .exclude(status=Certificate.Status.REPLACED)
        .first()
    )


def certify_if_complete(
    participant: Participant, *, taking_roll: bool = False
) -> Certificate | None:
    """The participant's certificate: requested now if every rule of their programme is met,
    the workshop's attendance is settled (`workshop_settled`; while `taking_roll`, only by
    marks) and none was requested yet; else the one they have, else None. Call it inside the
    transaction that records what may have completed them; calling it again changes nothing.

    No certificate while the programme's course is not published: its title and issuer
    cannot be stated.
    """
    with transaction.atomic():
        locked = (
            Participant.objects.select_for_update(of=("self",))
            .select_related("cohort__programme", "user")
            .get(pk=participant.pk)
        )
        if (existing := current_certificate(locked)) is not None:
            return existing
        # The one-query check first: during a roll call it is what usually says "not yet".
        if not workshop_settled(locked, marks_only=taking_roll):
            return None
        if not progress_towards_completion(locked).is_complete:
            return None
        if locked.cohort.kind == Cohort.Kind.TRAINERS:
            # Imported here: only a trainers' cohort grants a qualification.
            from blended.qualifications import grant_after_trainers_cohort

            # The qualification does not wait for the course to be published.
            grant_after_trainers_cohort(locked)
        course = CoursePage.objects.live_by_key(locked.cohort.programme.course_key)
        if course is None:
            return None
        certificate = _request(locked, course.specific)
    return certificate


#: How long after a cohort's last day its rolls may still be coming in.
ROLL_GRACE = timedelta(days=3)
#: How far back the hourly task looks for cohorts left with unmarked sessions.
SWEEP_WINDOW = timedelta(days=90)


def workshop_settled(participant: Participant, *, marks_only: bool = False) -> bool:
    """Whether the attendance the certificate would state is final: every required session
    since the participant joined has a mark for them or, unless `marks_only`, their cohort
    ended more than `ROLL_GRACE` ago. One query at most."""
    if not marks_only and participant.cohort.ends_on + ROLL_GRACE < timezone.localdate():
        return True
    return not (
        TrainingSession.objects.filter(
            cohort_id=participant.cohort_id, required=True, starts_at__gte=participant.added_at
        )
        .exclude(attendance__participant=participant)
        .exists()
    )


def certify_finished_workshops() -> list[int]:
    """Certify the participants, not yet certified, of cohorts that ended between
    `SWEEP_WINDOW` and `ROLL_GRACE` ago and who meet every rule: those whose roll nobody
    finished. Returns the new certificates' ids; running it again issues nothing twice."""
    today = timezone.localdate()
    waiting = Participant.objects.filter(
        cohort__ends_on__gte=today - SWEEP_WINDOW, cohort__ends_on__lt=today - ROLL_GRACE
    ).exclude(certificates__status__in=CURRENT)
    certified = (certify_if_complete(participant) for participant in waiting.order_by("pk"))
    return [certificate.pk for certificate in certified if certificate is not None]


def _request(participant: Participant, course: CoursePage) -> Certificate:
    enrolment = enrolment_for(participant)
    language = _language(participant)
    source = certification_source(course)
    completed_at = timezone.now()
    score = None
    if participant.user is not None:
        score = best_post_test_percent(participant.user, participant.cohort.programme.course_key)
    certificate = Certificate.objects.create(
        enrolment=enrolment,
        participant=participant,
        cycle=enrolment.cycle if enrolment else 1,
        expires_on=expiry_for(source, timezone.localdate(completed_at), None),
        grace_days=source.grace_days,
        learner_name=display_name(participant.user) if participant.user else participant.name,
        completed_at=completed_at,
        score=score,
        workshop=workshop_statement(participant, language),
        **course_statement(course, language),
    )
    send_task_later(ISSUE_TASK, certificate.pk)
    return certificate


def enrolment_for(participant: Participant) -> Enrolment | None:
    """The participant's enrolment in the programme's course, made if they have none (a
    programme may not ask for the e-learning); None for a walk-in without an account."""
    if participant.user is None:
        return None
    enrolment, _created = Enrolment.objects.get_or_create(
        user=participant.user, course_key=participant.cohort.programme.course_key
    )
    return enrolment


def _language(participant: Participant) -> str:
    """The learner's certificate language; for a walk-in, the cohort's."""
    if participant.user is not None:
        return certificate_language(participant.user)
    if participant.cohort.language in language_codes():
        return participant.cohort.language
    return certificate_language(participant.user)


def attended_sessions(participant: Participant) -> tuple[int, int]:
    """(sessions attended, sessions counted): the required sessions held since the
    participant joined, those they were excused from apart, as the certificate states them."""
    sessions = TrainingSession.objects.filter(
        cohort_id=participant.cohort_id, required=True, starts_at__gte=participant.added_at
    ).values_list("pk", flat=True)
    statuses = dict(
        Attendance.objects.filter(participant=participant).values_list("session_id", "status")
    )
    counted = [pk for pk in sessions if statuses.get(pk) != AttendanceStatus.EXCUSED]
    return sum(statuses.get(pk) in ATTENDED for pk in counted), len(counted)


def date_range(first: date, last: date) -> str:
    """ "3–5 September 2026", "30 September – 2 October 2026", in the active language."""
    if first == last:
        return date_format(last, "j F Y")
    if (first.year, first.month) == (last.year, last.month):
        return f"{date_format(first, 'j')}–{date_format(last, 'j F Y')}"
    if first.year == last.year:
        return f"{date_format(first, 'j F')} – {date_format(last, 'j F Y')}"
    return f"{date_format(first, 'j F Y')} – {date_format(last, 'j F Y')}"


def workshop_statement(participant: Participant, language: str) -> str:
    """What the certificate says of the workshop, in `language`: "Ankara responders,
    September 2026: attended 5 of 6 sessions, Ankara, 3–5 September 2026"."""
    cohort = participant.cohort
    attended, counted = attended_sessions(participant)
    with translation.override(language):
        sentence = ngettext(
            "%(cohort)s: attended %(attended)s of %(counted)s session, %(place)s, %(dates)s",
            "%(cohort)s: attended %(attended)s of %(counted)s sessions, %(place)s, %(dates)s",
            counted,
        )
        return sentence % {
            "cohort": cohort.name,
            "attended": attended,
            "counted": counted,
            "place": cohort.place,
            "dates": date_range(cohort.starts_on, cohort.ends_on),
        }


#: A participant with one of these has their certificate (a revoked one is not given again).
CURRENT = [status for status in Certificate.Status.values if status != Certificate.Status.REPLACED]


def missing_for(participant: Participant) -> list[str]:
    """What a participant without a certificate still needs, in the active language: the
    rules not met, or, with every rule met, the end of the workshop."""
    missing = progress_towards_completion(participant).missing
    if not missing and not workshop_settled(participant):
        return [_("You will get your certificate once the attendance of every session is in.")]
    return missing
