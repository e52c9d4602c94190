"""Site search covers courses and lessons, and takes any input without failing."""

from courses.models import LessonPage


def test_search_finds_a_lesson_by_words_in_its_body(client, course_builder):
    course = course_builder(modules=1, lessons_per_module=2)
    lesson = LessonPage.objects.descendant_of(course).first()
    lesson.body = [{"type": "paragraph", "value": "<p>Trusted messengers carry the warning.</p>"}]
    lesson.save_revision().publish()
    response = client.get("/search/", {"q": "messengers"})
    assert response.status_code == 200
    assert [page.pk for page in response.context["results"]] == [lesson.pk]


def test_search_finds_a_course_by_its_summary(client, course_builder):
    course = course_builder(summary="Evacuation planning with consulates.")
    response = client.get("/search/", {"q": "consulates"})
    assert course.pk in [page.pk for page in response.context["results"]]


def test_search_does_not_show_unpublished_pages(client, course_builder):
    course = course_builder(summary="A secret draft about consulates.")
    course.unpublish()
    response = client.get("/search/", {"q": "consulates"})
    assert list(response.context["results"]) == []


def test_search_accepts_empty_odd_and_very_long_queries(client, catalogue):
    for query in ["", "   ", "\"'<script>", "x" * 5000, "AND OR NOT *"]:
        response = client.get("/search/", {"q": query, "page": "-1"})
        assert response.status_code == 200, query
