"""The programme report's figures (reports.programme), with the small-cell rule: a figure
about fewer than REPORT_MIN_CELL people has a null value and `suppressed: true`.

The report counts every organisation's learners together and cannot be cut to one
organisation, so only an all-organisations token reads it (403 for an organisation's)."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import AllOrganisationsToken, HasUsableToken
from api.views import ERRORS, INVALID
from reports.cells import Cell, min_cell
from reports.programme import BREAKDOWNS, Figures, Period, programme_report

#: Reports start no earlier than this: the months listed stay few whatever is asked.
EARLIEST = date(2000, 1, 1)


class ProgrammeQuerySerializer(serializers.Serializer):
    course = serializers.UUIDField(help_text=_("The course's key."))
    breakdown = serializers.ChoiceField(
        choices=list(BREAKDOWNS), required=False, help_text=_("Figures for each group, too.")
    )
    country = serializers.RegexField(
        r"^[A-Za-z]{2}$", required=False, help_text=_("Only learners from this country (ISO).")
    )

    def get_fields(self) -> dict:
        fields = super().get_fields()
        # "from" is a Python keyword: it cannot be declared as a class attribute.
        fields["from"] = serializers.DateField(
            required=False, help_text=_("First day of enrolment counted (a year ago if not given).")
        )
        fields["to"] = serializers.DateField(
            required=False, help_text=_("Last day of enrolment counted (today if not given).")
        )
        return fields


class CellSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True, help_text=_("Null when suppressed."))
    suppressed = serializers.BooleanField(help_text=_("Fewer people than the small-cell limit."))


class FiguresSerializer(serializers.Serializer):
    label = serializers.CharField()
    enrolled = CellSerializer()
    started = CellSerializer()
    completed = CellSerializer()
    certified = CellSerializer()
    completion_rate = CellSerializer(help_text=_("Percent of those enrolled."))
    median_days = CellSerializer(help_text=_("Median days from enrolment to completion."))
    mean_score = CellSerializer(help_text=_("Mean final quiz score, percent."))


class MonthSerializer(serializers.Serializer):
    month = serializers.DateField()
    enrolled = CellSerializer()
    completed = CellSerializer()


class ProgrammeReportSerializer(serializers.Serializer):
    course = serializers.UUIDField()
    from_ = serializers.DateField()
    to = serializers.DateField()
    breakdown = serializers.CharField()
    country = serializers.CharField()
    min_cell = serializers.IntegerField(help_text=_("Figures about fewer people are suppressed."))
    total = FiguresSerializer()
    groups = FiguresSerializer(many=True)
    months = MonthSerializer(many=True)

    def get_fields(self) -> dict:
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields


def figures_for_api(line: Figures) -> dict:
    cells = {name: value for name, value in vars(line).items() if isinstance(value, Cell)}
    return {"label": line.label, **{name: cell.as_api() for name, cell in cells.items()}}


class ProgrammeReportView(APIView):
    """The programme report of one course: enrolled, started, completed, certified, completion
    rate, median days to complete and mean score, for learners who enrolled between `from`
    and `to` (either order; clipped to 2000-01-01 … today), optionally by group."""

    permission_classes = [HasUsableToken, AllOrganisationsToken]

    @extend_schema(
        parameters=[ProgrammeQuerySerializer],
        responses={200: ProgrammeReportSerializer, **INVALID, **ERRORS},
    )
    def get(self, request: Request) -> Response:
        query = ProgrammeQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        unknown = sorted(set(request.query_params) - set(query.fields))
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})
        asked = query.validated_data
        today = timezone.localdate()
        ends = sorted([asked.get("from", today - timedelta(days=365)), asked.get("to", today)])
        period = Period(min(max(ends[0], EARLIEST), today), min(max(ends[1], EARLIEST), today))
        country = asked.get("country", "").upper()
        report = programme_report(
            asked["course"], period, breakdown=asked.get("breakdown", ""), country=country
        )
        return Response(
            {
                "course": report.course_key,
                "from": period.start,
                "to": period.end,
                "breakdown": report.breakdown,
                "country": report.country,
                "min_cell": min_cell(),
                "total": figures_for_api(report.total),
                "groups": [figures_for_api(group) for group in report.groups],
                "months": [
                    {
                        "month": month.month,
                        "enrolled": month.enrolled.as_api(),
                        "completed": month.completed.as_api(),
                    }
                    for month in report.months
                ],
            }
        )
