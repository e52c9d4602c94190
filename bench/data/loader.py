"""Load the whole data set, stage by stage, creating only what is missing.

Each stage is one transaction (the pages stage, one per course), so a run that is stopped
halfway leaves whole stages behind, and the next run carries on from the first stage that
is not complete. A run over a complete data set writes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision

from courses.models import AttemptAnswer, Enrolment, LessonCompletion, QuizAttempt

from . import activity, pages, people
from .plan import Plan
from .rows import RowWriter

ANALYZED = [
    Page,
    Revision,
    get_user_model(),
    EmailAddress,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    AttemptAnswer,
]


@dataclass(frozen=True)
class StageResult:
    name: str
    created: int
    seconds: float


def load(
    scale: float = 1.0, report: Callable[[str], None] = lambda line: None
) -> list[StageResult]:
    """Create whatever part of the load-test data set is missing, at `scale` (1 = full size).

    Returns what each stage created and how long it took; `report` receives one line per
    stage as it finishes. Running it twice creates nothing the second time.
    """
    plan = Plan.for_scale(scale)
    writer = RowWriter()
    results: list[StageResult] = []
    state: dict = {}

    def run(name: str, stage: Callable[[], int | None], atomic: bool = True) -> None:
        start = time.perf_counter()
        if atomic:
            with transaction.atomic():
                created = stage()
        else:
            created = stage()
        result = StageResult(name, created or 0, time.perf_counter() - start)
        results.append(result)
        count = "" if created is None else f"{created:>10,} created"
        report(f"{name:<12} {count:>18}  {result.seconds:6.1f} s")

    def plan_activity() -> None:
        courses, cohort = activity.load_courses(plan)
        state["ids"] = people.learner_ids()
        state["planned"] = activity.plan_enrolments(plan, courses, cohort, timezone.now())

    run("pages", lambda: pages.ensure_courses(plan), atomic=False)  # a transaction per course
    run("learners", lambda: people.ensure_learners(plan, writer))
    run("planning", plan_activity, atomic=False)
    run("enrolments", lambda: activity.ensure_enrolments(state["planned"], state["ids"], writer))
    run("completions", lambda: activity.ensure_completions(state["planned"], state["ids"], writer))
    run("attempts", lambda: activity.ensure_attempts(state["planned"], state["ids"], writer))
    if any(result.created for result in results):
        # Fresh statistics, so the query planner sees the tables as they now are.
        run("analyze", lambda: writer.analyze(ANALYZED), atomic=False)
    return results
