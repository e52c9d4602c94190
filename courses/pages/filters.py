"""Catalogue filters. Unknown values become form errors and are ignored, never a server error."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from courses.pages.taxonomy import Audience, CrisisPhase
from training.languages import language_choices


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
        choices=language_choices,
        label=_("Language"),
        empty_label=_("All languages"),
        method="available_in",
    )

    def available_in(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Courses with a published translation in language `value`, whichever language the
        catalogue is read in (a course not yet translated is listed under its source's)."""
        translated = Page.objects.live().filter(alias_of__isnull=True, locale__language_code=value)
        return queryset.filter(translation_key__in=translated.values("translation_key"))
