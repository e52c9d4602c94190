"""Demo blended training: a programme on the preparedness course, a workshop held in
Ankara in September 2026 (sessions, attendance, certificates) and one coming up in
Gaziantep, run by a trainer whom a master trainer trained (a two-level cascade).

Everything goes through the same functions as the pages (`record_mark`, `start_attempt`,
`submit_attempt`, `complete_lesson`), so the certificates are requested as they would be in
a real workshop. Idempotent: nothing is created twice.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from blended.attendance import record_mark
from blended.models import (
    AttendanceMark,
    AttendanceStatus,
    Cohort,
    Facilitator,
    FacilitatorQualification,
    Participant,
    Programme,
    QualificationLevel,
    TrainingSession,
)
from courses.assessment.attempts import start_attempt, submit_attempt
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import CoursePage, QuizPage

PROGRAMME = "Reaching migrants before a crisis: blended"
COURSE_SLUG = "reaching-migrants-before-a-crisis"

#: The past workshop's participants: name, organisation, sessions attended of six, and
#: whether they did the e-learning (with an account) or came without one (a walk-in).
ANKARA_PARTICIPANTS = [
    ("Elif Yılmaz", "Ankara Provincial Disaster Directorate", 6, True),
    ("Omar Haddad", "Turkish Red Crescent, Ankara branch", 5, True),
    ("Selin Kaya", "Çankaya Municipality", 6, True),
    ("Yusuf Demir", "Ankara Fire Brigade", 4, True),
    ("Rania Suleiman", "Migrant community association", 6, False),
]
#: Two sessions a day for three days: morning and afternoon, three hours each.
SESSION_TITLES = [
    "Day 1 morning: why migrants are missed",
    "Day 1 afternoon: mapping communities",
    "Day 2 morning: building trust",
    "Day 2 afternoon: early warnings that reach everyone",
    "Day 3 morning: contingency plans",
    "Day 3 afternoon: a tabletop exercise",
]


def demo_course() -> CoursePage | None:
    return CoursePage.objects.live().filter(slug=COURSE_SLUG).first()


def ensure_blended_demo() -> bool:
    """Create the demo programme and its cohorts if there is none yet; True if created."""
    course = demo_course()
    if course is None or Programme.objects.filter(name=PROGRAMME).exists():
        return False
    users = get_user_model().objects
    master, trainer = users.get(username="master"), users.get(username="trainer")
    with transaction.atomic():
        programme = Programme.objects.create(
            name=PROGRAMME,
            course_key=course.translation_key,
            requires_elearning=True,
            min_attendance_percent=80,
            min_post_test_percent=70,
        )
        _master(master, users.get(username="admin"))
        trainers_cohort = _trainers_cohort(programme, course, master, trainer)
        _qualify(trainer, trainers_cohort)
        _past_workshop(programme, course, trainer)
        _upcoming_workshop(programme, trainer, users.get(username="learner"))
    return True


def _sessions(cohort: Cohort, first_day: date, venue: str) -> list[TrainingSession]:
    sessions = []
    for number, title in enumerate(SESSION_TITLES):
        day = first_day + timedelta(days=number // 2)
        hour = 9 if number % 2 == 0 else 14
        starts_at = timezone.make_aware(datetime.combine(day, time(hour)))
        sessions.append(
            TrainingSession.objects.create(
                cohort=cohort, title=title, starts_at=starts_at, venue=venue
            )
        )
    return sessions


def _trainers_cohort(programme: Programme, course: CoursePage, master, trainer) -> Cohort:
    """Training of trainers in Istanbul, led by the master trainer: the demo trainer and a
    colleague did the e-learning and attended every session, so both became co-facilitators
    by the platform's rule."""
    cohort = Cohort.objects.create(
        programme=programme,
        name="Training of trainers, Istanbul, May 2026",
        kind=Cohort.Kind.TRAINERS,
        starts_on=date(2026, 5, 11),
        ends_on=date(2026, 5, 13),
        language="en",
        country="TR",
        place="Istanbul",
        partner_organisation="Disaster and Emergency Management Authority",
        capacity=12,
    )
    Facilitator.objects.create(cohort=cohort, user=master, role=Facilitator.Role.LEAD)
    sessions = _sessions(cohort, cohort.starts_on, "Training centre, Istanbul")
    colleague = _responder("Nadia Rahimi")
    for user in (trainer, colleague):
        participant = _on_the_list(cohort, user, user.full_name, "Turkish Red Crescent")
        _do_elearning(user, course)
        _take_roll(participant, sessions, attended=len(sessions), by=master)
    return cohort


def _master(master, admin) -> None:
    """The master trainer, appointed by staff before the programme began."""
    FacilitatorQualification.objects.create(
        user=master,
        level=QualificationLevel.MASTER,
        granted_at=timezone.make_aware(datetime(2026, 1, 15, 12)),
        granted_by=admin,
        reason="Leads the national training-of-trainers programme.",
    )


def _qualify(trainer, trainers_cohort: Cohort) -> None:
    """Date the qualifications as they happened: co-facilitator when the trainers' cohort
    ended, certified in June after two sessions co-facilitated under the master trainer.
    (The rule grants from today; demo history is dated in the past.)"""
    ended = timezone.make_aware(datetime.combine(trainers_cohort.ends_on, time(17)))
    FacilitatorQualification.objects.filter(trained_in=trainers_cohort).update(granted_at=ended)
    certified_at = timezone.make_aware(datetime(2026, 6, 20, 12))
    FacilitatorQualification.objects.create(
        user=trainer,
        level=QualificationLevel.CERTIFIED,
        granted_at=certified_at,
        valid_until=date(2028, 6, 20),
        trained_in=trainers_cohort,
        reason="Co-facilitated two learner sessions in Izmir, signed off by the master trainer.",
    )


def _past_workshop(programme: Programme, course: CoursePage, trainer) -> Cohort:
    cohort = Cohort.objects.create(
        programme=programme,
        name="Ankara responders, September 2026",
        starts_on=date(2026, 9, 3),
        ends_on=date(2026, 9, 5),
        language="en",
        country="TR",
        place="Ankara",
        partner_organisation="Ankara Provincial Disaster Directorate",
        capacity=20,
    )
    Facilitator.objects.create(cohort=cohort, user=trainer, role=Facilitator.Role.LEAD)
    sessions = _sessions(cohort, cohort.starts_on, "Provincial training hall, Ankara")
    for name, organisation, attended, has_account in ANKARA_PARTICIPANTS:
        user = _responder(name) if has_account else None
        participant = _on_the_list(cohort, user, name, organisation)
        if user is not None:
            # On the list first: the e-learning then counts towards the workshop.
            _do_elearning(user, course)
        _take_roll(participant, sessions, attended, by=trainer)
    return cohort


def _on_the_list(cohort: Cohort, user, name: str, organisation: str) -> Participant:
    """A participant on the cohort's list a week before it began."""
    participant = Participant.objects.create(
        cohort=cohort, user=user, name=name, organisation=organisation
    )
    first = cohort.sessions.order_by("starts_at").first()
    added = first.starts_at - timedelta(days=7)
    Participant.objects.filter(pk=participant.pk).update(added_at=added)
    participant.refresh_from_db()
    return participant


def _take_roll(participant: Participant, sessions: list[TrainingSession], attended: int, by):
    """Present at the first `attended` sessions, absent at the rest, as the roll was taken."""
    for number, session in enumerate(sessions):
        status = AttendanceStatus.PRESENT if number < attended else AttendanceStatus.ABSENT
        record_mark(
            participant,
            session,
            status,
            by=by,
            marked_at=session.starts_at + timedelta(minutes=10),
            source=AttendanceMark.Source.ROLL_CALL,
        )


def _responder(name: str):
    """A demo responder's account (no password: the demo logs in as `learner`, not as
    them)."""
    username = name.split()[0].lower()
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", full_name=name
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


def _do_elearning(user, course: CoursePage) -> None:
    """Every lesson done and the required quizzes passed, through the learner's functions."""
    enrol(user, course)
    for lesson in course.get_lessons():
        complete_lesson(user, lesson, course)
    for quiz in QuizPage.objects.live().descendant_of(course).filter(required_for_completion=True):
        attempt = start_attempt(user, quiz)
        submit_attempt(user, attempt.pk, right_answers(attempt))


def right_answers(attempt) -> dict[str, list[str]]:
    """Every question of the attempt answered right, as the quiz form would post it."""
    answers = {}
    for question in attempt.questions:
        if question["type"] == "true_false":
            value = [question["answer"]]
        elif question["type"] == "short_answer":
            value = [question["accepted_answers"][0]]
        else:
            value = [choice["id"] for choice in question["choices"] if choice["correct"]]
        answers[f"q-{question['id']}"] = value
    return answers


def _upcoming_workshop(programme: Programme, trainer, learner) -> Cohort:
    first_day = timezone.localdate() + timedelta(days=30)
    cohort = Cohort.objects.create(
        programme=programme,
        name="Gaziantep responders, coming up",
        starts_on=first_day,
        ends_on=first_day + timedelta(days=2),
        language="en",
        country="TR",
        place="Gaziantep",
        partner_organisation="Gaziantep Metropolitan Municipality",
        capacity=20,
    )
    Facilitator.objects.create(cohort=cohort, user=trainer, role=Facilitator.Role.LEAD)
    _sessions(cohort, first_day, "Municipal emergency centre, Gaziantep")
    Participant.objects.create(
        cohort=cohort, user=learner, name=learner.full_name, organisation="Demo organisation"
    )
    return cohort
