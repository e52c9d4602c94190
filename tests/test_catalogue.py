"""The catalogue and course pages: filters, syllabus, and query counts that stay flat."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CrisisPhase, LessonPage
from home.locales import ensure_languages, translate_page
from tests.factories import AudienceFactory, CoursePageFactory


def count_queries(client, url: str) -> int:
    """Queries of a page once the caches that content changes empty are filled again: a
    first request after a change builds them in a fixed number of queries."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def titles_listed(client, query: str = "") -> list[str]:
    response = client.get(f"/courses/{query}")
    assert response.status_code == 200
    return sorted(course.title for course in response.context["courses"])


def test_catalogue_lists_published_courses_only(client, course_builder):
    course_builder(title="Warnings in every language")
    draft = course_builder(title="Unfinished course")
    draft.unpublish()
    assert titles_listed(client) == ["Warnings in every language"]


def test_catalogue_filters_by_phase_audience_and_language(client, catalogue):
    responders = AudienceFactory(slug="first-responders", name="First responders")
    consuls = AudienceFactory(slug="consular-staff", name="Consular staff")
    CoursePageFactory(
        parent=catalogue, title="Plan", phase=CrisisPhase.PREPAREDNESS, audiences=[responders]
    )
    CoursePageFactory(
        parent=catalogue, title="Act", phase=CrisisPhase.RESPONSE, audiences=[consuls]
    )
    rebuild = CoursePageFactory(
        parent=catalogue,
        title="Rebuild",
        phase=CrisisPhase.POST_CRISIS,
        audiences=[responders, consuls],
    )
    ensure_languages()
    translate_page(rebuild, "ar", title="إعادة البناء")
    assert titles_listed(client) == ["Act", "Plan", "Rebuild"]
    assert titles_listed(client, "?phase=response") == ["Act"]
    assert titles_listed(client, "?audience=first-responders") == ["Plan", "Rebuild"]
    assert titles_listed(client, "?language=ar") == ["Rebuild"]
    assert titles_listed(client, "?phase=post_crisis&audience=consular-staff") == ["Rebuild"]


def test_unknown_filter_values_are_a_form_error_not_a_server_error(client, course_builder):
    course_builder(title="Plan")
    response = client.get("/courses/?phase=war&audience=nobody&language=xx&page=abc")
    assert response.status_code == 200
    errors = response.context["filter"].form.errors
    assert set(errors) == {"phase", "audience", "language"}
    assert "Select a valid choice" in response.content.decode()


def test_catalogue_query_count_does_not_grow_with_courses(client, catalogue):
    audience = AudienceFactory()
    for _ in range(3):
        CoursePageFactory(parent=catalogue, audiences=[audience])
    client.get("/courses/")  # warm per-process caches (site root paths)
    with_three = count_queries(client, "/courses/")
    for _ in range(27):
        CoursePageFactory(parent=catalogue, audiences=[audience])
    assert count_queries(client, "/courses/") == with_three


def test_course_page_query_count_does_not_grow_with_lessons(client, course_builder):
    small = course_builder(modules=1, lessons_per_module=3)
    large = course_builder(modules=3, lessons_per_module=10)
    client.get(small.url)
    assert count_queries(client, large.url) == count_queries(client, small.url)


def test_lesson_page_query_count_does_not_grow_with_lessons(client, course_builder):
    small = course_builder(modules=1, lessons_per_module=3)
    large = course_builder(modules=3, lessons_per_module=10)
    small_lesson = LessonPage.objects.descendant_of(small).first()
    large_lesson = LessonPage.objects.descendant_of(large).last()
    client.get(small_lesson.url)
    assert count_queries(client, large_lesson.url) == count_queries(client, small_lesson.url)


def test_course_page_shows_outcomes_and_the_syllabus_in_order(client, course_builder):
    course = course_builder(modules=2, lessons_per_module=3)
    course.outcomes = [{"type": "outcome", "value": "Map who lives in your area."}]
    course.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert "Map who lives in your area." in html
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    positions = [html.index(lesson.title) for lesson in lessons]
    assert positions == sorted(positions)


def test_lesson_page_links_to_the_next_lesson_across_modules(client, course_builder):
    course = course_builder(modules=2, lessons_per_module=1)
    first, second = LessonPage.objects.descendant_of(course).order_by("path")
    response = client.get(first.url)
    assert response.context["next_lesson"].pk == second.pk
    assert response.context["previous_lesson"] is None
    assert second.url in response.content.decode()


def test_unknown_page_is_a_404(client, catalogue):
    assert client.get("/courses/no-such-course/").status_code == 404


def test_home_page_query_count_does_not_grow_with_courses(client, catalogue):
    audience = AudienceFactory()
    for _ in range(3):
        CoursePageFactory(parent=catalogue, audiences=[audience])
    client.get("/")
    with_three = count_queries(client, "/")
    for _ in range(27):
        CoursePageFactory(parent=catalogue, audiences=[audience])
    assert count_queries(client, "/") == with_three


def test_module_page_lists_its_lessons_in_order(client, course_builder):
    course = course_builder(modules=1, lessons_per_module=3)
    module = course.get_children().specific().get()
    lessons = list(module.get_children().order_by("path"))

    html = client.get(module.url).content.decode()

    assert "being written" not in html
    positions = [html.index(lesson.title) for lesson in lessons]
    assert positions == sorted(positions)
