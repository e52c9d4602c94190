"""Enrolment rules, through the HTTP client as a learner uses them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import Enrolment, LessonCompletion, LessonPage
from tests.factories import UserFactory


def enrol_url(course) -> str:
    return f"/learn/courses/{course.pk}/enrol/"


def enrolments(course):
    return Enrolment.objects.filter(course_key=course.translation_key)


def test_anonymous_visitor_is_sent_to_log_in_and_back(client, course):
    response = client.post(enrol_url(course))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert f"next={course.url}".replace("/", "%2F") in response.url or course.url in response.url
    assert not enrolments(course).exists()


def test_course_page_offers_enrol_to_a_logged_in_learner(client, learner, course):
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert f'action="{enrol_url(course)}"' in html
    assert "csrfmiddlewaretoken" in html


def test_enrol_creates_one_active_enrolment_and_twice_is_harmless(client, learner, course):
    client.force_login(learner)
    for _ in range(2):
        response = client.post(enrol_url(course))
        assert response.status_code == 302
        assert response.url == course.url
    enrolment = enrolments(course).get()
    assert enrolment.user == learner and enrolment.is_active


def test_enrolling_needs_a_post(client, learner, course):
    client.force_login(learner)
    assert client.get(enrol_url(course)).status_code == 405
    assert not enrolments(course).exists()


def test_enrol_is_protected_by_csrf(learner, course):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(learner)
    assert csrf_client.post(enrol_url(course)).status_code == 403
    assert not enrolments(course).exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"enrolment_open": False}, "Enrolment in this course is closed."),
        ({"enrolment_opens_at": timezone.now() + timedelta(days=3)}, "Enrolment opens on"),
        ({"enrolment_closes_at": timezone.now() - timedelta(days=1)}, "has closed"),
        ({"capacity": 0}, "This course is full."),
        ({"enrolment_key": "cohort-7"}, "enrolment key is not right"),
    ],
)
def test_refused_enrolment_says_why_and_writes_nothing(
    client, learner, course_builder, fields, message
):
    course = course_builder(**fields)
    client.force_login(learner)
    response = client.post(enrol_url(course), {"key": "wrong"}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not enrolments(course).exists()


def test_the_right_key_enrols(client, learner, course_builder):
    course = course_builder(enrolment_key="cohort-7")
    client.force_login(learner)
    client.post(enrol_url(course), {"key": " cohort-7 "})
    assert enrolments(course).get().is_active


def test_enrolment_window_that_is_open_now_enrols(client, learner, course_builder):
    now = timezone.now()
    course = course_builder(
        enrolment_opens_at=now - timedelta(days=1), enrolment_closes_at=now + timedelta(days=1)
    )
    client.force_login(learner)
    client.post(enrol_url(course))
    assert enrolments(course).get().is_active


def test_last_place_goes_to_the_first_learner(client, course_builder):
    course = course_builder(capacity=1)
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    client.post(enrol_url(course))
    client.force_login(second)
    response = client.post(enrol_url(course), follow=True)
    assert "This course is full." in response.content.decode()
    assert list(enrolments(course).values_list("user", flat=True)) == [first.pk]


def test_withdrawn_learners_free_their_place(client, course_builder):
    course = course_builder(capacity=1)
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    client.post(enrol_url(course))
    client.post(f"/learn/courses/{course.pk}/withdraw/")
    client.force_login(second)
    client.post(enrol_url(course))
    assert enrolments(course).active().get().user == second


def test_unpublished_or_unknown_course_is_a_404(client, learner, course):
    client.force_login(learner)
    course.unpublish()
    assert client.post(enrol_url(course)).status_code == 404
    assert client.post("/learn/courses/999999/enrol/").status_code == 404
    assert not enrolments(course).exists()


def test_withdrawing_keeps_progress_and_re_enrolling_restores_it(client, learner, course):
    lesson = LessonPage.objects.descendant_of(course).first()
    client.force_login(learner)
    client.post(enrol_url(course))
    client.post(f"/learn/lessons/{lesson.pk}/complete/")
    client.post(f"/learn/courses/{course.pk}/withdraw/")
    assert enrolments(course).get().status == Enrolment.Status.WITHDRAWN
    assert LessonCompletion.objects.filter(user=learner).count() == 1
    client.post(enrol_url(course))
    assert enrolments(course).get().is_active
    response = client.get(course.url)
    assert response.context["progress"].done == 1


def test_withdrawing_twice_is_harmless(client, learner, course):
    client.force_login(learner)
    client.post(enrol_url(course))
    for _ in range(2):
        assert client.post(f"/learn/courses/{course.pk}/withdraw/").status_code == 302
    assert enrolments(course).get().status == Enrolment.Status.WITHDRAWN


def test_lesson_body_is_for_enrolled_learners_and_course_staff(client, learner, course):
    lesson = LessonPage.objects.descendant_of(course).first()
    secret = "Warn everyone, in every language."
    assert secret not in client.get(lesson.url).content.decode()
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert lesson.title in html and secret not in html
    client.post(enrol_url(course))
    assert secret in client.get(lesson.url).content.decode()
    client.post(f"/learn/courses/{course.pk}/withdraw/")
    assert secret not in client.get(lesson.url).content.decode()


def test_authors_read_lessons_without_enrolling(client, course):
    from django.contrib.auth.models import Group

    author = UserFactory()
    author.groups.add(Group.objects.get(name="Course authors"))
    lesson = LessonPage.objects.descendant_of(course).first()
    client.force_login(author)
    assert "Warn everyone, in every language." in client.get(lesson.url).content.decode()
