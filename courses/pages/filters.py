"""Catalogue filters. Unknown values become form errors and are ignored, never a server error."""

import django_filters
from django.utils.translation import gettext_lazy as _

from courses.pages.taxonomy import Audience, CrisisPhase, course_language_choices


class CourseFilter(django_filters.FilterSet):
    phase = django_filters.ChoiceFilter(
        choices=CrisisPhase.choices, label=_("Crisis phase"), empty_label=_("All phases")
    )
    audience = django_filters.ModelChoiceFilter(
        field_name="audiences",
        to_field_name="slug",
        queryset=Audience.objects.all(),
        label=_("Audience"),
        empty_label=_("All audiences"),
    )
    language = django_filters.ChoiceFilter(
        choices=course_language_choices, label=_("Language"), empty_label=_("All languages")
    )
