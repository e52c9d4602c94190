"""`manage.py seed_demo`: three real courses, one per phase, and demo accounts, idempotently."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page

from courses.models import CoursePage, CrisisPhase, LessonPage, ModulePage


@pytest.fixture
def seeded(db):
    call_command("seed_demo", verbosity=0)


def test_demo_has_one_course_per_crisis_phase(seeded):
    english = CoursePage.objects.live().filter(locale=Locale.get_default())
    phases = sorted(english.values_list("phase", flat=True))
    assert phases == sorted(CrisisPhase.values)


def test_each_demo_course_has_two_modules_of_three_lessons_or_more(seeded):
    for course in CoursePage.objects.all():
        modules = ModulePage.objects.child_of(course)
        assert modules.count() >= 2, course.title
        for module in modules:
            assert LessonPage.objects.child_of(module).live().count() >= 3, module.title


def test_demo_lessons_have_substantial_text(seeded):
    for lesson in LessonPage.objects.all():
        words = sum(len(str(block.render_as_block()).split()) for block in lesson.body)
        assert words >= 200, f"{lesson.title} has only {words} words"


def test_second_run_creates_nothing(seeded):
    pages_before = Page.objects.count()
    users_before = get_user_model().objects.count()
    call_command("seed_demo", verbosity=0)
    assert Page.objects.count() == pages_before
    assert get_user_model().objects.count() == users_before


def test_demo_accounts_are_in_their_groups(seeded):
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    assert users.get(username="author").groups.filter(name="Course authors").exists()
    assert users.get(username="reviewer").groups.filter(name="Course reviewers").exists()
    learner = users.get(username="learner")
    assert not learner.is_staff and not learner.groups.exists()


def test_every_demo_page_is_served(seeded, client):
    for page in Page.objects.live().specific().filter(depth__gte=2):
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_demo_data_is_refused_where_not_allowed(db, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="never exist in production"):
        call_command("seed_demo", verbosity=0)
    assert not get_user_model().objects.filter(username="admin").exists()
