"""The demo's blended training: a past workshop with attendance and certificates, one coming
up, and a two-level cascade (a master trainer, the trainers they trained, the responders
those trainers reached)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from blended.cascade import cascade
from blended.models import Attendance, Cohort, Participant, Programme, QualificationLevel
from blended.qualifications import can_lead, current_level
from certificates.models import Certificate


@pytest.fixture
def seeded(db):
    call_command("seed_demo", verbosity=0)


def users():
    return get_user_model().objects


def test_the_past_workshop_has_attendance_and_certificates_for_those_who_met_every_rule(seeded):
    ankara = Cohort.objects.get(name="Ankara responders, September 2026")
    assert ankara.sessions.count() == 6
    assert Attendance.objects.filter(session__cohort=ankara).count() == 5 * 6
    certified = set(
        Certificate.objects.filter(participant__cohort=ankara).values_list(
            "participant__name", flat=True
        )
    )
    # 6 or 5 of 6 sessions with the e-learning done; 4 of 6, and the walk-in without the
    # e-learning, are not yet.
    assert certified == {"Elif Yılmaz", "Omar Haddad", "Selin Kaya"}
    omar = Certificate.objects.get(participant__name="Omar Haddad", participant__cohort=ankara)
    assert omar.workshop == (
        "Ankara responders, September 2026: attended 5 of 6 sessions, Ankara, 3–5 September 2026"
    )
    elif_ = Certificate.objects.get(participant__name="Elif Yılmaz", participant__cohort=ankara)
    assert "attended 6 of 6 sessions" in elif_.workshop
    # They were on the list before doing the e-learning: the workshop's certificate is their
    # only one for the course, and Yusuf (4 of 6) has none yet.
    responders = ["Elif Yılmaz", "Omar Haddad", "Selin Kaya", "Yusuf Demir"]
    owned = Certificate.objects.filter(enrolment__user__full_name__in=responders)
    assert sorted(owned.values_list("learner_name", flat=True)) == responders[:3]
    walk_in = Participant.objects.get(name="Rania Suleiman")
    assert walk_in.user is None and walk_in.claim_code


def test_an_upcoming_workshop_has_the_demo_learner_on_its_list(seeded, client):
    programme = Programme.objects.get()
    upcoming = programme.cohorts.get(name="Gaziantep responders, coming up")
    assert upcoming.participants.filter(user__username="learner").exists()
    client.force_login(users().get(username="learner"))
    page = client.get("/learn/").content.decode()
    assert "Gaziantep responders, coming up" in page
    assert "Still needed for your certificate:" in page


def test_the_cascade_has_two_levels(seeded):
    master, trainer = users().get(username="master"), users().get(username="trainer")
    assert current_level(master) == QualificationLevel.MASTER
    assert current_level(trainer) == QualificationLevel.CERTIFIED
    assert current_level(users().get(username="nadia")) == QualificationLevel.CO_FACILITATOR
    ankara = Cohort.objects.get(name="Ankara responders, September 2026")
    assert can_lead(trainer, ankara)

    tree = cascade(master)
    assert {node.user.full_name for node in tree.root.trainees} == {"Tariq Trainer", "Nadia Rahimi"}
    tariq = next(node for node in tree.root.trainees if node.user == trainer)
    assert {reach.cohort.name for reach in tariq.cohorts} == {
        "Ankara responders, September 2026",
        "Gaziantep responders, coming up",
    }
    # Level two: the responders the trainer reached (5 in Ankara and the demo learner).
    assert tree.total.trainers_trained == 2
    assert tree.total.responders == 6


def test_seeding_again_adds_no_workshop(seeded):
    before = (Cohort.objects.count(), Participant.objects.count(), Certificate.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Cohort.objects.count(), Participant.objects.count(), Certificate.objects.count()) == (
        before
    )


def test_my_learning_leads_a_facilitator_to_their_workshops(seeded, client):
    client.force_login(users().get(username="trainer"))
    page = client.get("/learn/").content.decode()
    assert 'href="/workshops/"' in page
    client.force_login(users().get(username="learner"))
    assert 'href="/workshops/"' not in client.get("/learn/").content.decode()
