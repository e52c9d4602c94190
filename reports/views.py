"""The programme report page in the Wagtail admin (/admin/reports/): filters, charts, tables,
and the same tables as CSV or XLSX (`?format=csv|xlsx`)."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from reports.access import reports_required
from reports.cells import min_cell
from reports.charts import funnel_chart, gain_chart, months_chart
from reports.exports import csv_response, report_tables, xlsx_response
from reports.forms import ProgrammeReportForm
from reports.gain import CEILING, gain_report
from reports.programme import programme_report

EXPORTS = {"csv": csv_response, "xlsx": xlsx_response}


def with_format(request: HttpRequest, export: str) -> str:
    query = request.GET.copy()
    query["format"] = export
    return "?" + query.urlencode()


@reports_required
def programme_report_view(request: HttpRequest) -> HttpResponse:
    form = ProgrammeReportForm(request.GET or None)
    context = {"page_title": _("Programme report"), "form": form, "min_cell": min_cell()}
    if not form.is_valid():
        return TemplateResponse(request, "reports/programme_report.html", context)
    data = form.cleaned_data
    filters = (UUID(data["course"]), form.period, data["breakdown"], data["country"])
    report = programme_report(*filters)
    gain = gain_report(*filters)
    tables = report_tables(report, gain)
    export = EXPORTS.get(request.GET.get("format", ""))
    if export:
        period = form.period
        return export(tables, f"programme-report-{period.start}-{period.end}")
    context.update(
        course_title=dict(form.fields["course"].choices)[data["course"]],
        report=report,
        gain=gain,
        ceiling=CEILING,
        charts={
            "funnel": funnel_chart(report),
            "months": months_chart(report),
            "gain": gain_chart(gain) if gain else None,
        },
        tables={table.key: table for table in tables},
        downloads={key: with_format(request, key) for key in EXPORTS},
    )
    return TemplateResponse(request, "reports/programme_report.html", context)
