"""Query parameters of the API's lists (django-filter). A value that does not parse is a 400
naming the parameter, never a silently ignored filter."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget

from certificates.models import Certificate
from courses.models import CoursePage, Enrolment
from courses.pages.taxonomy import CrisisPhase, Level


class StrictFilterSet(django_filters.FilterSet):
    """A date, key, choice or yes/no given must hold a value: django-filter reads an empty one
    (or "null", "2" for a yes/no) as "no filter", which for an API hides a mistake. An empty
    text parameter still means "any"."""

    def is_valid(self) -> bool:
        form = self.form
        if form.is_valid():
            for name, field in self.filters.items():
                if isinstance(field, django_filters.CharFilter) or name not in self.data:
                    continue
                if form.cleaned_data.get(name) in (None, ""):
                    form.add_error(name, _("Give a value, or leave the parameter out."))
        return not form.errors


class CourseFilter(StrictFilterSet):
    phase = django_filters.ChoiceFilter(choices=CrisisPhase.choices)
    level = django_filters.ChoiceFilter(choices=Level.choices)
    awards_certificate = django_filters.BooleanFilter(widget=BooleanWidget)

    class Meta:
        model = CoursePage
        fields = ["phase", "level", "awards_certificate"]


class EnrolmentFilter(StrictFilterSet):
    course = django_filters.UUIDFilter(field_name="course_key", label=_("Course key"))
    status = django_filters.ChoiceFilter(choices=Enrolment.Status.choices)
    completed = django_filters.BooleanFilter(
        method="filter_completed", label=_("Completed"), widget=BooleanWidget
    )
    enrolled_after = django_filters.DateFilter(
        field_name="enrolled_at", lookup_expr="date__gte", label=_("Enrolled on or after")
    )
    enrolled_before = django_filters.DateFilter(
        field_name="enrolled_at", lookup_expr="date__lte", label=_("Enrolled on or before")
    )
    country = django_filters.CharFilter(
        field_name="user__country", lookup_expr="iexact", label=_("Country (ISO code)")
    )
    organisation = django_filters.CharFilter(
        field_name="user__organisation", lookup_expr="iexact", label=_("Organisation")
    )

    class Meta:
        model = Enrolment
        fields = ["course", "status"]

    def filter_completed(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(completed_at__isnull=not value)


class CertificateFilter(StrictFilterSet):
    course = django_filters.UUIDFilter(field_name="enrolment__course_key", label=_("Course key"))
    status = django_filters.ChoiceFilter(choices=Certificate.Status.choices)
    issued_after = django_filters.DateFilter(
        field_name="issued_at", lookup_expr="date__gte", label=_("Issued on or after")
    )
    issued_before = django_filters.DateFilter(
        field_name="issued_at", lookup_expr="date__lte", label=_("Issued on or before")
    )
    organisation = django_filters.CharFilter(
        field_name="enrolment__user__organisation", lookup_expr="iexact", label=_("Organisation")
    )

    class Meta:
        model = Certificate
        fields = ["course", "status"]
