"""Benchmark: how fast real Celery workers issue certificates after a burst of completions.

    .venv/bin/python bench/certificates.py --n 200 --workers 1
    .venv/bin/python bench/certificates.py --n 200 --workers 2 --database-url postgres://postgres@127.0.0.1:5432/crisis_ready_bench

It builds everything it uses and removes it afterwards: a fresh database (a SQLite file in a
temporary folder, or the PostgreSQL database named in --database-url, dropped and created
again: its name must contain "bench"), migrated; a redis-server on a spare port; a media
folder. It creates a two-lesson course that awards a certificate and N learners who have done
the first lesson, starts W worker processes (`celery -A worker worker --concurrency C`) and
waits until they are ready, then has the N learners complete the last lesson at once
(`courses.learning.completion.complete_lesson` from a pool of threads, as N web requests would), and
waits until all N certificates are issued and emailed.

It reports certificates per second (N over the time from the first completion to the last
issue) and the latency from completion to a downloadable PDF (`issued_at - completed_at`),
median and p95, prints a summary and writes it as JSON. Settings are the test settings
(emails stay in the worker's memory); WeasyPrint, storage and the database are the real ones.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.processes import (  # noqa: E402 - the project root must be on the path first
    RedisServer,
    start_worker,
    stop_process,
    wait_for,
    wait_until_ready,
)

SETTINGS_MODULE = "training.settings.test"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="learners completing at once")
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument(
        "--concurrency", type=int, default=1, help="prefork processes in each worker"
    )
    parser.add_argument(
        "--database-url",
        default="",
        help="PostgreSQL database to (re)create for the run; default: a new SQLite file",
    )
    parser.add_argument(
        "--threads", type=int, default=8, help="threads completing the course (web requests)"
    )
    parser.add_argument("--timeout", type=float, default=900, help="give up after (seconds)")
    parser.add_argument(
        "--json", type=Path, help="where to write the results (default: var/bench/)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the folder and database")
    return parser.parse_args()


# The database.


def recreate_postgres(url: str) -> None:
    """Drop and create the database named in `url`, connected to the server's `postgres` db."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"Refusing to drop {name!r}: a benchmark database's name contains 'bench'")
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_postgres(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def migrate(env: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )
    return time.monotonic() - started


# The learners.


def prepare_learners(n: int):
    """A course with two lessons and `n` enrolled learners who have done the first one.
    Returns the learners and the last lesson."""
    from wagtail.models import Locale

    from courses.learning.completion import complete_lesson
    from courses.learning.enrolment import enrol
    from courses.models import CourseIndexPage, LessonPage
    from tests.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory, UserFactory

    course = CoursePageFactory(
        parent=CourseIndexPage.objects.get(locale=Locale.get_default()),
        title="Bench course",
        awards_certificate=True,
    )
    module = ModulePageFactory(parent=course)
    first, last = LessonPageFactory(parent=module), LessonPageFactory(parent=module)
    learners = [UserFactory(full_name=f"Bench Learner {i}") for i in range(n)]
    for learner in learners:
        enrol(learner, course)
        complete_lesson(learner, LessonPage.objects.get(pk=first.pk))
    return learners, LessonPage.objects.get(pk=last.pk)


def complete_all_at_once(learners, lesson, threads: int) -> tuple[float, list[float]]:
    """Every learner completes the last lesson, `threads` at a time. Returns the seconds all
    took, and the seconds each took (what a learner's request would wait, minus HTTP)."""
    from django.db import connection

    from courses.learning.completion import complete_lesson

    def complete(learner) -> float:
        started = time.monotonic()
        try:
            complete_lesson(learner, lesson)
        finally:
            connection.close()
        return time.monotonic() - started

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        each = list(pool.map(complete, learners))
    return time.monotonic() - started, each


def wait_until_done(n: int, timeout: float) -> float:
    """Wait until n certificates are issued and emailed; returns the seconds waited."""
    from certificates.models import Certificate

    started = time.monotonic()

    def done() -> bool:
        failed = Certificate.objects.filter(status=Certificate.Status.FAILED).first()
        if failed is not None:
            raise RuntimeError(f"Certificate {failed.pk} failed: {failed.failure_reason}")
        return (
            Certificate.objects.filter(
                status=Certificate.Status.ISSUED, emailed_at__isnull=False
            ).count()
            >= n
        )

    wait_for(done, timeout, f"{n} certificates to be issued and emailed", interval=0.25)
    return time.monotonic() - started


# Figures.


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))]


def figures(n: int) -> dict:
    from certificates.models import Certificate

    rows = list(
        Certificate.objects.values_list("enrolment__completed_at", "issued_at", "emailed_at")
    )
    assert len(rows) == n, f"expected {n} certificates, found {len(rows)}"
    latencies = [(issued - completed).total_seconds() for completed, issued, _ in rows]
    to_email = [(emailed - completed).total_seconds() for completed, _, emailed in rows]
    first_completed = min(completed for completed, _, _ in rows)
    last_completed = max(completed for completed, _, _ in rows)
    last_issued = max(issued for _, issued, _ in rows)
    window = (last_issued - first_completed).total_seconds()
    # Once every completion is in, the workers have the machine to themselves.
    draining = [issued for _, issued, _ in rows if issued > last_completed]
    drain_window = (last_issued - last_completed).total_seconds()
    return {
        "certificates_per_second": round(n / window, 2),
        "first_completion_to_last_issue_s": round(window, 2),
        "certificates_per_second_after_last_completion": (
            round(len(draining) / drain_window, 2) if drain_window > 0 else None
        ),
        "latency_completion_to_downloadable_s": {
            "median": round(statistics.median(latencies), 2),
            "p95": round(percentile(latencies, 0.95), 2),
            "max": round(max(latencies), 2),
            "min": round(min(latencies), 2),
        },
        "latency_completion_to_email_sent_s": {
            "median": round(statistics.median(to_email), 2),
            "p95": round(percentile(to_email, 0.95), 2),
        },
    }


def worker_memory_mb(process: subprocess.Popen) -> float:
    """Resident memory of a worker and its pool processes (its process group), in MB."""
    total_kb = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != process.pid:
                continue
            status = (entry / "status").read_text()
        except (ProcessLookupError, FileNotFoundError, PermissionError):
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total_kb += int(line.split()[1])
    return round(total_kb / 1024, 1)


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def main() -> None:
    args = parse_args()
    if args.database_url and not args.database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("--database-url is for PostgreSQL; without it SQLite is used")
    folder = Path(tempfile.mkdtemp(prefix="certificate-bench-"))
    media = folder / "media"
    media.mkdir()
    redis = RedisServer(folder / "redis")
    database_url = args.database_url or f"sqlite:///{folder / 'bench.sqlite3'}"
    engine = "postgresql" if database_url.startswith("postgres") else "sqlite"
    workers: list[tuple[subprocess.Popen, Path]] = []
    try:
        if engine == "postgresql":
            recreate_postgres(database_url)
        redis.start()
        env = {
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis.url(),
            "MEDIA_ROOT": str(media),
        }
        migrate_s = migrate(env)
        os.environ.update(env)

        import django

        django.setup()
        learners, last_lesson = prepare_learners(args.n)

        for number in range(args.workers):
            log = folder / f"worker-{number + 1}.log"
            workers.append((start_worker(env, log, concurrency=args.concurrency), log))
        for process, log in workers:
            wait_until_ready(process, log)

        started_at = datetime.now(UTC)
        completing_s, each_s = complete_all_at_once(learners, last_lesson, args.threads)
        waited_s = wait_until_done(args.n, args.timeout)
        results = {
            "n": args.n,
            "workers": args.workers,
            "concurrency_per_worker": args.concurrency,
            "database": engine,
            "started_at": started_at.isoformat(timespec="seconds"),
            "threads": args.threads,
            "completing_all_s": round(completing_s, 2),
            "one_completion_s": {
                "median": round(statistics.median(each_s), 3),
                "p95": round(percentile(each_s, 0.95), 3),
                "max": round(max(each_s), 3),
            },
            "completions_to_all_emailed_s": round(completing_s + waited_s, 2),
            **figures(args.n),
            "worker_memory_mb": [worker_memory_mb(process) for process, _ in workers],
            "migrate_s": round(migrate_s, 1),
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "machine": machine(),
        }
    finally:
        for process, _ in workers:
            stop_process(process)
        redis.stop()
        if not args.keep:
            if engine == "postgresql":
                drop_postgres(database_url)  # WITH (FORCE) closes our own connections too
            shutil.rmtree(folder, ignore_errors=True)

    output = args.json or (
        ROOT / "var" / "bench" / f"certificates-{engine}-n{args.n}-w{args.workers}"
        f"x{args.concurrency}.json"
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2) + "\n")
    print_summary(results, output)
    if args.keep:
        print(f"Kept {folder} (logs, media, database)")


def print_summary(results: dict, output: Path) -> None:
    latency = results["latency_completion_to_downloadable_s"]
    print(
        f"{results['n']} certificates, {results['workers']} worker(s) × "
        f"{results['concurrency_per_worker']} process(es), {results['database']}:\n"
        f"  {results['certificates_per_second']} certificates/s "
        f"(first completion to last issue {results['first_completion_to_last_issue_s']} s; "
        f"the {results['n']} completions took {results['completing_all_s']} s; "
        f"{results['certificates_per_second_after_last_completion']}/s after the last)\n"
        f"  completion → downloadable: median {latency['median']} s, p95 {latency['p95']} s, "
        f"max {latency['max']} s\n"
        f"  one completion ({results['threads']} at a time): median "
        f"{results['one_completion_s']['median']} s, p95 {results['one_completion_s']['p95']} s\n"
        f"  worker memory (MB): {results['worker_memory_mb']}\n"
        f"  written to {output}"
    )


if __name__ == "__main__":
    main()
