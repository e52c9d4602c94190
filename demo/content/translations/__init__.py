"""Translations of the demo content, one module per language (`fr.py`, `ar.py`).

Each module mirrors the English data it translates: the same keys, the same nesting and the
same block types in the same order, with only the words changed. `shape()` is what the tests
compare, so a translation cannot add, drop or reorder a lesson block, a question or a choice
(choice ids and correct-answer flags come from the English quiz, never from a translation).
"""

from __future__ import annotations

from typing import Any

# Values under these keys are identifiers or settings, not words: a translation keeps them.
UNTRANSLATED_KEYS = frozenset(
    {
        "slug",
        "phase",
        "audiences",
        "level",
        "estimated_hours",
        "language",
        "awards_certificate",
        "minutes",
        "purpose",
        "module",
        "position",
        "pass_mark",
        "max_attempts",
        "required_for_completion",
        "points",
        "correct",
        "answer",
        "scoring",
        "kind",
        "style",
        "url",
    }
)


def shape(value: Any, key: str | None = None) -> Any:
    """The value with every translatable string replaced by "<text>": two data structures that
    differ only in their words have the same shape."""
    if isinstance(value, dict):
        return {k: shape(v, k) for k, v in value.items()}
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        return (value[0], shape(value[1], key))  # a block: (block type, value)
    if isinstance(value, list | tuple):
        items = [shape(item, key) for item in value]
        return tuple(items) if isinstance(value, tuple) else items
    if isinstance(value, str) and key not in UNTRANSLATED_KEYS:
        return "<text>"
    return value


#: The demo course that is translated, by language: the module holding its translation.
TRANSLATED_COURSES = {
    "fr": "demo.content.translations.fr",
    "ar": "demo.content.translations.ar",
}

#: The home page and the catalogue in the languages of the translated course.
HOMES = {
    "fr": {
        "home": {
            "title": "Crisis Ready",
            "heading": "Prêts à protéger tout le monde en cas de crise",
            "intro": (
                "<p>Quand une guerre, une inondation ou un séisme frappe un pays, les migrants "
                "sont souvent les derniers à recevoir l'alerte et les premiers à être oubliés. "
                "La langue, la peur des autorités et les papiers perdus leur barrent la route.</p>"
                "<p>Ces cours courts aident les premiers intervenants, les agents publics et les "
                "acteurs de terrain à se préparer, à bien réagir et à soutenir le relèvement, "
                "pour toutes les personnes qui vivent dans le pays.</p>"
            ),
        },
        "catalogue": {"title": "Cours"},
    },
    "ar": {
        "home": {
            "title": "Crisis Ready",
            "heading": "كن مستعدًا لحماية الجميع في الأزمات",
            "intro": (
                "<p>عندما تضرب حربٌ أو فيضانٌ أو زلزالٌ بلدًا ما، يكون المهاجرون في الغالب آخر "
                "من يسمع التحذير وأول من يُترك وراءه. فاللغة والخوف من السلطات وضياع الوثائق "
                "كلها تقف في طريقهم.</p>"
                "<p>تساعد هذه الدورات القصيرة المستجيبين الأوائل والمسؤولين والعاملين في "
                "المجتمع على الاستعداد مسبقًا، والاستجابة بشكل جيد، ودعم التعافي، من أجل كل "
                "من يعيش في البلد.</p>"
            ),
        },
        "catalogue": {"title": "الدورات"},
    },
}
