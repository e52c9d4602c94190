"""Publish the demo course's translations (demo/content/translations/) over the aliases that
stand in for them.

A translation page keeps its source's translation key and block ids: the lesson blocks, and
a quiz's questions and choices, are matched by position with the source page's, and take
their ids from it. So progress, attempts and grading are shared by every language, as they
are for a translation an author makes in the admin.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.db import transaction
from wagtail.models import Page

from courses.models import CoursePage, LessonPage, ModulePage, QuizPage
from demo.builder import default_catalogue, question_value, stream
from demo.content.translations import HOMES, TRANSLATED_COURSES
from home.locales import translate_page


class ShapeMismatchError(ValueError):
    """A translation whose blocks do not line up with its source's."""


def with_source_ids(source: Any, translated: Any) -> Any:
    """`translated` (StreamField raw data) with the block and list item ids of `source`.

    Values that are not words (booleans, numbers) are taken from the source too, so a
    translation can never change which choice is correct or how many points it gives."""
    if isinstance(source, list):
        if not isinstance(translated, list) or len(source) != len(translated):
            raise ShapeMismatchError("A translated list does not match its source.")
        return [with_source_ids(a, b) for a, b in zip(source, translated, strict=True)]
    if isinstance(source, dict):
        if not isinstance(translated, dict):
            raise ShapeMismatchError("A translated block does not match its source.")
        merged = {key: with_source_ids(source.get(key), value) for key, value in translated.items()}
        if "id" in source:
            merged["id"] = source["id"]
        return merged
    if isinstance(source, bool | int | float) and not isinstance(translated, str):
        return source
    return translated


def translated_stream(source_page: Page, field: str, blocks: list[dict]) -> list[dict]:
    return with_source_ids(getattr(source_page, field).get_prep_value(), blocks)


def child_by_slug(parent: Page, model: type[Page], slug: str) -> Page:
    return model.objects.child_of(parent).get(slug=slug)


def translate_lessons(module: ModulePage, lessons: list[dict], language: str) -> int:
    for data in lessons:
        lesson = child_by_slug(module, LessonPage, data["slug"])
        translate_page(
            lesson,
            language,
            title=data["title"],
            summary=data["summary"],
            body=translated_stream(lesson, "body", stream(data["body"])),
        )
    return len(lessons)


def translate_quiz(course: CoursePage, data: dict, language: str) -> None:
    quiz = QuizPage.objects.descendant_of(course).get(slug=data["slug"])
    questions = [(kind, question_value(kind, value)) for kind, value in data["questions"]]
    translate_page(
        quiz,
        language,
        title=data["title"],
        intro=data["intro"],
        questions=translated_stream(quiz, "questions", stream(questions)),
    )


def translate_course(data: dict, quizzes: dict, language: str) -> int:
    """Translate a demo course, its modules, lessons and quizzes. Returns the page count."""
    course = child_by_slug(default_catalogue(), CoursePage, data["slug"])
    outcomes = stream([("outcome", outcome) for outcome in data["outcomes"]])
    translate_page(
        course,
        language,
        title=data["title"],
        summary=data["summary"],
        description=data["description"],
        outcomes=translated_stream(course, "outcomes", outcomes),
    )
    pages = 1
    for module_data in data["modules"]:
        module = child_by_slug(course, ModulePage, module_data["slug"])
        translate_page(module, language, title=module_data["title"], summary=module_data["summary"])
        pages += 1 + translate_lessons(module, module_data["lessons"], language)
    for quiz_data in quizzes.values():
        translate_quiz(course, quiz_data, language)
        pages += 1
    return pages


def translate_home(language: str, data: dict) -> None:
    catalogue = default_catalogue()
    translate_page(catalogue.get_parent().specific, language, **data["home"])
    translate_page(catalogue, language, **data["catalogue"])


@transaction.atomic
def build_demo_translations() -> int:
    """Publish every demo translation. Running it again updates them. Returns the page count.

    Call after `ensure_languages()`, which puts the aliases these translations replace."""
    pages = 0
    for language, data in HOMES.items():
        translate_home(language, data)
        pages += 2
    for language, module_name in TRANSLATED_COURSES.items():
        module = import_module(module_name)
        pages += translate_course(module.COURSE, module.QUIZZES, language)
    return pages
