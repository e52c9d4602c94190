"""One course in several languages: the switcher, the learner's language, the fallback for
pages not translated yet, and progress shared by every translation of a course."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from accounts.models import User
from certificates.models import Certificate
from courses.learning.enrolment import enrol
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from home.locales import ensure_languages, translate_page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).live().order_by("path"))


def translate_course(course: CoursePage, language: str) -> CoursePage:
    """The course, its modules and lessons translated into `language` (titles marked)."""
    translated = translate_page(course, language, title=f"[{language}] {course.title}")
    for page in course.get_descendants().specific().order_by("path"):
        translate_page(page, language, title=f"[{language}] {page.title}")
    return translated


def switcher_targets(html: str) -> dict[str, str]:
    """{language: the page the switcher's link leads to} read from the rendered page."""
    targets = {}
    for chunk in html.split('href="/language/')[1:]:
        code, rest = chunk.split("/", 1)
        query = rest.split('"', 1)[0].removeprefix("?").replace("&amp;", "&")
        targets[code] = parse_qs(query)["next"][0]
    return targets


def test_every_language_is_offered_on_every_page(client, course):
    for url in ["/", course.url, "/accounts/login/", "/search/"]:
        targets = switcher_targets(client.get(url).content.decode())
        assert set(targets) == {code for code, _name in settings.LANGUAGES}, url


def test_the_switcher_leads_to_the_same_page_in_the_other_language(client, course):
    arabic = translate_course(course, "ar")
    targets = switcher_targets(client.get(course.url).content.decode())
    assert targets["ar"] == arabic.url
    assert targets["ar"].startswith("/ar/")
    back = switcher_targets(client.get(arabic.url).content.decode())
    assert back["en"] == course.url


def test_arabic_pages_are_right_to_left_and_english_ones_left_to_right(client, course):
    arabic = translate_course(course, "ar")
    assert '<html lang="ar" dir="rtl">' in client.get(arabic.url).content.decode()
    assert '<html lang="en" dir="ltr">' in client.get(course.url).content.decode()


def test_switching_language_remembers_it_for_the_learner(client, learner, course):
    client.force_login(learner)
    response = client.get("/language/fr/", {"next": "/fr/learn/"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/learn/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    learner.refresh_from_db()
    assert learner.preferred_language == "fr"


def test_switching_to_an_unknown_language_is_a_404(client):
    assert client.get("/language/xx/", {"next": "/"}).status_code == 404


def test_switching_never_leads_off_the_site(client):
    response = client.get("/language/ar/", {"next": "https://evil.example/"})
    assert response["Location"] == "/ar/"


def test_logging_in_applies_the_preferred_language(client):
    user = UserFactory(preferred_language="ar")
    user.set_password("a long enough passphrase")
    user.save()
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "a long enough passphrase"}
    )
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path.startswith("/ar/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"


def test_signing_up_in_french_makes_french_the_preferred_language(client):
    response = client.post(
        "/fr/accounts/signup/",
        {
            "full_name": "Awa Diallo",
            "email": "awa@example.org",
            "password1": "Une phrase assez longue 42",
            "password2": "Une phrase assez longue 42",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="awa@example.org").preferred_language == "fr"


def test_a_lesson_not_yet_translated_shows_its_source_with_a_notice(client, learner, course):
    ensure_languages()
    enrol(learner, course)
    client.force_login(learner)
    lesson = lessons_of(course)[0]
    stand_in = lesson.get_translation(Locale.objects.get(language_code="fr"))
    assert stand_in.alias_of_id == lesson.pk
    response = client.get(stand_in.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert stand_in.url.startswith("/fr/")
    assert 'lang="en"' in html  # the lesson's words are marked as English
    assert "notice--language" in html


def test_the_catalogue_lists_a_course_under_every_language_it_is_in(client, course_builder):
    translated = course_builder(title="Shelter management")
    translate_course(translated, "fr")
    english_only = course_builder(title="Family tracing")
    ensure_languages()

    def listed(language: str) -> set[str]:
        response = client.get("/courses/", {"language": language})
        return {page.translation_key for page in response.context["courses"]}

    assert listed("fr") == {translated.translation_key}
    assert listed("en") == {translated.translation_key, english_only.translation_key}


def test_progress_enrolment_and_certificate_are_shared_by_all_translations(client, learner, course):
    arabic = translate_course(course, "ar")
    client.force_login(learner)
    assert client.post(f"/learn/courses/{course.pk}/enrol/").status_code == 302
    english_lessons, arabic_lessons = lessons_of(course), lessons_of(arabic)
    assert [lesson.translation_key for lesson in english_lessons] == [
        lesson.translation_key for lesson in arabic_lessons
    ]
    for lesson in english_lessons[:2]:
        assert client.post(f"/learn/lessons/{lesson.pk}/complete/").status_code == 302
    assert client.get(arabic.url).context["progress"].done == 2
    for lesson in arabic_lessons[2:]:
        assert client.post(f"/ar/learn/lessons/{lesson.pk}/complete/").status_code == 302
    assert client.post(f"/ar/learn/courses/{arabic.pk}/enrol/").status_code == 302

    assert Enrolment.objects.filter(user=learner).count() == 1
    assert LessonCompletion.objects.filter(user=learner).count() == len(english_lessons)
    for page in (course, arabic):
        progress = client.get(page.url).context["progress"]
        assert (progress.done, progress.total) == (len(english_lessons), len(english_lessons))
    assert Certificate.objects.filter(enrolment__user=learner).count() == 1


@pytest.mark.parametrize("page_name", ["lesson", "course", "my learning", "catalogue"])
def test_learner_page_queries_do_not_grow_with_the_number_of_languages(
    client, learner, course, page_name
):
    """A learner's page costs the same queries with one language as with four translations
    of the course (and aliases of every page in every language)."""
    enrol(learner, course)
    client.force_login(learner)
    url = {
        "lesson": lessons_of(course)[0].url,
        "course": course.url,
        "my learning": "/learn/",
        "catalogue": "/courses/",
    }[page_name]

    def queries() -> int:
        client.get(url)  # caches warm
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    one_language = queries()
    for language in ("fr", "es", "ar"):
        translate_course(course, language)
    ensure_languages()
    assert queries() <= one_language


def test_my_learning_shows_courses_in_the_language_it_is_read_in(client, learner, course):
    arabic = translate_course(course, "ar")
    enrol(learner, course)
    client.force_login(learner)
    assert arabic.title in client.get("/ar/learn/").content.decode()
    english = client.get("/learn/").content.decode()
    assert course.title in english and arabic.title not in english
