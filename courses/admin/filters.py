"""Filters the admin's lists share."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy


def status_filter(choices: list[tuple[str, str]]) -> django_filters.ChoiceFilter:
    """The "Status" filter of an admin list: one radio button per status, and "All"."""
    return django_filters.ChoiceFilter(
        choices=choices,
        label=gettext_lazy("Status"),
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
