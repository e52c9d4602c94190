"""A blended programme's certificate: requested once when every rule is met, whichever event
meets the last one, naming the workshop; what My learning says is missing; walk-ins
certified before they have an account, and their certificate moving to it with the claim
code (rate limited)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from blended.attendance import record_mark
from blended.claims import claim
from blended.completion import (
    certify_finished_workshops,
    certify_if_complete,
    date_range,
    workshop_statement,
)
from blended.models import Participant
from blended.rules import sign_off
from certificates.lifecycle import CertificateActionRefused, reissue_certificate
from certificates.models import Certificate
from certificates.openbadges.schema import validate_credential
from courses.learning.completion import update_completion_for
from courses.models import Enrolment, QuizPage
from tests.blended import WEIGHTS, attended, cohort_of, elearning_done, programme_for, scored
from tests.factories import QuizPageFactory, UserFactory
from tests.independent_verifier import verify_independently
from tests.learning import complete_course
from tests.test_open_badges import downloaded, published_documents
from worker import certificates as worker_certificates
from worker import tasks as worker_tasks

pytestmark = pytest.mark.django_db

SIX_EQUAL = (1, 1, 1, 1, 1, 1)


@pytest.fixture
def post_test(module) -> QuizPage:
    return QuizPageFactory(
        parent=module, purpose=QuizPage.Purpose.POST_TEST, required_for_completion=False
    )


def place_for(user, course, weights=WEIGHTS, **rules) -> Participant:
    cohort = cohort_of(programme_for(course, **rules), weights)
    return Participant.objects.create(cohort=cohort, user=user, name="Amina Diallo")


def certificates_of(participant: Participant) -> list[Certificate]:
    return list(Certificate.objects.filter(participant=participant))


@pytest.fixture
def amina(course, post_test) -> Participant:
    """E-learning done and 75% on the post-test (the rule: 70%); 80% attendance needed."""
    user = UserFactory(full_name="Amina Diallo")
    elearning_done(user, course)
    scored(user, post_test, course, 75)
    return place_for(user, course)


def test_five_of_six_weighted_sessions_give_exactly_one_certificate_naming_the_workshop(amina):
    attended(amina, 5)  # the sixth, weight 1, missed: 6 of 7 points, 86%

    [certificate] = certificates_of(amina)
    assert certificate.status == Certificate.Status.PENDING
    assert certificate.enrolment.user == amina.user
    assert certificate.learner_name == "Amina Diallo"
    assert certificate.score == 75
    assert certificate.workshop == ("Goma, June: attended 5 of 6 sessions, Goma, 1–6 June 2030")
    # Asked again, and marked again: still the one certificate.
    assert certify_if_complete(amina) == certificate
    attended(amina, 5)
    assert certificates_of(amina) == [certificate]
    assert Certificate.objects.count() == 1


def test_four_of_six_give_no_certificate_and_my_learning_says_what_is_missing(
    client, course, post_test
):
    user = UserFactory()
    elearning_done(user, course)
    scored(user, post_test, course, 75)
    place = place_for(user, course, weights=SIX_EQUAL)
    attended(place, 4)

    assert certificates_of(place) == []
    client.force_login(user)
    page = client.get("/learn/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Still needed for your certificate:" in html
    assert "<li>Attend 1 more session.</li>" in html
    assert "Goma, June" in html


def test_the_open_badge_names_the_workshop_and_verifies_independently(client, amina):
    attended(amina, 5)
    certificate = certificates_of(amina)[0]
    assert worker_certificates.issue(certificate.pk) == "issued"
    certificate.refresh_from_db()
    client.force_login(amina.user)

    credential = downloaded(client, certificate)

    assert validate_credential(credential) == []
    [evidence] = credential["evidence"]
    assert evidence["narrative"] == certificate.workshop
    assert "attended 5 of 6 sessions" in evidence["narrative"]
    result = verify_independently(credential, published_documents(client))
    assert result["verified"] is True, result


def test_the_e_learning_completed_last_issues_the_blended_certificate_not_the_courses(
    course, post_test
):
    user = UserFactory()
    place = place_for(user, course, min_post_test_percent=None)
    attended(place, 6)
    assert certificates_of(place) == []

    complete_course(user, course)

    [certificate] = Certificate.objects.all()
    assert certificate.participant == place
    assert "attended 6 of 6 sessions" in certificate.workshop


def test_a_better_post_test_after_the_course_was_complete_issues_it(course, post_test):
    user = UserFactory()
    elearning_done(user, course)
    scored(user, post_test, course, 60)
    place = place_for(user, course)
    attended(place, 6)
    assert certificates_of(place) == []

    scored(user, post_test, course, 80)
    update_completion_for(user, course.translation_key)  # what grading a quiz calls

    [certificate] = certificates_of(place)
    assert certificate.score == 80


def test_a_sign_off_completing_the_rules_issues_it(course, post_test):
    user = UserFactory()
    elearning_done(user, course)
    scored(user, post_test, course, 90)
    place = place_for(user, course, requires_signoff=True)
    attended(place, 6)
    assert certificates_of(place) == []

    sign_off(place, UserFactory(is_superuser=True))

    assert len(certificates_of(place)) == 1


def test_an_absent_mark_requests_nothing(amina):
    attended(amina, 0)
    assert certificates_of(amina) == []


@pytest.fixture
def walk_in(course) -> Participant:
    """No account: attendance is the programme's only rule. Certified at 5 of 6 sessions."""
    cohort = cohort_of(
        programme_for(course, requires_elearning=False, min_post_test_percent=None),
        SIX_EQUAL,
    )
    cohort.language = "fr"
    cohort.save()
    participant = Participant.objects.create(cohort=cohort, name="Joseph Kabila Mutombo")
    attended(participant, 5)
    return participant


def test_a_walk_in_is_certified_in_the_cohorts_language_on_no_account(walk_in):
    [certificate] = certificates_of(walk_in)
    assert certificate.enrolment is None
    assert certificate.user is None
    assert certificate.learner_name == "Joseph Kabila Mutombo"
    assert certificate.language == "fr"
    assert certificate.workshop.startswith("Goma, June")
    assert certificate.workshop.endswith("Goma, 1–6 juin 2030")  # written in French

    assert worker_certificates.issue(certificate.pk) == "issued"
    # No account, so no email yet, and the sweep does not try again and again.
    assert worker_certificates.send_certificate_email(certificate.pk) == "no account yet"
    assert worker_certificates.unsent_emails(older_than_seconds=-60) == []
    with pytest.raises(CertificateActionRefused, match="belongs to no account yet"):
        reissue_certificate(
            Certificate.objects.get(pk=certificate.pk), UserFactory(is_superuser=True), "typo"
        )


def test_the_walk_ins_certificate_moves_to_their_account_with_the_claim_code(
    client, walk_in, django_capture_on_commit_callbacks
):
    certificate = certificates_of(walk_in)[0]
    worker_certificates.issue(certificate.pk)
    user = UserFactory(full_name="Joseph Mutombo")
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post("/accounts/claim/", {"code": walk_in.claim_code.lower()})
    assert response.status_code == 302
    assert response["Location"] == "/learn/"
    assert len(callbacks) == 1  # the certificate email, now that there is an address

    certificate.refresh_from_db()
    assert certificate.enrolment == Enrolment.objects.get(user=user)
    assert certificate.user == user
    assert certificate.learner_name == "Joseph Kabila Mutombo"  # as stated: never edited
    assert list(Certificate.objects.current_for(user)) == [certificate]
    mail.outbox.clear()
    assert worker_certificates.send_certificate_email(certificate.pk) == "sent"
    assert mail.outbox[0].to == [user.email]
    my_learning = client.get("/learn/").content.decode()
    assert certificate.display_code in my_learning
    assert "Completed: your certificate is listed below." in my_learning
    assert client.get(f"/certificates/{certificate.code}/download/").status_code == 200


def test_a_wrong_claim_code_is_a_form_error_and_changes_nothing(client, walk_in):
    client.force_login(UserFactory())
    response = client.post("/accounts/claim/", {"code": "AAAA-2222"})
    assert response.status_code == 400
    assert "This code is not valid. Check it and try again." in response.content.decode()
    walk_in.refresh_from_db()
    assert walk_in.user is None
    assert certificates_of(walk_in)[0].enrolment is None


@override_settings(CLAIM_CODE_RATE="3/h")
def test_claim_codes_cannot_be_guessed_for_long(client, walk_in, own_cache):
    client.force_login(UserFactory())
    statuses = [
        client.post("/accounts/claim/", {"code": f"AAAA222{digit}"}).status_code for digit in "2345"
    ]
    assert statuses == [400, 400, 400, 429]
    # Even the right code waits now.
    assert client.post("/accounts/claim/", {"code": walk_in.claim_code}).status_code == 429
    walk_in.refresh_from_db()
    assert walk_in.user is None


def test_claiming_needs_a_login_and_a_csrf_token(client, walk_in):
    assert client.get("/accounts/claim/").status_code == 302
    client.handler.enforce_csrf_checks = True
    client.force_login(UserFactory())
    assert client.post("/accounts/claim/", {"code": walk_in.claim_code}).status_code == 403
    walk_in.refresh_from_db()
    assert walk_in.user is None


def test_a_claim_by_someone_who_then_completes_the_programme_is_certified_once(course):
    cohort = cohort_of(programme_for(course, min_post_test_percent=None), SIX_EQUAL)
    walk = Participant.objects.create(cohort=cohort, name="Walk-in")
    attended(walk, 6)
    assert certificates_of(walk) == []  # the e-learning is still to do
    user = UserFactory()
    claim(walk.claim_code, user)
    assert Enrolment.objects.filter(user=user, course_key=course.translation_key).exists()

    complete_course(user, course)

    assert len(certificates_of(walk)) == 1
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (date(2026, 9, 3), date(2026, 9, 5), "3–5 September 2026"),
        (date(2026, 9, 30), date(2026, 10, 2), "30 September – 2 October 2026"),
        (date(2026, 12, 30), date(2027, 1, 2), "30 December 2026 – 2 January 2027"),
        (date(2026, 9, 3), date(2026, 9, 3), "3 September 2026"),
    ],
)
def test_workshop_dates_read_as_a_range(first, last, expected):
    assert date_range(first, last) == expected


def test_the_statement_counts_excused_sessions_out(amina):
    sessions = list(amina.cohort.sessions.order_by("starts_at"))
    attended(amina, 4)
    record_mark(
        amina, sessions[5], "excused", by=None, marked_at=sessions[5].starts_at, source="roll_call"
    )
    assert "attended 4 of 5 sessions" in workshop_statement(amina, "en")


def test_the_certificate_waits_for_the_whole_roll(client, amina):
    """Present at the first five sessions, the rule is met, but the last session has no mark
    yet: no certificate, and My learning says why. Marks entered late, in any order, never
    certify early; once the cohort ended more than three days ago, the hourly task issues it
    with the unmarked session as missed; running it again issues nothing."""
    sessions = list(amina.cohort.sessions.order_by("starts_at"))
    last_day = timezone.localtime(sessions[-1].starts_at).date()
    amina.cohort.ends_on = last_day
    amina.cohort.save()
    after_the_grace = timezone.make_aware(datetime.combine(last_day + timedelta(days=4), time(12)))
    with time_machine.travel(after_the_grace, tick=False):
        # Typed in four days after the workshop: still no certificate before the sixth.
        for session in sessions[:5]:
            record_mark(
                amina, session, "present", by=None, marked_at=session.starts_at, source="import"
            )
    assert certificates_of(amina) == []
    client.force_login(amina.user)
    my_learning = client.get("/learn/").content.decode()
    assert "You will get your certificate once the attendance of every session is in." in (
        my_learning
    )
    assert certify_finished_workshops() == []  # the cohort has not ended yet

    with time_machine.travel(after_the_grace, tick=False):
        issued = certify_finished_workshops()
        assert certify_finished_workshops() == []

    [certificate] = certificates_of(amina)
    assert issued == [certificate.pk]
    assert "attended 5 of 6 sessions" in certificate.workshop


def test_the_hourly_task_is_scheduled_and_runs_by_its_name(settings, amina):
    """Beat sends the task by name: that name runs the sweep (in this process, eagerly)."""
    entry = settings.CELERY_BEAT_SCHEDULE["certify-finished-workshops"]
    assert entry["task"] == worker_tasks.certify_finished_workshops_task.name
    attended(amina, 5)  # certified at the last mark: nothing left for the sweep
    assert worker_tasks.certify_finished_workshops_task.apply().get() == 0
