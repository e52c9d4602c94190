"""What every public page carries: language and direction, a skip link, no script to read."""

import re

from wagtail.models import Locale

from courses.models import LessonPage
from home.locales import ensure_languages, translate_page


def test_pages_declare_language_direction_and_a_skip_link(client, course_builder):
    course = course_builder()
    for url in ["/", "/courses/", course.url, "/search/?q=warning"]:
        html = client.get(url).content.decode()
        assert re.search(r'<html lang="en" dir="ltr">', html), url
        assert 'href="#main"' in html and 'id="main"' in html, url


def test_arabic_pages_are_right_to_left_and_english_words_in_them_are_marked(
    client, course_builder
):
    course = course_builder()
    ensure_languages()
    translate_page(course, "ar", title="الاستعداد للأزمات")
    arabic_course = course.get_translation(Locale.objects.get(language_code="ar"))
    lesson = LessonPage.objects.descendant_of(arabic_course).first()
    assert lesson.alias_of_id  # not translated yet: stands in for the English lesson
    course_html = client.get(arabic_course.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in course_html
    assert "<h1>الاستعداد للأزمات</h1>" in course_html
    lesson_html = client.get(lesson.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in lesson_html
    assert '<article class="lesson" lang="en" dir="ltr">' in lesson_html
    assert 'class="notice notice--language"' in lesson_html


def test_a_lesson_needs_no_javascript_and_weighs_little(client, course_builder):
    course = course_builder()
    lesson = LessonPage.objects.descendant_of(course).first()
    response = client.get(lesson.url)
    html = response.content.decode()
    assert "<script" not in html
    assert len(response.content) < 30_000


def test_public_pages_send_a_strict_content_security_policy(client, catalogue):
    policy = client.get("/courses/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src" not in policy or "'unsafe-inline'" not in policy


def test_unknown_page_renders_the_friendly_404(client, catalogue):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "<main" in response.content.decode()
