"""The programme report (issue 14): its figures on a known data set worked out by hand, the
small-cell rule on the page and in the CSV and XLSX downloads, who may see it, and a number of
queries that does not grow with the data.

The known data set: course "Shelter management" with a pre-test and a post-test; the period
is January to March 2026. Ten learners enrolled in the period (L1 … L10), one just after it
and one in another course:

| learner | country | gender | enrolled | completed | certificate | pre | post |
|---|---|---|---|---|---|---|---|
| L1 | KE | woman | 5 Jan | 15 Jan (10 days) | issued, 80 | 40 | 70 |
| L2 | KE | woman | 10 Jan | 30 Jan (20 days) | issued, 90 | 50 then 60 | 80 then 100 |
| L3 | KE | man | 1 Feb | 5 Feb (4 days) | replaced 60 → issued 70 | 100 | 100 |
| L4 | UG | man | 3 Feb | 3 Mar (28 days) | revoked, 50 | 20 | 60 |
| L5 | UG | woman | 10 Feb | 20 Feb (10 days) | pending | 0 | 50 |
| L6 | UG | – | 11 Feb | – (did a lesson) | – | 30 | – |
| L7 | KE | prefer not | 1 Mar | – (activity only) | – | – | – |
| L8 | – | – | 2 Mar | – (pre-test open) | – | – | – |
| L9 | KE | – | 3 Mar, withdrawn | – | – | – | – |
| L10 | UG | – | 31 Mar 23:30 | – | – | – | – |
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from urllib.parse import urlencode

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates.models import Certificate
from courses.models import (
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
    QuizPage,
)
from reports.cells import Cell
from reports.gain import gain_report
from reports.programme import Period, programme_report
from tests.factories import QuizPageFactory
from tests.staff import learner, staff_in_group

PERIOD = Period(date(2026, 1, 1), date(2026, 3, 31))
Status = Certificate.Status


def at(when: str) -> datetime:
    """ "2026-01-05" (at 09:00) or "2026-03-31 23:30", in UTC."""
    moment = datetime.fromisoformat(when if " " in when else f"{when} 09:00")
    return moment.replace(tzinfo=UTC)


def with_tests(course: CoursePage) -> tuple[QuizPage, QuizPage]:
    """A pre-test and a post-test in the course's first module."""
    module = ModulePage.objects.child_of(course).order_by("path").first()
    pre = QuizPageFactory(parent=module, title="Before", purpose=QuizPage.Purpose.PRE_TEST)
    post = QuizPageFactory(parent=module, title="After", purpose=QuizPage.Purpose.POST_TEST)
    return pre, post


def enrolment(user, course: CoursePage, enrolled: str, completed: str = "", **fields) -> Enrolment:
    made = Enrolment.objects.create(user=user, course_key=course.translation_key, **fields)
    Enrolment.objects.filter(pk=made.pk).update(
        enrolled_at=at(enrolled), completed_at=at(completed) if completed else None
    )
    return Enrolment.objects.get(pk=made.pk)


def attempt(user, quiz: QuizPage, course: CoursePage, percent, submitted: str = "") -> None:
    """A submitted attempt scoring `percent`, or one still in progress without `submitted`."""
    number = QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key).count() + 1
    QuizAttempt.objects.create(
        user=user,
        quiz_key=quiz.translation_key,
        course_key=course.translation_key,
        number=number,
        seed=number,
        questions=[],
        pass_mark=50,
        status=QuizAttempt.Status.SUBMITTED if submitted else QuizAttempt.Status.IN_PROGRESS,
        submitted_at=at(submitted) if submitted else None,
        percent=Decimal(percent) if submitted else None,
        score=Decimal(percent) / 10 if submitted else None,
        max_score=Decimal(10),
    )


def certificate(made: Enrolment, status: str, score: int) -> Certificate:
    return Certificate.objects.create(
        enrolment=made,
        status=status,
        learner_name=made.user.username,
        course_title="Shelter management",
        course_phase="response",
        completed_at=made.completed_at or at("2026-03-31"),
        score=Decimal(score),
        organisation="Crisis Ready",
    )


def person(name: str, country: str = "", gender: str = "", **fields):
    return learner(name, country=country, gender=gender, **fields)


def known_data_set(course: CoursePage, other_course: CoursePage) -> None:
    """The ten learners of the table above, and the two who must not be counted."""
    pre, post = with_tests(course)
    lesson = LessonPage.objects.descendant_of(course).first()

    def tests(user, pre_scores=(), post_scores=(), day="2026-01-20") -> None:
        for percent in pre_scores:
            attempt(user, pre, course, percent, day)
        for percent in post_scores:
            attempt(user, post, course, percent, day)

    l1 = person("l1", "KE", "woman", work_role="first_responder", organisation="Red Cross")
    certificate(
        enrolment(l1, course, "2026-01-05", "2026-01-15", study_language="en"), Status.ISSUED, 80
    )
    tests(l1, [40], [70])
    attempt(l1, post, course, None)  # a later post-test still open: not counted

    l2 = person("l2", "KE", "woman", work_role="first_responder", organisation=" Red Cross ")
    certificate(
        enrolment(l2, course, "2026-01-10", "2026-01-30", study_language="fr"), Status.ISSUED, 90
    )
    attempt(l2, pre, course, 50, "2026-01-11")
    attempt(l2, pre, course, 60, "2026-01-12")  # not the first: not counted
    tests(l2, [], [80, 100])

    l3 = person("l3", "KE", "man", work_role="emergency_manager", organisation="Red Cross")
    l3_enrolment = enrolment(l3, course, "2026-02-01", "2026-02-05", study_language="en")
    certificate(l3_enrolment, Status.REPLACED, 60)
    certificate(l3_enrolment, Status.ISSUED, 70)
    tests(l3, [100], [100])

    l4 = person("l4", "UG", "man", work_role="civil_society", organisation='=HYPERLINK("http://x")')
    certificate(
        enrolment(l4, course, "2026-02-03", "2026-03-03", study_language="en"), Status.REVOKED, 50
    )
    tests(l4, [20], [60])

    l5 = person("l5", "UG", "woman", work_role="civil_society", organisation="Save Lives")
    certificate(
        enrolment(l5, course, "2026-02-10", "2026-02-20", study_language="fr"), Status.PENDING, 75
    )
    tests(l5, [0], [50])

    l6 = person("l6", "UG")
    enrolment(l6, course, "2026-02-11")
    LessonCompletion.objects.create(
        user=l6, course_key=course.translation_key, lesson_key=lesson.translation_key
    )
    tests(l6, [30], [])

    enrolment(
        person("l7", "KE", "prefer_not"), course, "2026-03-01", last_activity_at=at("2026-03-01")
    )
    l8 = person("l8")
    enrolment(l8, course, "2026-03-02")
    attempt(l8, pre, course, None)
    enrolment(person("l9", "KE"), course, "2026-03-03", status=Enrolment.Status.WITHDRAWN)
    enrolment(person("l10", "UG"), course, "2026-03-31 23:30")

    late = person("late", "KE", "woman")
    certificate(enrolment(late, course, "2026-04-01 00:00", "2026-04-02"), Status.ISSUED, 10)
    tests(late, [10], [10])
    elsewhere = person("elsewhere", "KE", "woman")
    certificate(enrolment(elsewhere, other_course, "2026-01-05", "2026-01-06"), Status.ISSUED, 10)


def more_learners(course: CoursePage, how_many: int, prefix: str) -> None:
    """`how_many` more learners in the period, of every kind: completed and certified with
    both tests, started only, not started; in new countries, organisations and languages."""
    pre = QuizPage.objects.descendant_of(course).get(purpose=QuizPage.Purpose.PRE_TEST)
    post = QuizPage.objects.descendant_of(course).get(purpose=QuizPage.Purpose.POST_TEST)
    countries = ["KE", "UG", "TZ", "SO", "ET", "SD"]
    for index in range(how_many):
        user = person(
            f"{prefix}{index}",
            countries[index % len(countries)],
            ["woman", "man", "another", ""][index % 4],
            organisation=f"{prefix} organisation {index % 7}",
        )
        kind = index % 3
        made = enrolment(
            user,
            course,
            f"2026-0{1 + index % 3}-1{index % 9}",
            f"2026-03-2{index % 9}" if kind == 0 else "",
            study_language=["en", "fr", "ar"][index % 3],
        )
        if kind == 0:
            certificate(made, Status.ISSUED, 60 + index % 40)
            attempt(user, pre, course, index % 100, "2026-01-20")
            attempt(user, post, course, 50 + index % 50, "2026-03-20")
        elif kind == 1:
            LessonCompletion.objects.create(
                user=user,
                course_key=course.translation_key,
                lesson_key=LessonPage.objects.descendant_of(course).first().translation_key,
            )


# The tests

REPORT = "/admin/reports/"
FILTERS = {"start": "2026-01-01", "end": "2026-03-31"}


@pytest.fixture
def shelter(course_builder) -> CoursePage:
    return course_builder(title="Shelter management", modules=1, lessons_per_module=2)


@pytest.fixture
def data_set(shelter, course_builder) -> CoursePage:
    known_data_set(shelter, course_builder(title="First aid", modules=1, lessons_per_module=1))
    return shelter


@pytest.fixture
def analyst(db):
    return staff_in_group("Programme analysts", "view_reports")


def report_url(course: CoursePage, **filters) -> str:
    query = {"course": str(course.translation_key), **FILTERS, **filters}
    return REPORT + "?" + urlencode(query)


def values(line) -> dict:
    """A report line's figures as {name: (value, people)}, values rounded to 3 places."""
    return {
        name: (round(cell.value, 3) if isinstance(cell.value, float) else cell.value, cell.people)
        for name, cell in vars(line).items()
        if isinstance(cell, Cell)
    }


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def sheet_rows(response, sheet: str) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook[sheet].iter_rows(values_only=True)]


# Figures, worked out by hand (see the table at the top)


def test_programme_figures_for_everyone(data_set):
    report = programme_report(data_set.translation_key, PERIOD)

    assert values(report.total) == {
        "enrolled": (10, 10),  # L1 … L10: L10 at 23:30 on the last day, "late" on 1 April not
        "started": (8, 8),  # L1 … L8: attempts, a lesson (L6), activity (L7), an open quiz (L8)
        "completed": (5, 5),  # L1 … L5
        "certified": (3, 3),  # L1, L2, L3 (replaced then issued: once); revoked and pending not
        "completion_rate": (50.0, 10),  # 5 of 10
        "median_days": (10.0, 5),  # 4, 10, 10, 20, 28
        "mean_score": (80.0, 3),  # (80 + 90 + 70) ÷ 3: L3's issued certificate, not the replaced
    }
    assert report.groups == []


def test_programme_figures_by_country(data_set):
    report = programme_report(data_set.translation_key, PERIOD, breakdown="country")

    assert [line.label for line in report.groups] == ["Kenya", "Uganda", "Not given"]
    kenya, uganda, not_given = (values(line) for line in report.groups)
    assert kenya == {
        "enrolled": (5, 5),  # L1, L2, L3, L7, L9
        "started": (4, 4),
        "completed": (3, 3),
        "certified": (3, 3),
        "completion_rate": (60.0, 3),  # hidden with the 3 completions it would give away
        "median_days": (10.0, 3),  # 4, 10, 20
        "mean_score": (80.0, 3),
    }
    assert uganda == {
        "enrolled": (4, 4),  # L4, L5, L6, L10
        "started": (3, 3),
        "completed": (2, 2),
        "certified": (0, 0),
        "completion_rate": (50.0, 2),
        "median_days": (19.0, 2),  # 10 and 28
        "mean_score": (None, 0),
    }
    assert not_given["enrolled"] == (1, 1)  # L8
    assert not_given["started"] == (1, 1)


def test_blank_and_withheld_answers_and_spaces_in_organisations(data_set):
    by_gender = programme_report(data_set.translation_key, PERIOD, breakdown="gender")
    by_organisation = programme_report(data_set.translation_key, PERIOD, breakdown="organisation")
    by_language = programme_report(data_set.translation_key, PERIOD, breakdown="language")

    assert [(line.label, line.enrolled.value) for line in by_gender.groups] == [
        ("Man", 2),
        ("Woman", 3),
        ("Not given", 4),
        ("Prefer not to say", 1),
    ]
    assert [(line.label, line.enrolled.value) for line in by_organisation.groups] == [
        ('=HYPERLINK("http://x")', 1),
        ("Red Cross", 3),  # " Red Cross " trimmed
        ("Save Lives", 1),
        ("Not given", 5),
    ]
    assert [(line.label, line.completed.value) for line in by_language.groups] == [
        ("English", 3),
        ("Français", 2),
        ("Not given", 0),
    ]


def test_country_filter_counts_only_that_countrys_learners(data_set):
    report = programme_report(data_set.translation_key, PERIOD, country="KE")

    assert report.total.enrolled.value == 5
    assert report.total.completed.value == 3


def test_enrolments_and_completions_per_month(data_set):
    report = programme_report(data_set.translation_key, PERIOD)

    assert [(f"{m.month:%Y-%m}", m.enrolled.value, m.completed.value) for m in report.months] == [
        ("2026-01", 2, 2),  # L1, L2 enrolled and completed
        ("2026-02", 4, 2),  # L3 … L6 enrolled; L3, L5 completed
        ("2026-03", 4, 1),  # L7 … L10 enrolled; L4 completed
    ]


def test_knowledge_gain_with_normalised_gain(data_set):
    gain = gain_report(data_set.translation_key, PERIOD, breakdown="country")

    # L1 40→70, L2 50→100 (first pre, best post), L3 100→100, L4 20→60, L5 0→50; L6 no post.
    assert values(gain.total) == {
        "learners": (5, 5),
        "mean_pre": (42.0, 5),  # (40 + 50 + 100 + 20 + 0) ÷ 5
        "mean_post": (76.0, 5),  # (70 + 100 + 100 + 60 + 50) ÷ 5
        "mean_gain": (34.0, 5),
        # 30/60 = 0.5, 50/50 = 1, 40/80 = 0.5, 50/100 = 0.5; L3 (pre 100) left out: 2.5 ÷ 4
        "mean_normalised_gain": (0.625, 4),
    }
    kenya, uganda = (values(line) for line in gain.groups)
    assert kenya == {
        "learners": (3, 3),
        "mean_pre": (63.333, 3),  # (40 + 50 + 100) ÷ 3
        "mean_post": (90.0, 3),
        "mean_gain": (26.667, 3),
        "mean_normalised_gain": (0.75, 2),  # (0.5 + 1) ÷ 2
    }
    assert uganda == {
        "learners": (2, 2),
        "mean_pre": (10.0, 2),
        "mean_post": (55.0, 2),
        "mean_gain": (45.0, 2),
        "mean_normalised_gain": (0.5, 2),
    }


def test_no_knowledge_gain_without_a_pre_test_and_a_post_test(shelter):
    assert gain_report(shelter.translation_key, PERIOD) is None


# The small-cell rule


def test_small_cells_say_fewer_than_5_on_the_page(client, analyst, data_set):
    client.force_login(analyst)

    response = client.get(report_url(data_set, breakdown="country"))

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    rows = {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in page.select("#table-programme tbody tr")
    }
    assert rows["All learners"] == ["10", "8", "5", "fewer than 5", "50.0", "10.0", "fewer than 5"]
    assert rows["Uganda"] == ["fewer than 5"] * 3 + ["0"] + ["fewer than 5"] * 2 + ["–"]
    assert rows["Kenya"] == ["5"] + ["fewer than 5"] * 6
    funnel = page.select_one("#funnel-desc").get_text()
    assert "Certified: fewer than 5" in funnel
    assert "fewer than 5" in page.select_one("#report-scope").get_text()


def test_small_cells_say_fewer_than_5_in_the_csv(client, analyst, data_set):
    client.force_login(analyst)

    response = client.get(report_url(data_set, breakdown="country", format="csv"))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert ["All learners", "10", "8", "5", "fewer than 5", "50.0", "10.0", "fewer than 5"] in rows
    assert ["Uganda", *["fewer than 5"] * 3, "0", "fewer than 5", "fewer than 5", "–"] in rows
    assert ["All learners", "5", "42.0", "76.0", "34.0", "fewer than 5"] in rows  # gain


def test_small_cells_say_fewer_than_5_in_the_xlsx(client, analyst, data_set):
    client.force_login(analyst)

    response = client.get(report_url(data_set, breakdown="country", format="xlsx"))

    programme = sheet_rows(response, "programme")
    assert ["All learners", 10, 8, 5, "fewer than 5", 50.0, 10.0, "fewer than 5"] in programme
    assert ["Uganda", *["fewer than 5"] * 3, 0, "fewer than 5", "fewer than 5", None] in programme
    assert ["All learners", 5, 42.0, 76.0, 34.0, "fewer than 5"] in sheet_rows(response, "gain")


def test_the_threshold_is_a_setting(client, analyst, data_set, settings):
    settings.REPORT_MIN_CELL = 2
    client.force_login(analyst)

    rows = csv_rows(client.get(report_url(data_set, breakdown="country", format="csv")))

    assert ["Uganda", "4", "3", "2", "0", "50.0", "19.0", "–"] in rows
    assert ["Not given", "fewer than 2", "fewer than 2", "0", "0", "fewer than 2", "–", "–"] in rows
    assert ["Kenya", "3", "63.3", "90.0", "26.7", "0.75"] in rows


def test_organisations_typed_as_formulas_are_neutralised_in_both_downloads(
    client, analyst, data_set
):
    client.force_login(analyst)
    url = report_url(data_set, breakdown="organisation")

    csv_labels = [row[0] for row in csv_rows(client.get(url + "&format=csv")) if row]
    sheet = sheet_rows(client.get(url + "&format=xlsx"), "programme")

    assert '\'=HYPERLINK("http://x")' in csv_labels
    assert '=HYPERLINK("http://x")' not in csv_labels
    assert [row[0] for row in sheet if "HYPERLINK" in str(row[0])] == ['\'=HYPERLINK("http://x")']


def test_negative_figures_are_not_taken_for_formulas(client, analyst, shelter, settings):
    settings.REPORT_MIN_CELL = 1
    pre, post = with_tests(shelter)
    someone = person("someone", "KE", organisation="@home")
    enrolment(someone, shelter, "2026-01-05")
    attempt(someone, pre, shelter, 80, "2026-01-05")
    attempt(someone, post, shelter, 60, "2026-01-06")
    client.force_login(analyst)
    url = report_url(shelter, breakdown="organisation")

    rows = csv_rows(client.get(url + "&format=csv"))
    sheet = sheet_rows(client.get(url + "&format=xlsx"), "gain")

    # 80 → 60: gain −20 points, normalised (60 − 80) ÷ (100 − 80) = −1.
    assert ["'@home", "1", "80.0", "60.0", "-20.0", "-1.00"] in rows
    assert ["'@home", 1, 80.0, 60.0, -20.0, -1.0] in sheet


def test_without_courses_the_page_says_so(client, analyst):
    client.force_login(analyst)

    response = client.get(REPORT)

    assert response.status_code == 200
    assert "There are no courses to report on yet." in response.content.decode()
    assert "This field is required" not in response.content.decode()


# Charts


def test_charts_are_accessible_svg_with_a_table_beside_them(client, analyst, data_set, settings):
    settings.REPORT_MIN_CELL = 2
    client.force_login(analyst)

    page = BeautifulSoup(client.get(report_url(data_set)).content, "html.parser")

    charts = page.select("svg[role=img]")
    assert [chart["aria-labelledby"] for chart in charts] == [
        "funnel-title funnel-desc",
        "months-title months-desc",
        "gain-title gain-desc",
    ]
    for chart in charts:
        key = chart["aria-labelledby"].split("-")[0]
        assert chart.find("title", id=f"{key}-title").get_text()
        assert chart.find("desc", id=f"{key}-desc").get_text()
        assert chart.find_parent("section").find("table")
    described = [chart.desc.get_text() for chart in charts]
    assert described[0] == "Enrolled: 10; Started: 8; Completed: 5; Certified: 3."
    assert "2026-02: Enrolled 4, Completed 2;" in described[1]
    assert "All learners: Pre-test 42.0%, Post-test 76.0%" in described[2]
    assert not page.select("svg script, svg [style], svg [onclick]")


# Who may see it


@pytest.mark.parametrize("query", ["", "?format=csv", "?format=xlsx"])
def test_staff_without_the_permission_get_403_on_every_report_url(client, data_set, query):
    client.force_login(staff_in_group("Course writers"))

    response = client.get(REPORT + query)

    assert response.status_code == 403


@pytest.mark.parametrize("query", ["", "?format=csv", "?format=xlsx"])
def test_visitors_log_in_first_and_learners_are_forbidden(client, data_set, query):
    """A visitor is sent to log in; a learner, logged in without the permission, gets 403."""
    assert client.get(REPORT + query).url.startswith("/accounts/login/")
    client.force_login(learner("someone"))
    assert client.get(REPORT + query).status_code == 403


def test_staff_with_the_permission_see_the_report_and_its_menu_item(client, analyst, data_set):
    client.force_login(analyst)

    response = client.get(REPORT)

    assert response.status_code == 200
    assert "Shelter management" in response.content.decode()  # the first course by default
    assert "Programme reports" in client.get("/admin/").content.decode()


def test_an_end_before_the_start_is_refused(client, analyst, data_set):
    client.force_login(analyst)

    response = client.get(report_url(data_set, start="2026-03-01", end="2026-01-01"))

    assert "must not be before its start" in response.content.decode()
    assert "report" not in response.context or response.context.get("report") is None


# Queries


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("breakdown", ["", "organisation", "country", "role", "gender", "language"])
def test_report_queries_stay_the_same_as_data_grows(client, analyst, data_set, breakdown):
    client.force_login(analyst)
    urls = [
        report_url(data_set, breakdown=breakdown, **extra)
        for extra in ({}, {"format": "csv"}, {"format": "xlsx"}, {"country": "KE"})
    ]
    client.get(urls[0])  # sessions, content types and permissions cached as in use
    before = [queries(client, url) for url in urls]

    more_learners(data_set, 30, "grow")
    after = [queries(client, url) for url in urls]

    assert after == before


def test_the_figures_cost_five_and_four_queries(data_set, django_assert_num_queries):
    more_learners(data_set, 12, "many")
    with django_assert_num_queries(5):
        programme_report(data_set.translation_key, PERIOD, breakdown="country")
    with django_assert_num_queries(4):
        gain_report(data_set.translation_key, PERIOD, breakdown="country")
