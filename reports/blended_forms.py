"""The blended programme report's filters: programme, optionally one of its cohorts, and a
period, sent by GET so a report has a URL to share with colleagues who may see it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from blended.models import Cohort, Programme
from reports.forms import DateInput


class BlendedReportForm(forms.Form):
    programme = forms.ChoiceField(label=gettext_lazy("Programme"))
    cohort = forms.ChoiceField(label=gettext_lazy("Cohort"), required=False)
    start = forms.DateField(
        label=gettext_lazy("Cohorts that met from"),
        required=False,
        widget=DateInput(),
    )
    end = forms.DateField(
        label=gettext_lazy("Cohorts that met until"),
        required=False,
        widget=DateInput(),
    )

    def __init__(self, data=None) -> None:
        # Two queries, for the choices: programmes, and cohorts under their programme.
        self.programmes = {str(programme.pk): programme for programme in Programme.objects.all()}
        self.cohorts = {
            str(cohort.pk): cohort
            for cohort in Cohort.objects.order_by("programme__name", "-starts_on", "name")
        }
        if self.programmes and (not data or "programme" not in data):
            data = {"programme": next(iter(self.programmes))}
        super().__init__(data)
        self.fields["programme"].choices = [
            (key, programme.name) for key, programme in self.programmes.items()
        ]
        grouped: dict[str, list[tuple[str, str]]] = {}
        for key, cohort in self.cohorts.items():
            name = self.programmes[str(cohort.programme_id)].name
            grouped.setdefault(name, []).append((key, f"{cohort.name} ({cohort.starts_on})"))
        self.fields["cohort"].choices = [
            ("", gettext_lazy("All cohorts")),
            *grouped.items(),
        ]

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error(
                "end", gettext_lazy("The end of the period must not be before its start.")
            )
        cohort, programme = data.get("cohort"), data.get("programme")
        if cohort and programme and str(self.cohorts[cohort].programme_id) != programme:
            self.add_error("cohort", gettext_lazy("This cohort is not in the chosen programme."))
        return data

    @property
    def chosen_programme(self) -> Programme:
        return self.programmes[self.cleaned_data["programme"]]

    @property
    def cohort_id(self) -> int | None:
        cohort = self.cleaned_data.get("cohort")
        return int(cohort) if cohort else None
