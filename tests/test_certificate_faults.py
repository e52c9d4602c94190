"""Certificate issuing under faults, with real processes: a worker killed mid-task, Redis down
when a course is completed or when a certificate is issued (its email message is lost),
storage that fails for a while, storage that always fails.

Each test has its own redis-server on a spare port (no persistence: stopping it loses every
message, as a crash would) and its own workers, whose default storage is
tests/fault_storage.py. That storage journals every save in a folder shared with the test,
so "issued exactly once" is checked by counting saves, not only by reading the row.

What brings a lost message back is the outbox sweep, not Redis: an unacknowledged message
(acks_late) of a killed worker stays in Redis's "unacked" set until the visibility timeout
(an hour, CELERY_BROKER_TRANSPORT_OPTIONS), and a message published while Redis is down never
exists. The pending row does, and `worker.sweep_pending_certificates`, run here by a worker
started with `-B` and CERTIFICATE_SWEEP_AFTER_SECONDS=2, CERTIFICATE_SWEEP_EVERY_SECONDS=1,
sends it again.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest

from certificates.models import Certificate
from courses.learning.enrolment import enrol
from tests.factories import UserFactory
from tests.fault_storage import read_journal
from tests.processes import (
    RedisServer,
    database_url_for_workers,
    kill_process,
    publishing_to,
    start_worker,
    stop_process,
    wait_for,
    wait_until_ready,
)
from tests.test_certificate_issuing import (
    assert_verifiable_pdf,
    certificate_of,
    complete_lessons,
    lessons_of,
    stored_pdfs,
    wait_for_certificate,
)
from worker import certificates

logger = logging.getLogger(__name__)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FAST_SWEEP = {"CERTIFICATE_SWEEP_AFTER_SECONDS": "2", "CERTIFICATE_SWEEP_EVERY_SECONDS": "1"}
# The completion request gives up on a broker that is down after about a second
# (CELERY_TASK_PUBLISH_RETRY_POLICY); this leaves room for a slow machine.
QUICK_ENOUGH_SECONDS = 5


class Stage:
    """A private Redis, a media folder and a fault-storage folder, and the workers that use
    them. Everything it starts is stopped when the test ends, whatever happened."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.media = folder / "media"
        self.faults = folder / "faults"
        for path in (self.media, self.faults):
            path.mkdir()
        self.redis = RedisServer(folder / "redis").start()
        self.workers: list[tuple[object, Path]] = []

    def start_worker(self, *, beat: bool = False, pool: str = "prefork", **env: str):
        """A worker on this stage's Redis, test database and media folder; `env` adds
        FAULT_STORAGE_* or sweep settings. Returns the process and its log file."""
        number = len(self.workers) + 1
        log = self.folder / f"worker-{number}.log"
        inherited_faults = [name for name in os.environ if name.startswith("FAULT_STORAGE_")]
        process = start_worker(
            {
                **dict.fromkeys(inherited_faults, ""),
                "REDIS_URL": self.redis.url(),
                "DATABASE_URL": database_url_for_workers(),
                "MEDIA_ROOT": str(self.media),
                "TEST_STORAGE_BACKEND": "tests.fault_storage.FaultStorage",
                "FAULT_STORAGE_STATE_DIR": str(self.faults),
                **env,
            },
            log,
            pool=pool,
            beat_schedule=self.folder / f"beat-{number}" if beat else None,
        )
        self.workers.append((process, log))
        wait_until_ready(process, log)
        return process, log

    def saves(self) -> list[str]:
        return read_journal(self.faults)

    def close(self) -> None:
        for process, _ in self.workers:
            stop_process(process)
        self.redis.stop()


@pytest.fixture
def stage(tmp_path, settings):
    stage = Stage(tmp_path)
    settings.MEDIA_ROOT = str(stage.media)
    try:
        with publishing_to(stage.redis.url()):
            yield stage
    finally:
        stage.close()


@pytest.fixture
def learner_in_course(client, course_builder):
    """A logged-in learner enrolled in a two-lesson course that awards a certificate."""
    course = course_builder(modules=1, lessons_per_module=2, awards_certificate=True)
    learner = UserFactory(full_name="Tomás Okonkwo")
    enrol(learner, course)
    client.force_login(learner)
    return learner, lessons_of(course)


def test_certificate_of_a_worker_killed_mid_task_is_issued_once_by_the_sweep(
    client, stage, learner_in_course
):
    learner, lessons = learner_in_course
    # The first worker runs tasks in its main process and stalls after writing the PDF,
    # inside the issuing transaction.
    doomed, doomed_log = stage.start_worker(pool="solo", FAULT_STORAGE_SLEEP="120")

    complete_lessons(client, lessons)
    certificate = certificate_of(learner)
    wait_for(lambda: "slept" in stage.saves(), 60, "the worker to stall in storage")
    assert stored_pdfs(stage.media) == [f"{certificate.code}.pdf"]  # written, not committed

    kill_process(doomed)

    killed = Certificate.objects.get(pk=certificate.pk)
    assert (killed.status, killed.tries) == (Certificate.Status.PENDING, 0)  # rolled back
    # acks_late: the message was not lost, but Redis hands it back only after the
    # visibility timeout (an hour), so a new worker does not see it...
    assert stage.redis.client().hlen("unacked") == 1
    assert stage.redis.client().llen("celery") == 0

    # ...and the sweep sends the task again for the pending row.
    _, log = stage.start_worker(beat=True, **FAST_SWEEP)
    issued = wait_for_certificate(certificate.pk, log, status=Certificate.Status.ISSUED)
    wait_for_certificate(certificate.pk, log, emailed_at__isnull=False)
    time.sleep(3)  # three more sweeps: nothing is pending, nothing more is issued

    assert "worker.sweep_pending_certificates" in log.read_text()
    assert stage.saves() == ["saved", "slept", "saved"]  # the killed try, then one issue
    assert stored_pdfs(stage.media) == [f"{certificate.code}.pdf"]
    final = Certificate.objects.get(pk=certificate.pk)
    assert (final.status, final.code, final.issued_at) == (
        Certificate.Status.ISSUED,
        certificate.code,
        issued.issued_at,
    )
    assert Certificate.objects.filter(enrolment__user=learner).count() == 1
    assert_verifiable_pdf((stage.media / final.pdf.name).read_bytes(), final)
    assert "Traceback" not in doomed_log.read_text()


def test_course_completed_while_redis_is_down_answers_at_once_and_is_issued_after(
    client, stage, learner_in_course
):
    learner, lessons = learner_in_course
    _, log = stage.start_worker(beat=True, **FAST_SWEEP)
    complete_lessons(client, lessons[:-1])

    stage.redis.stop()
    started = time.monotonic()
    response = client.post(f"/learn/lessons/{lessons[-1].pk}/complete/")
    took = time.monotonic() - started
    logger.info("Completing the course took %.2f s while Redis was down", took)

    assert response.status_code == 302  # the learner sees their progress, not an error
    certificate = certificate_of(learner)
    assert certificate.status == Certificate.Status.PENDING  # the outbox row is there

    stage.redis.start()  # same port, empty: the message was never published
    wait_for_certificate(certificate.pk, log, status=Certificate.Status.ISSUED)
    issued = wait_for_certificate(certificate.pk, log, emailed_at__isnull=False)

    assert stage.saves() == ["saved"]
    assert stored_pdfs(stage.media) == [f"{certificate.code}.pdf"]
    assert issued.code == certificate.code
    assert took < QUICK_ENOUGH_SECONDS, (
        f"completing the course took {took:.1f} s while Redis was down"
    )


def test_transient_storage_errors_are_retried_until_the_certificate_is_issued(
    client, stage, learner_in_course
):
    learner, lessons = learner_in_course
    _, log = stage.start_worker(FAULT_STORAGE_FAIL_TIMES="2")

    complete_lessons(client, lessons)
    certificate = certificate_of(learner)
    issued = wait_for_certificate(certificate.pk, log, status=Certificate.Status.ISSUED)

    assert stage.saves() == ["failed", "failed", "saved"]
    assert "Retry in 5s" in log.read_text()
    assert "Retry in 10s" in log.read_text()
    assert stored_pdfs(stage.media) == [f"{certificate.code}.pdf"]
    assert issued.failure_reason == ""
    assert issued.tries == 3, "tries should count the two failed attempts and the good one"


def test_permanent_error_marks_the_certificate_failed_without_retrying(
    client, stage, learner_in_course
):
    learner, lessons = learner_in_course
    _, log = stage.start_worker(FAULT_STORAGE_PERMANENT="1")

    complete_lessons(client, lessons)
    certificate = certificate_of(learner)
    failed = wait_for_certificate(certificate.pk, log, status=Certificate.Status.FAILED)
    wait_for(lambda: "succeeded in" in log.read_text(), 30, "the task to finish", interval=0.1)

    assert failed.failure_reason.startswith("ValueError: FaultStorage refuses certificates/")
    assert failed.issued_at is None and not failed.pdf
    assert stage.saves() == ["permanent"]
    worker_log = log.read_text()
    assert worker_log.count("Task worker.issue_certificate[") == 2  # received, succeeded
    assert "Retry in" not in worker_log
    assert stored_pdfs(stage.media) == []


def test_email_of_a_certificate_issued_while_redis_is_down_is_still_sent(
    client, stage, learner_in_course
):
    learner, lessons = learner_in_course
    complete_lessons(client, lessons)
    certificate = certificate_of(learner)

    # What a worker does, at a moment Redis is away: the certificate is issued and committed,
    # and the message asking for its email is never published.
    stage.redis.stop()
    assert certificates.issue(certificate.pk) == "issued"
    stage.redis.start()

    _, log = stage.start_worker(beat=True, **FAST_SWEEP)
    # Ten sweeps' worth of time: a lost email would be sent again by now if anything did it.
    emailed = wait_for_certificate(certificate.pk, log, timeout=10, emailed_at__isnull=False)
    assert emailed.status == Certificate.Status.ISSUED
