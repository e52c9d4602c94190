"""A report's tables, as the page shows them and as CSV and XLSX downloads.

The page and both downloads are made from the same `Table`s, so they cannot disagree: a cell
under the small-cell rule says "fewer than N" in all three. Text that learners typed (their
organisation) is guarded against spreadsheet formulas as the roster export does, in the CSV
and in the XLSX (openpyxl would store text starting with "=" as a formula).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from courses.admin.exports import neutralise_formula
from reports.cells import Cell, fewer_than
from reports.gain import GainReport
from reports.programme import ProgrammeReport

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    heading: str
    places: int = 0


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[tuple[str, list[Cell]]]

    def text_rows(self) -> list[list[str]]:
        """Every row as the page and the CSV show it: the label, then each figure's text."""
        return [
            [
                label,
                *(
                    cell.text(column.places)
                    for cell, column in zip(cells, self.columns[1:], strict=True)
                ),
            ]
            for label, cells in self.rows
        ]

    def sheet_rows(self) -> list[list]:
        """Every row for a spreadsheet: numbers as numbers, hidden and empty cells as text."""
        return [
            [
                neutralise_formula(label),
                *(
                    sheet_value(cell, column.places)
                    for cell, column in zip(cells, self.columns[1:], strict=True)
                ),
            ]
            for label, cells in self.rows
        ]


def sheet_value(cell: Cell, places: int) -> int | float | str:
    if cell.suppressed:
        return fewer_than()
    if cell.value is None:
        return ""
    return cell.value if isinstance(cell.value, int) else round(float(cell.value), places)


def report_tables(report: ProgrammeReport, gain: GainReport | None) -> list[Table]:
    """The report's tables: the programme figures, the months and, if any, knowledge gain."""
    group = report.breakdown_heading or _("Learners")
    tables = [
        Table(
            "programme",
            _("Programme figures"),
            [
                Column(group),
                Column(_("Enrolled")),
                Column(_("Started")),
                Column(_("Completed")),
                Column(_("Certified")),
                Column(_("Completion rate (%)"), places=1),
                Column(_("Median days to complete"), places=1),
                Column(_("Mean final score (%)"), places=1),
            ],
            [
                (
                    line.label,
                    [
                        line.enrolled,
                        line.started,
                        line.completed,
                        line.certified,
                        line.completion_rate,
                        line.median_days,
                        line.mean_score,
                    ],
                )
                for line in [report.total, *report.groups]
            ],
        ),
        Table(
            "months",
            _("Enrolments and completions per month"),
            [Column(_("Month")), Column(_("Enrolled")), Column(_("Completed"))],
            [(f"{line.month:%Y-%m}", [line.enrolled, line.completed]) for line in report.months],
        ),
    ]
    if gain is not None:
        tables.append(
            gain_table(gain, _("Knowledge gain"), group, _("Learners who took both tests"))
        )
    return tables


def gain_table(gain: GainReport, title: str, group_heading: str, learners_heading: str) -> Table:
    """Knowledge gain, overall then per group: mean pre- and post-test scores and gains."""
    return Table(
        "gain",
        title,
        [
            Column(group_heading),
            Column(learners_heading),
            Column(_("Mean pre-test score (%)"), places=1),
            Column(_("Mean post-test score (%)"), places=1),
            Column(_("Mean gain (points)"), places=1),
            Column(_("Mean normalised gain"), places=2),
        ],
        [
            (
                line.label,
                [
                    line.learners,
                    line.mean_pre,
                    line.mean_post,
                    line.mean_gain,
                    line.mean_normalised_gain,
                ],
            )
            for line in [gain.total, *gain.groups]
        ],
    )


def csv_response(tables: list[Table], filename: str) -> HttpResponse:
    """One CSV file: each table under its title, a blank line between tables."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for table in tables:
        writer.writerow([table.title])
        writer.writerow([column.heading for column in table.columns])
        # Only the labels can hold learners' text; a figure such as a negative gain stays as is.
        writer.writerows(
            [[neutralise_formula(label), *figures] for label, *figures in table.text_rows()]
        )
        writer.writerow([])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(tables: list[Table], filename: str) -> HttpResponse:
    """One workbook, a sheet per table."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(title=table.key)
        sheet.append([table.title])
        sheet.append([column.heading for column in table.columns])
        for row in table.sheet_rows():
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
