"""Shared fixtures: the migrated page tree, course builders, real Redis and real workers."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from certificates.openbadges.keys import generate_key_file, load_keys
from courses.models import CourseIndexPage, CoursePage, ModulePage
from home.models import HomePage
from tests.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory, UserFactory
from tests.processes import (
    database_url_for_workers,
    publishing_to,
    stop_process,
    worker_command,
)
from tests.processes import (
    start_worker as start_isolated_worker,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Make the migrated baseline (home page, catalogue, groups) restorable from any context.

    Django keeps the serialized baseline on the connection object, and connections are
    context-local. Playwright's sync API switches greenlets, so a browser test can see a
    fresh connection object without it and would skip the restore after a flush. Keeping
    the baseline on the wrapper class makes serialized rollback work in every context.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents is not None:
                type(connection)._test_serialized_contents = contents


@pytest.fixture(scope="session", autouse=True)
def open_badges_key() -> Path:
    """The suite signs with a key of its own, made once in the test key folder (workers
    started by tests read the same folder)."""
    folder = Path(settings.OPEN_BADGES_KEY_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    if not any(key.can_sign for key in load_keys(folder)):
        generate_key_file(folder)
    return folder


@pytest.fixture
def own_cache(settings):
    """A cache of this process only, empty at the start and the end of the test: rate limits
    and cached pages or status lists of one test never reach another, nor a test run sharing
    the Redis server. (Travelling in time also makes cached content versions expire and
    start again, so an outline cached by an earlier test could be read as current.)"""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def no_language_left_active():
    """A request to /fr/ or /ar/ leaves its language active in the thread (the test client
    does not reset it): every test starts and ends in the default language."""
    yield
    translation.deactivate()


@pytest.fixture
def home(db) -> HomePage:
    """The home page the migrations create."""
    return HomePage.objects.get(locale=Locale.get_default())


@pytest.fixture
def catalogue(db) -> CourseIndexPage:
    """The catalogue page the migrations create under the home page."""
    return CourseIndexPage.objects.get(locale=Locale.get_default())


def build_course(
    catalogue: CourseIndexPage, modules: int = 2, lessons_per_module: int = 3, **fields
) -> CoursePage:
    course = CoursePageFactory(parent=catalogue, **fields)
    for _ in range(modules):
        module = ModulePageFactory(parent=course)
        for _ in range(lessons_per_module):
            LessonPageFactory(parent=module)
    return course


@pytest.fixture
def course_builder(catalogue):
    """Call it to add a published course with modules and lessons to the catalogue."""

    def build(**kwargs) -> CoursePage:
        return build_course(catalogue, **kwargs)

    return build


@pytest.fixture
def course(course_builder) -> CoursePage:
    """A published course of two modules of two lessons. A test file that needs another
    course defines its own `course`."""
    return course_builder(modules=2, lessons_per_module=2)


@pytest.fixture
def module(course) -> ModulePage:
    """The first module of `course` (a test file's own `course` if it defines one)."""
    return ModulePage.objects.child_of(course).order_by("path").first()


@pytest.fixture
def learner(db):
    """A learner's account, enrolled in nothing."""
    return UserFactory()


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The Redis server the suite runs against. Its absence fails the test, loudly."""
    import redis

    url = os.environ.get("REDIS_URL", "")
    if not url.startswith("redis://"):
        pytest.fail(
            "REDIS_URL is not set to a redis:// URL. The worker tests need a real Redis server: "
            "run `make test` (it starts one) or set REDIS_URL=redis://127.0.0.1:6379/15."
        )
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis is not answering at {url} ({error}). Start redis-server first.")
    return url


def start_worker(env_overrides: dict[str, str], log_path: Path) -> subprocess.Popen:
    """Start `celery -A worker worker` as a separate process, as production does."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "training.settings.test", **env_overrides}
    log = log_path.open("wb")
    return subprocess.Popen(
        worker_command(),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop_worker(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def redis_worker(redis_url, tmp_path) -> Iterator[subprocess.Popen]:
    """A real Celery worker process consuming from the real Redis server."""
    process = start_worker({"REDIS_URL": redis_url}, tmp_path / "worker.log")
    yield process
    stop_worker(process)


# Browser tests: Playwright drives Debian's Chromium (Playwright cannot download its own here).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Without this Chromium looks up Google's hosts by itself on a closed network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
SCREENSHOTS = ROOT / "test-results" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    import shutil

    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail("Chromium is not installed: run `make test-prerequisites` (apt: chromium).")
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected by script, which our strict Content-Security-Policy would block.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture(scope="session")
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop; Django refuses ORM calls beside one unless told.

    Session-wide, because the database is flushed after the browser test's own fixtures end.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def demo_site(allow_orm_beside_playwright):
    """The demo courses and accounts of `make seed`, for the browser journeys."""
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# A worker that issues certificates: the suite's Redis, the test database, a shared media folder.


@pytest.fixture
def media_root(settings, tmp_path) -> Path:
    """One media folder for this process and the worker, so both see the stored PDF."""
    folder = tmp_path / "media"
    folder.mkdir()
    settings.MEDIA_ROOT = str(folder)
    return folder


@pytest.fixture
def worker_log(tmp_path) -> Path:
    return tmp_path / "worker.log"


@pytest.fixture
def issuing_worker(redis_url, media_root, worker_log):
    """A real worker on the suite's Redis, using the test database and our media folder."""
    process = start_isolated_worker(
        {
            "REDIS_URL": redis_url,
            "DATABASE_URL": database_url_for_workers(),
            "MEDIA_ROOT": str(media_root),
        },
        worker_log,
    )
    try:
        # The project's app already sends to REDIS_URL; making it current again guards
        # against a test earlier in the session having made another Celery app current.
        with publishing_to(redis_url):
            yield process
    finally:
        stop_process(process)
