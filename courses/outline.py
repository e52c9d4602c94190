"""A course's published outline (modules, lessons, quizzes: titles, URLs, keys), from the cache.

Lesson pages need their course's lesson list for progress and previous/next links, and "My
learning" needs it for every enrolled course; both are the same for every learner. So each
course's outline is built once, in a fixed few queries whatever the number of courses, and
kept in the shared cache under the content version (`courses.content_version`): publishing,
unpublishing, moving or deleting any page makes it unreachable at once.

Only shared, published facts are kept here, never anything about a learner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from uuid import UUID

from django.db.models import Q
from django.http import HttpRequest
from wagtail.models import Page, Site

from courses import shared_cache
from courses.models import CoursePage, LessonPage, ModulePage, QuizPage
from courses.progress import is_required

#: Part of every key: change it when the shape of the cached outline changes.
SCHEMA = 1


@dataclass(frozen=True)
class OutlinePage:
    """A published module, lesson or quiz as outlines, links and progress need it."""

    id: int
    title: str
    url: str | None
    path: str
    translation_key: UUID
    kind: str
    estimated_minutes: int = 0
    #: For quizzes: whether completing the course needs a pass.
    required: bool = False

    @property
    def pk(self) -> int:
        return self.id


@dataclass(frozen=True)
class OutlineCourse:
    """What pages that show a course as a link or a heading need of it."""

    id: int
    title: str
    url: str | None
    path: str
    translation_key: UUID
    language: str
    text_direction: str

    @property
    def pk(self) -> int:
        return self.id


@dataclass(frozen=True)
class CourseOutline:
    course: OutlineCourse
    #: Live modules by path, in tree order.
    modules: dict[str, OutlinePage] = field(default_factory=dict)
    #: Live lessons and quizzes in reading order, across modules.
    lessons: list[OutlinePage] = field(default_factory=list)
    quizzes: list[OutlinePage] = field(default_factory=list)

    @property
    def required_quizzes(self) -> list[OutlinePage]:
        return [quiz for quiz in self.quizzes if quiz.required]

    def neighbours(self, page_id: int) -> tuple[OutlinePage | None, OutlinePage | None]:
        """The lessons before and after one lesson; none for a page outside the outline (a
        draft being previewed)."""
        ids = [lesson.id for lesson in self.lessons]
        if page_id not in ids:
            return None, None
        position = ids.index(page_id)
        previous_lesson = self.lessons[position - 1] if position > 0 else None
        next_lesson = self.lessons[position + 1] if position + 1 < len(self.lessons) else None
        return previous_lesson, next_lesson


def course_outline(course_path: str, request: HttpRequest | None = None) -> CourseOutline | None:
    """The outline of the live course at `course_path`, or None if there is none."""
    return course_outlines([course_path], request).get(course_path)


def course_outlines(
    course_paths: Iterable[str], request: HttpRequest | None = None
) -> dict[str, CourseOutline]:
    """Outlines of several live courses by path, from the cache; for the ones not cached,
    four queries whatever their number. Paths of courses not live are left out."""
    keys = {f"course-outline:{SCHEMA}:{path}": path for path in course_paths}

    def build(missing: list[str]) -> dict[str, CourseOutline]:
        built = build_outlines([keys[key] for key in missing])
        return {key: built[keys[key]] for key in missing if keys[key] in built}

    found = shared_cache.get_many(shared_cache.request_content_version(request), list(keys), build)
    return {keys[key]: outline for key, outline in found.items()}


def live_course_paths(course_keys: Iterable[UUID], request: HttpRequest | None = None) -> dict:
    """The paths of the live courses with these translation keys, by key."""

    def build() -> dict:
        # Translations share a key; the first locale's course stands for them all.
        courses = CoursePage.objects.live().order_by("-locale_id", "-path")
        return dict(courses.values_list("translation_key", "path"))

    paths = shared_cache.get(
        shared_cache.request_content_version(request), f"live-courses:{SCHEMA}", build
    )
    return {course_key: paths[course_key] for course_key in course_keys if course_key in paths}


def build_outlines(course_paths: list[str], live_only: bool = True) -> dict[str, CourseOutline]:
    """Outlines of the live courses at these paths, from the database, in four queries.

    `live_only=False` also outlines a course that is not live (for previews; not cached)."""
    courses = CoursePage.objects.filter(path__in=course_paths).defer_streamfields()
    courses = list(courses.live() if live_only else courses)
    if not courses:
        return {}
    # One look-up of the sites' root paths for every URL below, not one per page.
    site_root_paths = Site.get_site_root_paths()
    in_any_course = reduce(or_, (Q(path__startswith=course.path) for course in courses))

    def pages(model) -> list:
        found = list(
            model.objects.live()
            .public()
            .filter(in_any_course)
            .defer_streamfields()
            .order_by("path")
        )
        for page in found:
            page._wagtail_cached_site_root_paths = site_root_paths
        return found

    outlines = {}
    for course in courses:
        course._wagtail_cached_site_root_paths = site_root_paths
        summary = OutlineCourse(
            id=course.pk,
            title=course.title,
            url=course.get_url(),
            path=course.path,
            translation_key=course.translation_key,
            language=course.language,
            text_direction=course.text_direction,
        )
        outlines[course.path] = CourseOutline(summary)
    course_path_length = len(courses[0].path)  # courses all sit at one depth in the tree
    for module in pages(ModulePage):
        outline = outlines.get(module.path[:course_path_length])
        if outline is not None:
            outline.modules[module.path] = outline_page(module, "module")
    for lesson in pages(LessonPage):
        outline = outlines.get(lesson.path[:course_path_length])
        if outline is not None:
            outline.lessons.append(outline_page(lesson, "lesson", lesson.estimated_minutes))
    for quiz in pages(QuizPage):
        outline = outlines.get(quiz.path[:course_path_length])
        if outline is not None:
            outline.quizzes.append(outline_page(quiz, "quiz", required=is_required(quiz)))
    return outlines


def outline_page(page: Page, kind: str, minutes: int = 0, required: bool = False) -> OutlinePage:
    return OutlinePage(
        id=page.pk,
        title=page.title,
        url=page.get_url(),
        path=page.path,
        translation_key=page.translation_key,
        kind=kind,
        estimated_minutes=minutes,
        required=required,
    )
