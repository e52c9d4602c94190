"""The programme report in Chromium: a member of staff who may view reports logs in, opens the
report, chooses the course and the period, filters by country, sees the charts and the table,
and downloads the XLSX, which says "fewer than 5" where the page does. axe-core finds no
serious or critical violation on the report page."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from tests.staff import staff_in_group
from tests.test_browser import BROWSER_TEST, blocking_violations
from tests.test_name_correction_journey import log_in
from tests.test_programme_report import known_data_set
from tests.test_question_analysis import known_quiz

pytestmark = BROWSER_TEST


def test_staff_filter_the_report_by_country_see_the_chart_and_download_the_xlsx(
    allow_orm_beside_playwright, live_server, page, course_builder, screenshot_dir
):
    shelter = course_builder(title="Shelter management", modules=1, lessons_per_module=2)
    known_data_set(shelter, course_builder(title="First aid", modules=1, lessons_per_module=1))
    analyst = staff_in_group("Programme analysts", "view_reports")
    violations: dict[str, list[str]] = {}

    log_in(page, live_server, analyst.username, "/admin/reports/")
    assert page.url.startswith(f"{live_server.url}/admin/reports/")
    # Checked once the "signed in" message is gone: Wagtail's own message styling is not ours.
    page.reload()
    violations["report, first view"] = blocking_violations(page)

    page.get_by_label("Course").select_option(label="Shelter management")
    page.get_by_label("Enrolled from").fill("2026-01-01")
    page.get_by_label("Enrolled until").fill("2026-03-31")
    page.get_by_label("Country").select_option(label="Kenya")
    page.get_by_label("Break down by").select_option(label="Gender")
    page.get_by_role("button", name="Show the report").click()
    page.wait_for_load_state()

    assert "country=KE" in page.url
    funnel = page.get_by_role("img", name="Completion funnel: learners at each step")
    assert funnel.is_visible()
    # Kenya: L1, L2, L3, L7, L9 enrolled; the other figures are about fewer than 5 people.
    assert funnel.locator("desc").text_content() == (
        "Enrolled: 5; Started: fewer than 5; Completed: fewer than 5; Certified: fewer than 5."
    )
    everyone = page.locator("#table-programme tbody tr").first
    assert everyone.locator("th").inner_text() == "All learners"
    assert everyone.locator("td").all_inner_texts()[:2] == ["5", "fewer than 5"]
    assert page.get_by_role(
        "img", name="Knowledge gain: mean pre-test and post-test score by group"
    ).is_visible()
    page.screenshot(path=screenshot_dir / "programme-report.png", full_page=True)
    for chart in ("funnel", "months", "gain"):
        section = page.locator("section").filter(has=page.locator(f"#{chart}-heading"))
        section.screenshot(path=screenshot_dir / f"programme-report-{chart}.png")
    violations["report, Kenya by gender"] = blocking_violations(page)

    with page.expect_download() as started:
        page.get_by_role("link", name="Download XLSX").click()
    download = started.value
    assert download.suggested_filename == "programme-report-2026-01-01-2026-03-31.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    rows = [list(row) for row in workbook["programme"].iter_rows(values_only=True)]
    assert rows[2][:3] == ["All learners", 5, "fewer than 5"]
    # Kenya by gender: 2 women, 1 man, 1 "prefer not to say", 1 not given.
    assert [row[:2] for row in rows[3:]] == [
        ["Man", "fewer than 5"],
        ["Woman", "fewer than 5"],
        ["Not given", "fewer than 5"],
        ["Prefer not to say", "fewer than 5"],
    ]

    assert violations == {name: [] for name in violations}


# Question analysis: from the quiz's figures to one learner's attempt.


def test_staff_read_a_quizs_question_analysis_then_a_learners_attempt(
    allow_orm_beside_playwright, live_server, page, course_builder, screenshot_dir
):
    course = course_builder(title="Flood response", modules=1, lessons_per_module=1)
    quiz = known_quiz(course)
    analyst = staff_in_group("Quiz analysts", "view_reports")
    violations: dict[str, list[str]] = {}

    log_in(page, live_server, analyst.username, f"/admin/reports/quizzes/{quiz.pk}/questions/")
    page.reload()
    chart = page.get_by_role("img", name="Facility of each question, from 0% to 100%")
    assert chart.locator("desc").text_content() == "Q1: 83.3%; Q2: 50.0%; Q3: 33.3%"
    violations["question analysis"] = blocking_violations(page)

    page.get_by_role("link", name="All attempts").click()
    page.wait_for_load_state()
    rows = page.locator("#facility-table tbody tr")
    assert rows.first.locator("td").all_inner_texts()[:3] == ["8", "87.5%", "12.8"]
    page.screenshot(path=screenshot_dir / "question-analysis.png", full_page=True)

    page.get_by_role("link", name="Learners' attempts").click()
    page.get_by_label("Learner (name, username or email)").fill("L4")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    violations["attempts"] = blocking_violations(page)
    page.get_by_role("link", name="Attempt 1").click()
    page.wait_for_load_state()
    assert "2 / 4 (50%)" in page.locator("#attempt-score").inner_text()
    violations["attempt"] = blocking_violations(page)

    assert violations == {name: [] for name in violations}
