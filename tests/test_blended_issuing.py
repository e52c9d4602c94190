"""A blended certificate through the same outbox and worker as every certificate: the lead
takes the last roll over HTTP, a real Celery worker on real Redis issues the PDFs, which
state the workshop; the account holder gets the email, the walk-in (no address) does not.
Two facilitators recording the completing mark at the same moment give one certificate.

The worker shares the test database, so these tests commit for real (`transaction=True`).
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.db import connection

from blended.attendance import record_mark
from blended.models import AttendanceMark, AttendanceStatus, Facilitator, Participant
from certificates.models import Certificate
from tests.blended import cohort_of, elearning_done, programme_for
from tests.factories import UserFactory
from tests.test_certificate_issuing import wait_for_certificate
from tests.test_certificate_language import pdf_text

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIX_EQUAL = (1, 1, 1, 1, 1, 1)


@pytest.fixture
def workshop(course):
    """A cohort whose programme asks only for 80% attendance; its lead, a learner and a
    walk-in, both present at the first four sessions and absent from the fifth: the sixth,
    the last, decides (the rule needs five of six)."""
    cohort = cohort_of(
        programme_for(course, min_post_test_percent=None, requires_elearning=False), SIX_EQUAL
    )
    lead = UserFactory(username="lead")
    Facilitator.objects.create(cohort=cohort, user=lead, role=Facilitator.Role.LEAD)
    learner = UserFactory(full_name="Amina Diallo")
    elearning_done(learner, course)
    amina = Participant.objects.create(cohort=cohort, user=learner, name="Amina Diallo")
    walk_in = Participant.objects.create(cohort=cohort, name="Joseph Mutombo")
    sessions = list(cohort.sessions.order_by("starts_at"))
    for participant in (amina, walk_in):
        for session in sessions[:4]:
            mark(participant, session, AttendanceStatus.PRESENT, by=lead)
        mark(participant, sessions[4], AttendanceStatus.ABSENT, by=lead)
    return lead, amina, walk_in, sessions


def mark(participant, session, status, *, by, minutes: int = 5) -> AttendanceMark:
    return record_mark(
        participant,
        session,
        status,
        by=by,
        marked_at=session.starts_at + timedelta(minutes=minutes),
        source=AttendanceMark.Source.ROLL_CALL,
    )


def test_the_last_roll_call_issues_both_certificates_through_the_worker(
    client, workshop, issuing_worker, worker_log, tmp_path
):
    lead, amina, walk_in, sessions = workshop
    assert not Certificate.objects.exists()
    client.force_login(lead)

    last = sessions[5]
    response = client.post(
        f"/workshops/sessions/{last.pk}/roll/",
        {
            f"status-{amina.pk}": "present",
            f"shown-{amina.pk}": "",
            f"status-{walk_in.pk}": "late",
            f"shown-{walk_in.pk}": "",
        },
    )
    assert response.status_code == 302

    issued = {}
    for participant in (amina, walk_in):
        pending = Certificate.objects.get(participant=participant)
        issued[participant.name] = wait_for_certificate(
            pending.pk, worker_log, status=Certificate.Status.ISSUED
        )
    statement = "Goma, June: attended 5 of 6 sessions, Goma, 1–6 June 2030"
    for name, certificate in issued.items():
        text = " ".join(
            pdf_text(default_storage.open(certificate.pdf.name).read(), tmp_path).split()
        )
        assert name in text
        assert statement in text
        verify = client.get(f"/certificates/verify/{certificate.code}/").content.decode()
        assert statement in verify

    emailed = wait_for_certificate(issued["Amina Diallo"].pk, worker_log, emailed_at__isnull=False)
    assert emailed.enrolment.user == amina.user
    walk_ins = Certificate.objects.get(pk=issued["Joseph Mutombo"].pk)
    assert walk_ins.emailed_at is None and walk_ins.enrolment is None


@pytest.mark.parametrize("attempt", range(2))
def test_two_facilitators_recording_the_completing_mark_at_once_give_one_certificate(
    workshop, attempt
):
    lead, amina, _walk_in, sessions = workshop
    co = UserFactory()
    Facilitator.objects.create(cohort=amina.cohort, user=co, role=Facilitator.Role.CO_FACILITATOR)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def take_roll(by, minutes):
        try:
            barrier.wait(timeout=10)
            mark(amina, sessions[5], AttendanceStatus.PRESENT, by=by, minutes=minutes)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take_roll, args=(by, 5)) for by in (lead, co)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert AttendanceMark.objects.filter(participant=amina, session=sessions[5]).count() == 2
    assert Certificate.objects.filter(participant=amina).count() == 1
