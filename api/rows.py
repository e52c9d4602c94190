"""What the serializers need of a page of rows, fetched for the whole page at once, so a list
costs the same few queries whatever its length."""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Count
from django.utils import translation
from wagtail.models import Page, Site

from courses.learning.models import Enrolment, LessonCompletion
from courses.pages.languages import locale_code
from courses.pages.outline import course_outlines, live_course_paths


def attach_translations(courses: Sequence[Page]) -> Sequence[Page]:
    """Set `api_url` and `api_translations` (language, title, URL of each published
    translation, aliases apart) on each course. One query, whatever the number."""
    site_root_paths = Site.get_site_root_paths()
    keys = {course.translation_key for course in courses}
    translations = (
        Page.objects.live()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .only("id", "title", "url_path", "locale_id", "path", "depth", "translation_key")
        .order_by("locale_id")
    )
    found: dict = {}
    for page in translations:
        page._wagtail_cached_site_root_paths = site_root_paths
        found.setdefault(page.translation_key, []).append(
            SimpleNamespace(
                language=locale_code(page.locale_id), title=page.title, url=page.get_full_url()
            )
        )
    for course in courses:
        course._wagtail_cached_site_root_paths = site_root_paths
        course.api_url = course.get_full_url()
        course.api_translations = found.get(course.translation_key, [])
    return courses


def attach_progress(enrolments: Sequence[Enrolment]) -> Sequence[Enrolment]:
    """Set `api_course_title` and `api_progress` (lessons done in the current cycle, of the
    course's live lessons) on each enrolment: the outlines come from the cache, the
    completions in one query."""
    course_keys = {enrolment.course_key for enrolment in enrolments}
    # The default language's tree: the outline learners' records are counted against.
    with translation.override(settings.LANGUAGE_CODE):
        paths = live_course_paths(course_keys)
        outlines = course_outlines(paths.values())
    lessons_by_course = {
        key: {lesson.translation_key for lesson in outlines[path].lessons}
        for key, path in paths.items()
        if path in outlines
    }
    all_lessons = set().union(*lessons_by_course.values()) if lessons_by_course else set()
    done = {}
    if enrolments and all_lessons:
        rows = (
            LessonCompletion.objects.filter(
                user_id__in={enrolment.user_id for enrolment in enrolments},
                course_key__in=course_keys,
                lesson_key__in=all_lessons,
            )
            .values("user_id", "course_key", "cycle")
            .annotate(lessons=Count("lesson_key", distinct=True))
            .order_by()
        )
        done = {(row["user_id"], row["course_key"], row["cycle"]): row["lessons"] for row in rows}
    for enrolment in enrolments:
        path = paths.get(enrolment.course_key)
        outline = outlines.get(path) if path else None
        total = len(lessons_by_course.get(enrolment.course_key, ()))
        lessons_done = min(
            done.get((enrolment.user_id, enrolment.course_key, enrolment.cycle), 0), total
        )
        enrolment.api_course_title = outline.course.title if outline else None
        enrolment.api_progress = {
            "lessons_done": lessons_done,
            "lessons_total": total,
            "percent": round(100 * lessons_done / total) if total else 0,
        }
    return enrolments
