"""The small-cell rule: a figure about fewer than REPORT_MIN_CELL people is not shown, only
"fewer than N", in pages, exports and the API alike, so that no one can be singled out.

Every report figure is a `Cell`: the value, and how many people it is about. A count is about
its own number of people; a mean, a median or a rate is about the people it was computed from.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _


def min_cell() -> int:
    return settings.REPORT_MIN_CELL


@dataclass(frozen=True)
class Cell:
    """A report figure and the number of people behind it."""

    value: int | float | Decimal | None
    people: int

    @property
    def suppressed(self) -> bool:
        """True when too few people are behind it to show it (none at all is shown: 0)."""
        return 0 < self.people < min_cell()

    @property
    def shown(self) -> int | float | Decimal | None:
        """The value to publish: None when suppressed (or when there is no value)."""
        return None if self.suppressed else self.value

    def text(self, places: int = 0, suffix: str = "") -> str:
        """What a page or a CSV cell shows: the value, "fewer than 5", or "–" for none."""
        if self.suppressed:
            return fewer_than()
        if self.value is None:
            return "–"
        if isinstance(self.value, int):
            return f"{self.value}{suffix}"
        return f"{float(self.value):.{places}f}{suffix}"

    def as_api(self) -> dict:
        """The API's form: the value (null when suppressed) and whether it was suppressed."""
        return {"value": self.shown, "suppressed": self.suppressed}


def fewer_than() -> str:
    return _("fewer than %(n)s") % {"n": min_cell()}


def count(people: int) -> Cell:
    return Cell(people, people)


def tally(things: int) -> Cell:
    """A count of cohorts or sessions, about no one: the small-cell rule does not hide it."""
    return Cell(things, 0)


def mean(values: list[float | Decimal]) -> Cell:
    """The mean of `values`, one per person."""
    if not values:
        return Cell(None, 0)
    return Cell(sum(float(v) for v in values) / len(values), len(values))


def rate(part: int, whole: int) -> Cell:
    """`part` out of `whole` as a percentage, about the `whole` people."""
    if not whole:
        return Cell(None, 0)
    return Cell(100 * part / whole, whole)


def median(values: list[float]) -> Cell:
    if not values:
        return Cell(None, 0)
    return Cell(statistics.median(values), len(values))
