""" "My learning": every course a learner is enrolled in, with progress, in a fixed few
queries. (The page itself, which also lists certificates, is `home.views.my_learning`.)"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from courses.caching import shared_cache
from courses.learning.models import Enrolment
from courses.learning.progress import CompletionStatus, Progress, done_keys, outstanding
from courses.pages.outline import OutlineCourse, course_outlines, live_course_paths


@dataclass
class EnrolledCourse:
    enrolment: Enrolment
    course: OutlineCourse
    progress: Progress
    completion: CompletionStatus

    @property
    def last_activity(self) -> str:
        """ "Last activity: 3 May 2026", or "Not started yet"."""
        when = self.enrolment.last_activity_at
        if when is None:
            return gettext("Not started yet")
        return gettext("Last activity: %(date)s") % {"date": day_month_year(when)}

    def card_key(self) -> str:
        """Everything the course's card shows, condensed: a card rendered for the same key
        (and content version, which covers titles and links) is the same card."""
        progress, enrolment = self.progress, self.enrolment
        next_lesson = progress.next_lesson
        shown = (
            enrolment.pk,
            enrolment.last_activity_at.isoformat() if enrolment.last_activity_at else "",
            self.course.id,
            progress.total,
            progress.done,
            next_lesson.id if next_lesson else 0,
            tuple(quiz.id for quiz in self.completion.quizzes_to_pass),
            translation.get_language(),
            timezone.get_current_timezone_name(),
        )
        digest = hashlib.blake2b(repr(shown).encode(), digest_size=12).hexdigest()
        return f"learning-card:{digest}"


#: A learner's cards are kept for about a study session (twenty courses' cards are ~20 KB).
CARD_CACHE_SECONDS = 60 * 60


def course_cards(rows: list[EnrolledCourse], request: HttpRequest | None) -> list[SafeString]:
    """The cards of "My learning", as HTML: rendered once and then shared through the cache.

    A learner with twenty courses sees twenty cards, and rendering them was most of the
    page's cost; between two visits usually one card changes, if any. Keys hold what each
    card shows (`EnrolledCourse.card_key`), so a changed card gets a new key and nothing
    needs invalidating; the content version in the key covers titles and links."""
    keys = [row.card_key() for row in rows]
    by_key = dict(zip(keys, rows, strict=True))

    def render(missing: list[str]) -> dict[str, str]:
        return {
            key: render_to_string("courses/includes/learning_card.html", {"item": by_key[key]})
            for key in missing
        }

    version = shared_cache.request_content_version(request)
    cards = shared_cache.get_many(
        version, keys, render, keep_locally=False, timeout=CARD_CACHE_SECONDS
    )
    return [SafeString(cards[key]) for key in keys]


def day_month_year(when: datetime) -> str:
    """The date as "3 May 2026" in the current time zone and language: what the template
    filter `date:"j F Y"` gives, for a fraction of its cost (My learning shows one per course)."""
    local = timezone.localtime(when)
    return f"{local.day} {MONTHS[local.month]} {local.year}"


def enrolled_courses(
    user: AbstractBaseUser, request: HttpRequest | None = None
) -> list[EnrolledCourse]:
    """The learner's active enrolments with their course and progress, most recent first.

    Courses' outlines come from the cache (`courses.pages.outline`); only the enrolments and the
    lessons completed and quizzes passed are read for this learner. Enrolments whose
    course is no longer published are left out (their records are kept).
    """
    enrolments = list(
        Enrolment.objects.active().filter(user=user).order_by("-last_activity_at", "-enrolled_at")
    )
    keys = [enrolment.course_key for enrolment in enrolments]
    paths = live_course_paths(keys, request)
    outlines = course_outlines(paths.values(), request)
    done = done_keys(user, keys)
    rows = []
    for enrolment in enrolments:
        outline = outlines.get(paths.get(enrolment.course_key, ""))
        if outline is None:
            continue
        progress = Progress(outline.lessons, done)
        completion = outstanding(progress, outline.required_quizzes, done)
        rows.append(EnrolledCourse(enrolment, outline.course, progress, completion))
    return rows
