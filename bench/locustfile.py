"""Locust users for the load-test suite, one class per scenario.

`bench/run.py` runs them through `bench/loadgen.py`; they also work with the Locust command
line, given the fixtures file the runner writes (sessions and URLs of bench learners):

    BENCH_FIXTURES=var/bench/fixtures.json .venv/bin/locust -f bench/locustfile.py \\
        --headless -u 16 -t 30s --host http://127.0.0.1:8400 LearnerLessonUser

Learners are logged in by session cookies the runner created, so password hashing (which is
deliberately slow) is not what the figures measure. Every response is checked: a wrong status
or a page without what that learner should see counts as an error.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
import uuid
from collections import defaultdict
from pathlib import Path

import gevent
from gevent.event import Event
from locust import FastHttpUser, between, constant, events, task
from locust.exception import StopUser

FIXTURES: dict = {}
if os.environ.get("BENCH_FIXTURES"):
    FIXTURES = json.loads(Path(os.environ["BENCH_FIXTURES"]).read_text())

ANSWER_FIELD = re.compile(r'name="(q-[^"]+)" value="([^"]*)"')
ATTEMPT_URL = re.compile(r"/learn/attempts/(\d+)/$")

# Per request name: database queries reported by the server, and page-cache hits.
QUERIES: dict[str, list[int]] = defaultdict(list)
CACHE_HITS: dict[str, int] = defaultdict(int)
BYTES: dict[str, list[int]] = defaultdict(list)
# Set when every user of a synchronised scenario is ready: they then act at once.
START = Event()
STARTED_AT: list[float] = []


@events.request.add_listener
def record_server_figures(name, response, exception, response_length, **_kwargs) -> None:
    if response is None:
        return
    headers = {key.lower(): value for key, value in (response.headers or {}).items()}
    queries = headers.get("x-db-queries")
    if queries is not None:
        QUERIES[name].append(int(queries))
    if (headers.get("x-cache") or "").lower() == "hit":
        CACHE_HITS[name] += 1
    BYTES[name].append(response_length or 0)


class Learners:
    """Hands each simulated user its own bench learner from a fixtures pool."""

    counters: dict[str, itertools.count] = {}

    @classmethod
    def take(cls, pool: str) -> dict:
        learners = FIXTURES["learners"][pool]
        position = next(cls.counters.setdefault(pool, itertools.count()))
        return learners[position % len(learners)]


class BenchUser(FastHttpUser):
    abstract = True
    pool = ""
    # Closed loop: each user sends its next request as soon as the last one is answered.
    wait_time = constant(0)
    # gzip, as every browser asks for it; the page weight is what crosses the network.
    default_headers = {"Accept-Encoding": "gzip, deflate", "User-Agent": "crisis-ready-bench"}

    def on_start(self) -> None:
        self.learner = Learners.take(self.pool) if self.pool else {}
        # Never follow redirects: each response is checked as it is. (Locust's per-request
        # switch changes a setting shared by the user's concurrent requests.)
        self.client.client.redirect_response_codes = frozenset()

    def headers(self) -> dict[str, str]:
        if not self.learner:
            return {}
        cookie = f"sessionid={self.learner['session']}; csrftoken={self.learner['csrf']}"
        return {"Cookie": cookie, "X-CSRFToken": self.learner["csrf"]}

    def get_page(self, url: str, name: str, must_contain: str = "") -> str:
        with self.client.get(
            url, name=name, headers=self.headers(), catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif must_contain and must_contain not in (response.text or ""):
                response.failure(f"page lacks {must_contain!r}")
            return response.text or ""

    def post(self, url: str, name: str, data: dict | None = None, expect: str = "") -> str:
        """POST with the CSRF token; a success is a redirect (to `expect`, if given)."""
        form = {"csrfmiddlewaretoken": self.learner["csrf"], **(data or {})}
        with self.client.post(
            url,
            name=name,
            data=form,
            headers=self.headers(),
            catch_response=True,
            allow_redirects=False,
        ) as response:
            location = response.headers.get("Location", "") if response.headers else ""
            if response.status_code not in (302, 303):
                response.failure(f"status {response.status_code}")
            elif expect and not re.search(expect, location):
                response.failure(f"redirected to {location!r}")
            return location


class MinimalViewUser(BenchUser):
    """The ceiling: a bare Django view through the same gunicorn and middleware."""

    @task
    def minimal(self) -> None:
        self.get_page("/bench/minimal/", "minimal view")


class AnonymousCatalogueUser(BenchUser):
    @task
    def catalogue(self) -> None:
        self.get_page(FIXTURES["anonymous"]["catalogue"], "anonymous catalogue", "</main>")


class AnonymousCourseUser(BenchUser):
    @task
    def course(self) -> None:
        url = random.choice(FIXTURES["anonymous"]["courses"])
        self.get_page(url, "anonymous course page", "</main>")


class AnonymousLessonUser(BenchUser):
    @task
    def lesson(self) -> None:
        url = random.choice(FIXTURES["anonymous"]["lessons"])
        self.get_page(url, "anonymous lesson page", "</main>")


class LearnerLessonUser(BenchUser):
    """An enrolled learner reading lessons of their course (the lesson body, not a teaser)."""

    pool = "lesson"

    @task
    def lesson(self) -> None:
        lesson = random.choice(self.learner["lessons"])
        self.get_page(lesson["url"], "learner lesson page", FIXTURES["markers"]["lesson_body"])


class LearnerDashboardUser(BenchUser):
    """A learner with 20 enrolments opening My learning."""

    pool = "dashboard"

    @task
    def dashboard(self) -> None:
        self.get_page("/learn/", "learner dashboard", FIXTURES["markers"]["dashboard"])


class LearnerCompleteUser(BenchUser):
    """Mark-complete POSTs on lessons of the learner's course (again and again: idempotent)."""

    pool = "lesson"

    @task
    def complete(self) -> None:
        lesson = random.choice(self.learner["lessons"])
        self.post(f"/learn/lessons/{lesson['id']}/complete/", "mark lesson complete")


#: Items in one offline-sync request: a learner back online after a day of reading.
SYNC_BATCH = 20


class LearnerSyncUser(BenchUser):
    """Outboxes sent back online: batches of "mark complete" items, each with a new client
    id (so every item is recorded once), on lessons of the learner's course."""

    pool = "lesson"

    @task
    def sync(self) -> None:
        items = [
            {
                "id": str(uuid.uuid4()),
                "type": "lesson_complete",
                "lesson": random.choice(self.learner["lessons"])["id"],
            }
            for _ in range(SYNC_BATCH)
        ]
        with self.client.post(
            "/learn/sync/",
            name="offline sync",
            json={"items": items},
            headers=self.headers(),
            catch_response=True,
            allow_redirects=False,
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif len(json.loads(response.text or "{}").get("results", [])) != SYNC_BATCH:
                response.failure("not every item has a result")


class QuizUser(BenchUser):
    """Start an attempt, open its questions, answer them all and submit."""

    pool = "quiz"

    @task
    def take_quiz(self) -> None:
        take_quiz(self, self.learner["quiz_id"])


def take_quiz(user: BenchUser, quiz_id: int) -> None:
    location = user.post(
        f"/learn/quizzes/{quiz_id}/start/", "quiz start", expect=r"/attempts/\d+/$"
    )
    match = ATTEMPT_URL.search(location)
    if not match:
        return
    attempt_url = f"/learn/attempts/{match.group(1)}/"
    page = user.get_page(attempt_url, "quiz questions page", "q-")
    answers: dict[str, str] = {}
    for field, value in ANSWER_FIELD.findall(page):
        answers.setdefault(field, value)  # the first choice of each question
    user.post(f"{attempt_url}submit/", "quiz submit", answers, expect=r"/review/$")


class TogetherUser(BenchUser):
    """Users that act once, all at the same moment: each waits until the last has arrived."""

    abstract = True
    expected_users = 1

    def on_start(self) -> None:
        super().on_start()
        self.__class__.ready = getattr(self.__class__, "ready", itertools.count(1))

    def wait_for_everyone(self) -> None:
        if next(self.ready) >= self.expected_users:
            STARTED_AT.append(time.time())
            START.set()
        START.wait(timeout=120)


class SynchronisedQuizStartUser(TogetherUser):
    """100 learners press "Start" on one quiz at the same moment, each twice (a double tap)."""

    pool = "sync"
    expected_users = 100

    @task
    def start_together(self) -> None:
        self.wait_for_everyone()
        url = f"/learn/quizzes/{self.learner['quiz_id']}/start/"
        taps = [
            gevent.spawn(self.post, url, "synchronised quiz start", None, r"/attempts/\d+/$")
            for _ in range(2)
        ]
        gevent.joinall(taps)
        raise StopUser()


class CohortCompletionUser(TogetherUser):
    """500 learners complete the last lesson of a course at the same moment."""

    pool = "cohort"
    expected_users = 500

    @task
    def complete_together(self) -> None:
        self.wait_for_everyone()
        self.post(f"/learn/lessons/{self.learner['lesson_id']}/complete/", "cohort completion")
        raise StopUser()


class LearnerJourneyUser(BenchUser):
    """A learner's session with reading time: dashboard, course, lessons, mark complete, quiz."""

    pool = "journey"
    wait_time = between(2, 8)

    def on_start(self) -> None:
        super().on_start()
        self.position = random.randrange(len(self.learner["lessons"]))
        self.get_page("/learn/", "journey: dashboard", FIXTURES["markers"]["dashboard"])
        self.get_page(self.learner["course_url"], "journey: course page", "</main>")

    @task(8)
    def read_next_lesson(self) -> None:
        lesson = self.learner["lessons"][self.position % len(self.learner["lessons"])]
        self.position += 1
        self.get_page(lesson["url"], "journey: lesson page", FIXTURES["markers"]["lesson_body"])
        self.post(f"/learn/lessons/{lesson['id']}/complete/", "journey: mark complete")

    @task(1)
    def quiz(self) -> None:
        take_quiz(self, self.learner["quiz_id"])

    @task(1)
    def dashboard(self) -> None:
        self.get_page("/learn/", "journey: dashboard", FIXTURES["markers"]["dashboard"])
