"""How long blended training's heavy moments take (`make bench-blended`).

In one process with production settings (`training.settings.bench`) against a database of
its own (`crisis_ready_bench_blended`, created and migrated here; the demo courses give the
programme its course), it builds a programme of `--cohorts` past workshops of
`--participants` people and six sessions each, every mark in the history, and a cascade of
trainers. Then it times, each `--repeat` times (median, slowest, queries):

- the roll page of one session, as the facilitator's phone gets it (HTML, through the
  Django test client);
- the last roll call of a workshop, posted: every participant present, so each one meets
  the last rule and their certificate is requested in the same transaction;
- the same roll synced from a phone's outbox (`sync_marks`), once new and once again;
- the blended programme report over every cohort, and the cascade from the master trainer.

    .venv/bin/python bench/blended.py [--cohorts 200] [--participants 40] [--repeat 3]

Figures go to stdout and var/bench/blended.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.certificates import recreate_postgres  # noqa: E402
from bench.reports import environment as reports_environment  # noqa: E402
from bench.reports import timed  # noqa: E402

SESSIONS = 6


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/crisis_ready_bench_blended"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--cohorts", type=int, default=200)
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench")
    return parser.parse_args()


def environment(args: argparse.Namespace) -> dict[str, str]:
    """The reports bench's environment; the Django test client's host is allowed too."""
    return {**reports_environment(args), "ALLOWED_HOSTS": "127.0.0.1,testserver"}


def build(args: argparse.Namespace):
    """The programme, its cohorts with every mark, and a cascade: bulk inserts, as a real
    history would be, then the sessions of the last workshop left unmarked."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from blended.models import (
        Attendance,
        AttendanceMark,
        Cohort,
        Facilitator,
        FacilitatorQualification,
        Participant,
        Programme,
        QualificationLevel,
        TrainingSession,
    )
    from courses.models import CoursePage, Enrolment
    from demo.builder import build_demo_content

    build_demo_content()
    course = CoursePage.objects.live().order_by("path").first()
    users = get_user_model().objects
    master = users.create_user(username="master", email="master@example.org")
    programme = Programme.objects.create(
        name="Bench", course_key=course.translation_key, min_post_test_percent=None
    )
    trainers_cohort = Cohort.objects.create(
        programme=programme,
        name="Trainers",
        kind=Cohort.Kind.TRAINERS,
        starts_on=date(2025, 1, 6),
        ends_on=date(2025, 1, 8),
        language="en",
        country="TR",
        place="Istanbul",
    )
    Facilitator.objects.create(cohort=trainers_cohort, user=master, role="lead")
    trainers = [
        users.create_user(username=f"trainer{n}", email=f"trainer{n}@example.org")
        for n in range(20)
    ]
    now = timezone.now()
    FacilitatorQualification.objects.bulk_create(
        FacilitatorQualification(
            user=trainer,
            level=QualificationLevel.CERTIFIED,
            granted_at=now - timedelta(days=700),
            trained_in=trainers_cohort,
        )
        for trainer in trainers
    )
    learners = users.bulk_create(
        get_user_model()(username=f"learner{n}", email=f"learner{n}@example.org")
        for n in range(args.cohorts * args.participants)
    )
    Enrolment.objects.bulk_create(
        Enrolment(user=learner, course_key=course.translation_key, completed_at=now)
        for learner in learners
    )
    first_day = date(2025, 3, 3)
    for number in range(args.cohorts):
        day = first_day + timedelta(days=7 * number)
        cohort = Cohort.objects.create(
            programme=programme,
            name=f"Workshop {number}",
            starts_on=day,
            ends_on=day + timedelta(days=2),
            language="en",
            country=("TR", "LB", "JO", "KE")[number % 4],
            place="City",
        )
        Facilitator.objects.create(cohort=cohort, user=trainers[number % 20], role="lead")
        starts = timezone.make_aware(datetime.combine(day, datetime.min.time())) + timedelta(
            hours=9
        )
        sessions = TrainingSession.objects.bulk_create(
            TrainingSession(
                cohort=cohort, title=f"Session {s}", starts_at=starts + timedelta(hours=5 * s)
            )
            for s in range(SESSIONS)
        )
        people = Participant.objects.bulk_create(
            Participant(cohort=cohort, user=learner, name=learner.username)
            for learner in learners[number * args.participants : (number + 1) * args.participants]
        )
        Participant.objects.filter(cohort=cohort).update(added_at=starts - timedelta(days=7))
        if number == args.cohorts - 1:
            return programme, master, cohort, sessions, people, trainers[number % 20]
        marks = AttendanceMark.objects.bulk_create(
            AttendanceMark(
                participant=person,
                session=session,
                status="present",
                source="roll_call",
                marked_at=session.starts_at,
            )
            for person in people
            for session in sessions
        )
        Attendance.objects.bulk_create(
            Attendance(
                participant=mark.participant,
                session=mark.session,
                mark=mark,
                status=mark.status,
                marked_at=mark.marked_at,
            )
            for mark in marks
        )
    raise RuntimeError("--cohorts must be at least 1")


def measure(args: argparse.Namespace) -> dict:
    # Django is set up here, after the environment: these imports need it.
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client
    from django.utils import timezone

    from blended.attendance import roll
    from blended.cascade import cascade
    from blended.models import Attendance, AttendanceMark
    from blended.offline_sync import MarkItem, sync_marks
    from blended.roll_call import take_roll
    from certificates.models import Certificate
    from reports.blended import blended_report

    call_command("migrate", "--no-input", "-v", "0")
    started = time.perf_counter()
    programme, master, cohort, sessions, people, lead = build(args)
    built_in = round(time.perf_counter() - started, 1)
    settings.DEBUG = True  # count queries
    client = Client()
    client.force_login(lead)
    last = sessions[-1]
    roll_url = f"/workshops/sessions/{last.pk}/roll/"

    def earlier_sessions_marked() -> None:
        for session in sessions[:-1]:
            take_roll(
                session,
                roll(session),
                {person.pk: "present" for person in people},
                {},
                by=lead,
                at=session.starts_at,
            )

    def clear_last_session() -> None:
        Certificate.objects.filter(participant__in=people).delete()
        Attendance.objects.filter(session=last).delete()
        AttendanceMark.objects.filter(session=last).delete()

    with transaction.atomic():
        earlier_sessions_marked()
    everyone_present = {f"status-{person.pk}": "present" for person in people}
    everyone_present.update({f"shown-{person.pk}": "" for person in people})
    items = [
        MarkItem(n, uuid.uuid4(), last.pk, person.pk, "present", timezone.now())
        for n, person in enumerate(people)
    ]
    results = {
        "cohorts": args.cohorts,
        "participants_per_cohort": args.participants,
        "attendance_marks": AttendanceMark.objects.count(),
        "build_s": built_in,
        "roll_page": timed(lambda: client.get(roll_url), args.repeat),
        "last_roll_call_posted": timed(
            lambda: client.post(roll_url, everyone_present), args.repeat, clear_last_session
        ),
    }
    assert Certificate.objects.filter(participant__in=people).count() == len(people)
    clear_last_session()
    results["offline_sync_new"] = timed(lambda: sync_marks(lead, items, timezone.now()), 1)
    results["offline_sync_again"] = timed(
        lambda: sync_marks(lead, items, timezone.now()), args.repeat
    )
    results["blended_report"] = timed(lambda: blended_report(programme), args.repeat)
    results["cascade"] = timed(lambda: cascade(master), args.repeat)
    return results


def main() -> None:
    args = parse_args()
    env = environment(args)
    recreate_postgres(args.database_url)
    os.environ.update(env)
    results = measure(args)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "blended.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
