"""The blended programme report's tables and funnel chart: the page shows the tables and the
CSV and XLSX downloads are made from the same ones (`reports.exports`), so the three agree,
small cells included."""

from __future__ import annotations

from django.utils.translation import gettext as _

from reports.blended import BlendedReport, Group
from reports.charts import Chart, bar_chart
from reports.exports import Column, Table, gain_table


def participants_table(
    key: str, title: str, heading: str, report: BlendedReport, groups: list[Group]
) -> Table:
    return Table(
        key,
        title,
        [Column(heading), Column(_("Participants"))],
        [
            (_("All participants"), [report.total]),
            *((group.label, [group.participants]) for group in groups),
        ],
    )


def blended_tables(report: BlendedReport) -> list[Table]:
    """Every table of the report, in the page's order; the gain table only when the course
    has a pre-test and a post-test."""
    tables = [
        participants_table("gender", _("Gender"), _("Gender"), report, report.by_gender),
        participants_table(
            "organisation",
            _("Organisation"),
            _("Organisation"),
            report,
            report.by_organisation,
        ),
        participants_table("country", _("Country"), _("Country"), report, report.by_country),
        Table(
            "attendance",
            _("Attendance per session"),
            [
                Column(_("Session")),
                Column(_("Expected")),
                Column(_("Present")),
                Column(_("Late")),
                Column(_("Excused")),
                Column(_("Absent")),
                Column(_("Not marked")),
            ],
            [
                (
                    line.label,
                    [
                        line.expected,
                        line.present,
                        line.late,
                        line.excused,
                        line.absent,
                        line.not_marked,
                    ],
                )
                for line in report.sessions
            ],
        ),
    ]
    if report.gain is not None:
        tables.append(
            gain_table(
                report.gain,
                _("Knowledge gain per cohort"),
                _("Cohort"),
                _("Participants who took both tests"),
            )
        )
    tables += [
        Table(
            "funnel",
            _("Funnel per cohort"),
            [
                Column(_("Cohort")),
                Column(_("Enrolled")),
                Column(_("Attended a session (present or late)")),
                Column(_("Met the attendance rule")),
                Column(_("Took the post-test")),
                Column(_("Certified")),
            ],
            [
                (
                    line.label,
                    [
                        line.enrolled,
                        line.attended,
                        line.met_attendance_rule,
                        line.post_test,
                        line.certified,
                    ],
                )
                for line in [report.funnel, *report.funnel_by_cohort]
            ],
        ),
        Table(
            "facilitators",
            _("Facilitator load"),
            [
                Column(_("Facilitator")),
                Column(_("Cohorts led")),
                Column(_("Cohorts co-facilitated")),
                Column(_("Cohorts observed")),
                Column(_("Sessions facilitated")),
                Column(_("Participants reached")),
            ],
            [
                (
                    line.label,
                    [
                        line.cohorts_led,
                        line.cohorts_co_facilitated,
                        line.cohorts_observed,
                        line.sessions,
                        line.participants_reached,
                    ],
                )
                for line in report.facilitators
            ],
        ),
    ]
    return tables


def blended_funnel_chart(report: BlendedReport) -> Chart:
    funnel = report.funnel
    steps = [
        (_("Enrolled"), funnel.enrolled),
        (_("Attended"), funnel.attended),
        (_("Met the attendance rule"), funnel.met_attendance_rule),
        (_("Took the post-test"), funnel.post_test),
        (_("Certified"), funnel.certified),
    ]
    return bar_chart(
        "funnel",
        _("Completion funnel: learners at each step"),
        [_("Participants")],
        [(label, [cell]) for label, cell in steps],
    )
