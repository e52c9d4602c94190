"""The blended programme report page in the Wagtail admin (/admin/reports/blended/):
filters, the funnel chart, tables, and the same tables as CSV or XLSX (`?format=csv|xlsx`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from reports.access import reports_required
from reports.blended import blended_report
from reports.blended_forms import BlendedReportForm
from reports.blended_tables import blended_funnel_chart, blended_tables
from reports.cells import min_cell
from reports.charts import gain_chart
from reports.gain import CEILING
from reports.views import EXPORTS, with_format

TEMPLATE = "reports/blended/report.html"


@reports_required
def blended_report_view(request: HttpRequest) -> HttpResponse:
    form = BlendedReportForm(request.GET or None)
    context = {"page_title": _("Blended training report"), "form": form, "min_cell": min_cell()}
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, context)
    data = form.cleaned_data
    report = blended_report(form.chosen_programme, data["start"], data["end"], form.cohort_id)
    tables = blended_tables(report)
    export = EXPORTS.get(request.GET.get("format", ""))
    if export:
        return export(tables, f"blended-report-{form.chosen_programme.pk}")
    context.update(
        report=report,
        ceiling=CEILING,
        charts={
            "funnel": blended_funnel_chart(report),
            "gain": gain_chart(report.gain) if report.gain else None,
        },
        tables={table.key: table for table in tables},
        downloads={key: with_format(request, key) for key in EXPORTS},
    )
    return TemplateResponse(request, TEMPLATE, context)
