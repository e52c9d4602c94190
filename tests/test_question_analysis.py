"""Question analysis and attempts for staff (/admin/reports/quizzes/…): figures checked against
a data set worked out by hand, the small-cell rule in the page and the downloads, the "view
reports" permission on every URL, and queries that stay the same as attempts grow.

The known data set: a quiz of three questions, taken by six learners (L1 to L6) through the
real `start_attempt` and `submit_attempt`.

- Q1, single choice, 1 point: A is right; B and C are wrong.
- Q2, true or false, 1 point: the answer is "true".
- Q3, multiple choice, all or nothing, 2 points: X and Y are right, Z is wrong.

First attempts (score out of 4):

    learner  Q1  Q2      Q3        score
    L1       A   false   X         1
    L2       A   (none)  Z         1
    L3       A   false   X, Y      3
    L4       A   true    Y         2
    L5       A   true    X, Y      4
    L6       B   true    (none)    1

Second attempts (counted in "all attempts" only): L1: A, true, X (2); L6: A, true, X, Y (4).

For each question, x is its score as a share of its points and y the rest of the attempt's
score; r = (nΣxy − ΣxΣy) ÷ √((nΣx² − (Σx)²)(nΣy² − (Σy)²)), and the index is 100 r.

First attempts, n = 6:
- Q1: x = 1,1,1,1,1,0; y = 0,0,2,1,3,1. Σx 5, Σy 7, Σxy 6, Σx² 5, Σy² 15.
  Facility 5/6 = 83.33%; r = (36 − 35) ÷ √(5 × 41) = 1/√205: index 6.98.
- Q2: x = 0,0,0,1,1,1; y = 1,1,3,1,3,0. Σx 3, Σy 9, Σxy 4, Σx² 3, Σy² 21.
  Facility 50%; r = (24 − 27) ÷ √(9 × 45) = −3/√405: index −14.91.
- Q3: x = 0,0,1,0,1,0; y = 1,1,1,2,2,1. Σx 2, Σy 8, Σxy 3, Σx² 2, Σy² 12.
  Facility 33.33%; r = (18 − 16) ÷ √(8 × 8) = 0.25: index 25.00.

All attempts, n = 8 (the two second attempts added):
- Q1: Σx 7, Σy 11, Σxy 10, Σx² 7, Σy² 25. Facility 87.5%; r = 3/√(7 × 79): index 12.76.
- Q2: Σx 5, Σy 13, Σxy 8, Σx² 5, Σy² 31. Facility 62.5%; r = −1/√(15 × 79): index −2.90.
- Q3: Σx 3, Σy 12, Σxy 5, Σx² 3, Σy² 20. Facility 37.5%; r = 4/√(15 × 16): index 25.82.
"""

from __future__ import annotations

import csv
import io
import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail import hooks

from courses.assessment.attempts import start_attempt, submit_attempt
from courses.learning.enrolment import enrol
from courses.models import ModulePage, QuizAttempt, QuizPage
from reports.cells import Cell
from reports.questions import ALL, FIRST, analyse_quiz, question_flags
from tests.factories import QuizPageFactory, UserFactory, answer_choice, raw_question
from tests.staff import staff_in_group

FIRST_ATTEMPTS = {
    "L1": {"Q1": ["A"], "Q2": "false", "Q3": ["X"]},
    "L2": {"Q1": ["A"], "Q3": ["Z"]},
    "L3": {"Q1": ["A"], "Q2": "false", "Q3": ["X", "Y"]},
    "L4": {"Q1": ["A"], "Q2": "true", "Q3": ["Y"]},
    "L5": {"Q1": ["A"], "Q2": "true", "Q3": ["X", "Y"]},
    "L6": {"Q1": ["B"], "Q2": "true"},
}
SECOND_ATTEMPTS = {
    "L1": {"Q1": ["A"], "Q2": "true", "Q3": ["X"]},
    "L6": {"Q1": ["A"], "Q2": "true", "Q3": ["X", "Y"]},
}


@pytest.fixture
def course(course_builder):
    return course_builder(modules=1, lessons_per_module=1)


def three_questions(choice_a: str = "A") -> list[dict]:
    return [
        raw_question(
            "single_choice",
            "<p>Q1: where do people gather?</p>",
            choices=[answer_choice(choice_a, correct=True), answer_choice("B"), answer_choice("C")],
        ),
        raw_question("true_false", "<p>Q2: warn in every language.</p>", answer="true"),
        raw_question(
            "multiple_choice",
            "<p>Q3: which warnings reach everyone?</p>",
            points=2,
            scoring="all_or_nothing",
            choices=[
                answer_choice("X", correct=True),
                answer_choice("Y", correct=True),
                answer_choice("Z"),
            ],
        ),
    ]


@pytest.fixture
def quiz(course) -> QuizPage:
    module = ModulePage.objects.child_of(course).first()
    page = QuizPageFactory(parent=module, title="Flood warnings", questions=three_questions())
    return QuizPage.objects.get(pk=page.pk)


def known_quiz(course) -> QuizPage:
    """The known data set in a new quiz of `course` (for tests outside this module)."""
    module = ModulePage.objects.child_of(course).first()
    quiz = QuizPage.objects.get(
        pk=QuizPageFactory(parent=module, title="Flood warnings", questions=three_questions()).pk
    )
    users: dict = {}
    learners_take(quiz, course, FIRST_ATTEMPTS, users)
    learners_take(quiz, course, SECOND_ATTEMPTS, users)
    return quiz


def take(user, quiz: QuizPage, picks: dict) -> QuizAttempt:
    """Start and submit an attempt answering `picks` ({"Q1": ["A"], "Q2": "true"}), through
    the learner's own functions."""
    attempt = start_attempt(user, quiz)
    data = {}
    for question in attempt.questions:
        name = question["prompt"][3:5]
        pick = picks.get(name)
        if pick is None:
            continue
        if question["type"] == "true_false":
            data[f"q-{question['id']}"] = [pick]
        else:
            texts = {choice["text"]: choice["id"] for choice in question["choices"]}
            data[f"q-{question['id']}"] = [texts[text] for text in pick]
    return submit_attempt(user, attempt.pk, data)


def learners_take(quiz: QuizPage, course, attempts: dict[str, dict], users: dict) -> None:
    for name, picks in attempts.items():
        if name not in users:
            users[name] = UserFactory(username=name.lower(), full_name=f"Learner {name}")
            enrol(users[name], course)
        take(users[name], quiz, picks)


@pytest.fixture
def known(quiz, course) -> dict:
    """The known data set: six learners' first attempts and two second attempts."""
    users: dict = {}
    learners_take(quiz, course, FIRST_ATTEMPTS, users)
    learners_take(quiz, course, SECOND_ATTEMPTS, users)
    return users


@pytest.fixture
def reporter(db):
    return staff_in_group("Report readers", "view_reports")


def url(name: str, *args) -> str:
    return reverse(f"reports:{name}", args=args)


def by_label(analysis) -> dict:
    return {question.label: question for question in analysis.questions}


# The figures, worked out by hand (see the module's docstring)


def test_first_attempts_give_the_hand_computed_facility_and_discrimination(quiz, known):
    analysis = analyse_quiz(quiz, FIRST)
    questions = by_label(analysis)
    assert (analysis.attempts, analysis.learners) == (6, 6)
    assert [q.attempts for q in analysis.questions] == [6, 6, 6]
    assert questions["Q1"].facility.value == pytest.approx(100 * 5 / 6)
    assert questions["Q2"].facility.value == pytest.approx(50)
    assert questions["Q3"].facility.value == pytest.approx(100 * 2 / 6)
    assert questions["Q1"].discrimination.value == pytest.approx(100 / math.sqrt(205))
    assert questions["Q1"].discrimination.value == pytest.approx(6.984, abs=1e-3)
    assert questions["Q2"].discrimination.value == pytest.approx(-300 / math.sqrt(405))
    assert questions["Q2"].discrimination.value == pytest.approx(-14.907, abs=1e-3)
    assert questions["Q3"].discrimination.value == pytest.approx(25.0)


def test_all_attempts_give_the_hand_computed_facility_and_discrimination(quiz, known):
    analysis = analyse_quiz(quiz, ALL)
    questions = by_label(analysis)
    assert (analysis.attempts, analysis.learners) == (8, 6)
    assert [q.attempts for q in analysis.questions] == [8, 8, 8]
    assert [q.facility.value for q in analysis.questions] == pytest.approx([87.5, 62.5, 37.5])
    assert questions["Q1"].discrimination.value == pytest.approx(300 / math.sqrt(7 * 79))
    assert questions["Q2"].discrimination.value == pytest.approx(-100 / math.sqrt(15 * 79))
    assert questions["Q3"].discrimination.value == pytest.approx(400 / math.sqrt(15 * 16))
    assert [round(q.discrimination.value, 2) for q in analysis.questions] == [12.76, -2.90, 25.82]


def test_choice_counts_and_shares_are_of_the_attempts_asked_the_question(quiz, known):
    first = by_label(analyse_quiz(quiz, FIRST))
    picked = {
        label: [(c.text, c.picked.value, c.share.value) for c in first[label].choices]
        for label in ("Q1", "Q2", "Q3")
    }
    assert picked["Q1"] == [
        ("A", 5, pytest.approx(100 * 5 / 6)),
        ("B", 1, pytest.approx(100 / 6)),
        ("C", 0, 0),
    ]
    # L2 left Q2 unanswered: 3 + 2 of 6.
    assert picked["Q2"] == [("True", 3, 50), ("False", 2, pytest.approx(100 * 2 / 6))]
    assert picked["Q3"] == [("X", 3, 50), ("Y", 3, 50), ("Z", 1, pytest.approx(100 / 6))]
    everything = by_label(analyse_quiz(quiz, ALL))
    assert [(c.picked.value, c.share.value) for c in everything["Q1"].choices] == [
        (7, 87.5),
        (1, 12.5),
        (0, 0),
    ]


def test_a_question_everyone_gets_right_has_no_discrimination_index(quiz, course):
    users: dict = {}
    attempts = {f"P{n}": {"Q1": ["A"], "Q2": "true", "Q3": ["X"] * (n % 2)} for n in range(5)}
    learners_take(quiz, course, attempts, users)
    q1 = by_label(analyse_quiz(quiz, FIRST))["Q1"]
    assert q1.facility.value == 100
    assert q1.discrimination.value is None
    assert q1.discrimination_text == "–"
    assert q1.flags == ["Very easy"]


@pytest.mark.parametrize(
    ("facility", "discrimination", "flags"),
    [
        (95, 30, ["Very easy"]),
        (15, 30, ["Very hard"]),
        (50, 10, ["Weak: it hardly separates stronger from weaker learners"]),
        (50, -5, ["Check this question: stronger learners do worse on it"]),
        (50, 45, []),
    ],
)
def test_questions_are_flagged_at_moodles_thresholds(db, facility, discrimination, flags):
    assert question_flags(Cell(facility, 10), Cell(discrimination, 10)) == flags


def test_suppressed_figures_raise_no_flags(db):
    assert question_flags(Cell(100, 3), Cell(-50, 3)) == []


# The page


def test_the_page_shows_figures_chart_and_choices_with_small_counts_hidden(
    client, reporter, quiz, known
):
    client.force_login(reporter)
    response = client.get(url("quiz_questions", quiz.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "83.3%" in page and "50.0%" in page and "33.3%" in page
    assert "7.0" in page and "-14.9" in page and "25.0" in page
    assert "Check this question: stronger learners do worse on it" in page
    # Choices: A was picked by 5 (shown), B by 1 (hidden), C by none (0).
    assert "83%" in page
    assert page.count("fewer than 5") >= 5
    # The chart: an accessible SVG with its data described, and no script at all.
    assert 'role="img"' in page and '<desc id="facility-chart-desc">Q1: 83.3%; Q2: 50.0%' in page
    assert "<script" not in page.split('id="facility-chart"')[1].split("</svg>")[0]
    all_page = client.get(url("quiz_questions", quiz.pk), {"attempts": "all"}).content.decode()
    assert "87.5%" in all_page and "12.8" in all_page


def test_four_learners_show_no_figure_in_the_page_or_the_downloads(client, reporter, quiz, course):
    users: dict = {}
    learners_take(quiz, course, dict(list(FIRST_ATTEMPTS.items())[:4]), users)
    client.force_login(reporter)
    page = client.get(url("quiz_questions", quiz.pk)).content.decode()
    table = page.split('id="facility-table"')[1].split("</table>")[0]
    assert table.count("fewer than 5") == 6  # facility and discrimination of 3 questions
    assert "%" not in table
    assert 'height="18" fill' not in page  # no bar drawn
    rows = list(
        csv.reader(
            io.StringIO(client.get(url("quiz_questions_export", quiz.pk, "csv")).content.decode())
        )
    )
    question_rows = [row for row in rows[1:] if row[1]]
    assert [row[4:7] for row in question_rows] == [["fewer than 5"] * 3] * 3
    workbook = load_workbook(
        io.BytesIO(client.get(url("quiz_questions_export", quiz.pk, "xlsx")).content)
    )
    sheet_rows = list(workbook.active.iter_rows(values_only=True))
    assert [row[4:7] for row in sheet_rows[1:] if row[1]] == [("fewer than 5",) * 3] * 3


def test_downloads_hold_the_figures_with_small_counts_hidden(client, reporter, quiz, known):
    client.force_login(reporter)
    response = client.get(url("quiz_questions_export", quiz.pk, "csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "question-analysis-flood-warnings-first-attempts.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][:7] == ["Q1", "Q1: where do people gather?", "", "", "6", "83.3", "7.0"]
    assert rows[2][2:9] == ["A", "yes", "", "", "", "5", "83.3"]
    assert rows[3][2:9] == ["B", "no", "", "", "", "fewer than 5", "fewer than 5"]
    assert rows[4][7:9] == ["0", "0.0"]
    workbook = load_workbook(
        io.BytesIO(client.get(url("quiz_questions_export", quiz.pk, "xlsx")).content)
    )
    sheet = list(workbook.active.iter_rows(values_only=True))
    assert sheet[1][4:7] == (6, 83.3, 7.0)
    q2 = next(row for row in sheet if row[0] == "Q2" and row[1])
    assert q2[5:7] == (50.0, -14.9)  # a negative number stays a number
    assert sheet[3][7:9] == ("fewer than 5", "fewer than 5")


def test_downloads_neutralise_text_a_spreadsheet_would_run(client, reporter, course):
    module = ModulePage.objects.child_of(course).first()
    quiz = QuizPageFactory(parent=module, questions=three_questions('=HYPERLINK("x")'))
    client.force_login(reporter)
    rows = list(
        csv.reader(
            io.StringIO(client.get(url("quiz_questions_export", quiz.pk, "csv")).content.decode())
        )
    )
    assert rows[2][2] == '\'=HYPERLINK("x")'
    workbook = load_workbook(
        io.BytesIO(client.get(url("quiz_questions_export", quiz.pk, "xlsx")).content)
    )
    cell = workbook.active.cell(row=3, column=3)
    assert cell.value == '\'=HYPERLINK("x")' and cell.data_type == "s"


def test_a_question_removed_from_the_quiz_keeps_its_figures_after_the_others(quiz, known):
    raw = [dict(item) for item in quiz.questions.raw_data]
    quiz.questions = [item for item in raw if item["type"] != "multiple_choice"]
    quiz.save_revision().publish()
    questions = analyse_quiz(QuizPage.objects.get(pk=quiz.pk), FIRST).questions
    assert [q.label for q in questions] == ["Q1", "Q2", "Q3"]
    assert questions[2].prompt.startswith("A question no longer in the quiz")
    assert questions[2].facility.value == pytest.approx(100 * 2 / 6)
    assert questions[2].choices == []


# Attempts for staff


def test_attempts_list_shows_each_attempt_and_filters_by_learner(client, reporter, quiz, known):
    client.force_login(reporter)
    page = client.get(url("quiz_attempts", quiz.pk)).content.decode()
    assert page.count('href="/admin/reports/attempts/') == 8
    assert "Learner L5" in page and "4 / 4 (100%)" in page
    only_l1 = client.get(url("quiz_attempts", quiz.pk), {"learner": "l1"}).content.decode()
    assert only_l1.count('href="/admin/reports/attempts/') == 2
    assert "Learner L5" not in only_l1


def test_an_attempt_shows_the_answers_given_and_the_right_ones(client, reporter, quiz, known):
    attempt = QuizAttempt.objects.get(user=known["L4"], number=1)
    client.force_login(reporter)
    response = client.get(url("attempt", attempt.pk))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row["points"] for row in rows] == [1, 1, 0]
    q3 = rows[2]["choices"]
    assert [(c["text"], c["chosen"], c["correct"]) for c in q3] == [
        ("X", False, True),
        ("Y", True, True),
        ("Z", False, False),
    ]
    assert "2 / 4 (50%)" in response.content.decode()


# Who may see them


def test_staff_without_the_view_reports_permission_get_403_on_every_report_url(client, quiz, known):
    attempt = QuizAttempt.objects.first()
    client.force_login(staff_in_group("Quiz authors"))
    for address in (
        url("quiz_questions", quiz.pk),
        url("quiz_questions", quiz.pk) + "?attempts=all",
        url("quiz_questions_export", quiz.pk, "csv"),
        url("quiz_questions_export", quiz.pk, "xlsx"),
        url("quiz_attempts", quiz.pk),
        url("attempt", attempt.pk),
    ):
        assert client.get(address).status_code == 403, address


def test_visitors_log_in_first_and_learners_are_forbidden(client, quiz, known):
    """A visitor is sent to log in; a learner, logged in without the permission, gets 403."""
    address = url("quiz_questions_export", quiz.pk, "csv")
    assert client.get(address).url.startswith("/accounts/login/")
    client.force_login(known["L1"])
    assert client.get(address).status_code == 403


def test_the_quiz_links_to_its_analysis_only_for_those_who_may_view_reports(db, quiz, reporter):
    def links(user) -> list[str]:
        buttons = []
        for hook in hooks.get_hooks("register_page_header_buttons"):
            buttons += list(hook(page=quiz, user=user, view_name="edit", next_url=None))
        return [button.url for button in buttons]

    assert url("quiz_questions", quiz.pk) in links(reporter)
    assert url("quiz_attempts", quiz.pk) in links(reporter)
    assert url("quiz_questions", quiz.pk) not in links(staff_in_group("Quiz authors"))


def test_the_quiz_edit_page_links_to_its_analysis(admin_client, quiz):
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk])).content.decode()
    assert url("quiz_questions", quiz.pk) in page


# Queries stay the same as attempts grow


def report_queries(client, quiz) -> list[int]:
    counts = []
    for address in (
        url("quiz_questions", quiz.pk),
        url("quiz_questions", quiz.pk) + "?attempts=all",
        url("quiz_questions_export", quiz.pk, "csv"),
        url("quiz_questions_export", quiz.pk, "xlsx"),
        url("quiz_attempts", quiz.pk),
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        counts.append(len(queries))
    return counts


def test_report_queries_are_the_same_for_5_and_25_learners(client, reporter, quiz, course):
    client.force_login(reporter)
    users: dict = {}
    picks = list(FIRST_ATTEMPTS.values())
    learners_take(quiz, course, {f"A{n}": picks[n % 6] for n in range(5)}, users)
    client.get(url("quiz_questions", quiz.pk))
    with_5 = report_queries(client, quiz)
    learners_take(quiz, course, {f"A{n}": picks[n % 6] for n in range(5, 25)}, users)
    learners_take(quiz, course, {f"A{n}": picks[(n + 1) % 6] for n in range(10)}, users)
    with_25 = report_queries(client, quiz)
    assert with_5 == with_25
    assert analyse_quiz(quiz, ALL).attempts == 35
