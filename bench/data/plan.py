"""How much the load-test data set holds at a given scale, and what things are called.

At `scale=1` (the full size): 50 courses of 40 lessons and a quiz, a 3-lesson cohort course,
20,000 learners, 100,000 enrolments, 1,000,000 lesson completions and 200,000 quiz attempts.
Smaller scales keep the shape with fewer of everything, but never fewer than 20 courses: the
dashboard learners are enrolled in 20 courses at any scale, as the dashboard's cost depends
on it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

LEARNER_PREFIX = "bench-learner-"
LEARNER_EMAIL_DOMAIN = "bench.example"
LEARNER_PASSWORD = "bench-password"  # noqa: S105 - the load-test learners' published password
COHORT_COURSE_SLUG = "bench-cohort"
COHORT_LESSONS = 3
COHORT_LESSONS_DONE = 2


def course_slug(number: int) -> str:
    return f"bench-course-{number:02d}"


def username(number: int) -> str:
    return f"{LEARNER_PREFIX}{number:05d}"


@dataclass(frozen=True)
class Plan:
    scale: float
    courses: int
    learners: int
    dashboard_learners: int
    dashboard_courses: int
    cohort_learners: int
    enrolments: int
    completions: int
    attempts: int
    modules_per_course: int = 8
    lessons_per_module: int = 5

    @classmethod
    def for_scale(cls, scale: float = 1.0) -> Plan:
        def scaled(full: int, least: int = 1) -> int:
            return max(least, round(full * scale))

        courses = scaled(50, least=20)
        return cls(
            scale=scale,
            courses=courses,
            learners=scaled(20_000, least=10),
            dashboard_learners=scaled(200),
            dashboard_courses=20,
            cohort_learners=scaled(500),
            enrolments=scaled(100_000),
            completions=scaled(1_000_000),
            attempts=scaled(200_000),
        )

    @property
    def lessons_per_course(self) -> int:
        return self.modules_per_course * self.lessons_per_module

    @property
    def cohort_range(self) -> range:
        """Learner numbers enrolled in the cohort course: the last ones."""
        return range(self.learners - self.cohort_learners + 1, self.learners + 1)

    @property
    def dashboard_range(self) -> range:
        return range(1, self.dashboard_learners + 1)


def spread(total: int, count: int, low: int, high: int, rng: random.Random) -> list[int]:
    """`count` whole numbers between `low` and `high` adding up to `total` (or as near as the
    bounds allow): most small, a few large, as people's progress usually is."""
    if count == 0:
        return []
    total = min(max(total, low * count), high * count)
    excess = total / count - low
    values = [
        min(high, low + int(rng.expovariate(1 / excess))) if excess > 0 else low
        for _ in range(count)
    ]
    missing = total - sum(values)
    while missing:
        step = 1 if missing > 0 else -1
        index = rng.randrange(count)
        if low <= values[index] + step <= high:
            values[index] += step
            missing -= step
    return values
