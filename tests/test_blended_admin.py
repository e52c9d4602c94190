"""Staff set up blended training in the admin: a programme on a course, a cohort with its
sessions and facilitators, participants; staff without the permissions are turned away."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from blended.models import (
    Cohort,
    FacilitatorQualification,
    Participant,
    Programme,
    QualificationLevel,
)
from tests.blended import attended, cohort_of, programme_for
from tests.factories import UserFactory
from tests.staff import learner

pytestmark = pytest.mark.django_db

BLENDED_MODELS = ("programme", "cohort", "participant")


def blended_staff(name: str, *actions: str):
    """A staff account that may use the admin and `actions` on every blended model."""
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="blended",
            codename__in=[f"{action}_{model}" for action in actions for model in BLENDED_MODELS],
        ),
    )
    user = learner(name.lower().replace(" ", "-"))
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator(client):
    user = blended_staff("Coordinators", "add", "change", "view")
    client.force_login(user)
    return user


def programme_data(course, **fields) -> dict:
    return {
        "name": "Shelter management, blended",
        "course_key": str(course.translation_key),
        "requires_elearning": "on",
        "min_attendance_percent": "80",
        "min_post_test_percent": "70",
        "co_facilitations_to_certify": "2",
        **fields,
    }


def cohort_data(programme: Programme, facilitator, **fields) -> dict:
    sessions = [("Day 1", "2030-06-01 09:00", "2"), ("Day 2", "2030-06-02 09:00", "1")]
    data = {
        "programme": str(programme.pk),
        "kind": Cohort.Kind.LEARNERS,
        "name": "Goma, June",
        "starts_on": "2030-06-01",
        "ends_on": "2030-06-02",
        "language": "en",
        "country": "CD",
        "place": "Goma",
        "partner_organisation": "Red Cross",
        "capacity": "24",
        "sessions-TOTAL_FORMS": str(len(sessions)),
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        "facilitators-TOTAL_FORMS": "1",
        "facilitators-INITIAL_FORMS": "0",
        "facilitators-MIN_NUM_FORMS": "0",
        "facilitators-MAX_NUM_FORMS": "1000",
        "facilitators-0-user": str(facilitator.pk),
        "facilitators-0-role": "lead",
        **fields,
    }
    for number, (title, starts_at, weight) in enumerate(sessions):
        data |= {
            f"sessions-{number}-title": title,
            f"sessions-{number}-starts_at": starts_at,
            f"sessions-{number}-duration_minutes": "180",
            f"sessions-{number}-venue": "Community hall",
            f"sessions-{number}-online_url": "",
            f"sessions-{number}-required": "on",
            f"sessions-{number}-weight": weight,
            f"sessions-{number}-check_in_opens_minutes": "30",
            f"sessions-{number}-check_in_closes_minutes": "60",
        }
    return data


def certified_facilitator(username: str):
    """An account holding a certified facilitator qualification that does not expire, as a
    lead of a learners' cohort must."""
    user = learner(username)
    FacilitatorQualification.objects.create(
        user=user,
        level=QualificationLevel.CERTIFIED,
        granted_at=timezone.now(),
        reason="Certified for the tests.",
    )
    return user


def form_errors(response) -> dict:
    form = response.context["form"] if response.context else None
    return dict(form.errors) if form is not None else {}


def test_staff_create_a_programme_on_a_live_course_then_a_cohort_with_sessions(
    client, coordinator, course
):
    assert "Blended training" in client.get(reverse("wagtailadmin_home")).text
    page = client.get(reverse("blended_programmes:add"))
    assert page.status_code == 200
    assert course.title in page.text

    response = client.post(reverse("blended_programmes:add"), programme_data(course))
    assert response.status_code == 302, form_errors(response)
    programme = Programme.objects.get()
    assert (programme.course_key, programme.min_post_test_percent) == (course.translation_key, 70)

    lead = certified_facilitator("lead-facilitator")
    response = client.post(reverse("blended_cohorts:add"), cohort_data(programme, lead))
    assert response.status_code == 302, form_errors(response)
    cohort = Cohort.objects.get()
    assert [(s.title, s.weight) for s in cohort.sessions.all()] == [("Day 1", 2), ("Day 2", 1)]
    assert [(f.user, f.role) for f in cohort.facilitators.all()] == [(lead, "lead")]

    edit = client.get(reverse("blended_programmes:edit", args=[programme.pk]))
    assert edit.status_code == 200
    assert course.title in client.get(reverse("blended_programmes:index")).text
    cohorts = client.get(reverse("blended_cohorts:index"))
    assert "Goma, June" in cohorts.text and programme.name in cohorts.text


def test_a_programme_must_be_on_a_live_course(client, coordinator, course):
    course.unpublish()
    response = client.post(reverse("blended_programmes:add"), programme_data(course))
    assert response.status_code == 200
    assert "course_key" in form_errors(response)
    assert not Programme.objects.exists()


def test_a_cohort_cannot_end_before_it_starts(client, coordinator, course):
    programme = Programme.objects.create(name="P", course_key=course.translation_key)
    data = cohort_data(programme, learner("lead"), ends_on="2030-05-31")
    response = client.post(reverse("blended_cohorts:add"), data)
    assert response.status_code == 200
    assert form_errors(response)["ends_on"] == ["The last day must not be before the first day."]
    assert not Cohort.objects.exists()


def test_gender_and_role_need_consent_and_the_claim_code_cannot_be_edited(
    client, coordinator, course
):
    programme = Programme.objects.create(name="P", course_key=course.translation_key)
    cohort = Cohort.objects.create(
        programme=programme,
        name="C",
        starts_on="2030-06-01",
        ends_on="2030-06-02",
        language="en",
        country="CD",
        place="Goma",
    )
    data = {
        "cohort": str(cohort.pk),
        "name": "Walk-in",
        "organisation": "Village committee",
        "gender": "woman",
        "work_role": "",
        "claim_code": "AAAAAAAA",
    }
    response = client.post(reverse("blended_participants:add"), data)
    assert response.status_code == 200
    assert "gender" in form_errors(response)

    response = client.post(reverse("blended_participants:add"), {**data, "consented": "on"})
    assert response.status_code == 302, form_errors(response)
    participant = Participant.objects.get()
    assert participant.gender == "woman"
    assert participant.claim_code != "AAAAAAAA"
    listing = client.get(reverse("blended_participants:index"), {"cohort": cohort.pk})
    assert participant.claim_code in listing.text


def test_a_participant_needs_a_free_place_in_the_cohort(client, coordinator, course):
    programme = Programme.objects.create(name="P", course_key=course.translation_key)
    cohort = Cohort.objects.create(
        programme=programme,
        name="C",
        starts_on="2030-06-01",
        ends_on="2030-06-02",
        language="en",
        country="CD",
        place="Goma",
        capacity=1,
    )
    data = {"cohort": str(cohort.pk), "name": "First", "organisation": "", "work_role": ""}
    assert client.post(reverse("blended_participants:add"), data).status_code == 302

    response = client.post(reverse("blended_participants:add"), {**data, "name": "Second"})
    assert response.status_code == 200
    assert form_errors(response)["cohort"] == ["This cohort is full: its 1 place is taken."]
    first = Participant.objects.get()
    # Editing someone already in the cohort needs no free place.
    edited = client.post(
        reverse("blended_participants:edit", args=[first.pk]), {**data, "name": "First Person"}
    )
    assert edited.status_code == 302, form_errors(edited)
    assert list(Participant.objects.values_list("name", flat=True)) == ["First Person"]


def test_staff_without_the_permissions_are_turned_away(client, course):
    client.force_login(blended_staff("Blended outsiders"))
    for name in ("blended_programmes", "blended_cohorts", "blended_participants"):
        assert client.get(reverse(f"{name}:index")).status_code == 302
        assert client.get(reverse(f"{name}:add")).status_code == 302
    response = client.post(reverse("blended_programmes:add"), programme_data(course))
    assert response.status_code == 302
    assert not Programme.objects.exists()


def test_viewers_may_list_but_not_add(client, course):
    client.force_login(blended_staff("Viewers", "view"))
    assert client.get(reverse("blended_cohorts:index")).status_code == 200
    assert client.get(reverse("blended_cohorts:add")).status_code == 302


def test_deleting_what_history_depends_on_is_refused_with_a_message(client, course):
    """A certified walk-in, their cohort and its programme: each delete is refused, nothing
    is lost, and the page says why."""
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    cohort = cohort_of(
        programme_for(course, requires_elearning=False, min_post_test_percent=None),
        (1, 1, 1, 1, 1, 1),
    )
    walk_in = Participant.objects.create(cohort=cohort, name="Walk-in")
    attended(walk_in, 6)
    assert walk_in.certificates.count() == 1
    targets = [
        ("blended_participants", walk_in.pk, "Walk-in"),
        ("blended_cohorts", cohort.pk, cohort.name),
        ("blended_programmes", cohort.programme_id, cohort.programme.name),
    ]
    for viewset, pk, name in targets:
        response = client.post(reverse(f"{viewset}:delete", args=[pk]), follow=True)
        assert response.status_code == 200
        assert f"“{name}” cannot be deleted" in response.content.decode()
    assert (Participant.objects.count(), Cohort.objects.count(), Programme.objects.count()) == (
        1,
        1,
        1,
    )
