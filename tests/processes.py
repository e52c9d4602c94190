"""Real processes for the certificate tests and the benchmark: a private redis-server, Celery
workers that share the test database and media folder, and a way to send tasks to that Redis.

Each process is started in a session of its own, so stopping or killing it reaches its
children too (prefork pool processes, the embedded beat of `-B`). Nothing here is a fixture:
the tests and bench/certificates.py call these and clean up in `finally` or fixture teardown.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent


def spare_port() -> int:
    """A TCP port nothing listens on right now (the kernel picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(
    condition: Callable[[], object], timeout: float, what: str, interval: float = 0.2
) -> object:
    """Poll until `condition()` is truthy and return it; fail with `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        outcome = condition()
        if outcome:
            return outcome
        if time.monotonic() > deadline:
            raise TimeoutError(f"Waited {timeout:.0f} s for {what}")
        time.sleep(interval)


def stop_process(process: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM to the process and its children (a warm shutdown for Celery), then SIGKILL."""
    if process.poll() is None:
        _signal_group(process, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=timeout)
    kill_process(process)


def kill_process(process: subprocess.Popen) -> None:
    """SIGKILL to the process and every process it started: nothing gets to clean up."""
    _signal_group(process, signal.SIGKILL)
    process.wait()


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


class RedisServer:
    """A redis-server of our own on a spare port: no persistence, so a restart loses
    every message it held, as a crashed Redis without AOF would."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = port or spare_port()
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> RedisServer:
        log = (self.folder / "redis.log").open("ab")
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.folder),
            ],
            cwd=self.folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for(self.answers, 10, f"redis-server on port {self.port}", interval=0.05)
        return self

    def answers(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(port=self.port, socket_connect_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_connect_timeout=2)

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process, timeout=10)
            self.process = None


def database_url_for_workers() -> str:
    """A DATABASE_URL for the database this process is using now (the test database while
    pytest-django runs), so a worker process reads and writes the same rows."""
    from django.db import connection

    settings = connection.settings_dict
    if settings["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings['NAME']}"
    if settings["ENGINE"] == "django.db.backends.postgresql":
        user = quote(settings.get("USER") or "", safe="")
        password = quote(settings.get("PASSWORD") or "", safe="")
        credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
        host = settings.get("HOST") or "127.0.0.1"
        port = settings.get("PORT") or 5432
        return f"postgres://{credentials}{host}:{port}/{settings['NAME']}"
    raise NotImplementedError(f"No DATABASE_URL for {settings['ENGINE']}")


def worker_command(
    *, pool: str | None = None, concurrency: int = 1, beat_schedule: Path | None = None
) -> list[str]:
    """The command line of `celery -A worker worker` as every test starts it: this Python,
    no gossip or mingle, a hostname of its own. Without `pool`, Celery's default pool; with
    `beat_schedule`, the worker also runs beat (`-B`), keeping its schedule in that file."""
    command = [sys.executable, "-m", "celery", "-A", "worker", "worker", "--loglevel=INFO"]
    if pool is not None:
        command.append(f"--pool={pool}")
    command += [
        f"--concurrency={concurrency}",
        "--without-gossip",
        "--without-mingle",
        f"--hostname=test-{uuid.uuid4().hex[:8]}@%h",
    ]
    if beat_schedule is not None:
        command += ["--beat", f"--schedule={beat_schedule}"]
    return command


def start_worker(
    env_overrides: dict[str, str],
    log_path: Path,
    *,
    pool: str = "prefork",
    concurrency: int = 1,
    beat_schedule: Path | None = None,
    settings_module: str = "training.settings.test",
) -> subprocess.Popen:
    """Start `celery -A worker worker` in a session of its own.

    `pool="solo"` runs tasks in the main process, so killing it kills the task. With
    `beat_schedule` the worker also runs beat (`-B`), keeping its schedule in that file
    rather than in the working directory.
    """
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, **env_overrides}
    log = log_path.open("ab")
    return subprocess.Popen(
        worker_command(pool=pool, concurrency=concurrency, beat_schedule=beat_schedule),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_until_ready(process: subprocess.Popen, log_path: Path, timeout: float = 60) -> None:
    """Wait for Celery's "ready." line; fail early, with the log, if the worker died."""

    def ready() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"The worker exited ({process.returncode}):\n{log_path.read_text()}")
        return " ready." in log_path.read_text(errors="replace")

    wait_for(ready, timeout, f"the worker logging to {log_path}")


@contextmanager
def publishing_to(broker_url: str, backend_url: str | None = None) -> Iterator[object]:
    """Make this thread's current Celery app (what `celery.current_app` and the domain code
    use to send tasks) one configured like the project's but talking to `broker_url`.

    The project's app reads REDIS_URL once, when settings load; a test with its own Redis
    needs the test process to publish there. The previous current app comes back after.
    """
    from celery import Celery, current_app

    previous = current_app._get_current_object()
    app = Celery("crisis_ready", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.update(broker_url=broker_url, result_backend=backend_url or broker_url)
    app.set_current()
    try:
        yield app
    finally:
        previous.set_current()
        app.close()
