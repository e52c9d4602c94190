"""Training of trainers: facilitator qualifications, who may lead a cohort, co-facilitated
sessions signed off by a lead, expiry and renewal; in the domain functions and in the admin."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from uuid import uuid4

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from blended.models import (
    CoFacilitation,
    Cohort,
    Facilitator,
    FacilitatorQualification,
    Participant,
    Programme,
    QualificationLevel,
    TrainingSession,
)
from blended.qualifications import (
    QualificationRefused,
    can_lead,
    co_facilitations_needed,
    current_level,
    grant_after_trainers_cohort,
    grant_master,
    may_lead,
    renew,
    sign_co_facilitation,
)
from blended.rules import sign_off
from certificates.validity import add_months
from tests.staff import learner
from tests.test_blended_admin import cohort_data

pytestmark = pytest.mark.django_db

Level = QualificationLevel
TODAY = date.today()


def programme(**fields) -> Programme:
    """A programme whose only rule is a facilitator's sign-off."""
    return Programme.objects.create(
        name="Training of trainers",
        course_key=uuid4(),
        requires_elearning=False,
        min_attendance_percent=0,
        min_post_test_percent=None,
        requires_signoff=True,
        **fields,
    )


def cohort(
    kind: str, starts_on: date, leads=(), co_facilitators=(), days: int = 2, **fields
) -> Cohort:
    made = Cohort.objects.create(
        programme=fields.pop("programme", None) or programme(),
        name=fields.pop("name", f"{kind} from {starts_on}"),
        kind=kind,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=days),
        language="en",
        country=fields.pop("country", "CD"),
        place="Goma",
        **fields,
    )
    for user in leads:
        Facilitator.objects.create(cohort=made, user=user, role=Facilitator.Role.LEAD)
    for user in co_facilitators:
        Facilitator.objects.create(cohort=made, user=user, role=Facilitator.Role.CO_FACILITATOR)
    return made


def session_of(cohort: Cohort, days_ago: int) -> TrainingSession:
    return TrainingSession.objects.create(
        cohort=cohort, title=f"Day {days_ago}", starts_at=timezone.now() - timedelta(days=days_ago)
    )


def complete(trainers_cohort: Cohort, user, lead) -> FacilitatorQualification:
    """`user` takes part in the trainers' cohort, is signed off and so completes it."""
    participant = Participant.objects.create(cohort=trainers_cohort, user=user, name=str(user))
    sign_off(participant, lead)
    return grant_after_trainers_cohort(participant)


def qualified(username: str, level: Level, valid_until: date | None = None):
    user = learner(username)
    FacilitatorQualification.objects.create(
        user=user,
        level=level,
        granted_at=timezone.now() - timedelta(days=1),
        valid_until=valid_until,
        reason="Given for the tests.",
    )
    return user


@pytest.fixture
def master():
    return qualified("master-trainer", Level.MASTER)


@pytest.fixture
def trainers_cohort(master) -> Cohort:
    """A trainers' cohort that ended a month ago; its programme asks for 2 co-facilitations."""
    return cohort(Cohort.Kind.TRAINERS, TODAY - timedelta(days=32), leads=[master])


def test_an_uncertified_facilitator_cannot_lead_a_learners_cohort(master):
    newcomer = learner("newcomer", full_name="Amina Diallo")
    co_facilitator = qualified("co", Level.CO_FACILITATOR)
    learners = Cohort(kind=Cohort.Kind.LEARNERS, starts_on=TODAY + timedelta(days=7))

    with pytest.raises(QualificationRefused, match="Amina Diallo cannot lead a learners"):
        may_lead(newcomer, learners)
    assert not can_lead(co_facilitator, learners)
    assert can_lead(master, learners)
    assert can_lead(qualified("certified", Level.CERTIFIED), learners)


def test_the_cohort_form_names_an_unqualified_lead_and_saves_nothing(client, course):
    staff = learner("coordinator", is_superuser=True, is_staff=True)
    client.force_login(staff)
    programme_ = Programme.objects.create(name="P", course_key=course.translation_key)
    newcomer = learner("newcomer", full_name="Amina Diallo")

    response = client.post(reverse("blended_cohorts:add"), cohort_data(programme_, newcomer))

    assert response.status_code == 200
    facilitator_form = response.context["form"].formsets["facilitators"].forms[0]
    assert facilitator_form.errors["user"] == [
        "Amina Diallo cannot lead a learners' cohort: a lead needs a certified facilitator or "
        "master trainer qualification valid on the cohort's first day (June 1, 2030)."
    ]
    assert "Amina Diallo cannot lead" in response.text
    assert not Cohort.objects.exists()

    certified = qualified("certified", Level.CERTIFIED)
    response = client.post(reverse("blended_cohorts:add"), cohort_data(programme_, certified))
    assert response.status_code == 302
    assert Cohort.objects.get().facilitators.get().user == certified

    # Not a lead: anyone may co-facilitate or observe.
    data = cohort_data(programme_, newcomer, name="Bukavu", **{"facilitators-0-role": "co"})
    assert client.post(reverse("blended_cohorts:add"), data).status_code == 302


def test_a_trainers_cohort_then_signed_off_sessions_make_a_certified_facilitator(
    master, trainers_cohort
):
    trainee, lead = learner("trainee"), qualified("lead", Level.CERTIFIED)
    participant = Participant.objects.create(cohort=trainers_cohort, user=trainee, name="T")
    assert current_level(trainee, on=trainers_cohort.starts_on) == Level.TRAINEE
    with pytest.raises(QualificationRefused, match="has not completed"):
        grant_after_trainers_cohort(participant)
    assert current_level(trainee) is None

    sign_off(participant, master)
    co = grant_after_trainers_cohort(participant)
    assert (co.level, co.trained_in, co.granted_by) == (Level.CO_FACILITATOR, trainers_cohort, None)
    assert co.valid_until == add_months(TODAY, 24)
    assert current_level(trainee) == Level.CO_FACILITATOR

    learners = cohort(
        Cohort.Kind.LEARNERS, TODAY - timedelta(days=10), leads=[lead], co_facilitators=[trainee]
    )
    during_training = session_of(
        cohort(Cohort.Kind.LEARNERS, trainers_cohort.starts_on, [lead], [trainee]), days_ago=31
    )
    first, second = session_of(learners, days_ago=10), session_of(learners, days_ago=9)
    sign_co_facilitation(during_training, trainee, by=lead)  # before the cohort ended
    sign_co_facilitation(first, trainee, by=lead)
    assert co_facilitations_needed(trainee) == (1, 2)
    assert current_level(trainee) == Level.CO_FACILITATOR

    signed = sign_co_facilitation(second, trainee, by=lead)
    assert (signed.signed_off_by, signed.user) == (lead, trainee)
    certified = FacilitatorQualification.objects.get(user=trainee, level=Level.CERTIFIED)
    assert (certified.trained_in, certified.granted_by) == (trainers_cohort, None)
    assert current_level(trainee) == Level.CERTIFIED
    may_lead(trainee, Cohort(kind=Cohort.Kind.LEARNERS, starts_on=TODAY + timedelta(days=1)))


def test_the_number_of_sessions_comes_from_the_trainers_programme(master):
    trainers = cohort(
        Cohort.Kind.TRAINERS,
        TODAY - timedelta(days=40),
        leads=[master],
        programme=programme(co_facilitations_to_certify=1),
    )
    trainee, lead = learner("trainee"), qualified("lead", Level.CERTIFIED)
    learners = cohort(Cohort.Kind.LEARNERS, TODAY - timedelta(days=3), [lead], [trainee])
    # Signed off before the trainee's qualification: it counts once they hold it.
    sign_co_facilitation(session_of(learners, days_ago=3), trainee, by=lead)
    assert current_level(trainee) is None

    complete(trainers, trainee, master)
    assert current_level(trainee) == Level.CERTIFIED


def test_only_a_lead_of_the_cohort_may_sign_off_and_never_for_themselves(master, trainers_cohort):
    trainee, other_co = learner("trainee"), learner("other-co")
    lead, observer = qualified("lead", Level.CERTIFIED), learner("observer")
    outsider_lead = qualified("outsider", Level.CERTIFIED)
    learners = cohort(Cohort.Kind.LEARNERS, TODAY - timedelta(days=5), [lead], [trainee, other_co])
    Facilitator.objects.create(cohort=learners, user=observer, role=Facilitator.Role.OBSERVER)
    cohort(Cohort.Kind.LEARNERS, TODAY - timedelta(days=5), leads=[outsider_lead])
    session = session_of(learners, days_ago=5)
    complete(trainers_cohort, trainee, master)

    for by in (other_co, observer, outsider_lead, learner("superuser", is_superuser=True)):
        with pytest.raises(QualificationRefused, match="Only a lead facilitator of"):
            sign_co_facilitation(session, trainee, by=by)
    with pytest.raises(QualificationRefused, match="own co-facilitation"):
        sign_co_facilitation(session, lead, by=lead)
    with pytest.raises(QualificationRefused, match="is not a co-facilitator"):
        sign_co_facilitation(session, observer, by=lead)
    with pytest.raises(QualificationRefused, match="not started"):
        sign_co_facilitation(session_of(learners, days_ago=-1), trainee, by=lead)
    trainers_session = session_of(trainers_cohort, days_ago=31)
    with pytest.raises(QualificationRefused, match="learners' cohort"):
        sign_co_facilitation(trainers_session, trainee, by=master)
    assert not CoFacilitation.objects.exists()


def test_granting_and_signing_off_twice_grant_once(master, trainers_cohort):
    trainee, lead = learner("trainee"), qualified("lead", Level.CERTIFIED)
    co = complete(trainers_cohort, trainee, master)
    participant = Participant.objects.get(user=trainee)
    assert grant_after_trainers_cohort(participant) == co

    learners = cohort(Cohort.Kind.LEARNERS, TODAY - timedelta(days=5), [lead], [trainee])
    sessions = [session_of(learners, days_ago=days) for days in (5, 4, 3)]
    first = sign_co_facilitation(sessions[0], trainee, by=lead)
    assert sign_co_facilitation(sessions[0], trainee, by=lead) == first
    for session in sessions[1:]:
        sign_co_facilitation(session, trainee, by=lead)
    grant_after_trainers_cohort(participant)

    mine = FacilitatorQualification.objects.filter(user=trainee)
    assert sorted(mine.values_list("level", flat=True)) == [Level.CO_FACILITATOR, Level.CERTIFIED]
    assert CoFacilitation.objects.filter(user=trainee).count() == 3
    # The database keeps one first grant per level, whatever runs at once.
    with pytest.raises(IntegrityError), transaction.atomic():
        FacilitatorQualification.objects.create(
            user=trainee, level=Level.CERTIFIED, granted_at=timezone.now()
        )


def test_a_qualification_past_its_date_no_longer_lets_someone_lead():
    until = TODAY + timedelta(days=30)
    certified = qualified("certified", Level.CERTIFIED, valid_until=until)

    assert can_lead(certified, Cohort(kind=Cohort.Kind.LEARNERS, starts_on=until))
    later = Cohort(kind=Cohort.Kind.LEARNERS, starts_on=until + timedelta(days=1))
    with pytest.raises(QualificationRefused, match="cannot lead a learners"):
        may_lead(certified, later)
    assert current_level(certified, on=until + timedelta(days=1)) is None


def test_a_renewal_is_a_new_row_and_the_old_one_is_never_changed(settings):
    settings.FACILITATOR_QUALIFICATION_MONTHS = 12
    until = TODAY + timedelta(days=30)
    certified = qualified("certified", Level.CERTIFIED, valid_until=until)
    old = FacilitatorQualification.objects.get(user=certified)
    staff = learner("staff")

    renewal = renew(old, by=staff, reason="Led two cohorts this year.")

    assert renewal.pk != old.pk
    assert (renewal.renews, renewal.level, renewal.granted_by) == (old, old.level, staff)
    assert renewal.valid_until == add_months(until, 12)  # renewed early: nothing lost
    assert renew(old) == renewal
    old.refresh_from_db()
    assert old.valid_until == until
    with pytest.raises(ValueError, match="never changed"):
        old.save()
    assert can_lead(certified, Cohort(kind=Cohort.Kind.LEARNERS, starts_on=until + timedelta(1)))


def test_a_trainers_cohort_needs_a_master_trainer_as_lead():
    certified, staff = qualified("certified", Level.CERTIFIED), learner("staff")
    trainers = Cohort(kind=Cohort.Kind.TRAINERS, starts_on=TODAY + timedelta(days=3))
    with pytest.raises(QualificationRefused, match="a lead needs a master trainer"):
        may_lead(certified, trainers)

    with pytest.raises(QualificationRefused, match="Say why"):
        grant_master(certified, by=staff, reason="  ")
    with pytest.raises(QualificationRefused, match="themselves"):
        grant_master(certified, by=certified, reason="Because.")
    granted = grant_master(certified, by=staff, reason="Ran six cohorts with good results.")
    assert grant_master(certified, by=staff, reason="Again.") == granted
    assert (granted.level, granted.granted_by, granted.trained_in) == (Level.MASTER, staff, None)
    may_lead(certified, trainers)


def admin_staff(name: str, *codenames: str):
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="blended", codename__in=codenames),
    )
    user = learner(name.lower())
    user.groups.add(group)
    return user


def test_staff_make_a_master_trainer_in_the_admin_and_cannot_edit_it(client):
    staff = admin_staff("Trainers", "add_facilitatorqualification", "view_facilitatorqualification")
    client.force_login(staff)
    trainer = qualified("trainer", Level.CERTIFIED)

    response = client.post(reverse("blended_qualifications:add"), {"user": trainer.pk})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = client.post(reverse("blended_qualifications:add"), {"user": staff.pk, "reason": "x"})
    assert response.context["form"].errors["user"] == [
        "No one can make themselves a master trainer."
    ]

    data = {"user": trainer.pk, "reason": "Ran six cohorts."}
    response = client.post(reverse("blended_qualifications:add"), data)
    assert response.status_code == 302
    master = FacilitatorQualification.objects.get(user=trainer, level=Level.MASTER)
    assert (master.granted_by, master.reason) == (staff, "Ran six cohorts.")

    listing = client.get(reverse("blended_qualifications:index"))
    assert listing.status_code == 200 and "Master trainer" in listing.text
    assert reverse("reports:cascade") not in listing.text  # only for those who view reports
    inspect = client.get(reverse("blended_qualifications:inspect", args=[master.pk]))
    assert inspect.status_code == 200 and "Ran six cohorts." in inspect.text
    superuser = learner("root", is_superuser=True)
    client.force_login(superuser)
    listing = client.get(reverse("blended_qualifications:index"))
    assert f'href="{reverse("reports:cascade")}"' in listing.text
    for action in ("edit", "delete"):
        url = reverse(f"blended_qualifications:{action}", args=[master.pk])
        assert client.post(url, {"user": superuser.pk, "reason": "y"}).status_code == 302
    master.refresh_from_db()
    assert (master.user, master.reason) == (trainer, "Ran six cohorts.")


def test_a_lead_signs_off_a_co_facilitated_session_in_the_admin(client, master, trainers_cohort):
    lead = qualified("lead", Level.CERTIFIED)
    lead.groups.add(
        Group.objects.get(
            pk=admin_staff("Leads", "add_cofacilitation", "view_cofacilitation").groups.get().pk
        )
    )
    trainee = learner("trainee", full_name="Jean Mbala")
    complete(trainers_cohort, trainee, master)
    learners = cohort(Cohort.Kind.LEARNERS, TODAY - timedelta(days=5), [lead], [trainee])
    sessions = [session_of(learners, days_ago=5), session_of(learners, days_ago=4)]
    client.force_login(lead)

    form = client.get(reverse("blended_co_facilitations:add"))
    assert form.status_code == 200 and "Jean Mbala" in form.text
    for session in sessions:
        data = {"session": session.pk, "user": trainee.pk}
        response = client.post(reverse("blended_co_facilitations:add"), data)
        assert response.status_code == 302, response.context["form"].errors

    assert CoFacilitation.objects.filter(user=trainee, signed_off_by=lead).count() == 2
    assert current_level(trainee) == Level.CERTIFIED
    assert "Jean Mbala" in client.get(reverse("blended_co_facilitations:index")).text

    # Someone who leads none of the cohort's sessions cannot pick them.
    client.force_login(admin_staff("Others", "add_cofacilitation", "view_cofacilitation"))
    data = {"session": sessions[0].pk, "user": trainee.pk}
    response = client.post(reverse("blended_co_facilitations:add"), data)
    assert response.status_code == 200 and "session" in response.context["form"].errors


def at_once(*calls) -> list[BaseException]:
    """Run the calls in threads released together; the errors they raised."""
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call):
        try:
            barrier.wait(timeout=10)
            call()
        except BaseException as error:  # noqa: BLE001 - reported by the caller's assertion
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_last_two_sign_offs_at_once_certify_exactly_once(master, trainers_cohort):
    trainee, lead = learner("trainee"), qualified("lead", Level.CERTIFIED)
    complete(trainers_cohort, trainee, master)
    participant = Participant.objects.get(user=trainee)
    learners = cohort(Cohort.Kind.LEARNERS, TODAY - timedelta(days=5), [lead], [trainee])
    first, second = session_of(learners, days_ago=5), session_of(learners, days_ago=4)

    errors = at_once(
        lambda: sign_co_facilitation(first, trainee, by=lead),
        lambda: sign_co_facilitation(second, trainee, by=lead),
        lambda: grant_after_trainers_cohort(participant),
    )

    assert errors == []
    levels = FacilitatorQualification.objects.filter(user=trainee).values_list("level", flat=True)
    assert sorted(levels) == [Level.CO_FACILITATOR, Level.CERTIFIED]


def test_another_trainers_cohort_renews_a_certified_facilitator(master, trainers_cohort):
    """The refresher of a certified facilitator is another trainers' cohort, as a refresher
    course renews a certificate: a new row renews the certified one, which stays as it was."""
    until = TODAY + timedelta(days=20)
    trainer = qualified("trainer", Level.CERTIFIED, valid_until=until)
    old = FacilitatorQualification.objects.get(user=trainer, level=Level.CERTIFIED)
    later = cohort(Cohort.Kind.TRAINERS, TODAY - timedelta(days=3), leads=[master])

    complete(later, trainer, master)

    renewal = FacilitatorQualification.objects.get(renews=old)
    assert (renewal.level, renewal.valid_until) == (Level.CERTIFIED, add_months(until, 24))
    old.refresh_from_db()
    assert old.valid_until == until
    next_year = Cohort(kind=Cohort.Kind.LEARNERS, starts_on=until + timedelta(days=200))
    assert can_lead(trainer, next_year)
    complete_again = Participant.objects.get(cohort=later, user=trainer)
    grant_after_trainers_cohort(complete_again)
    assert FacilitatorQualification.objects.filter(renews=old).count() == 1
