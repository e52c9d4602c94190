"""The Django side of the load-test suite: who plays which part, resets, and checks.

Runs inside `bench/run.py` after `django.setup()` with `training.settings.bench`. It reads the
data `manage.py load_bench_data` made, logs bench learners in by creating sessions (the load
tool then sends their cookies), puts the one-shot scenarios back to their starting state, and
afterwards checks what the server did (one attempt per learner, every certificate issued).
"""

from __future__ import annotations

import random
import secrets
import time
from collections import defaultdict
from datetime import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.db import transaction
from django.db.models import Count
from wagtail.models import Locale

from certificates.models import Certificate
from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    QuizPage,
)

BENCH_COURSES = "bench-course-"
COHORT_COURSE = "bench-cohort"
MARKERS = {"lesson_body": 'class="lesson__body"', "dashboard": 'id="in-progress-heading"'}
# Learner numbers (bench-learner-NNNNN) of each part; parts do not overlap.
POOLS = {
    "dashboard": range(1, 201),
    "lesson": range(1001, 1065),
    "quiz": range(2001, 2065),
    "journey": range(3001, 4001),
    "sync": range(5001, 5101),
    "cohort": range(19501, 20001),
}


def username(number: int) -> str:
    return f"bench-learner-{number:05d}"


def page_path(page) -> str:
    """The page's path on the site ("/courses/…/"), without asking for a request."""
    return page.get_url_parts()[2]


def new_session(user) -> str:
    """Log `user` in the way `django.contrib.auth.login` does, and return the session key."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


class Catalogue:
    """Bench courses with their lessons and quiz, read once."""

    def __init__(self) -> None:
        courses = list(CoursePage.objects.live().filter(slug__startswith="bench-"))
        if not any(course.slug.startswith(BENCH_COURSES) for course in courses):
            raise SystemExit("No bench courses: run `manage.py load_bench_data` first.")
        self.by_key = {course.translation_key: course for course in courses}
        self.lessons: dict = {}
        self.quizzes: dict = {}
        for course in courses:
            self.lessons[course.translation_key] = [
                {"id": lesson.pk, "url": page_path(lesson)} for lesson in course.get_lessons()
            ]
            quiz = QuizPage.objects.live().descendant_of(course).first()
            self.quizzes[course.translation_key] = quiz.pk if quiz else None
        self.cohort = next(course for course in courses if course.slug == COHORT_COURSE)

    def regular(self) -> list[CoursePage]:
        return [c for c in self.by_key.values() if c.slug.startswith(BENCH_COURSES)]


def learners_of(pool: str) -> list:
    names = [username(number) for number in POOLS[pool]]
    return list(get_user_model().objects.filter(username__in=names).order_by("username"))


def first_enrolments(users: list, catalogue: Catalogue) -> dict[int, Enrolment]:
    """Each learner's first active enrolment in a regular bench course."""
    chosen: dict[int, Enrolment] = {}
    regular = {course.translation_key for course in catalogue.regular()}
    enrolments = Enrolment.objects.active().filter(user__in=users, course_key__in=regular)
    for enrolment in enrolments.order_by("user_id", "pk"):
        chosen.setdefault(enrolment.user_id, enrolment)
    return chosen


def learner_entry(user, **extra) -> dict:
    return {"username": user.username, "session": new_session(user), **extra}


def build_fixtures(seed: int = 6) -> dict:
    """Everything the Locust users need: URLs, and logged-in learners for each part."""
    rng = random.Random(seed)
    catalogue = Catalogue()
    regular = catalogue.regular()
    all_lessons = [
        lesson["url"] for c in regular for lesson in catalogue.lessons[c.translation_key]
    ]
    fixtures: dict = {
        "markers": MARKERS,
        "anonymous": {
            "catalogue": page_path(CourseIndexPage.objects.get(locale=Locale.get_default())),
            "courses": [page_path(course) for course in regular],
            "lessons": rng.sample(all_lessons, min(200, len(all_lessons))),
        },
        "learners": {},
    }
    learners = fixtures["learners"]
    learners["dashboard"] = [learner_entry(user) for user in learners_of("dashboard")]
    for pool in ("lesson", "quiz", "journey"):
        users = learners_of(pool)
        enrolments = first_enrolments(users, catalogue)
        learners[pool] = []
        for user in users:
            enrolment = enrolments.get(user.pk)
            if enrolment is None:
                continue
            key = enrolment.course_key
            learners[pool].append(
                learner_entry(
                    user,
                    course_url=page_path(catalogue.by_key[key]),
                    lessons=catalogue.lessons[key],
                    quiz_id=catalogue.quizzes[key],
                )
            )
    sync_course = regular[0]
    learners["sync"] = [
        learner_entry(user, quiz_id=catalogue.quizzes[sync_course.translation_key])
        for user in learners_of("sync")
    ]
    cohort_lessons = catalogue.lessons[catalogue.cohort.translation_key]
    learners["cohort"] = [
        learner_entry(user, lesson_id=cohort_lessons[-1]["id"]) for user in learners_of("cohort")
    ]
    for entries in learners.values():
        for entry in entries:
            entry["csrf"] = secrets.token_hex(16)  # Django accepts its unmasked 32-char secret
    fixtures["sync_course_key"] = str(sync_course.translation_key)
    fixtures["cohort_course_key"] = str(catalogue.cohort.translation_key)
    return fixtures


def check_pools(fixtures: dict) -> list[str]:
    """Problems with the data each part needs (so a scenario never measures a wrong page)."""
    problems = []
    expected = {pool: len(numbers) for pool, numbers in POOLS.items()}
    for pool, count in expected.items():
        if len(fixtures["learners"][pool]) != count:
            problems.append(f"pool {pool}: {len(fixtures['learners'][pool])} of {count} learners")
    dashboard_users = [entry["username"] for entry in fixtures["learners"]["dashboard"]]
    counts = (
        Enrolment.objects.active()
        .filter(user__username__in=dashboard_users)
        .values("user")
        .annotate(n=Count("pk"))
    )
    if any(row["n"] != 20 for row in counts):
        problems.append("dashboard learners should have 20 enrolments each")
    return problems


# --- synchronised quiz start ---------------------------------------------------------------


@transaction.atomic
def reset_synchronised_start(fixtures: dict) -> None:
    """Sync learners are enrolled in the quiz's course, with no attempt in progress on it
    (earlier runs leave some)."""
    users = learners_of("sync")
    key = fixtures["sync_course_key"]
    enrolled = set(
        Enrolment.objects.filter(user__in=users, course_key=key).values_list("user_id", flat=True)
    )
    Enrolment.objects.bulk_create(
        [Enrolment(user=user, course_key=key) for user in users if user.pk not in enrolled]
    )
    Enrolment.objects.filter(user__in=users, course_key=key).update(
        status=Enrolment.Status.ACTIVE, withdrawn_at=None
    )
    QuizAttempt.objects.in_progress().filter(user__in=users, course_key=key).delete()


def check_synchronised_start(fixtures: dict, since: datetime) -> dict:
    """How many attempts each sync learner got from the double-tapped start (want: one)."""
    users = [entry["username"] for entry in fixtures["learners"]["sync"]]
    made = (
        QuizAttempt.objects.filter(
            user__username__in=users,
            course_key=fixtures["sync_course_key"],
            started_at__gte=since,
        )
        .values("user__username")
        .annotate(n=Count("pk"))
    )
    per_learner = {row["user__username"]: row["n"] for row in made}
    histogram: dict[int, int] = defaultdict(int)
    for user in users:
        histogram[per_learner.get(user, 0)] += 1
    return {
        "learners": len(users),
        "learners_by_attempts_made": dict(sorted(histogram.items())),
        "one_attempt_each": histogram == {1: len(users)},
    }


# --- cohort completion ----------------------------------------------------------------------


@transaction.atomic
def reset_cohort(fixtures: dict) -> None:
    """The cohort back to "all lessons but the last done", with no certificate."""
    key = fixtures["cohort_course_key"]
    users = [entry["username"] for entry in fixtures["learners"]["cohort"]]
    last_lesson = LessonPage.objects.get(pk=fixtures["learners"]["cohort"][0]["lesson_id"])
    enrolments = Enrolment.objects.filter(course_key=key, user__username__in=users)
    for certificate in Certificate.objects.filter(enrolment__in=enrolments).exclude(pdf=""):
        certificate.pdf.delete(save=False)
    Certificate.objects.filter(enrolment__in=enrolments).update(replaced_by=None)
    Certificate.objects.filter(enrolment__in=enrolments).delete()
    LessonCompletion.objects.filter(
        user__username__in=users, lesson_key=last_lesson.translation_key
    ).delete()
    enrolments.update(completed_at=None)


def cohort_certificates(fixtures: dict):
    users = [entry["username"] for entry in fixtures["learners"]["cohort"]]
    return Certificate.objects.filter(
        enrolment__course_key=fixtures["cohort_course_key"], enrolment__user__username__in=users
    )


def wait_for_cohort_certificates(fixtures: dict, timeout: float) -> dict:
    """Poll until every cohort learner's certificate is issued (or the timeout passes)."""
    wanted = len(fixtures["learners"]["cohort"])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        issued = cohort_certificates(fixtures).filter(status=Certificate.Status.ISSUED).count()
        if issued >= wanted:
            break
        time.sleep(0.25)
    certificates = list(cohort_certificates(fixtures).select_related("enrolment"))
    issued = [c for c in certificates if c.status == Certificate.Status.ISSUED and c.pdf]
    completed = [c.enrolment.completed_at for c in certificates if c.enrolment.completed_at]
    return {
        "learners": wanted,
        "certificates": len(certificates),
        "issued": len(issued),
        "first_completion": min(completed).timestamp() if completed else None,
        "last_completion": max(completed).timestamp() if completed else None,
        "last_issued": max(c.issued_at for c in issued).timestamp() if issued else None,
        "emailed": sum(1 for c in certificates if c.emailed_at),
        "codes": {c.enrolment.user_id: c.code for c in issued},
    }
