"""What the learners have done: enrolments, lessons completed and quiz attempts.

Everything is planned from fixed random seeds, so every run plans the same rows; a stage then
writes only the planned rows that are missing. No enrolment is complete (each learner has done
fewer lessons than the course has), so loading issues no certificate.

Attempts are written as `courses.assessment.attempts.start_attempt` and `submit_attempt`
leave them: the questions are the app's own snapshot of the quiz (`draw_questions`), and
every score comes from the app's grading functions.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from uuid import UUID

from courses.assessment.grading import grade_question, percent_of
from courses.assessment.questions import draw_questions
from courses.models import (
    AttemptAnswer,
    CoursePage,
    Enrolment,
    LessonCompletion,
    QuizAttempt,
    QuizPage,
)

from .plan import (
    COHORT_COURSE_SLUG,
    COHORT_LESSONS_DONE,
    LEARNER_PREFIX,
    Plan,
    course_slug,
    spread,
)
from .rows import Dumped, RowWriter, dumped

MAX_ATTEMPTS_PER_ENROLMENT = 6
MAX_COURSES_PER_LEARNER = 15
SEED = 20_261_127


@dataclass(frozen=True)
class Sheet:
    """One way of answering a whole quiz, graded: [(question id, response, points, correct)]."""

    answers: list[tuple[str, Dumped, Decimal, bool]]
    score: Decimal
    max_score: Decimal
    percent: Decimal
    passed: bool


@dataclass
class Quiz:
    key: UUID
    revision_id: int | None
    pass_mark: int
    questions: Dumped
    passing: list[Sheet]
    failing: list[Sheet]


@dataclass
class Course:
    key: UUID
    lesson_keys: list[UUID]
    quiz: Quiz | None


@dataclass
class PlannedEnrolment:
    learner: int
    course: Course
    enrolled_at: datetime
    last_activity_at: datetime
    lessons_done: int = 0
    attempts: int = 0


def response_options(question: dict) -> list[object]:
    """A few answers a learner might give, right and wrong, as the answer form stores them."""
    if question["type"] == "true_false":
        return ["true", "false"]
    if question["type"] == "short_answer":
        return [f" {question['accepted_answers'][0].title()} ", "translator"]
    right = [choice["id"] for choice in question["choices"] if choice["correct"]]
    wrong = [choice["id"] for choice in question["choices"] if not choice["correct"]]
    if question["type"] == "single_choice":
        return [[right[0]], *([choice] for choice in wrong)]
    return [sorted(right), sorted(right[:-1]), sorted(right[:1] + wrong[:1]), sorted(wrong)]


def answer_sheets(questions: list[dict], pass_mark: int) -> list[Sheet]:
    """Every combination of the answer options, graded by the app's grading functions."""
    sheets = []
    for responses in itertools.product(*(response_options(q) for q in questions)):
        answers, score, max_score = [], Decimal(0), Decimal(0)
        for question, response in zip(questions, responses, strict=True):
            points, correct = grade_question(question, response)
            answers.append((question["id"], dumped(response), points, correct))
            score += points
            max_score += Decimal(question["points"])
        percent = percent_of(score, max_score)
        sheets.append(Sheet(answers, score, max_score, percent, percent >= pass_mark))
    return sheets


def quiz_for(course: CoursePage) -> Quiz | None:
    page = QuizPage.objects.descendant_of(course).live().order_by("path").first()
    if page is None:
        return None
    # The benchmark's quizzes ask every question in order, so each attempt draws the same.
    assert not (page.shuffle_questions or page.shuffle_choices or page.questions_to_draw)
    questions = draw_questions(page, seed=0)
    sheets = answer_sheets(questions, page.pass_mark)
    return Quiz(
        key=page.translation_key,
        revision_id=page.live_revision_id,
        pass_mark=page.pass_mark,
        questions=dumped(questions),
        passing=[sheet for sheet in sheets if sheet.passed],
        failing=[sheet for sheet in sheets if not sheet.passed],
    )


def load_courses(plan: Plan) -> tuple[list[Course], Course]:
    """The benchmark courses as stored (keys, lessons in reading order, quiz), and the
    cohort course."""
    slugs = [course_slug(n) for n in range(1, plan.courses + 1)]
    pages = {page.slug: page for page in CoursePage.objects.live().filter(slug__in=slugs)}

    def course(page: CoursePage) -> Course:
        lessons = [lesson.translation_key for lesson in page.get_lessons()]
        return Course(page.translation_key, lessons, quiz_for(page))

    cohort = CoursePage.objects.live().get(slug=COHORT_COURSE_SLUG)
    return [course(pages[slug]) for slug in slugs], course(cohort)


def plan_enrolments(
    plan: Plan, courses: list[Course], cohort: Course, now: datetime
) -> list[PlannedEnrolment]:
    """Who is enrolled where, how far they got and how many attempts they made."""
    choose, times = random.Random(SEED), random.Random(SEED + 1)

    def enrolment(learner: int, course: Course) -> PlannedEnrolment:
        enrolled_at = now - timedelta(days=times.uniform(14, 150))
        active_for = (now - enrolled_at) * times.uniform(0.2, 0.95)
        return PlannedEnrolment(learner, course, enrolled_at, enrolled_at + active_for)

    planned = [
        enrolment(learner, courses[index])
        for learner in plan.dashboard_range
        for index in choose.sample(range(len(courses)), plan.dashboard_courses)
    ]
    others = range(plan.dashboard_learners + 1, plan.learners + 1)
    remaining = plan.enrolments - len(planned) - plan.cohort_learners
    counts = spread(remaining, len(others), 1, min(len(courses), MAX_COURSES_PER_LEARNER), choose)
    for learner, count in zip(others, counts, strict=True):
        planned.extend(
            enrolment(learner, courses[index])
            for index in choose.sample(range(len(courses)), count)
        )

    done = spread(
        plan.completions - plan.cohort_learners * COHORT_LESSONS_DONE,
        len(planned),
        1,
        plan.lessons_per_course - 1,
        random.Random(SEED + 2),
    )
    attempts = spread(
        plan.attempts, len(planned), 0, MAX_ATTEMPTS_PER_ENROLMENT, random.Random(SEED + 3)
    )
    for item, lessons_done, attempt_count in zip(planned, done, attempts, strict=True):
        item.lessons_done, item.attempts = lessons_done, attempt_count

    for learner in plan.cohort_range:
        item = enrolment(learner, cohort)
        item.lessons_done = COHORT_LESSONS_DONE
        planned.append(item)
    return planned


def _bench_rows(model):
    return model.objects.filter(user__username__startswith=LEARNER_PREFIX)


ENROLMENT_FIELDS = ["user_id", "course_key", "status", "enrolled_at", "last_activity_at"]


def ensure_enrolments(
    planned: list[PlannedEnrolment], ids: dict[int, int], writer: RowWriter
) -> int:
    existing = set(_bench_rows(Enrolment).values_list("user_id", "course_key"))
    return writer.insert(
        Enrolment,
        ENROLMENT_FIELDS,
        (
            (
                ids[item.learner],
                item.course.key,
                Enrolment.Status.ACTIVE.value,
                item.enrolled_at,
                item.last_activity_at,
            )
            for item in planned
            if (ids[item.learner], item.course.key) not in existing
        ),
    )


def ensure_completions(
    planned: list[PlannedEnrolment], ids: dict[int, int], writer: RowWriter
) -> int:
    """The first lessons of each course, in reading order, as many as planned."""
    total = sum(item.lessons_done for item in planned)
    stored = _bench_rows(LessonCompletion)
    count = stored.count()
    if count == total:
        return 0
    existing = set(stored.values_list("user_id", "lesson_key")) if count else set()

    def rows():
        for item in planned:
            user_id, course_key = ids[item.learner], item.course.key
            step = (item.last_activity_at - item.enrolled_at) / item.lessons_done
            for index, lesson_key in enumerate(item.course.lesson_keys[: item.lessons_done]):
                if (user_id, lesson_key) not in existing:
                    completed_at = item.enrolled_at + step * (index + 1)
                    yield user_id, course_key, lesson_key, completed_at

    return writer.insert(
        LessonCompletion, ["user_id", "course_key", "lesson_key", "completed_at"], rows()
    )


ATTEMPT_FIELDS = [
    "id",
    "user_id",
    "quiz_key",
    "course_key",
    "quiz_revision_id",
    "number",
    "seed",
    "questions",
    "pass_mark",
    "status",
    "closed_by",
    "started_at",
    "submitted_at",
    "score",
    "max_score",
    "percent",
    "passed",
]
ANSWER_FIELDS = ["attempt_id", "question_id", "response", "points", "correct", "answered_at"]


def ensure_attempts(planned: list[PlannedEnrolment], ids: dict[int, int], writer: RowWriter) -> int:
    """Submitted, graded attempts: every one before the last failed (a learner who passed
    stops), the last passed seven times in ten. Each with its five answers."""
    total = sum(item.attempts for item in planned if item.course.quiz)
    stored = _bench_rows(QuizAttempt)
    count = stored.count()
    if count == total:
        return 0
    existing = set(stored.values_list("user_id", "quiz_key", "number")) if count else set()
    rng = random.Random(SEED + 4)
    wanted = []  # (enrolment, number, seed, sheet, started_at, submitted_at)
    for item in planned:
        quiz = item.course.quiz
        if quiz is None:
            continue
        span = item.last_activity_at - item.enrolled_at
        for number in range(1, item.attempts + 1):
            last = number == item.attempts
            sheets = quiz.passing if last and rng.random() < 0.7 else quiz.failing
            sheet = sheets[rng.randrange(len(sheets))]
            seed = rng.getrandbits(62)
            started_at = item.enrolled_at + span * (number / (item.attempts + 1))
            submitted_at = started_at + timedelta(minutes=rng.uniform(3, 20))
            if (ids[item.learner], quiz.key, number) not in existing:
                wanted.append((item, number, seed, sheet, started_at, submitted_at))

    attempt_ids = writer.reserve_ids(QuizAttempt, len(wanted))
    writer.insert(
        QuizAttempt,
        ATTEMPT_FIELDS,
        (
            (
                pk,
                ids[item.learner],
                item.course.quiz.key,
                item.course.key,
                item.course.quiz.revision_id,
                number,
                seed,
                item.course.quiz.questions,
                item.course.quiz.pass_mark,
                QuizAttempt.Status.SUBMITTED.value,
                QuizAttempt.ClosedBy.LEARNER.value,
                started_at,
                submitted_at,
                sheet.score,
                sheet.max_score,
                sheet.percent,
                sheet.passed,
            )
            for pk, (item, number, seed, sheet, started_at, submitted_at) in zip(
                attempt_ids, wanted, strict=True
            )
        ),
    )
    writer.insert(
        AttemptAnswer,
        ANSWER_FIELDS,
        (
            (pk, question_id, response, points, correct, submitted_at)
            for pk, (_, _, _, sheet, _, submitted_at) in zip(attempt_ids, wanted, strict=True)
            for question_id, response, points, correct in sheet.answers
        ),
    )
    return len(wanted)
