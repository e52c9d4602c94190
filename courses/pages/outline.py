"""A course's published outline (modules, lessons, quizzes: titles, URLs, keys), from the cache.

Lesson pages need their course's lesson list for progress and previous/next links, and "My
learning" needs it for every enrolled course; both are the same for every learner. So each
course's outline is built once, in a fixed few queries whatever the number of courses, and
kept in the shared cache under the content version (`courses.caching.content_version`):
publishing, unpublishing, moving or deleting any page makes it unreachable at once.

Only shared, published facts are kept here, never anything about a learner.

The page models use this module (a lesson page shows its course's outline), and completion
reads it, so it names the page types of the course tree (`page_type`) rather than importing
them, as `subpage_types` and `ForeignKey("courses.LessonPage")` do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site

from courses.caching import shared_cache
from courses.pages.languages import content_language, with_content_language
from training.languages import text_direction

#: Part of every key: change it when the shape of the cached outline changes.
SCHEMA = 2


def page_type(name: str) -> type[Page]:
    """A page type of the course tree by its model name: "CoursePage", "LessonPage", …"""
    return apps.get_model("courses", name)


@dataclass(frozen=True)
class OutlinePage:
    """A published module, lesson or quiz as outlines, links and progress need it."""

    id: int
    title: str
    url: str | None
    path: str
    translation_key: UUID
    kind: str
    #: The language of its words (its source's, for a page not translated yet).
    language: str = ""
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
    """The paths of the live courses with these translation keys, by key: each course in the
    active language's tree (its translation, or the alias standing in for one), else in the
    default language's."""
    language = get_language()

    def build() -> dict:
        rows = (
            page_type("CoursePage")
            .objects.live()
            .values_list("translation_key", "path", "locale__language_code")
        )
        chosen: dict[UUID, tuple[int, str]] = {}
        for key, path, code in rows:
            rank = 0 if code == language else 1 if code == settings.LANGUAGE_CODE else 2
            if key not in chosen or rank < chosen[key][0]:
                chosen[key] = (rank, path)
        return {key: path for key, (_rank, path) in chosen.items()}

    paths = shared_cache.get(
        shared_cache.request_content_version(request),
        f"live-courses:{SCHEMA}:{language}",
        build,
    )
    return {course_key: paths[course_key] for course_key in course_keys if course_key in paths}


def build_outlines(course_paths: list[str], live_only: bool = True) -> dict[str, CourseOutline]:
    """Outlines of the live courses at these paths, from the database, in four queries.

    `live_only=False` also outlines a course that is not live (for previews; not cached)."""
    courses = with_content_language(page_type("CoursePage").objects.filter(path__in=course_paths))
    courses = courses.defer_streamfields()
    courses = list(courses.live() if live_only else courses)
    if not courses:
        return {}
    # One look-up of the sites' root paths for every URL below, not one per page.
    site_root_paths = Site.get_site_root_paths()
    in_any_course = reduce(or_, (Q(path__startswith=course.path) for course in courses))

    def pages(model) -> list:
        found = list(
            with_content_language(model.objects.live())
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
            language=content_language(course),
            text_direction=text_direction(content_language(course)),
        )
        outlines[course.path] = CourseOutline(summary)
    course_path_length = len(courses[0].path)  # courses all sit at one depth in the tree
    for module in pages(page_type("ModulePage")):
        outline = outlines.get(module.path[:course_path_length])
        if outline is not None:
            outline.modules[module.path] = outline_page(module, "module")
    for lesson in pages(page_type("LessonPage")):
        outline = outlines.get(lesson.path[:course_path_length])
        if outline is not None:
            outline.lessons.append(outline_page(lesson, "lesson", lesson.estimated_minutes))
    for quiz in pages(page_type("QuizPage")):
        outline = outlines.get(quiz.path[:course_path_length])
        if outline is not None:
            required = quiz.counts_towards_completion
            outline.quizzes.append(outline_page(quiz, "quiz", required=required))
    return outlines


def outline_page(page: Page, kind: str, minutes: int = 0, required: bool = False) -> OutlinePage:
    return OutlinePage(
        id=page.pk,
        title=page.title,
        url=page.get_url(),
        path=page.path,
        translation_key=page.translation_key,
        kind=kind,
        language=content_language(page),
        estimated_minutes=minutes,
        required=required,
    )


# The syllabus of one course, from the database: what the course page lists, with the learner's
# quiz results attached to the quizzes, and what completion reads for a course not live.


@dataclass(frozen=True)
class ModuleOutline:
    """A module with its lessons and quizzes, as the syllabus shows them."""

    module: Page
    lessons: list[Page]
    quizzes: list[Page]

    @property
    def items(self) -> list[Page]:
        """Lessons and quizzes in the order authors set."""
        return sorted([*self.lessons, *self.quizzes], key=lambda page: page.path)

    @property
    def minutes(self) -> int:
        return sum(lesson.estimated_minutes for lesson in self.lessons)


def live_pages_in(course: Page, type_name: str) -> list[Page]:
    """The course's live pages of one type, in tree order. One query."""
    return list(
        with_content_language(page_type(type_name).objects.descendant_of(course))
        .live()
        .public()
        .defer_streamfields()
        .order_by("path")
    )


def syllabus(course: Page, lessons: list[Page], quizzes: list[Page]) -> list[ModuleOutline]:
    """Live modules in tree order, each with its live lessons and quizzes. One query."""
    modules = with_content_language(page_type("ModulePage").objects.child_of(course))
    modules = modules.live().public().order_by("path")
    outlines = {module.path: ModuleOutline(module, [], []) for module in modules}
    for page in [*lessons, *quizzes]:
        outline = outlines.get(page.path[: len(page.path) - Page.steplen])
        if outline is not None:
            (outline.quizzes if page.kind == "quiz" else outline.lessons).append(page)
    return list(outlines.values())
