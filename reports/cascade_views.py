"""The cascade report in the Wagtail admin (/admin/reports/cascade/): choose a master trainer,
see who they trained (and who those people trained), the cohorts each led and the people
reached, and the totals by country; the same figures as CSV or XLSX (`?format=csv|xlsx`).

Counts of people follow the small-cell rule; counts of cohorts are not about people and are
always shown. The tree is built by `blended.cascade`; this module only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from blended.cascade import Cascade, Reach, TrainerNode, cascade
from blended.models import FacilitatorQualification, QualificationLevel
from reports.access import reports_required
from reports.cells import Cell, count, min_cell, tally
from reports.exports import Column, Table
from reports.views import EXPORTS, with_format

TEMPLATE = "reports/cascade.html"


def master_trainers() -> QuerySet:
    """Everyone who is or was a master trainer, by name."""
    masters = FacilitatorQualification.objects.filter(
        user=OuterRef("pk"), level=QualificationLevel.MASTER
    )
    return get_user_model().objects.filter(Exists(masters)).order_by("username")


class CascadeReportForm(forms.Form):
    trainer = forms.ModelChoiceField(
        label=gettext_lazy("Master trainer"), queryset=get_user_model().objects.none()
    )

    def __init__(self, data=None) -> None:
        super().__init__(data)
        self.fields["trainer"].queryset = master_trainers()


@dataclass(frozen=True)
class CohortLine:
    """One cohort as the tree shows it."""

    name: str
    kind: str
    country: str
    starts_on: object
    people: Cell


@dataclass(frozen=True)
class TrainerLine:
    """One trainer as the tree shows it, with the people below them."""

    name: str
    generation: int
    trained_in: str
    cohorts: list[CohortLine]
    trainees: list[TrainerLine]


def tree_lines(node: TrainerNode) -> TrainerLine:
    return TrainerLine(
        name=str(node.user),
        generation=node.generation,
        trained_in=node.trained_in.name if node.trained_in else "",
        cohorts=[
            CohortLine(
                reach.cohort.name,
                reach.cohort.get_kind_display(),
                reach.cohort.country.name,
                reach.cohort.starts_on,
                count(reach.people),
            )
            for reach in node.cohorts
        ],
        trainees=[tree_lines(trainee) for trainee in node.trainees],
    )


def _reach_cells(reach: Reach) -> list[Cell]:
    return [
        count(reach.trainers_trained),
        tally(reach.trainers_cohorts),
        tally(reach.learners_cohorts),
        count(reach.responders),
    ]


def cascade_tables(result: Cascade) -> list[Table]:
    """The totals by country, then every cohort the cascade ran: the page and both downloads."""
    totals = Table(
        "countries",
        _("Reach by country"),
        [
            Column(_("Country")),
            Column(_("Trainers trained")),
            Column(_("Trainers' cohorts run")),
            Column(_("Learners' cohorts run")),
            Column(_("Responders reached")),
        ],
        [
            *((countries.name(reach.country), _reach_cells(reach)) for reach in result.countries),
            (_("All countries"), _reach_cells(result.total)),
        ],
    )
    rows = []
    for node in result.trainers():
        for reach in node.cohorts:
            label = _("Generation %(generation)s: %(trainer)s, %(cohort)s (%(country)s)") % {
                "generation": node.generation,
                "trainer": node.user,
                "cohort": reach.cohort.name,
                "country": reach.cohort.country.name,
            }
            rows.append((label, [count(reach.people)]))
    cohorts = Table(
        "cohorts",
        _("Cohorts run in the cascade"),
        [Column(_("Trainer and cohort")), Column(_("People who took part"))],
        rows,
    )
    return [totals, cohorts]


@reports_required
def cascade_report_view(request: HttpRequest) -> HttpResponse:
    form = CascadeReportForm(request.GET or None)
    context = {"page_title": _("Cascade of trainers"), "form": form, "min_cell": min_cell()}
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, context)
    root = form.cleaned_data["trainer"]
    result = cascade(root)
    tables = cascade_tables(result)
    export = EXPORTS.get(request.GET.get("format", ""))
    if export:
        return export(tables, f"cascade-{root.pk}")
    context.update(
        root=tree_lines(result.root),
        tables={table.key: table for table in tables},
        downloads={key: with_format(request, key) for key in EXPORTS},
    )
    return TemplateResponse(request, TEMPLATE, context)
