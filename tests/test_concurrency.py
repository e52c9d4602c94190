"""Races between real database connections: the last place goes to exactly one learner.

Each learner enrols from its own thread with its own connection, released together by a
barrier; on PostgreSQL this exercises the row lock, on SQLite the immediate transactions.
"""

import threading

import pytest
from django.db import connection

from courses.learning.enrolment import EnrolmentRefused, enrol
from courses.models import Enrolment
from home.locales import translate_page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def race(course, users, courses=None) -> list[str]:
    """Enrol each user at once; `courses` gives each user the page (translation) to enrol
    from, the same `course` for all by default."""
    courses = courses or [course] * len(users)
    barrier = threading.Barrier(len(users))
    outcomes: list[str] = []

    def attempt(user, page):
        try:
            barrier.wait(timeout=10)
            enrol(user, page)
            outcomes.append("enrolled")
        except EnrolmentRefused as refusal:
            outcomes.append(str(refusal))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=attempt, args=pair) for pair in zip(users, courses, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.parametrize("attempt", range(3))
def test_two_learners_racing_for_the_last_place_one_gets_it(course_builder, attempt):
    course = course_builder(capacity=1, modules=1, lessons_per_module=1)
    users = [UserFactory(), UserFactory()]
    outcomes = race(course, users)
    assert sorted(outcomes) == ["This course is full.", "enrolled"]
    assert Enrolment.objects.filter(course_key=course.translation_key).count() == 1


@pytest.mark.parametrize("attempt", range(3))
def test_last_place_holds_across_translations(course_builder, attempt):
    """One learner enrols from the English course page, one from its Arabic translation:
    the places are the course's, shared by its translations, and so is the lock."""
    course = course_builder(capacity=1, modules=1, lessons_per_module=1)
    arabic = translate_page(course, "ar", title="دورة")
    outcomes = race(course, [UserFactory(), UserFactory()], courses=[course, arabic])
    assert sorted(outcomes) == ["This course is full.", "enrolled"]
    assert Enrolment.objects.filter(course_key=course.translation_key).count() == 1


def test_many_learners_racing_never_exceed_the_places(course_builder):
    course = course_builder(capacity=3, modules=1, lessons_per_module=1)
    outcomes = race(course, [UserFactory() for _ in range(8)])
    assert outcomes.count("enrolled") == 3
    assert Enrolment.objects.filter(course_key=course.translation_key).count() == 3


def test_one_learner_double_clicking_enrol_gets_one_enrolment(course_builder):
    course = course_builder(modules=1, lessons_per_module=1)
    user = UserFactory()
    outcomes = race(course, [user, user])
    assert outcomes == ["enrolled", "enrolled"]
    assert Enrolment.objects.filter(user=user).count() == 1
