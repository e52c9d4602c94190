"""A quiz in several languages is one quiz: its translations keep its questions and answers.

Every translation of a quiz shares its source's question and choice ids, right answers and
points (the source is the quiz in the default language). wagtail-localize keeps it so: it
translates the words and copies every other value of the question blocks from the source
each time the translation is updated. An editor who stops the synchronisation can change
them anyway; `translation_problems` says where a translation no longer matches its source,
and `manage.py check_quiz_translations` (run in CI) fails on it.

Attempts take their questions from the source (`source_quiz`), so the same answers score the
same in every language; learners read them in theirs (`in_language`). A short answer typed in
any language of the quiz counts (`translated_answers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant

from courses.pages.languages import locale_code
from courses.pages.outline import page_type

if TYPE_CHECKING:
    from courses.assessment.pages import QuizPage

#: Quiz settings that are no words, so no language may change them.
SHARED_SETTINGS = (
    "purpose",
    "pass_mark",
    "max_attempts",
    "time_limit_minutes",
    "attempt_delay_minutes",
    "questions_to_draw",
    "shuffle_questions",
    "shuffle_choices",
    "review_detail",
    "review_only_after_passing",
    "required_for_completion",
)


def default_language() -> str:
    """The language of the quizzes the others translate: the default locale's."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def is_source(quiz: QuizPage) -> bool:
    return locale_code(quiz.locale_id) == default_language()


def source_quiz(quiz: QuizPage) -> QuizPage:
    """The live quiz in the default language that `quiz` translates (or stands in for, as an
    alias); `quiz` itself when it is in the default language or has no live source. One
    query, none for a quiz in the default language."""
    if is_source(quiz):
        return quiz
    source = (
        type(quiz)
        .objects.live()
        .filter(translation_key=quiz.translation_key, locale__language_code=default_language())
        .first()
    )
    return source or quiz


def live_quiz_in_language(translation_key: UUID, language: str) -> QuizPage | None:
    """The live quiz with `translation_key` in `language` (a translation, or the alias
    standing in for it), else the one in the default language, else any. One query."""
    quizzes = page_type("QuizPage").objects.live().filter(translation_key=translation_key)
    found = {
        locale_code(quiz.locale_id): quiz
        for quiz in quizzes.filter(locale__language_code__in={language, default_language()})
    }
    return found.get(language) or found.get(default_language()) or quizzes.first()


# Reading question blocks from their stored (raw) form: no query, whatever they hold.


def _items(raw_list: object) -> Iterator[tuple[str | None, Any]]:
    """(id, value) of each item of a ListBlock's stored value; None for an item stored
    without an id (an old format, whose ids change every time the page is loaded)."""
    for item in raw_list or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item.get("id"), item["value"]
        else:
            yield None, item


def _questions(page: QuizPage) -> Iterator[tuple[str, str, dict]]:
    """(id, block type, stored value) of each question of `page`."""
    for block in page.questions.raw_data:
        yield str(block.get("id")), block.get("type"), block.get("value") or {}


def _image(raw: object) -> tuple[int | None, str]:
    """(image id, alt text) of an ImageBlock's stored value."""
    if isinstance(raw, int):
        return raw, ""
    if isinstance(raw, dict) and raw.get("image"):
        return raw["image"], "" if raw.get("decorative") else raw.get("alt_text") or ""
    return None, ""


def _label(text: str, limit: int = 60) -> str:
    words = " ".join(re.sub(r"<[^>]+>", " ", text or "").split())
    return f'"{words[:limit]}…"' if len(words) > limit else f'"{words}"'


# Comparing a translation with its source


@dataclass(frozen=True)
class QuestionShape:
    """What grading reads of a question: everything but its words."""

    number: int
    type: str
    prompt: str
    points: object
    scoring: object
    answer: object
    choices: dict[str | None, tuple[bool, str]]  # choice id: (correct, text)
    unstored_choice_ids: bool


def question_shapes(page: QuizPage) -> dict[str, QuestionShape]:
    shapes = {}
    for number, (question_id, block_type, value) in enumerate(_questions(page), start=1):
        items = list(_items(value.get("choices")))
        shapes[question_id] = QuestionShape(
            number=number,
            type=block_type,
            prompt=str(value.get("prompt") or ""),
            points=value.get("points"),
            scoring=value.get("scoring"),
            answer=value.get("answer"),
            choices={
                choice_id: (bool(choice.get("correct")), str(choice.get("text") or ""))
                for choice_id, choice in items
                if isinstance(choice, dict)
            },
            unstored_choice_ids=any(choice_id is None for choice_id, _value in items),
        )
    return shapes


def _choice_problems(name: str, source: QuestionShape, translation: QuestionShape) -> list[str]:
    if source.unstored_choice_ids or translation.unstored_choice_ids:
        return [f"{name}: choices stored without ids; publish the source and translation again"]
    problems = []
    for choice_id, (correct, text) in source.choices.items():
        choice = f"choice {_label(text)} (id {choice_id})"
        if choice_id not in translation.choices:
            problems.append(f"{name}: {choice} is missing from the translation")
        elif translation.choices[choice_id][0] != correct:
            marked = ("right", "wrong") if correct else ("wrong", "right")
            problems.append(
                f"{name}: {choice} is {marked[0]} in the source, {marked[1]} in the translation"
            )
    problems += [
        f"{name}: choice {_label(text)} (id {choice_id}) is not in the source"
        for choice_id, (_correct, text) in translation.choices.items()
        if choice_id not in source.choices
    ]
    return problems


def _question_problems(name: str, source: QuestionShape, translation: QuestionShape) -> list[str]:
    if source.type != translation.type:
        return [f"{name} is {source.type} in the source, {translation.type} in the translation"]
    problems = [
        f"{name}: {label} is {getattr(source, attr)!r} in the source, "
        f"{getattr(translation, attr)!r} in the translation"
        for attr, label in (("points", "points"), ("scoring", "scoring"), ("answer", "answer"))
        if str(getattr(source, attr)) != str(getattr(translation, attr))
    ]
    return problems + _choice_problems(name, source, translation)


def translation_problems(translation: QuizPage, source: QuizPage) -> list[str]:
    """Where `translation` would grade differently from `source`, its quiz in the default
    language, in words an editor can act on: questions or choices one has and the other has
    not, a question's type, points, scoring or right answers, the quiz's settings. Reads the
    pages as given (saved content or a revision's) and queries nothing. An alias shows its
    source's questions, so it has no problems."""
    if translation.alias_of_id is not None:
        return []
    problems = [
        f"setting {name} is {getattr(source, name)!r} in the source, "
        f"{getattr(translation, name)!r} in the translation"
        for name in SHARED_SETTINGS
        if getattr(source, name) != getattr(translation, name)
    ]
    sources, translations = question_shapes(source), question_shapes(translation)
    for question_id, shape in sources.items():
        name = f"question {shape.number} {_label(shape.prompt)} (id {question_id})"
        if question_id not in translations:
            problems.append(f"{name} is missing from the translation")
        else:
            problems += _question_problems(name, shape, translations[question_id])
    problems += [
        f"question {shape.number} {_label(shape.prompt)} (id {question_id}) is not in the source"
        for question_id, shape in translations.items()
        if question_id not in sources
    ]
    return problems


@dataclass
class PageProblems:
    page_id: int
    title: str
    locale: str
    problems: list[str]


@dataclass
class TranslationReport:
    checked: int = 0
    pages: list[PageProblems] = field(default_factory=list)


def _latest(page: QuizPage) -> QuizPage:
    """The content that publishing `page` would make live: its latest revision's."""
    if page.has_unpublished_changes and page.latest_revision is not None:
        return page.latest_revision.as_object()
    return page


def check_quiz_translations() -> TranslationReport:
    """Compare every quiz translation (live or draft, aliases apart) with its source: its
    saved content, and the latest revision's if it has unpublished changes (against the
    source's latest). Reads only; running it twice gives the same report."""
    quizzes = (
        page_type("QuizPage")
        .objects.filter(alias_of__isnull=True)
        .select_related("locale", "latest_revision")
        .order_by("path")
    )
    sources, translations = {}, []
    for quiz in quizzes:
        if quiz.locale.language_code == default_language():
            sources[quiz.translation_key] = quiz
        else:
            translations.append(quiz)
    report = TranslationReport()
    for translation in translations:
        source = sources.get(translation.translation_key)
        if source is None:
            continue
        report.checked += 1
        problems = translation_problems(translation, source)
        if translation.has_unpublished_changes:
            problems += [
                f"latest draft: {problem}"
                for problem in translation_problems(_latest(translation), _latest(source))
                if problem not in problems
            ]
        if problems:
            report.pages.append(
                PageProblems(
                    translation.pk, translation.title, translation.locale.language_code, problems
                )
            )
    return report


# Attempts: answers in every language, words in the learner's


def translated_answers(quiz: QuizPage) -> dict[str, dict[str, list[str]]]:
    """{question id: {language: accepted answers}} of the short answer questions of the
    quiz's other live translations (aliases apart). One query."""
    others = (
        type(quiz)
        .objects.live()
        .filter(translation_key=quiz.translation_key, alias_of__isnull=True)
        .exclude(pk=quiz.pk)
    )
    answers: dict[str, dict[str, list[str]]] = {}
    for other in others:
        for question_id, block_type, value in _questions(other):
            accepted = [str(text) for _id, text in _items(value.get("accepted_answers")) if text]
            if block_type == "short_answer" and accepted:
                answers.setdefault(question_id, {})[locale_code(other.locale_id)] = accepted
    return answers


def question_texts(quiz: QuizPage) -> dict[str, dict]:
    """The words of each question of `quiz` by question id, its choices' by choice id.
    Read from the stored blocks: no query."""
    texts = {}
    for question_id, _block_type, value in _questions(quiz):
        image_id, image_alt = _image(value.get("image"))
        texts[question_id] = {
            "prompt": str(value.get("prompt") or ""),
            "feedback": str(value.get("feedback") or ""),
            "image_id": image_id,
            "image_alt": image_alt,
            "choices": {
                choice_id: choice
                for choice_id, choice in _items(value.get("choices"))
                if choice_id and isinstance(choice, dict)
            },
        }
    return texts


def _translated(question: dict, texts: dict | None, language: str, source_language: str) -> dict:
    if texts is None or not texts["prompt"]:
        return {**question, "language": source_language}
    translated = {
        **question,
        "prompt": texts["prompt"],
        "feedback": texts["feedback"] or question.get("feedback", ""),
    }
    if texts["image_id"]:
        translated["image_id"], translated["image_alt"] = texts["image_id"], texts["image_alt"]
    if "choices" in question:
        translated["choices"] = [
            {
                **choice,
                "text": texts["choices"].get(choice["id"], {}).get("text") or choice["text"],
                "feedback": texts["choices"].get(choice["id"], {}).get("feedback")
                or choice["feedback"],
            }
            for choice in question["choices"]
        ]
    answers = question.get("translated_answers", {}).get(language)
    if answers:
        translated["accepted_answers"] = answers
    return translated


def in_language(questions: Iterable[dict], quiz: QuizPage | None) -> list[dict]:
    """An attempt's questions with the words of `quiz`, the quiz in the learner's language,
    matched by question and choice id. Questions it lacks keep the attempt's own words (in
    the default language) and say so in `language`. A quiz in the default language, or an
    alias, shows the attempt's own words. Never changes the attempt's questions, which
    grading reads."""
    if quiz is None or quiz.alias_of_id is not None or is_source(quiz):
        return list(questions)
    language, source_language = locale_code(quiz.locale_id), default_language()
    texts = question_texts(quiz)
    return [
        _translated(question, texts.get(question["id"]), language, source_language)
        for question in questions
    ]
