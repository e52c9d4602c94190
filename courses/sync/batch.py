"""Reading a sync batch: its shape is checked whole before anything is written.

A batch is `{"items": [item, ...]}`, at most `MAX_ITEMS` items, each with the id the device
gave it (a UUID) and a type:

- `{"id": …, "type": "lesson_complete", "lesson": <lesson page id, any translation>}`
- `{"id": …, "type": "quiz_submit", "attempt": <attempt id>, "answers": {"<question id>":
  ["<choice id>", …] | "<text>" | "true" | "false"}}`

`parse_batch` returns the items or raises `BatchInvalid` listing every problem, one message
per item, so a device with a bug learns all of them at once. Page and attempt ids may be
numbers or strings of digits (what a page's `data-` attributes hold).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar
from uuid import UUID

from django.utils.translation import gettext as _

from courses.sync.models import SyncedItem

#: An item as a parser reads it: it has a `client_id`.
Parsed = TypeVar("Parsed")

MAX_ITEMS = 500
#: Limits on one quiz's answers: far above any real quiz, low enough to refuse junk early.
MAX_ANSWERS = 500
MAX_CHOICES = 100
MAX_TEXT = 2000


@dataclass(frozen=True)
class SyncItem:
    index: int
    client_id: UUID
    kind: str
    lesson_id: int | None = None
    attempt_id: int | None = None
    answers: dict[str, list[str]] = field(default_factory=dict)

    def form_data(self) -> dict[str, list[str]]:
        """The answers as the quiz form posts them (`q-<question id>` fields), which is what
        `assessment.attempts` reads."""
        return {f"q-{question_id}": values for question_id, values in self.answers.items()}


class BatchInvalid(Exception):
    """The batch is not what the endpoint takes; nothing was written. `errors` holds one
    `{"index", "id", "message"}` per problem (index and id are None for the whole batch)."""

    def __init__(self, errors: list[dict]) -> None:
        super().__init__(errors)
        self.errors = errors


def _error(index: int | None, client_id: object, message: str) -> dict:
    return {"index": index, "id": client_id, "message": message}


def positive_id(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    return value if isinstance(value, int) and 0 < value < 2**63 else None


def client_id_of(value: object) -> UUID | None:
    if not isinstance(value, str):
        return None
    try:
        return UUID(value)
    except ValueError:
        return None


def _answer_values(value: object) -> list[str] | None:
    """A question's answer as form values: choice ids, "true"/"false", or the text typed."""
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, str):
        return [value] if len(value) <= MAX_TEXT else None
    fits = isinstance(value, list) and len(value) <= MAX_CHOICES
    if fits and all(isinstance(item, str) and len(item) <= MAX_TEXT for item in value):
        return list(value)
    return None


def _answers(value: object) -> dict[str, list[str]] | None:
    if not isinstance(value, dict) or len(value) > MAX_ANSWERS:
        return None
    answers = {}
    for question_id, answer in value.items():
        values = _answer_values(answer)
        if values is None:
            return None
        answers[question_id] = values
    return answers


def _item(index: int, raw: object) -> SyncItem | str:
    """The item, or what is wrong with it."""
    if not isinstance(raw, dict):
        return _("Each item must be an object.")
    client_id = client_id_of(raw.get("id"))
    if client_id is None:
        return _("The item has no id, or its id is not a UUID.")
    kind = raw.get("type")
    if kind == SyncedItem.Kind.LESSON_COMPLETE:
        lesson_id = positive_id(raw.get("lesson"))
        if lesson_id is None:
            return _("A lesson_complete item needs the lesson's page id.")
        return SyncItem(index, client_id, kind, lesson_id=lesson_id)
    if kind == SyncedItem.Kind.QUIZ_SUBMIT:
        attempt_id = positive_id(raw.get("attempt"))
        if attempt_id is None:
            return _("A quiz_submit item needs the attempt id.")
        answers = _answers(raw.get("answers", {}))
        if answers is None:
            return _(
                "The answers must map each question id to a list of choice ids, "
                '"true", "false" or the text typed.'
            )
        return SyncItem(index, client_id, kind, attempt_id=attempt_id, answers=answers)
    return _("Unknown item type: use lesson_complete or quiz_submit.")


def parse_batch(body: bytes) -> list[SyncItem]:
    """The items of a batch sent as JSON, checked; raises BatchInvalid listing every problem."""
    return parse_items(body, _item)


def parse_items(body: bytes, parse_item: Callable[[int, object], Parsed | str]) -> list[Parsed]:
    """A batch's items, each read by `parse_item` (which returns the item, with its
    `client_id`, or the sentence saying what is wrong with it); raises BatchInvalid listing
    every problem of the whole batch, so nothing of it is applied. Shared by every outbox
    endpoint (learners' progress here, a facilitator's roll call in `blended`)."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError) as error:
        raise BatchInvalid([_error(None, None, _("The request is not valid JSON."))]) from error
    raw_items = payload.get("items") if isinstance(payload, dict) else None
    if not isinstance(raw_items, list):
        raise BatchInvalid([_error(None, None, _('The request must be {"items": [...]}.'))])
    if len(raw_items) > MAX_ITEMS:
        message = _("A batch holds at most %(count)s items: send the rest in another.")
        raise BatchInvalid([_error(None, None, message % {"count": MAX_ITEMS})])
    items, errors, seen = [], [], set()
    for index, raw in enumerate(raw_items):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        parsed = parse_item(index, raw)
        if isinstance(parsed, str):
            errors.append(_error(index, raw_id, parsed))
        elif parsed.client_id in seen:
            errors.append(_error(index, raw_id, _("This id is used twice in the batch.")))
        else:
            seen.add(parsed.client_id)
            items.append(parsed)
    if errors:
        raise BatchInvalid(errors)
    return items
