"""Where a page's server time goes: pyinstrument over many requests, in one process.

Run after `bench/run.py` (it uses the same database, settings and learners):

    .venv/bin/python bench/profile.py                      # every page, 300 requests each
    .venv/bin/python bench/profile.py learner_lesson -n 1000

The requests go through Django's full middleware stack (the test client's WSGI handler), as
gunicorn's would; the profiles land in `var/bench/profiles/<page>.txt` and `.html`. The
figures in `docs/benchmarks.md` ("what was the bottleneck") come from these.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = (
    "anonymous_lesson",
    "learner_lesson",
    "learner_dashboard",
    "learner_complete",
    "quiz_submit",
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", default=list(PAGES), help=", ".join(PAGES))
    parser.add_argument("-n", "--requests", type=int, default=300)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/crisis_ready_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument(
        "--bench-dir",
        type=Path,
        default=ROOT / "var" / "bench",
        help="bench/run.py's --out: fixtures and static files are read there, profiles written",
    )
    args = parser.parse_args()
    unknown = set(args.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}; choose from {', '.join(PAGES)}")
    return args


def client_for(entry: dict | None):
    from django.test import Client

    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    if entry:
        client.cookies["sessionid"] = entry["session"]
    return client


def requests_for(page: str, fixtures: dict):
    """A function making one request of the kind `page` names, as a fresh learner would."""
    learners = fixtures["learners"]
    rng = random.Random(page)
    if page == "anonymous_lesson":
        client = client_for(None)
        return lambda: client.get(rng.choice(fixtures["anonymous"]["lessons"]))
    if page == "learner_dashboard":
        clients = [client_for(entry) for entry in learners["dashboard"][:20]]
        return lambda: rng.choice(clients).get("/learn/")
    entries = learners["quiz" if page == "quiz_submit" else "lesson"][:16]
    clients = [(client_for(entry), entry) for entry in entries]
    if page == "learner_lesson":

        def lesson():
            client, entry = rng.choice(clients)
            return client.get(rng.choice(entry["lessons"])["url"])

        return lesson
    if page == "learner_complete":

        def complete():
            client, entry = rng.choice(clients)
            return client.post(f"/learn/lessons/{rng.choice(entry['lessons'])['id']}/complete/")

        return complete

    def submit():
        client, entry = rng.choice(clients)
        started = client.post(f"/learn/quizzes/{entry['quiz_id']}/start/")
        return client.post(f"{started['Location']}submit/", {})

    return submit


def profile(page: str, count: int, fixtures: dict, out: Path) -> str:
    from pyinstrument import Profiler

    make_request = requests_for(page, fixtures)
    for _ in range(20):  # warm caches and template loaders first
        make_request()
    profiler = Profiler(interval=0.0005)
    cpu_before, started = time.process_time(), time.perf_counter()
    profiler.start()
    statuses: dict[int, int] = {}
    for _ in range(count):
        status = make_request().status_code
        statuses[status] = statuses.get(status, 0) + 1
    profiler.stop()
    cpu = (time.process_time() - cpu_before) * 1000 / count
    wall = (time.perf_counter() - started) * 1000 / count
    out.mkdir(parents=True, exist_ok=True)
    text = profiler.output_text(unicode=True, show_all=False)
    (out / f"{page}.txt").write_text(text)
    (out / f"{page}.html").write_text(profiler.output_html())
    return (
        f"{page}: {count} requests, statuses {statuses}, {cpu:.2f} ms CPU and {wall:.2f} ms "
        f"wall per request (profiled, so slower than served); profile: {out / page}.txt"
    )


def main() -> None:
    args = parse_args()
    fixtures_path = args.bench_dir / "fixtures.json"
    if not fixtures_path.exists():
        raise SystemExit("Run bench/run.py first: it writes the learners' sessions.")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "training.settings.bench",
            "DATABASE_URL": args.database_url,
            "REDIS_URL": args.redis_url,
            "ALLOWED_HOSTS": "testserver,127.0.0.1",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-profile-not-secret-" * 3),
            "STATIC_ROOT": str(args.bench_dir / "static"),
            "MEDIA_ROOT": str(args.bench_dir / "media"),
            "OPEN_BADGES_KEY_DIR": str(args.bench_dir / "keys"),
            "EMAIL_URL": "dummymail://",
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from bench import scenarios

    # Sessions are signed with SECRET_KEY: make new ones for this process's key.
    fixtures = json.loads(fixtures_path.read_text())
    for entries in fixtures["learners"].values():
        for entry in entries[:20]:
            user = get_user_model().objects.get(username=entry["username"])
            entry["session"] = scenarios.new_session(user)
    for page in args.pages:
        print(profile(page, args.requests, fixtures, args.bench_dir / "profiles"))


if __name__ == "__main__":
    main()
