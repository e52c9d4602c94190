"""Certificate issuing end to end: a learner completes a course through HTTP, a real Celery
worker on real Redis issues the PDF, and the PDF says what it should (name, code, a QR code
that opens the verification page). Issuing twice, or from two threads at once, has one effect.

The worker process shares the test database (a file for SQLite, `test_…` for PostgreSQL) and
the media folder, so these tests commit for real (`transaction=True`).
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.conf import settings
from django.core import mail
from django.core.files.storage import default_storage
from django.db import connection
from pypdf import PdfReader

from certificates.models import Certificate
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import CoursePage, LessonPage
from tests.factories import UserFactory
from tests.processes import (
    publishing_to,
    wait_for,
)
from worker import certificates

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ISSUE_TIMEOUT = 60


# Helpers shared with test_certificate_faults.py.


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def complete_lessons(client, lessons: list[LessonPage]) -> None:
    """Mark lessons complete the way a learner does: a POST per lesson."""
    for lesson in lessons:
        response = client.post(f"/learn/lessons/{lesson.pk}/complete/")
        assert response.status_code == 302, response.content[:500]


def certificate_of(learner) -> Certificate:
    return Certificate.objects.get(enrolment__user=learner)


def wait_for_certificate(
    pk: int, log: Path | None = None, timeout: float = ISSUE_TIMEOUT, **state
) -> Certificate:
    """Poll the database until certificate `pk` matches `state` (e.g. status="issued")."""

    def reached() -> Certificate | None:
        certificate = Certificate.objects.get(pk=pk)
        return certificate if all(matches(certificate, k, v) for k, v in state.items()) else None

    try:
        return wait_for(reached, timeout, f"certificate {pk} to have {state}")
    except TimeoutError as error:
        found = Certificate.objects.get(pk=pk)
        worker_log = log.read_text(errors="replace")[-6000:] if log and log.exists() else ""
        raise AssertionError(
            f"{error}; it has status={found.status!r} tries={found.tries} "
            f"reason={found.failure_reason!r}\n--- worker log ---\n{worker_log}"
        ) from error


def matches(certificate: Certificate, field: str, expected) -> bool:
    if field.endswith("__isnull"):
        return (getattr(certificate, field.removesuffix("__isnull")) is None) == expected
    return getattr(certificate, field) == expected


def stored_pdfs(media_root: Path) -> list[str]:
    folder = Path(media_root) / "certificates"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def assert_verifiable_pdf(content: bytes, certificate: Certificate) -> None:
    """The PDF names the learner, shows the grouped code, and its QR code opens the
    verification page for that code."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert certificate.learner_name in text
    # The box under the QR code is narrower than the code, so it wraps after a dash.
    assert certificate.display_code in text.replace("-\n", "-")
    image = pdfium.PdfDocument(content)[0].render(scale=3).to_pil()
    decoded = [barcode.text for barcode in zxingcpp.read_barcodes(image)]
    assert decoded == [f"{settings.SITE_URL}/certificates/verify/{certificate.code}/"]


# Fixtures.


@pytest.fixture
def no_broker():
    """Tasks sent by the code under test go to an in-memory queue nobody reads, so a test
    that calls the issuing functions itself is alone with them."""
    with publishing_to("memory://", "cache+memory://"):
        yield


@pytest.fixture
def renders(monkeypatch) -> list[int]:
    """Counts PDF renderings (the expensive part of issuing), from any thread."""
    from worker import pdf

    calls: list[int] = []
    original = pdf.render_certificate_pdf

    def counting(certificate, verify_url):
        calls.append(certificate.pk)
        return original(certificate, verify_url)

    monkeypatch.setattr(pdf, "render_certificate_pdf", counting)
    return calls


@pytest.fixture
def completed_certificate(course_builder, no_broker) -> Certificate:
    """A pending certificate, made as in real life: by completing the course."""
    course = course_builder(modules=1, lessons_per_module=1, awards_certificate=True)
    learner = UserFactory(full_name="Amina Yusuf")
    enrol(learner, course)
    complete_lesson(learner, lessons_of(course)[0])
    certificate = certificate_of(learner)
    assert certificate.status == Certificate.Status.PENDING
    return certificate


def run_at_once(function, argument, times: int = 2) -> list[str]:
    """Call `function(argument)` from `times` threads released together, each with its own
    database connection."""
    barrier = threading.Barrier(times)
    outcomes: list[str] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            outcomes.append(function(argument))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


# Tests.


def test_completing_a_course_issues_a_verifiable_pdf_through_the_worker_and_emails_it(
    client, course_builder, issuing_worker, media_root, worker_log
):
    course = course_builder(modules=2, lessons_per_module=2, awards_certificate=True)
    learner = UserFactory(full_name="Aïcha Ndiaye-Okafor")
    enrol(learner, course)
    client.force_login(learner)

    complete_lessons(client, lessons_of(course))

    pending = certificate_of(learner)
    certificate = wait_for_certificate(pending.pk, worker_log, status=Certificate.Status.ISSUED)
    assert certificate.code == pending.code
    assert certificate.learner_name == "Aïcha Ndiaye-Okafor"
    assert certificate.pdf.name == f"certificates/{certificate.code}.pdf"
    assert default_storage.exists(certificate.pdf.name)
    assert stored_pdfs(media_root) == [f"{certificate.code}.pdf"]
    assert certificate.issued_at >= certificate.enrolment.completed_at
    assert certificate.tries == 1

    download = client.get(f"/certificates/{certificate.code}/download/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    content = b"".join(download.streaming_content)
    assert content == default_storage.open(certificate.pdf.name).read()
    assert_verifiable_pdf(content, certificate)

    # The email task runs in the worker, whose locmem outbox we cannot see: the row says it.
    emailed = wait_for_certificate(certificate.pk, worker_log, emailed_at__isnull=False)
    assert emailed.emailed_at >= certificate.issued_at


def test_issuing_a_certificate_twice_renders_it_once(completed_certificate, media_root, renders):
    assert certificates.issue(completed_certificate.pk) == "issued"
    first = Certificate.objects.get(pk=completed_certificate.pk)

    assert certificates.issue(completed_certificate.pk) == Certificate.Status.ISSUED
    second = Certificate.objects.get(pk=completed_certificate.pk)

    assert renders == [completed_certificate.pk]
    assert stored_pdfs(media_root) == [f"{completed_certificate.code}.pdf"]
    assert (second.code, second.pdf.name, second.issued_at, second.tries) == (
        first.code,
        first.pdf.name,
        first.issued_at,
        1,
    )


def test_issuing_a_certificate_from_two_threads_at_once_issues_it_once(
    completed_certificate, media_root, renders
):
    outcomes = run_at_once(certificates.issue, completed_certificate.pk)

    assert outcomes == ["issued", "issued"]  # the second finds it issued: success, no change
    # Rendering happens before the row lock (so learners' writes are not held up by it): both
    # threads may render, but only one stores a file and marks the certificate issued.
    assert set(renders) == {completed_certificate.pk}
    certificate = Certificate.objects.get(pk=completed_certificate.pk)
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.tries == 1
    assert stored_pdfs(media_root) == [f"{certificate.code}.pdf"]
    assert_verifiable_pdf(default_storage.open(certificate.pdf.name).read(), certificate)


def test_emailing_a_certificate_twice_or_from_two_threads_sends_one_email(
    completed_certificate, media_root
):
    certificates.issue(completed_certificate.pk)
    mail.outbox.clear()

    outcomes = run_at_once(certificates.send_certificate_email, completed_certificate.pk)
    outcomes.append(certificates.send_certificate_email(completed_certificate.pk))

    assert sorted(outcomes) == ["already sent", "already sent", "sent"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [completed_certificate.enrolment.user.email]
    assert f"/certificates/verify/{completed_certificate.code}/" in message.body
    assert Certificate.objects.get(pk=completed_certificate.pk).emailed_at is not None
