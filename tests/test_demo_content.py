"""`manage.py seed_demo`: three real courses, one per phase, and demo accounts, idempotently."""

from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page

from courses.assessment.translations import check_quiz_translations
from courses.models import CoursePage, CrisisPhase, LessonPage, ModulePage
from demo.content import preparedness
from demo.content.quizzes import PREPAREDNESS_FINAL_QUIZ, PREPAREDNESS_PRE_TEST
from demo.content.translations import TRANSLATED_COURSES, shape


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
    manager = users.get(username="manager")
    assert manager.has_perm("reports.view_reports") and not manager.is_superuser
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


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_preparedness_course_is_fully_translated(seeded, language):
    """Every page of "Reaching migrants before a crisis" is a real translation (no alias),
    live, in the language's tree, with its source's translation key."""
    source = CoursePage.objects.get(
        slug="reaching-migrants-before-a-crisis", locale=Locale.get_default()
    )
    locale = Locale.objects.get(language_code=language)
    for page in [source, *source.get_descendants()]:
        translated = page.get_translation(locale)
        assert translated.live and translated.alias_of_id is None, page.title
        assert translated.title != page.title, page.title


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_demo_translations_match_their_source_block_for_block(seeded, language):
    """The data files mirror the English ones (same blocks, questions and choices), and the
    translated quizzes keep the source's ids and right answers."""
    module = import_module(TRANSLATED_COURSES[language])
    assert shape(module.COURSE) == shape(preparedness.COURSE)
    assert shape(module.QUIZZES["final-quiz"]) == shape(PREPAREDNESS_FINAL_QUIZ)
    assert shape(module.QUIZZES["pre-test"]) == shape(PREPAREDNESS_PRE_TEST)
    report = check_quiz_translations()
    assert (report.checked, report.pages) == (4, [])


def test_other_demo_courses_stay_in_english_with_the_fallback_notice(seeded, client):
    course = CoursePage.objects.get(
        slug="protecting-migrants-during-an-emergency", locale=Locale.get_default()
    )
    stand_in = course.get_translation(Locale.objects.get(language_code="ar"))
    assert stand_in.alias_of_id == course.pk
    assert "notice--language" in client.get(stand_in.url).content.decode()
