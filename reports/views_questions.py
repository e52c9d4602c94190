"""The question analysis of a quiz (page, chart, CSV and XLSX) and the learners' attempts at
it, in the admin under /admin/reports/. Every view needs the "view reports" permission, and
answers 403 without it (`reports.access.reports_required`).

The figures come from `reports.questions`, the attempts from `reports.attempts`; the facility
chart is an SVG drawn here and in the template, with its figures in the table beside it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook

from courses.admin.exports import neutralise_formula
from courses.assessment.models import QuizAttempt
from courses.assessment.pages import QuizPage
from courses.assessment.translations import source_quiz
from reports.access import reports_required
from reports.attempts import answer_rows, quiz_attempts, submitted_attempt
from reports.cells import Cell, fewer_than
from reports.questions import ALL, FIRST, QuizAnalysis, analyse_quiz

ATTEMPTS_PER_PAGE = 50

# The facility chart's geometry, in SVG user units.
CHART_WIDTH, LABEL_WIDTH, BAR_SPACE, ROW_HEIGHT, BAR_HEIGHT, TOP = 640, 48, 480, 28, 18, 8


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    text_y: int
    width: float
    text: str
    text_x: float
    suppressed: bool


def quiz_for_report(quiz_id: int) -> QuizPage:
    """The quiz in the default language that the quiz page `quiz_id` (any translation) is."""
    return source_quiz(get_object_or_404(QuizPage, pk=quiz_id))


def attempts_choice(request: HttpRequest) -> str:
    return ALL if request.GET.get("attempts") == ALL else FIRST


def facility_chart(analysis: QuizAnalysis) -> dict:
    """Bars of the questions' facility (0 to 100%), with the "very hard" (20%) and "very
    easy" (90%) lines; a suppressed figure has no bar, only its "fewer than" text."""
    bars = []
    for index, question in enumerate(analysis.questions):
        value = question.facility.shown
        width = 0 if value is None else BAR_SPACE * float(value) / 100
        bars.append(
            Bar(
                label=question.label,
                y=TOP + index * ROW_HEIGHT,
                text_y=TOP + index * ROW_HEIGHT + BAR_HEIGHT - 4,
                width=width,
                text=question.facility_text,
                text_x=LABEL_WIDTH + width + 6,
                suppressed=question.facility.suppressed,
            )
        )
    height = TOP * 2 + len(bars) * ROW_HEIGHT + 16
    return {
        "width": CHART_WIDTH,
        "height": height,
        "bars": bars,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "axis_y": height - 16,
        "lines": [
            {"x": LABEL_WIDTH + BAR_SPACE * mark / 100, "text": f"{mark}%"}
            for mark in (0, 20, 50, 90, 100)
        ],
        "description": "; ".join(f"{bar.label}: {bar.text}" for bar in bars),
    }


@reports_required
def question_analysis_view(request: HttpRequest, quiz_id: int) -> TemplateResponse:
    quiz = quiz_for_report(quiz_id)
    analysis = analyse_quiz(quiz, attempts_choice(request))
    return TemplateResponse(
        request,
        "reports/questions/analysis.html",
        {
            "page_title": _("Question analysis"),
            "quiz": quiz,
            "analysis": analysis,
            "chart": facility_chart(analysis),
            "first": FIRST,
            "all": ALL,
        },
    )


def _figure(cell: Cell, places: int = 1) -> object:
    """A figure for a spreadsheet: a number, "fewer than N", or empty."""
    if cell.suppressed:
        return fewer_than()
    if cell.value is None:
        return ""
    return int(cell.value) if places == 0 else round(float(cell.value), places)


def export_rows(analysis: QuizAnalysis) -> list[list]:
    """The analysis as one table: a row per question, then a row per choice below it.
    Text that a spreadsheet would run as a formula is neutralised."""
    rows = [
        [
            _("Question"),
            _("Text"),
            _("Choice"),
            _("Right answer"),
            _("Attempts"),
            _("Facility (%)"),
            _("Discrimination index"),
            _("Picked (attempts)"),
            _("Picked (percent of attempts)"),
            _("Flags"),
        ]
    ]
    for question in analysis.questions:
        rows.append(
            [
                question.label,
                question.prompt,
                "",
                "",
                _figure(Cell(question.attempts, question.facility.people), places=0),
                _figure(question.facility),
                _figure(question.discrimination),
                "",
                "",
                "; ".join(question.flags),
            ]
        )
        for choice in question.choices:
            rows.append(
                [
                    question.label,
                    "",
                    choice.text,
                    _("yes") if choice.correct else _("no"),
                    "",
                    "",
                    "",
                    _figure(choice.picked, places=0),
                    _figure(choice.share),
                    "",
                ]
            )
    return [[neutralise_formula(value) for value in row] for row in rows]


def _filename(quiz: QuizPage, which: str, extension: str) -> str:
    return f"question-analysis-{slugify(quiz.title) or quiz.pk}-{which}-attempts.{extension}"


@reports_required
def question_analysis_export(request: HttpRequest, quiz_id: int, extension: str) -> HttpResponse:
    quiz = quiz_for_report(quiz_id)
    which = attempts_choice(request)
    rows = export_rows(analyse_quiz(quiz, which))
    if extension == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        csv.writer(response).writerows(rows)
    elif extension == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_("Questions"))
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{_filename(quiz, which, extension)}"'
    return response


@reports_required
def quiz_attempts_view(request: HttpRequest, quiz_id: int) -> TemplateResponse:
    quiz = quiz_for_report(quiz_id)
    learner = request.GET.get("learner", "")
    paginator = Paginator(quiz_attempts(quiz.translation_key, learner), ATTEMPTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "reports/questions/attempts.html",
        {
            "page_title": _("Attempts"),
            "quiz": quiz,
            "learner": learner,
            "page_obj": page,
            "attempts": page.object_list,
        },
    )


@reports_required
def attempt_view(request: HttpRequest, attempt_id: int) -> TemplateResponse:
    try:
        attempt = submitted_attempt(attempt_id)
    except QuizAttempt.DoesNotExist:
        raise Http404 from None
    quiz = QuizPage.objects.filter(translation_key=attempt.quiz_key).order_by("locale_id").first()
    return TemplateResponse(
        request,
        "reports/questions/attempt.html",
        {
            "page_title": _("Attempt %(number)s") % {"number": attempt.number},
            "attempt": attempt,
            "quiz": quiz and source_quiz(quiz),
            "rows": answer_rows(attempt),
        },
    )
