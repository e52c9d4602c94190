"""Expiry and recertification with a frozen clock: the daily job run day after day for more
than two years, reminders sent once on the right dates, renewal dates counted both ways, the
group extension, and the status people read.

The daily task runs in this process with Celery's eager mode (`eager_tasks`), so its reminder
tasks run inline too and their emails land in Django's test outbox; the clock is moved with
time-machine. Everything else is the real code on the real database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from certificates.lifecycle import reissue_certificate
from certificates.models import Certificate, CertificateReminder, Recertification
from certificates.validity import State, add_months, current_expiry, extend_validity, validity
from courses.learning.completion import complete_lesson, completion_status
from courses.learning.models import Enrolment, LessonCompletion
from courses.models import CoursePage, LessonPage
from tests.factories import UserFactory
from tests.learning import complete_course
from worker import certificates as issuing_worker
from worker.celery import app
from worker.tasks import renew_certificates

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_cache")]

START = date(2027, 1, 11)


NIGHT = time(2, 30)


@contextmanager
def eager_tasks() -> Iterator[None]:
    """Tasks sent with .delay() run at once in this process, as a worker would run them."""
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield
    finally:
        app.conf.task_always_eager = previous


def at(day: date, hour: time = NIGHT) -> datetime:
    return timezone.make_aware(datetime.combine(day, hour))


@pytest.fixture
def expiring_course(course_builder) -> CoursePage:
    return course_builder(
        modules=1,
        lessons_per_module=2,
        validity_months=24,
        recertification_window_days=90,
        reminder_days_before="90, 30, 7",
        reminder_days_after="",
    )


def issued_certificate(user, course: CoursePage, on: date, settings) -> Certificate:
    """Complete the course on `on` and issue its certificate as the worker does."""
    with time_machine.travel(at(on, time(10)), tick=False):
        complete_course(user, course)
        certificate = Certificate.objects.get(enrolment__user=user, cycle=1)
        assert issuing_worker.issue(certificate.pk) == "issued"
    return Certificate.objects.get(pk=certificate.pk)


def run_days(first: date, days: int, runs_per_day: tuple[time, ...] = (NIGHT,)) -> dict:
    """Run the daily task on every day from `first`, at each time of `runs_per_day`;
    returns the day each reminder email was sent, by subject."""
    sent: dict[str, list[date]] = {}
    with eager_tasks(), time_machine.travel(at(first), tick=False) as clock:
        for offset in range(days):
            day = first + timedelta(offset)
            for moment in runs_per_day:
                clock.move_to(at(day, moment))
                before = len(mail.outbox)
                renew_certificates.delay()
                for message in mail.outbox[before:]:
                    sent.setdefault(message.subject, []).append(day)
    return sent


def sent_days(sent: dict) -> list[date]:
    return sorted(day for days in sent.values() for day in days)


@pytest.fixture
def certified(expiring_course, settings, media_root):
    learner = UserFactory(full_name="Amina Yusuf")
    certificate = issued_certificate(learner, expiring_course, START, settings)
    return learner, certificate


def test_a_certificate_valid_24_months_expires_two_years_after_completion(certified):
    _, certificate = certified
    assert certificate.expires_on == date(2029, 1, 11)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)


def test_eight_hundred_days_of_the_daily_task_send_three_reminders_on_their_days(certified):
    _, certificate = certified
    mail.outbox.clear()
    sent = run_days(START, 800)
    expiry = date(2029, 1, 11)
    assert sent_days(sent) == [
        expiry - timedelta(90),
        expiry - timedelta(30),
        expiry - timedelta(7),
    ]
    assert CertificateReminder.objects.filter(outcome="sent").count() == 3
    assert all("expires on 11 January 2029" in subject for subject in sent)


def test_running_twice_a_day_and_retrying_sends_nothing_more(certified):
    _, certificate = certified
    mail.outbox.clear()
    sent = run_days(START, 800, runs_per_day=(NIGHT, time(14, 30), time(14, 30)))
    assert len(sent_days(sent)) == 3


def test_a_task_that_did_not_run_for_weeks_sends_only_the_latest_reminder(certified):
    _, certificate = certified
    mail.outbox.clear()
    expiry = date(2029, 1, 11)
    # No run from 100 days before expiry until 10 days before: the 90- and 30-day reminders
    # fell due unseen. The next run sends the 30-day one only and records the other.
    sent = run_days(expiry - timedelta(10), 1)
    assert sent_days(sent) == [expiry - timedelta(10)]
    outcomes = dict(CertificateReminder.objects.values_list("offset_days", "outcome"))
    assert outcomes == {-90: "skipped", -30: "sent"}


def test_the_window_opens_a_new_cycle_and_keeps_earlier_progress(certified, expiring_course):
    learner, certificate = certified
    expiry = date(2029, 1, 11)
    run_days(expiry - timedelta(91), 1)
    assert not Recertification.objects.exists()
    run_days(expiry - timedelta(90), 2)
    recertification = Recertification.objects.get()
    enrolment = Enrolment.objects.get(user=learner)
    assert (recertification.certificate, recertification.enrolment) == (certificate, enrolment)
    assert enrolment.cycle == 2 and enrolment.completed_at is None
    assert LessonCompletion.objects.filter(user=learner, cycle=1).count() == 2
    assert completion_status(learner, expiring_course).progress.done == 0


def renew_on(learner, course: CoursePage, day: date) -> Certificate:
    with time_machine.travel(at(day, time(11)), tick=False):
        for lesson in LessonPage.objects.live().descendant_of(course).order_by("path"):
            complete_lesson(learner, lesson, course)
    return Certificate.objects.get(enrolment__user=learner, cycle=2)


@pytest.mark.parametrize(
    ("basis", "expected"),
    [("previous_expiry", date(2031, 1, 11)), ("completion", date(2030, 11, 12))],
)
def test_renewal_counts_from_the_previous_expiry_or_from_completion(
    certified, expiring_course, basis, expected
):
    learner, certificate = certified
    expiring_course.renewal_basis = basis
    expiring_course.save_revision().publish()
    run_days(date(2028, 11, 1), 1)  # the window opened on 13 October 2028
    renewal = renew_on(learner, expiring_course, date(2028, 11, 12))
    assert renewal.renews == certificate
    assert renewal.expires_on == expected
    assert Recertification.objects.get().renewal == renewal


def test_renewing_after_expiry_and_grace_counts_from_completion(certified, expiring_course):
    learner, _ = certified
    run_days(date(2028, 11, 1), 1)
    renewal = renew_on(learner, expiring_course, date(2029, 3, 1))
    assert renewal.expires_on == date(2031, 3, 1)


def test_after_expiry_and_grace_the_status_is_expired(certified, client):
    _, certificate = certified
    Certificate.objects.filter(pk=certificate.pk).update(grace_days=14)
    certificate.refresh_from_db()
    assert validity(certificate, date(2029, 1, 11)).state is State.EXPIRING
    assert validity(certificate, date(2029, 1, 20)).state is State.GRACE
    assert validity(certificate, date(2029, 1, 25)).state is State.GRACE
    assert validity(certificate, date(2029, 1, 26)).state is State.EXPIRED
    with time_machine.travel(at(date(2029, 1, 26), time(12)), tick=False):
        page = client.get(f"/certificates/verify/{certificate.code}/").content.decode()
    assert "Expired on 11 January 2029" in page


def test_a_renewed_certificate_says_so_and_its_reminders_stop(certified, expiring_course):
    learner, certificate = certified
    run_days(date(2028, 11, 1), 1)
    renewal = renew_on(learner, expiring_course, date(2028, 11, 12))
    assert issuing_worker.issue(renewal.pk) == "issued"
    mail.outbox.clear()
    sent = run_days(date(2028, 11, 13), 120)
    assert sent == {}
    assert validity(certificate, renewal=renewal).state is State.RENEWED


def test_a_group_extension_moves_the_date_and_the_reminders_without_duplicates(
    certified, expiring_course, settings, admin_user
):
    learner, certificate = certified
    other = issued_certificate(UserFactory(), expiring_course, START, settings)
    expiry = date(2029, 1, 11)
    mail.outbox.clear()
    sent = run_days(expiry - timedelta(95), 75)  # through the 90- and 30-day reminders
    assert sent_days(sent) == [expiry - timedelta(90)] * 2 + [expiry - timedelta(30)] * 2
    new_expiry = expiry + timedelta(180)
    with time_machine.travel(at(expiry - timedelta(20), time(9)), tick=False):
        extended = extend_validity(
            [certificate, other], new_expiry, "Floods: training centres closed", admin_user
        )
        again = extend_validity([certificate, other], new_expiry, "Same decision", admin_user)
    assert len(extended) == 2 and again == []
    assert {row.reason for row in extended} == {"Floods: training centres closed"}
    assert current_expiry(Certificate.objects.get(pk=certificate.pk)) == new_expiry
    mail.outbox.clear()
    sent = run_days(expiry - timedelta(20), 210)
    assert sent_days(sent) == sorted(
        [new_expiry - timedelta(90)] * 2
        + [new_expiry - timedelta(30)] * 2
        + [new_expiry - timedelta(7)] * 2
    )
    assert all("expires on 10 July 2029" in subject for subject in sent)
    assert certificate.expires_on == expiry  # the certificate itself is never edited


def test_a_learner_who_turned_reminders_off_gets_none_and_still_expires(certified, client):
    learner, certificate = certified
    client.force_login(learner)
    response = client.post(
        "/accounts/profile/", {"full_name": "Amina Yusuf", "preferred_language": "en"}
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.certificate_reminders is False
    mail.outbox.clear()
    sent = run_days(date(2028, 10, 1), 150)
    assert sent == {}
    assert set(CertificateReminder.objects.values_list("outcome", flat=True)) == {"skipped"}
    assert validity(certificate, date(2029, 1, 12)).state is State.EXPIRED


def test_reminders_are_written_in_the_learners_language(certified):
    learner, _ = certified
    learner.preferred_language = "fr"
    learner.save()
    mail.outbox.clear()
    run_days(date(2029, 1, 11) - timedelta(30), 1)
    (message,) = mail.outbox
    assert "expire le 11 janvier 2029" in message.subject
    assert "/fr/" in message.body


def test_my_learning_says_when_renewal_is_open(certified, client):
    learner, _ = certified
    client.force_login(learner)
    assert "Renewal is open" not in client.get("/learn/").content.decode()
    run_days(date(2028, 11, 1), 1)
    with time_machine.travel(at(date(2028, 11, 1), time(12)), tick=False):
        client.force_login(learner)  # two years on, the first session has expired
        page = client.get("/learn/").content.decode()
    assert "Renewal is open" in page
    assert "Expires in" not in page  # 71 days left: "valid until"
    assert "Valid until 11 January 2029" in page


def test_a_corrected_certificate_keeps_its_expiry_its_renewal_and_its_reminders(
    certified, expiring_course, admin_user
):
    learner, certificate = certified
    expiry = date(2029, 1, 11)
    mail.outbox.clear()
    run_days(expiry - timedelta(95), 70)  # the window opens; the 90- and 30-day reminders
    assert len(mail.outbox) == 2
    with time_machine.travel(at(expiry - timedelta(25), time(9)), tick=False):
        replacement = reissue_certificate(
            certificate, admin_user, "Name misspelt", learner_name="Amina Yusef"
        )
        assert issuing_worker.issue(replacement.pk) == "issued"
    replacement.refresh_from_db()
    assert (replacement.expires_on, replacement.completed_at) == (
        expiry,
        certificate.completed_at,
    )
    assert Recertification.objects.get().certificate == replacement
    mail.outbox.clear()
    sent = run_days(expiry - timedelta(25), 30)
    assert sent_days(sent) == [expiry - timedelta(7)]  # the 30-day one went out already
    renewal = renew_on(learner, expiring_course, expiry - timedelta(3))
    assert renewal.renews == replacement
    assert renewal.learner_name == "Amina Yusuf"  # the account's name, as for any renewal


def test_a_separate_refresher_course_renews_the_certificate_of_the_first(
    certified, expiring_course, course_builder
):
    learner, certificate = certified
    refresher = course_builder(title="Refresher", modules=1, lessons_per_module=1)
    expiring_course.refresher_course = refresher
    expiring_course.save_revision().publish()
    run_days(date(2028, 11, 1), 1)
    assert Enrolment.objects.get(user=learner, course_key=refresher.translation_key).cycle == 1
    assert (
        Enrolment.objects.get(user=learner, course_key=expiring_course.translation_key).cycle == 1
    )
    with time_machine.travel(at(date(2028, 11, 20), time(11)), tick=False):
        for lesson in LessonPage.objects.live().descendant_of(refresher):
            complete_lesson(learner, lesson, refresher)
    renewal = Certificate.objects.get(renews=certificate)
    assert (renewal.course_title, renewal.cycle) == (expiring_course.title, 2)
    assert renewal.expires_on == date(2031, 1, 11)
    # The refresher gives no certificate of its own: it renewed the first one.
    assert Certificate.objects.filter(enrolment__user=learner).count() == 2
