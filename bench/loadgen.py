"""Runs one load-test scenario with Locust (headless, as a library) and writes its figures.

`bench/run.py` calls it once per scenario, in its own process (Locust patches the standard
library with gevent on import). Server CPU is read from /proc for the web and worker process
ids given, at the start and end of the measured window, so "CPU per request" is the web
workers' CPU time divided by the requests they answered in that window.

    .venv/bin/python bench/loadgen.py learner_lesson --host http://127.0.0.1:8400 \\
        --users 16 --duration 20 --web-pid 1234 --out var/bench/learner_lesson.json
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import gevent
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import locustfile
from locust import events
from locust.env import Environment

# Scenario → (user class, one-shot?). One-shot users act once and stop.
SCENARIOS: dict[str, tuple[type, bool]] = {
    "minimal": (locustfile.MinimalViewUser, False),
    "anonymous_catalogue": (locustfile.AnonymousCatalogueUser, False),
    "anonymous_course": (locustfile.AnonymousCourseUser, False),
    "anonymous_lesson": (locustfile.AnonymousLessonUser, False),
    "learner_lesson": (locustfile.LearnerLessonUser, False),
    "learner_dashboard": (locustfile.LearnerDashboardUser, False),
    "learner_complete": (locustfile.LearnerCompleteUser, False),
    "learner_sync": (locustfile.LearnerSyncUser, False),
    "quiz": (locustfile.QuizUser, False),
    "quiz_synchronised_start": (locustfile.SynchronisedQuizStartUser, True),
    "cohort_completion": (locustfile.CohortCompletionUser, True),
    "learner_journey": (locustfile.LearnerJourneyUser, False),
}


def process_tree(pid: int) -> list[psutil.Process]:
    try:
        parent = psutil.Process(pid)
        return [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """CPU time (user + system) of each process in the trees rooted at `pids`."""
    seconds = {}
    for pid in pids:
        for process in process_tree(pid):
            try:
                times = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            seconds[process.pid] = times.user + times.system
    return seconds


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    """Seconds of CPU spent between two readings (processes started meanwhile count whole)."""
    return sum(value - before.get(pid, 0.0) for pid, value in after.items())


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(entry, fraction: float) -> float | None:
    return entry.get_response_time_percentile(fraction) if entry.num_requests else None


def entry_figures(entry, window: float) -> dict:
    name = entry.name
    queries = locustfile.QUERIES.get(name, [])
    sizes = locustfile.BYTES.get(name, [])
    return {
        "requests": entry.num_requests,
        "failures": entry.num_failures,
        "requests_per_second": round(entry.num_requests / window, 1) if window else None,
        "latency_ms": {
            "median": percentile(entry, 0.5),
            "p95": percentile(entry, 0.95),
            "p99": percentile(entry, 0.99),
            "mean": round(entry.avg_response_time, 1),
            "max": round(entry.max_response_time or 0, 1),
        },
        "queries_per_request": {
            "mean": round(sum(queries) / len(queries), 2) if queries else None,
            "min": min(queries, default=None),
            "max": max(queries, default=None),
        },
        "cache_hit_ratio": (
            round(locustfile.CACHE_HITS.get(name, 0) / entry.num_requests, 3)
            if entry.num_requests
            else None
        ),
        "response_bytes_mean": round(sum(sizes) / len(sizes)) if sizes else None,
    }


def reset_figures(env: Environment) -> None:
    env.stats.reset_all()
    locustfile.QUERIES.clear()
    locustfile.CACHE_HITS.clear()
    locustfile.BYTES.clear()


def run(args: argparse.Namespace) -> dict:
    user_class, one_shot = SCENARIOS[args.scenario]
    if one_shot:
        user_class.expected_users = args.users
    # The module-level events, where locustfile's listeners are registered.
    env = Environment(user_classes=[user_class], host=args.host, stop_timeout=30, events=events)
    runner = env.create_local_runner()
    runner.start(args.users, spawn_rate=args.users if one_shot else args.spawn_rate)
    if not one_shot and args.warmup:
        gevent.sleep(args.warmup)
        reset_figures(env)
    web_before, workers_before = cpu_seconds(args.web_pid), cpu_seconds(args.worker_pid)
    own_before, started = own_cpu_seconds(), time.time()
    if one_shot:
        deadline = started + args.duration
        gevent.sleep(1)
        while runner.user_count and time.time() < deadline:
            gevent.sleep(0.1)
    else:
        gevent.sleep(args.duration)
    window = time.time() - started
    web_after, workers_after = cpu_seconds(args.web_pid), cpu_seconds(args.worker_pid)
    own_after = own_cpu_seconds()
    runner.quit()
    runner.greenlet.join(timeout=30)

    total = env.stats.total
    web_cpu = cpu_used(web_before, web_after)
    figures = {
        "scenario": args.scenario,
        "users": args.users,
        "window_s": round(window, 2),
        **entry_figures(total, window),
        "error_rate": round(total.num_failures / total.num_requests, 4)
        if total.num_requests
        else 0,
        "web_cpu_s": round(web_cpu, 3),
        "web_cpu_ms_per_request": (
            round(1000 * web_cpu / total.num_requests, 2) if total.num_requests else None
        ),
        "worker_cpu_s": round(cpu_used(workers_before, workers_after), 3),
        "loadgen_cpu_s": round(own_after - own_before, 3),
        "released_at": locustfile.STARTED_AT[0] if locustfile.STARTED_AT else None,
        "by_request": {
            name: entry_figures(entry, window)
            for (name, _method), entry in env.stats.entries.items()
        },
        "errors": [
            {"request": error.name, "error": str(error.error), "occurrences": error.occurrences}
            for error in env.stats.errors.values()
        ],
    }
    # The total's own name is "Aggregated": its query and byte figures are the requests' mix.
    all_queries = [value for values in locustfile.QUERIES.values() for value in values]
    figures["queries_per_request"] = {
        "mean": round(sum(all_queries) / len(all_queries), 2) if all_queries else None,
        "min": min(all_queries, default=None),
        "max": max(all_queries, default=None),
    }
    return figures


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--host", required=True)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--spawn-rate", type=float, default=100)
    parser.add_argument("--duration", type=float, default=20, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=3, help="seconds before measuring")
    parser.add_argument("--web-pid", type=int, action="append", default=[])
    parser.add_argument("--worker-pid", type=int, action="append", default=[])
    parser.add_argument("--out", type=Path, required=True)
    return parser.parse_args(argv)


def main() -> None:
    args = parse_args()
    figures = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
