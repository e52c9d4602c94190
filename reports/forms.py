"""The programme report's filters: course, period, country and breakdown, sent by GET so a
report has a URL that can be shared with colleagues who may see it."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_countries import countries
from wagtail.models import Locale

from courses.models import CoursePage
from reports.programme import BREAKDOWNS, Period


def course_choices() -> list[tuple[str, str]]:
    """Every course by translation key, titled in the default language (one query)."""
    courses = CoursePage.objects.filter(locale=Locale.get_default()).order_by("title")
    return [(str(key), title) for key, title in courses.values_list("translation_key", "title")]


class DateInput(forms.DateInput):
    input_type = "date"


class ProgrammeReportForm(forms.Form):
    course = forms.ChoiceField(label=gettext_lazy("Course"))
    start = forms.DateField(label=gettext_lazy("Enrolled from"), widget=DateInput())
    end = forms.DateField(label=gettext_lazy("Enrolled until"), widget=DateInput())
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    breakdown = forms.ChoiceField(label=gettext_lazy("Break down by"), required=False)

    def __init__(self, data=None, courses: list[tuple[str, str]] | None = None) -> None:
        courses = courses if courses is not None else course_choices()
        if courses and (not data or "course" not in data):
            data = default_filters(courses)
        super().__init__(data)
        self.fields["course"].choices = courses
        self.fields["country"].choices = [("", gettext_lazy("All countries")), *countries]
        self.fields["breakdown"].choices = [
            ("", gettext_lazy("No breakdown")),
            *((key, heading) for key, (_field, heading) in BREAKDOWNS.items()),
        ]

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error(
                "end", gettext_lazy("The end of the period must not be before its start.")
            )
        return data

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])


def default_filters(courses: list[tuple[str, str]]) -> dict:
    """The first course, the last twelve months, by country, when nothing is chosen yet."""
    today = timezone.localdate()
    year_ago = (today.replace(day=1) - timedelta(days=365)).replace(day=1)
    return {
        "course": courses[0][0],
        "start": year_ago.isoformat(),
        "end": today.isoformat(),
        "country": "",
        "breakdown": "country",
    }
