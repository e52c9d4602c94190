"""How long the reports take on the full bench data set (`make bench-reports`).

The programme report (with knowledge gain) and the question analysis are computed in the
database; this measures them where they run, in one process with production settings
(`training.settings.bench`) against the bench database that `bench/run.py` fills
(100,000 enrolments, 200,000 quiz attempts). For several courses and quizzes it times each
report a few times, cold cache first, and prints the median, the slowest run and the query
count, then writes them as JSON to var/bench/reports.json.

    .venv/bin/python bench/reports.py [--courses 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import prepare_database, signing_key_folder  # noqa: E402


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/crisis_ready_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--courses", type=int, default=5, help="how many courses and quizzes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--skip-load", action="store_true", help="the database is filled")
    return parser.parse_args()


def environment(args: argparse.Namespace) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training.settings.bench",
        "SECRET_KEY": "bench-reports-not-secret-" * 3,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "STATIC_ROOT": str(args.out / "static"),
        "MEDIA_ROOT": str(args.out / "media"),
        "CELERY_DATA_DIR": str(args.out / "celery"),
        "OPEN_BADGES_KEY_DIR": str(signing_key_folder(args.out / "keys")),
        "EMAIL_URL": "dummymail://",
        "LOG_LEVEL": "WARNING",
    }


def timed(run, repeat: int, prepare=None) -> dict:
    """Seconds and queries of `run()`, `repeat` times; `prepare()` before each, untimed."""
    from django.db import connection, reset_queries

    seconds, queries = [], []
    for _ in range(repeat):
        if prepare is not None:
            prepare()
        reset_queries()
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
        queries.append(len(connection.queries))
    return {
        "median_s": round(statistics.median(seconds), 3),
        "slowest_s": round(max(seconds), 3),
        "queries": max(queries),
    }


def measure(args: argparse.Namespace) -> dict:
    # Django is set up here, after the environment: these imports need it.
    import django

    django.setup()
    from django.conf import settings
    from django.db.models import Count

    from courses.assessment.models import QuizAttempt
    from courses.assessment.pages import QuizPage
    from courses.learning.models import Enrolment
    from reports.gain import gain_report
    from reports.programme import Period, programme_report
    from reports.questions import ALL, FIRST, analyse_quiz

    settings.DEBUG = True  # count queries
    busiest = (
        Enrolment.objects.values("course_key")
        .annotate(n=Count("pk"))
        .order_by("-n")[: args.courses]
    )
    period = Period(date(2000, 1, 1), date.today())
    results: dict = {
        "enrolments": Enrolment.objects.count(),
        "attempts": QuizAttempt.objects.count(),
        "programme": [],
        "questions": [],
    }
    for row in busiest:
        key = row["course_key"]
        for breakdown in ("", "country", "organisation"):
            figures = timed(
                lambda k=key, b=breakdown: (
                    programme_report(k, period, b),
                    gain_report(k, period, b),
                ),
                args.repeat,
            )
            results["programme"].append({"enrolments": row["n"], "breakdown": breakdown, **figures})
    quiz_keys = (
        QuizAttempt.objects.values("quiz_key")
        .annotate(n=Count("pk"))
        .order_by("-n")[: args.courses]
    )
    for row in quiz_keys:
        quiz = QuizPage.objects.filter(translation_key=row["quiz_key"]).first()
        if quiz is None:
            continue
        for which in (FIRST, ALL):
            figures = timed(lambda q=quiz, w=which: analyse_quiz(q, w), args.repeat)
            results["questions"].append({"attempts": row["n"], "which": which, **figures})
    return results


def main() -> None:
    args = parse_args()
    env = environment(args)
    if not args.skip_load:
        prepare_database(args, env)
    os.environ.update(env)
    results = measure(args)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "reports.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
