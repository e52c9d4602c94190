"""The Celery app is wired in: a real worker process runs tasks from real Redis, and from the
embedded filesystem broker that `make run` uses when there is no Redis."""

import uuid

from celery import Celery

from tests.conftest import start_worker, stop_worker
from worker.tasks import ping_worker


def test_worker_process_runs_a_task_from_redis(redis_worker):
    token = uuid.uuid4().hex
    result = ping_worker.delay(token)
    assert result.get(timeout=60) == f"pong:{token}"
    assert redis_worker.poll() is None, "the worker process should still be running"


def test_worker_process_runs_a_task_from_the_embedded_filesystem_broker(tmp_path):
    data_dir = tmp_path / "celery"
    for folder in ("queue", "control", "results"):
        (data_dir / folder).mkdir(parents=True)
    process = start_worker(
        {"REDIS_URL": "", "CELERY_DATA_DIR": str(data_dir)}, tmp_path / "worker.log"
    )
    producer = Celery(
        set_as_current=False,  # the project's app stays the current one for later tests
        broker="filesystem://",
        backend=f"file://{data_dir / 'results'}",
        broker_transport_options={
            "data_folder_in": str(data_dir / "queue"),
            "data_folder_out": str(data_dir / "queue"),
            "control_folder": str(data_dir / "control"),
        },
    )
    try:
        token = uuid.uuid4().hex
        result = producer.send_task("worker.ping_worker", args=[token])
        assert result.get(timeout=60) == f"pong:{token}"
    finally:
        stop_worker(process)
