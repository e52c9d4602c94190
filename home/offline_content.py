"""What a learner's device needs to read a module offline: its pages, their images, the style
sheet, the offline page, and the quizzes that can be taken offline.

`module_bundle` answers for one module and `bundle_version` says when a saved copy is out of
date: it changes when any of the module's live pages (or its course page, whose title every
lesson shows) is published, renamed, moved, unpublished or deleted, or an image it shows
changes. It is a digest, not the global content version, so publishing one course does not
make every saved module elsewhere look out of date.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from courses.models import CoursePage, LessonPage, ModulePage, QuizPage

#: Saved images are one rendition of each, suited to a phone's screen (360–420 px wide at a
#: pixel ratio of 2); the service worker serves it for any width the page asks for offline.
PHONE_RENDITION = "width-800|format-webp"
HERO_RENDITION = "width-480|format-webp"
#: Rough size of one page's HTML as stored (uncompressed), before it is downloaded.
PAGE_BYTES_ESTIMATE = 14_000
STYLESHEET = "css/main.css"
SCRIPT = "js/offline.js"
STYLESHEET_BYTES_ESTIMATE = 26_000
SCRIPT_BYTES_ESTIMATE = 20_000
#: The fields of course pages a saved copy shows, besides the title and the URL.
VERSIONED_FIELDS = ("summary", "body", "intro", "questions", "estimated_minutes")


def image_blocks(blocks) -> Iterator[AbstractImage]:
    """The images a lesson body shows, in order."""
    for block in blocks:
        if block.block_type == "image" and block.value and block.value.get("image"):
            yield block.value["image"]


def rendition(image: AbstractImage, spec: str) -> tuple[str, int]:
    """The URL and file size of `image`'s rendition `spec`, made now if nobody has seen it."""
    made = image.get_rendition(spec)
    try:
        size = made.file.size
    except OSError:  # a missing file: the download will find out; the estimate goes on
        size = 0
    return made.url, size


def offline_quiz_url(quiz: QuizPage) -> str:
    """The JSON that lets a learner take `quiz` offline (served by the learning views)."""
    return reverse("offline_quiz", args=[quiz.pk])


def page_state(page: Page) -> list:
    """What a saved copy of `page` shows that authors change, as JSON-ready values.

    The publication date alone would miss a live page saved outside Wagtail's publishing (a
    script, a data migration), so the words themselves count too."""
    state = [page.pk, page.url_path, str(page.last_published_at), page.title]
    for field in VERSIONED_FIELDS:
        value = getattr(page, field, None)
        if isinstance(value, StreamValue):
            value = value.get_prep_value()
        if value is not None:
            state.append(value)
    return state


def bundle_version(pages: list[Page], image_urls: list[str]) -> str:
    """A digest of what the saved copy shows: changes when any of it is republished."""
    state = [page_state(page) for page in pages]
    digest = hashlib.sha256(json.dumps([state, image_urls], default=str).encode())
    return digest.hexdigest()[:20]


def module_bundle(module: ModulePage, course: CoursePage, request: HttpRequest) -> dict:
    """{module, title, url, version, urls, quizzes, bytes} for saving `module` offline.

    URLs are in the language of `module` (localise it first). Queries: a few, plus one per
    image the lessons show (its rendition)."""
    items = list(module.get_children().live().public().specific().order_by("path"))
    lessons = [item for item in items if isinstance(item, LessonPage)]
    quizzes = [item for item in items if isinstance(item, QuizPage)]
    images, size = [], 0
    for lesson in lessons:
        for image in image_blocks(lesson.body):
            url, image_size = rendition(image, PHONE_RENDITION)
            if url not in images:
                images.append(url)
                size += image_size
    page_urls = [module.get_url(request), *(item.get_url(request) for item in items)]
    size += PAGE_BYTES_ESTIMATE * len(page_urls) + STYLESHEET_BYTES_ESTIMATE + SCRIPT_BYTES_ESTIMATE
    return {
        "module": module.pk,
        "title": module.title,
        "url": module.get_url(request),
        "course": course.title,
        "course_id": course.pk,
        "version": bundle_version([course, module, *items], images),
        "urls": [*page_urls, *images, static(STYLESHEET), static(SCRIPT), reverse("offline")],
        "quizzes": [offline_quiz_url(quiz) for quiz in quizzes if not quiz.time_limit_minutes],
        "bytes": size,
    }


def course_bundles(course: CoursePage, request: HttpRequest) -> list[dict]:
    """One bundle per live module of `course`; the first also saves the course page."""
    modules = ModulePage.objects.child_of(course).live().public().order_by("path")
    bundles = [module_bundle(module, course, request) for module in modules]
    if bundles:
        extra = [course.get_url(request)]
        extra_size = PAGE_BYTES_ESTIMATE
        if course.hero_image:
            url, image_size = rendition(course.hero_image, HERO_RENDITION)
            extra.append(url)
            extra_size += image_size
        bundles[0]["urls"][:0] = extra
        bundles[0]["bytes"] += extra_size
    return bundles
