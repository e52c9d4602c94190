"""Question analysis of a quiz, as Moodle's quiz statistics: for each question, how many
attempts were asked it, its facility, its discrimination index and how often each choice was
picked, from each learner's first attempt or from every submitted attempt.

- **Facility**: the mean of (points ÷ the question's points) over the attempts that were asked
  the question; a question asked but left unanswered counts 0.
- **Discrimination index**: 100 × the Pearson correlation, over the same attempts, between the
  question's score (as a share of its points) and the rest of the attempt's score (the
  attempt's score minus this question's points).
- **First attempts**: each learner's lowest-numbered submitted attempt at the quiz, whatever the
  cycle (a recertification's first attempt is a later attempt, not a first one).

The figures are summed in the database, grouped by question (three queries whatever the number
of attempts): the attempts a question was asked in come from each attempt's own copy of its
questions, read with the database's JSON functions. Every figure is a `Cell`: a figure about
fewer than REPORT_MIN_CELL learners is not shown (in "all attempts", the people behind a
figure are the distinct learners, not the attempts).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from uuid import UUID

from django.db import connection, transaction
from django.db.models import Avg, Count, Exists, OuterRef, QuerySet
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from courses.assessment.models import QuizAttempt
from courses.assessment.questions import question_snapshot
from reports.cells import Cell

FIRST, ALL = "first", "all"
VERY_EASY, VERY_HARD, WEAK = 90, 20, 20

#: The JSON functions each database offers: a question's fields in an attempt's copy, the
#: rows of a JSON array, and the elements of a response (a list of choices, or one value).
JSON_SQL = {
    "postgresql": {
        "questions": "jsonb_array_elements(chosen.questions) AS asked(value)",
        "id": "asked.value ->> 'id'",
        "points": "CAST(asked.value ->> 'points' AS double precision)",
        "real": "double precision",
        # Each answer looked up once, in the index, not once for each use of its points.
        "materialized": "MATERIALIZED",
        # A lateral subquery (OFFSET 0 keeps it one) looks answers up by attempt in the
        # index, rather than reading every answer of every quiz.
        "answers": "CROSS JOIN LATERAL (SELECT question_id, response FROM courses_attemptanswer "
        "WHERE attempt_id = chosen.id AND question_id IN ({question_ids}) OFFSET 0) AS answer",
        "picked": "jsonb_array_elements_text(CASE WHEN jsonb_typeof(answer.response) = 'array' "
        "THEN answer.response ELSE jsonb_build_array(answer.response) END) AS picked(value)",
    },
    "sqlite": {
        "questions": "json_each(chosen.questions) AS asked",
        "id": "json_extract(asked.value, '$.id')",
        "points": "CAST(json_extract(asked.value, '$.points') AS REAL)",
        "real": "REAL",
        "materialized": "MATERIALIZED",
        "answers": "JOIN courses_attemptanswer answer ON answer.attempt_id = chosen.id "
        "AND answer.question_id IN ({question_ids})",
        # json_each of a single value (true or false) is that value, once.
        "picked": "json_each(answer.response) AS picked",
    },
}

SCORES_SQL = """
WITH asked AS {materialized} (
    SELECT chosen.user_id, chosen.score, {id} AS question_id, {points} AS max_points,
           COALESCE((
               SELECT answer.points FROM courses_attemptanswer answer
               WHERE answer.attempt_id = chosen.id AND answer.question_id = {id}
           ), 0) AS points
    FROM ({attempts}) AS chosen CROSS JOIN {questions}
),
scored AS (
    SELECT question_id, user_id,
           CAST(points AS {real}) / NULLIF(max_points, 0) AS x,
           CAST(score - points AS {real}) AS y
    FROM asked
),
per_learner AS (
    SELECT question_id, user_id, COUNT(*) AS n, SUM(x) AS sx, SUM(y) AS sy,
           SUM(x * x) AS sxx, SUM(y * y) AS syy, SUM(x * y) AS sxy
    FROM scored GROUP BY question_id, user_id
)
SELECT question_id, SUM(n), COUNT(*), SUM(sx), SUM(sy), SUM(sxx), SUM(syy), SUM(sxy)
FROM per_learner GROUP BY question_id
"""

CHOICES_SQL = """
WITH chosen AS ({attempts}),
per_learner AS (
    SELECT answer.question_id, picked.value AS choice_id, chosen.user_id, COUNT(*) AS n
    FROM chosen {answers} CROSS JOIN {picked}
    GROUP BY answer.question_id, picked.value, chosen.user_id
)
SELECT question_id, choice_id, SUM(n), COUNT(*)
FROM per_learner GROUP BY question_id, choice_id
"""

#: PostgreSQL's estimate of 100 rows for each JSON array makes it compile these queries
#: (JIT, seconds wasted on a query run once) and sort on disk; neither helps here.
POSTGRESQL_SETTINGS = "SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)"


@dataclass(frozen=True)
class ChoiceFigures:
    """One choice of a question: how many attempts picked it (about the learners who did)
    and what share of the attempts asked the question that is."""

    text: str
    correct: bool
    picked: Cell
    share: Cell

    @property
    def picked_text(self) -> str:
        return self.picked.text()

    @property
    def share_text(self) -> str:
        return self.share.text(0, "%")


@dataclass(frozen=True)
class QuestionFigures:
    number: int
    id: str
    type: str
    prompt: str
    in_quiz: bool
    attempts: int
    facility: Cell
    discrimination: Cell
    choices: list[ChoiceFigures] = field(default_factory=list)

    @property
    def facility_text(self) -> str:
        return self.facility.text(1, "%")

    @property
    def discrimination_text(self) -> str:
        return self.discrimination.text(1)

    @property
    def label(self) -> str:
        return _("Q%(number)s") % {"number": self.number}

    @property
    def flags(self) -> list[str]:
        """What an author should look at, in plain words (Moodle's usual thresholds)."""
        return question_flags(self.facility, self.discrimination)


@dataclass(frozen=True)
class QuizAnalysis:
    which: str
    attempts: int
    learners: int
    mean_percent: Cell
    questions: list[QuestionFigures]

    @property
    def mean_text(self) -> str:
        return self.mean_percent.text(1, "%")


def question_flags(facility: Cell, discrimination: Cell) -> list[str]:
    """Flags for figures that are shown: very easy (facility over 90%), very hard (under
    20%), weak discrimination (under 20) or negative (stronger learners do worse)."""
    flags = []
    if facility.shown is not None:
        if facility.shown > VERY_EASY:
            flags.append(_("Very easy"))
        elif facility.shown < VERY_HARD:
            flags.append(_("Very hard"))
    if discrimination.shown is not None:
        if discrimination.shown < 0:
            flags.append(_("Check this question: stronger learners do worse on it"))
        elif discrimination.shown < WEAK:
            flags.append(_("Weak: it hardly separates stronger from weaker learners"))
    return flags


def attempts_to_analyse(quiz_key: UUID, which: str) -> QuerySet[QuizAttempt]:
    """The submitted attempts at the quiz: all of them, or each learner's first."""
    attempts = QuizAttempt.objects.submitted().filter(quiz_key=quiz_key)
    if which == FIRST:
        earlier = QuizAttempt.objects.submitted().filter(
            quiz_key=quiz_key, user_id=OuterRef("user_id"), number__lt=OuterRef("number")
        )
        attempts = attempts.filter(~Exists(earlier))
    return attempts


def pearson(n: int, sx: float, sy: float, sxx: float, syy: float, sxy: float) -> float | None:
    """The correlation from the sums, or None when either side does not vary."""
    covariance = n * sxy - sx * sy
    spread_x, spread_y = n * sxx - sx * sx, n * syy - sy * sy
    # Sums of floats: a spread this close to 0 is 0 (everyone scored the same).
    if spread_x <= 1e-9 * max(1.0, n * sxx) or spread_y <= 1e-9 * max(1.0, n * syy):
        return None
    return covariance / math.sqrt(spread_x * spread_y)


def quiz_questions(quiz) -> list[dict]:
    """The quiz's questions as attempts copy them, with true or false as two choices."""
    questions = [question_snapshot(child) for child in quiz.questions]
    for question in questions:
        if question["type"] == "true_false":
            question["choices"] = [
                {"id": "true", "text": _("True"), "correct": question["answer"] == "true"},
                {"id": "false", "text": _("False"), "correct": question["answer"] == "false"},
            ]
    return questions


def plain_text(rich_text: str) -> str:
    return html.unescape(strip_tags(rich_text)).strip()


def _run(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def score_sums(attempts: QuerySet[QuizAttempt]) -> dict[str, tuple]:
    """{question id: (attempts, learners, Σx, Σy, Σx², Σy², Σxy)}: one query."""
    inner, params = attempts.values("id", "user_id", "score", "questions").query.sql_with_params()
    sql = SCORES_SQL.format(attempts=inner, **JSON_SQL[connection.vendor])
    return {row[0]: row[1:] for row in _run(sql, list(params))}


def choice_counts(attempts: QuerySet[QuizAttempt], question_ids: list[str]) -> dict:
    """{(question id, choice id): (attempts, learners) that picked it}: one query, none
    without choice questions."""
    if not question_ids:
        return {}
    inner, params = attempts.values("id", "user_id").query.sql_with_params()
    vendor = JSON_SQL[connection.vendor]
    sql = CHOICES_SQL.format(
        attempts=inner,
        answers=vendor["answers"].format(question_ids=", ".join(["%s"] * len(question_ids))),
        picked=vendor["picked"],
    )
    rows = _run(sql, [*params, *question_ids])
    return {
        (question_id, str(value)): (int(picked), int(learners))
        for question_id, value, picked, learners in rows
    }


def _question_figures(number: int, question: dict, sums: tuple | None, picks: dict):
    attempts, learners, sx, sy, sxx, syy, sxy = sums or (0, 0, 0, 0, 0, 0, 0)
    attempts, learners = int(attempts), int(learners)  # PostgreSQL sums counts as numeric
    sx, sy, sxx, syy, sxy = (float(value or 0) for value in (sx, sy, sxx, syy, sxy))
    facility = 100 * sx / attempts if attempts else None
    r = pearson(attempts, sx, sy, sxx, syy, sxy) if attempts else None
    choices = []
    for choice in question.get("choices", []):
        picked, picked_by = picks.get((question["id"], choice["id"]), (0, 0))
        share = 100 * picked / attempts if attempts else None
        choices.append(
            ChoiceFigures(
                plain_text(choice["text"]),
                choice["correct"],
                Cell(picked, picked_by),
                Cell(share, picked_by),
            )
        )
    return QuestionFigures(
        number=number,
        id=question["id"],
        type=question["type"],
        prompt=plain_text(question["prompt"]),
        in_quiz=question.get("in_quiz", True),
        attempts=attempts,
        facility=Cell(facility, learners),
        discrimination=Cell(None if r is None else 100 * r, learners),
        choices=choices,
    )


def analyse_quiz(quiz, which: str = FIRST) -> QuizAnalysis:
    """The figures of every question of `quiz` (the quiz in the default language), from the
    attempts at any of its translations, in the quiz's order; questions since removed from
    the quiz follow, named by their id. Three queries, whatever the number of attempts
    (one more on PostgreSQL for the transaction's settings, and one for the questions'
    images, if they have any)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            _run(POSTGRESQL_SETTINGS, [])
        return _analyse(quiz, which)


def _analyse(quiz, which: str) -> QuizAnalysis:
    attempts = attempts_to_analyse(quiz.translation_key, which)
    summary = attempts.aggregate(
        attempts=Count("id"), learners=Count("user_id", distinct=True), mean=Avg("percent")
    )
    questions = quiz_questions(quiz)
    sums = score_sums(attempts)
    known = {question["id"] for question in questions}
    for question_id in sorted(set(sums) - known):
        prompt = _("A question no longer in the quiz (%(id)s)") % {"id": question_id}
        questions.append({"id": question_id, "type": "", "prompt": prompt, "in_quiz": False})
    picks = choice_counts(attempts, [q["id"] for q in questions if q.get("choices")])
    mean = summary["mean"]
    return QuizAnalysis(
        which=which,
        attempts=summary["attempts"],
        learners=summary["learners"],
        mean_percent=Cell(None if mean is None else float(mean), summary["learners"]),
        questions=[
            _question_figures(number, question, sums.get(question["id"]), picks)
            for number, question in enumerate(questions, start=1)
        ],
    )
