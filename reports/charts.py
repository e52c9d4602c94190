"""Charts of the reports, drawn on the server as SVG: the geometry is computed here and
`templates/reports/includes/bar_chart.html` draws it, with no script and no style attribute.

Every chart is a horizontal bar chart of groups of bars (one bar per series), with a title, a
description that states every figure in words, and the value written beside each bar; the
page shows a table with the same figures beside it. A figure under the small-cell rule gets no
bar, only its "fewer than N".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from reports.cells import Cell
from reports.gain import GainReport
from reports.programme import ProgrammeReport

LABEL_WIDTH = 170
BAR_AREA = 300
WIDTH = LABEL_WIDTH + BAR_AREA + 110
BAR_HEIGHT = 18
BAR_GAP = 4
GROUP_GAP = 14
LEGEND_HEIGHT = 28
#: Dark enough on white for 3:1 against the background and for white text (WCAG 1.4.11).
COLOURS = ("#1d4f91", "#a34700")
LABEL_CHARACTERS = 24


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: float
    height: int
    colour: str
    value_x: float
    value_y: int
    text: str


@dataclass(frozen=True)
class Group:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class LegendItem:
    x: int
    colour: str
    name: str


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    width: int
    height: int
    label_x: int
    groups: list[Group]
    legend: list[LegendItem]


def short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


def bar_chart(
    key: str,
    title: str,
    series: list[str],
    rows: list[tuple[str, list[Cell]]],
    places: int = 0,
    suffix: str = "",
    scale: float | None = None,
) -> Chart:
    """A chart of `rows` (label, one cell per series). Bars are scaled to `scale`, or to the
    largest value shown; a suppressed or empty cell draws no bar."""
    shown = [float(cell.shown) for _label, cells in rows for cell in cells if cell.shown]
    top = scale or max(shown, default=0) or 1
    legend_height = LEGEND_HEIGHT if len(series) > 1 else 0
    groups, y, words = [], legend_height, []
    for label, cells in rows:
        bars, said = [], []
        for index, cell in enumerate(cells):
            text = cell.text(places, suffix)
            width = max(float(cell.shown or 0), 0) / top * BAR_AREA
            bar_y = y + index * (BAR_HEIGHT + BAR_GAP)
            bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=bar_y,
                    width=round(width, 1),
                    height=BAR_HEIGHT,
                    colour=COLOURS[index % len(COLOURS)],
                    value_x=round(LABEL_WIDTH + width + 6, 1),
                    value_y=bar_y + BAR_HEIGHT - 5,
                    text=text,
                )
            )
            said.append(f"{series[index]} {text}" if len(series) > 1 else text)
        group_height = len(cells) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        groups.append(Group(short(label), y + group_height // 2 + 5, bars))
        words.append(f"{label}: {', '.join(said)}")
        y += group_height + GROUP_GAP
    legend = [
        LegendItem(LABEL_WIDTH + index * 150, COLOURS[index % len(COLOURS)], name)
        for index, name in enumerate(series)
    ]
    return Chart(
        key=key,
        title=title,
        description="; ".join(words) + ".",
        width=WIDTH,
        height=max(y, legend_height + BAR_HEIGHT),
        label_x=LABEL_WIDTH - 8,
        groups=groups,
        legend=legend if legend_height else [],
    )


def funnel_chart(report: ProgrammeReport) -> Chart:
    total = report.total
    steps = [
        (_("Enrolled"), total.enrolled),
        (_("Started"), total.started),
        (_("Completed"), total.completed),
        (_("Certified"), total.certified),
    ]
    return bar_chart(
        "funnel",
        _("Completion funnel: learners at each step"),
        [_("Learners")],
        [(label, [cell]) for label, cell in steps],
    )


def months_chart(report: ProgrammeReport) -> Chart:
    return bar_chart(
        "months",
        _("Results over time: enrolments and completions per month"),
        [_("Enrolled"), _("Completed")],
        [(f"{line.month:%Y-%m}", [line.enrolled, line.completed]) for line in report.months],
    )


def gain_chart(gain: GainReport) -> Chart:
    lines = [gain.total, *gain.groups]
    return bar_chart(
        "gain",
        _("Knowledge gain: mean pre-test and post-test score by group"),
        [_("Pre-test"), _("Post-test")],
        [(line.label, [line.mean_pre, line.mean_post]) for line in lines],
        places=1,
        suffix="%",
        scale=100,
    )
