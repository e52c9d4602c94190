"""The daily recertification task through a real Celery worker on real Redis: the beat entry
exists, a worker runs the task, opens the recertification and sends the due reminder, and
sending the task again (as a retry or a second beat would) adds nothing.

The worker shares the test database (a file for SQLite, `test_…` for PostgreSQL), so this
test commits for real (`transaction=True`).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from celery import current_app
from django.conf import settings
from django.utils import timezone

from certificates.models import Certificate, CertificateReminder, Recertification
from tests.factories import UserFactory
from tests.learning import certified
from tests.processes import wait_for

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.redis]


def test_the_renewal_task_runs_daily_in_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["renew-certificates"]
    assert entry["task"] == "worker.renew_certificates"
    assert entry["schedule"].hour == {2} and entry["schedule"].minute == {30}


def test_a_worker_opens_the_recertification_and_sends_the_reminder_once(
    course_builder, issuing_worker, media_root, worker_log
):
    course = course_builder(modules=1, lessons_per_module=1, validity_months=12)
    certificate = certified(UserFactory(), course)
    # Expiring in 20 days: the window (90 days) is open and the 30-day reminder is due.
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=timezone.localdate() + timedelta(days=20)
    )
    current_app.send_task("worker.renew_certificates")
    reminder = wait_for(
        lambda: CertificateReminder.objects.filter(outcome="sent").first(),
        timeout=60,
        what="the worker to send the reminder",
    )
    assert reminder.offset_days == -30
    assert Recertification.objects.filter(certificate=certificate).count() == 1
    current_app.send_task("worker.renew_certificates")
    current_app.send_task("worker.renew_certificates")
    wait_for(
        lambda: _runs_finished(worker_log) >= 3,
        timeout=60,
        what="the worker to run the task three times",
    )
    # The 90-day reminder fell due before the certificate was issued: recorded, not sent.
    outcomes = dict(CertificateReminder.objects.values_list("offset_days", "outcome"))
    assert outcomes == {-90: "skipped", -30: "sent"}
    assert Recertification.objects.count() == 1


def _runs_finished(log) -> int:
    """How many runs of the renewal task the worker's log shows as finished."""
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    return sum("worker.renew_certificates[" in line and "succeeded" in line for line in lines)
