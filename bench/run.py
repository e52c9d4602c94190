"""The load-test suite: start a production-like stack, load the data set, run every scenario.

    make bench                          # everything, about 8 minutes on 2 cores
    .venv/bin/python bench/run.py --help

What it does, in order:
1. starts PostgreSQL and Redis if they are down (`scripts/start-services.sh`);
2. creates the bench database if missing, migrates it, collects static files and runs
   `manage.py load_bench_data` (idempotent: a second run only checks);
3. starts gunicorn with production settings (`training.settings.bench`: production plus a
   minimal view and a query-count header), one Celery worker with two processes, and beat;
4. logs the bench learners in (sessions), then runs each scenario with Locust
   (`bench/loadgen.py`), sampling the memory of web and worker processes throughout;
5. writes `var/bench/results-<time>.json` and `.md` (and `var/bench/latest.*`); with
   `--update-docs`, the table in `docs/benchmarks.md` too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402
from certificates.openbadges.keys import generate_key_file, load_keys  # noqa: E402

# (Result name, Locust scenario, users). The journey runs at three sizes: how many learners
# one server carries is where its latency turns.
SCENARIOS = [
    ("minimal", "minimal", 16),
    ("anonymous_catalogue", "anonymous_catalogue", 16),
    ("anonymous_course", "anonymous_course", 16),
    ("anonymous_lesson", "anonymous_lesson", 16),
    ("learner_lesson", "learner_lesson", 16),
    ("learner_dashboard", "learner_dashboard", 16),
    ("learner_complete", "learner_complete", 16),
    ("learner_sync", "learner_sync", 16),
    ("quiz", "quiz", 16),
    ("quiz_synchronised_start", "quiz_synchronised_start", 100),
    ("cohort_completion", "cohort_completion", 500),
    ("learner_journey_250", "learner_journey", 250),
    ("learner_journey_500", "learner_journey", 500),
    ("learner_journey_1000", "learner_journey", 1000),
]


# Journey users arrive gradually, as learners do, rather than in one burst.
JOURNEY_SPAWN_RATE = 50


def log(message: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {message}", flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    cpus = os.cpu_count() or 1
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/crisis_ready_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--port", type=int, default=8400)
    parser.add_argument(
        "--web-workers",
        type=int,
        default=cpus,
        help="gunicorn sync workers; one per CPU (measured: 2 on 2 CPUs served more, for less "
        "CPU per request, than 4)",
    )
    parser.add_argument("--celery-concurrency", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0, help="data set size (1 = full)")
    parser.add_argument("--duration", type=float, default=20, help="seconds per scenario")
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--journey-duration", type=float, default=40)
    parser.add_argument(
        "--scenarios",
        default=",".join(name for name, _, _ in SCENARIOS),
        help="comma-separated result or scenario names (learner_journey runs every size)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument(
        "--update-docs", action="store_true", help="write the table into docs/benchmarks.md"
    )
    return parser.parse_args(argv)


def signing_key_folder(folder: Path) -> Path:
    """The stack's Open Badges key folder, with a key: production settings require one."""
    folder.mkdir(parents=True, exist_ok=True)
    if not any(key.can_sign for key in load_keys(folder)):
        generate_key_file(folder)
    return folder


def stack_environment(args: argparse.Namespace) -> dict[str, str]:
    """Production settings from the environment, as a deployer would set them."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training.settings.bench",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "STATIC_ROOT": str(args.out / "static"),
        "MEDIA_ROOT": str(args.out / "media"),
        "CELERY_DATA_DIR": str(args.out / "celery"),
        "OPEN_BADGES_KEY_DIR": str(signing_key_folder(args.out / "keys")),
        "EMAIL_URL": "dummymail://",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


def manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *arguments], cwd=ROOT, env=env, check=True
    )


def prepare_database(args: argparse.Namespace, env: dict[str, str]) -> dict[str, float]:
    """Create, migrate and fill the bench database; returns seconds per step."""
    import psycopg

    timings = {}
    name = args.database_url.rsplit("/", 1)[1]
    admin_url = args.database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    for step, arguments in (
        ("migrate", ["migrate", "--no-input", "-v", "0"]),
        ("collectstatic", ["collectstatic", "--no-input", "-v", "0"]),
        ("load_bench_data", ["load_bench_data", "--scale", str(args.scale)]),
    ):
        started = time.monotonic()
        log(f"manage.py {' '.join(arguments)}")
        manage(env, *arguments)
        timings[step] = round(time.monotonic() - started, 1)
    return timings


class Stack:
    """gunicorn, a Celery worker and beat, started and stopped together."""

    def __init__(self, args: argparse.Namespace, env: dict[str, str]) -> None:
        self.args, self.env = args, env
        self.logs = args.out / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self) -> None:
        args = self.args
        self.spawn(
            "web",
            [
                str(VENV_BIN / "gunicorn"),
                "training.wsgi:application",
                f"--workers={args.web_workers}",
                f"--bind=127.0.0.1:{args.port}",
                "--backlog=2048",
                "--timeout=60",
            ],
        )
        self.spawn(
            "worker",
            [
                str(VENV_BIN / "celery"),
                "-A",
                "worker",
                "worker",
                f"--concurrency={args.celery_concurrency}",
                "--loglevel=WARNING",
                "--hostname=bench@%h",
            ],
        )
        self.spawn(
            "beat",
            [
                str(VENV_BIN / "celery"),
                "-A",
                "worker",
                "beat",
                "--loglevel=WARNING",
                f"--schedule={args.out / 'celerybeat-schedule'}",
            ],
        )
        self.wait_until_ready()

    def spawn(self, name: str, command: list[str]) -> None:
        with open(self.logs / f"{name}.log", "w") as output:
            self.processes[name] = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT
            )

    def wait_until_ready(self, timeout: float = 60) -> None:
        url = f"http://127.0.0.1:{self.args.port}/bench/minimal/"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise SystemExit(f"{name} exited; see {self.logs / (name + '.log')}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200 and self.worker_ready():
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"the stack did not start within {timeout} s; see {self.logs}")

    def worker_ready(self) -> bool:
        return len(psutil.Process(self.processes["worker"].pid).children()) >= (
            self.args.celery_concurrency
        )

    def pid(self, name: str) -> int:
        return self.processes[name].pid

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


class MemorySampler(threading.Thread):
    """Peak resident memory of each process tree (web, worker), sampled every half second."""

    def __init__(self, roots: dict[str, int]) -> None:
        super().__init__(daemon=True)
        self.roots = roots
        self.label = "start"
        self.peaks: dict[str, dict] = {}
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(0.5):
            for role, pid in self.roots.items():
                self.sample(role, pid)

    def sample(self, role: str, pid: int) -> None:
        try:
            root = psutil.Process(pid)
            tree = [root, *root.children(recursive=True)]
            sizes = [process.memory_info().rss for process in tree]
        except psutil.Error:
            return
        peak = self.peaks.setdefault(role, {"total_mb": 0.0, "largest_process_mb": 0.0})
        peak["total_mb"] = max(peak["total_mb"], round(sum(sizes) / 2**20, 1))
        peak["largest_process_mb"] = max(peak["largest_process_mb"], round(max(sizes) / 2**20, 1))
        peak["processes"] = len(sizes)


def run_scenario(
    args: argparse.Namespace, stack: Stack, fixtures_path: Path, key: str, name: str, users: int
) -> dict:
    one_shot = name in ("quiz_synchronised_start", "cohort_completion")
    duration = args.journey_duration if name == "learner_journey" else args.duration
    out = args.out / "scenarios" / f"{key}.json"
    spawn_rate = JOURNEY_SPAWN_RATE if name == "learner_journey" else users
    # Measure only once every user has arrived (the journey's users arrive over seconds).
    warmup = max(args.warmup, users / spawn_rate + args.warmup)
    command = [
        str(VENV_BIN / "python"),
        str(ROOT / "bench" / "loadgen.py"),
        name,
        f"--host=http://127.0.0.1:{args.port}",
        f"--users={users}",
        f"--duration={120 if one_shot else duration}",
        f"--warmup={0 if one_shot else warmup}",
        f"--spawn-rate={spawn_rate}",
        f"--web-pid={stack.pid('web')}",
        f"--worker-pid={stack.pid('worker')}",
        f"--out={out}",
    ]
    env = {**os.environ, "BENCH_FIXTURES": str(fixtures_path)}
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return json.loads(out.read_text())


def download_certificates(args: argparse.Namespace, fixtures: dict, codes: dict) -> dict:
    """GET every cohort certificate as its learner: is it really a PDF?"""
    from django.contrib.auth import get_user_model

    sessions = {entry["username"]: entry["session"] for entry in fixtures["learners"]["cohort"]}
    usernames = dict(get_user_model().objects.filter(pk__in=codes).values_list("pk", "username"))

    def fetch(item: tuple[int, str]) -> bool:
        user_id, code = item
        request = urllib.request.Request(
            f"http://127.0.0.1:{args.port}/certificates/{code}/download/",
            headers={"Cookie": f"sessionid={sessions[usernames[user_id]]}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status == 200 and response.read(5) == b"%PDF-"

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(fetch, codes.items()))
    return {"downloaded_pdfs": sum(results), "of": len(results)}


ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def fetch_compressed(args: argparse.Namespace, path: str, cookie: str = "") -> bytes:
    """The response body as it crosses the network, gzip-compressed if the server does."""
    headers = {"Accept-Encoding": "gzip", **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(f"http://127.0.0.1:{args.port}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def page_weight(args: argparse.Namespace, fixtures: dict) -> dict:
    """Bytes transferred for a learner's lesson page: its HTML and the CSS and JavaScript it
    links, compressed as served (content images left out, as the target says)."""
    learner = fixtures["learners"]["lesson"][0]
    cookie = f"sessionid={learner['session']}"
    html = fetch_compressed(args, learner["lessons"][0]["url"], cookie)
    text = gzip.decompress(html).decode() if html[:2] == b"\x1f\x8b" else html.decode()
    assets = {path: len(fetch_compressed(args, path)) for path in ASSET.findall(text)}
    return {
        "html_bytes": len(html),
        "assets": assets,
        "total_kb": round((len(html) + sum(assets.values())) / 1024, 1),
        "scripts": text.count("<script"),
    }


def special_checks(name: str, fixtures: dict, figures: dict, args: argparse.Namespace) -> None:
    """After the one-shot scenarios, check and time what the server did."""
    from bench import scenarios

    if name == "quiz_synchronised_start":
        since = datetime.fromtimestamp(figures["released_at"] - 1, tz=UTC)
        figures["check"] = scenarios.check_synchronised_start(fixtures, since)
    elif name == "cohort_completion":
        outcome = scenarios.wait_for_cohort_certificates(fixtures, timeout=300)
        codes = outcome.pop("codes")
        released = figures["released_at"]
        if outcome["last_issued"]:
            outcome["seconds_until_all_downloadable"] = round(outcome["last_issued"] - released, 1)
            outcome["seconds_from_last_completion"] = round(
                outcome["last_issued"] - outcome["last_completion"], 1
            )
        outcome.update(download_certificates(args, fixtures, codes))
        figures["check"] = outcome


def machine() -> dict:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    wanted = args.scenarios.split(",")
    unknown = set(wanted) - {n for key, name, _ in SCENARIOS for n in (key, name)}
    if unknown:
        raise SystemExit(f"unknown scenarios: {', '.join(sorted(unknown))}")
    started = time.monotonic()
    args.out.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(ROOT / "scripts" / "start-services.sh")], check=True)
    env = stack_environment(args)
    setup_seconds = prepare_database(args, env)

    os.environ.update(env)  # this process reads the same database for fixtures and checks
    import django

    django.setup()
    import redis

    from bench import scenarios

    redis.Redis.from_url(args.redis_url).flushdb()
    fixtures = scenarios.build_fixtures()
    problems = scenarios.check_pools(fixtures)
    if problems:
        raise SystemExit("the bench data is not as expected: " + "; ".join(problems))
    fixtures_path = args.out / "fixtures.json"
    fixtures_path.write_text(json.dumps(fixtures))

    stack = Stack(args, env)
    sampler = None
    results: dict = {"scenarios": {}}
    try:
        stack.start()
        sampler = MemorySampler({"web": stack.pid("web"), "worker": stack.pid("worker")})
        sampler.start()
        results["lesson_page_weight"] = page_weight(args, fixtures)
        log(f"lesson page weight: {results['lesson_page_weight']}")
        for key, name, users in SCENARIOS:
            if key not in wanted and name not in wanted:
                continue
            if name == "quiz_synchronised_start":
                scenarios.reset_synchronised_start(fixtures)
            if name == "cohort_completion":
                scenarios.reset_cohort(fixtures)
            log(f"scenario {key} ({users} users)")
            figures = run_scenario(args, stack, fixtures_path, key, name, users)
            special_checks(name, fixtures, figures, args)
            results["scenarios"][key] = figures
            log(report.one_line(figures))
    finally:
        if sampler:
            sampler.stopping.set()
        stack.stop()

    results.update(
        {
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "setup_seconds": setup_seconds,
            "total_seconds": round(time.monotonic() - started, 1),
            "web_workers": args.web_workers,
            "celery_concurrency": args.celery_concurrency,
            "scale": args.scale,
            "data": report.data_sizes(),
            "memory_peak_mb": sampler.peaks if sampler else {},
            "command": " ".join(sys.argv),
        }
    )
    paths = report.write(results, args.out, update_docs=args.update_docs)
    log(f"results: {', '.join(str(path) for path in paths)}")
    print(report.markdown(results))


if __name__ == "__main__":
    main()
