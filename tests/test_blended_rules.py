"""A blended programme's completion rules, signing off, and walk-ins claiming their place."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from blended.attendance import record_mark
from blended.claims import ClaimRefused, claim
from blended.models import (
    AttendanceMark,
    AttendanceStatus,
    Cohort,
    Facilitator,
    Participant,
)
from blended.rules import (
    ATTENDANCE,
    ELEARNING,
    POST_TEST,
    SIGN_OFF,
    SignOffRefused,
    progress_towards_completion,
    sign_off,
)
from courses.models import QuizPage
from tests.blended import attended, cohort_of, elearning_done, programme_for, scored
from tests.factories import QuizPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_test(module) -> QuizPage:
    return QuizPageFactory(
        parent=module, purpose=QuizPage.Purpose.POST_TEST, required_for_completion=False
    )


def missing(participant: Participant) -> dict[str, str]:
    status = progress_towards_completion(participant)
    return {rule.rule: rule.missing for rule in status.rules if not rule.met}


@pytest.fixture
def amina(course, post_test) -> Participant:
    """E-learning complete and 75% on the post-test, in a cohort of the course's programme."""
    user = UserFactory()
    elearning_done(user, course)
    scored(user, post_test, course, 75)
    return Participant.objects.create(
        cohort=cohort_of(programme_for(course)), user=user, name="Amina"
    )


def test_elearning_five_of_six_sessions_and_post_test_above_the_rule_complete_it(amina):
    attended(amina, 5)
    status = progress_towards_completion(amina)
    assert [rule.rule for rule in status.rules] == [ELEARNING, ATTENDANCE, POST_TEST]
    assert status.is_complete
    assert status.missing == []


def test_four_of_six_sessions_leave_one_more_to_attend(course, amina):
    attended(amina, 4)
    status = progress_towards_completion(amina)
    assert not status.is_complete
    assert status.missing == ["Attend sessions worth 1 more point of attendance."]


def test_with_equal_weights_the_missing_text_counts_sessions(course, post_test):
    user = UserFactory()
    elearning_done(user, course)
    scored(user, post_test, course, 90)
    cohort = cohort_of(programme_for(course), weights=(1,) * 6)
    participant = Participant.objects.create(cohort=cohort, user=user, name="Joao")
    attended(participant, 3)  # 80% of 6 is 4.8: five sessions are needed
    assert missing(participant) == {ATTENDANCE: "Attend 2 more sessions."}
    attended(participant, 4)
    assert missing(participant) == {ATTENDANCE: "Attend 1 more session."}


def test_sessions_still_to_come_count_as_not_attended_yet(amina):
    record_mark(
        amina,
        amina.cohort.sessions.first(),
        AttendanceStatus.PRESENT,
        by=None,
        marked_at=timezone.now(),
        source=AttendanceMark.Source.QR,
    )
    assert missing(amina) == {ATTENDANCE: "Attend sessions worth 4 more points of attendance."}


def test_post_test_below_the_rule_says_the_best_score_so_far(course, post_test, amina):
    attended(amina, 6)
    programme = amina.cohort.programme
    programme.min_post_test_percent = 80
    programme.save()
    scored(amina.user, post_test, course, 55)
    assert missing(amina) == {POST_TEST: "Score at least 80% on the post-test (best so far: 75%)."}


def test_without_elearning_or_an_attempt_the_text_says_what_to_do(course, post_test):
    participant = Participant.objects.create(
        cohort=cohort_of(programme_for(course, min_attendance_percent=0)),
        user=UserFactory(),
        name="Lina",
    )
    assert missing(participant) == {
        ELEARNING: "Complete the e-learning course.",
        POST_TEST: "Score at least 70% on the post-test.",
    }


def test_a_walk_in_meets_attendance_and_sign_off_but_not_the_rest_until_claimed(course, post_test):
    lead = UserFactory()
    cohort = cohort_of(programme_for(course, requires_signoff=True))
    Facilitator.objects.create(cohort=cohort, user=lead, role=Facilitator.Role.LEAD)
    walk_in = Participant.objects.create(cohort=cohort, name="Walk-in")
    attended(walk_in, 6)
    sign_off(walk_in, lead)
    claim_first = "Sign up and enter your claim code so that it counts."
    assert missing(walk_in) == {
        ELEARNING: f"Complete the e-learning course. {claim_first}",
        POST_TEST: f"Score at least 70% on the post-test. {claim_first}",
    }
    user = UserFactory()
    elearning_done(user, course)
    scored(user, post_test, course, 70)
    claimed = claim(walk_in.claim_code, user)
    assert progress_towards_completion(claimed).is_complete


def test_sign_off_rule_waits_for_a_lead_or_co_facilitator(course):
    cohort = cohort_of(
        programme_for(
            course,
            requires_elearning=False,
            min_attendance_percent=0,
            min_post_test_percent=None,
            requires_signoff=True,
        )
    )
    co, observer = UserFactory(), UserFactory()
    Facilitator.objects.create(cohort=cohort, user=co, role=Facilitator.Role.CO_FACILITATOR)
    Facilitator.objects.create(cohort=cohort, user=observer, role=Facilitator.Role.OBSERVER)
    participant = Participant.objects.create(cohort=cohort, user=UserFactory(), name="Ana")
    assert missing(participant) == {SIGN_OFF: "A facilitator must sign you off."}

    with pytest.raises(SignOffRefused, match="lead facilitator or co-facilitator"):
        sign_off(participant, observer)
    participant.refresh_from_db()
    assert participant.signed_off_at is None

    sign_off(participant, co)
    first = Participant.objects.get(pk=participant.pk)
    assert (first.signed_off_by, progress_towards_completion(first).is_complete) == (co, True)
    sign_off(participant, co)
    assert Participant.objects.get(pk=participant.pk).signed_off_at == first.signed_off_at


def test_sign_off_by_staff_needs_the_change_permission_and_never_signs_oneself(course):
    cohort = cohort_of(programme_for(course, requires_signoff=True))
    staff, other_cohort_lead = UserFactory(is_staff=True), UserFactory()
    Facilitator.objects.create(
        cohort=cohort_of(programme_for(course)), user=other_cohort_lead, role=Facilitator.Role.LEAD
    )
    participant = Participant.objects.create(cohort=cohort, user=staff, name="Staff member")
    other = Participant.objects.create(cohort=cohort, name="Walk-in")
    for person, who in ((staff, other), (other_cohort_lead, other)):
        with pytest.raises(SignOffRefused):
            sign_off(who, person)
    staff.user_permissions.add(Permission.objects.get(codename="change_participant"))
    staff = type(staff).objects.get(pk=staff.pk)  # permissions are cached on the instance
    sign_off(other, staff)
    with pytest.raises(SignOffRefused):
        sign_off(participant, staff)
    assert Participant.objects.filter(signed_off_at__isnull=False).count() == 1


# Claiming a place


@pytest.fixture
def cohort(course) -> Cohort:
    return cohort_of(programme_for(course))


def test_a_code_typed_with_spaces_dashes_and_lower_case_claims_the_place(cohort):
    walk_in = Participant.objects.create(cohort=cohort, name="Walk-in", claim_code="ABCD2345")
    user = UserFactory()
    claimed = claim(" abcd-23 45 ", user)
    assert claimed.pk == walk_in.pk
    walk_in.refresh_from_db()
    assert walk_in.user == user and walk_in.claimed_at is not None
    assert claim("ABCD2345", user).claimed_at == walk_in.claimed_at  # again: unchanged


@pytest.mark.parametrize("code", ["", "ABCD", "ABCD234I", "ZZZZ9999"])
def test_unknown_or_malformed_codes_are_refused(cohort, code):
    Participant.objects.create(cohort=cohort, name="Walk-in", claim_code="ABCD2345")
    with pytest.raises(ClaimRefused, match="This code is not valid"):
        claim(code, UserFactory())
    assert not Participant.objects.filter(user__isnull=False).exists()


def test_a_code_claimed_by_someone_else_is_refused(cohort):
    Participant.objects.create(cohort=cohort, name="Walk-in", claim_code="ABCD2345")
    first = UserFactory()
    claim("ABCD2345", first)
    with pytest.raises(ClaimRefused, match="already been used"):
        claim("ABCD2345", UserFactory())
    assert Participant.objects.get(claim_code="ABCD2345").user == first


def test_someone_already_in_the_cohort_cannot_claim_a_second_place(cohort):
    user = UserFactory()
    Participant.objects.create(cohort=cohort, user=user, name="Registered")
    Participant.objects.create(cohort=cohort, name="Walk-in", claim_code="ABCD2345")
    with pytest.raises(ClaimRefused, match="already have a place"):
        claim("ABCD2345", user)
    walk_in = Participant.objects.get(claim_code="ABCD2345")
    assert (walk_in.user, walk_in.claimed_at) == (None, None)
