"""Programmes, cohorts (with their sessions and facilitators) and participants in the admin.

A cohort's lead facilitators must be qualified to lead it (`blended.qualifications.may_lead`):
the form says who is not, beside their name."""

from __future__ import annotations

from django import forms
from django.db.models import OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.models import Locale

from blended.admin.base import BlendedViewSet
from blended.models import Cohort, Facilitator, Participant, Programme
from blended.qualifications import QualificationRefused, may_lead
from blended.walk_ins import full_message, is_full
from courses.models import CoursePage


def default_language_course_choices() -> list[tuple[str, str]]:
    """Live courses in the default language, by translation key, sorted by title: a
    programme covers every translation of its course."""
    courses = (
        CoursePage.objects.live()
        .filter(locale=Locale.get_default())
        .order_by("title")
        .values_list("translation_key", "title")
    )
    return [(str(key), title) for key, title in courses]


class ProgrammeForm(WagtailAdminModelForm):
    course_key = forms.ChoiceField(label=gettext_lazy("course"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = default_language_course_choices()
        current = str(self.instance.course_key) if self.instance.course_key else None
        if current and current not in dict(choices):
            # A programme whose course is no longer live keeps it until staff choose another.
            choices.append((current, current))
        self.fields["course_key"].choices = [("", "---------"), *choices]


class CohortForm(WagtailAdminModelForm):
    def clean(self) -> dict:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day must not be before the first day."))
        if data.get("kind") and starts_on:
            self.check_leads(Cohort(kind=data["kind"], starts_on=starts_on))
        return data

    def check_leads(self, cohort: Cohort) -> None:
        """Put an error beside each lead facilitator who may not lead `cohort` (its kind and
        first day as entered), naming them; the cohort is then not saved."""
        facilitators = self.formsets.get("facilitators")
        if facilitators is None:
            return
        facilitators.is_valid()  # cleans each facilitator's form, once
        for form in facilitators.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or data.get("role") != Facilitator.Role.LEAD:
                continue
            if data.get("user") is None:
                continue
            try:
                may_lead(data["user"], cohort)
            except QualificationRefused as refusal:
                form.add_error("user", str(refusal))


class ParticipantForm(WagtailAdminModelForm):
    def clean(self) -> dict:
        data = super().clean()
        if not data.get("consented"):
            for name in ("gender", "work_role"):
                if data.get(name):
                    self.add_error(
                        name,
                        _("Record this only if the participant agreed that it is recorded."),
                    )
        self._check_places(data.get("cohort"))
        return data

    def _check_places(self, cohort) -> None:
        """A new participant, or one moved to another cohort, needs a free place there."""
        if cohort is None or self.instance.cohort_id == cohort.pk:
            return
        if is_full(cohort):
            self.add_error("cohort", full_message(cohort.capacity))


class ProgrammeIndexView(IndexView):
    def get_base_queryset(self):
        return Programme.objects.annotate(
            course_title=CoursePage.objects.title_by_key(OuterRef("course_key"))
        )


class CohortIndexView(IndexView):
    def get_base_queryset(self):
        return Cohort.objects.select_related("programme")


class ParticipantIndexView(IndexView):
    def get_base_queryset(self):
        return Participant.objects.select_related("cohort", "user")


class ProgrammeViewSet(BlendedViewSet):
    """What completing a blended course requires. A programme's course is chosen from the
    live courses; it covers all the course's translations."""

    model = Programme
    icon = "list-ul"
    menu_label = gettext_lazy("Programmes")
    index_view_class = ProgrammeIndexView
    list_display = [
        "name",
        Column("course_title", label=gettext_lazy("Course"), sort_key="course_title"),
        "requires_elearning",
        "min_attendance_percent",
        "min_post_test_percent",
        "requires_signoff",
    ]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("course_key"),
            FieldRowPanel([FieldPanel("requires_elearning"), FieldPanel("requires_signoff")]),
            FieldRowPanel(
                [FieldPanel("min_attendance_percent"), FieldPanel("min_post_test_percent")]
            ),
            FieldPanel("co_facilitations_to_certify"),
        ],
        base_form_class=ProgrammeForm,
    )


class CohortViewSet(BlendedViewSet):
    """A group that trains together, with its sessions and its facilitators."""

    model = Cohort
    icon = "group"
    menu_label = gettext_lazy("Cohorts")
    index_view_class = CohortIndexView
    list_display = ["name", "programme", "kind", "starts_on", "ends_on", "place", "country"]
    list_filter = ["programme", "kind", "language"]
    search_fields = ["name", "place", "partner_organisation"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("programme"), FieldPanel("kind")]),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            FieldRowPanel([FieldPanel("language"), FieldPanel("country")]),
            FieldRowPanel([FieldPanel("place"), FieldPanel("partner_organisation")]),
            FieldPanel("capacity"),
            InlinePanel(
                "sessions",
                panels=[
                    FieldPanel("title"),
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
                    FieldRowPanel([FieldPanel("venue"), FieldPanel("online_url")]),
                    FieldRowPanel([FieldPanel("required"), FieldPanel("weight")]),
                    FieldRowPanel(
                        [
                            FieldPanel("check_in_opens_minutes"),
                            FieldPanel("check_in_closes_minutes"),
                        ]
                    ),
                ],
            ),
            InlinePanel("facilitators", panels=[FieldPanel("user"), FieldPanel("role")]),
        ],
        base_form_class=CohortForm,
    )


class ParticipantViewSet(BlendedViewSet):
    """People in cohorts, with or without an account. Gender and role are recorded only
    with the participant's consent; the claim code is shown, never edited."""

    model = Participant
    icon = "user"
    menu_label = gettext_lazy("Participants")
    index_view_class = ParticipantIndexView
    list_display = ["name", "organisation", "cohort", "user", "claim_code", "claimed_at"]
    list_filter = ["cohort"]
    search_fields = ["name", "organisation", "claim_code"]
    edit_handler = ObjectList(
        [
            FieldPanel("cohort"),
            FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")]),
            FieldPanel("user"),
            FieldPanel("consented"),
            FieldRowPanel([FieldPanel("gender"), FieldPanel("work_role")]),
            FieldPanel("claim_code", read_only=True),
        ],
        base_form_class=ParticipantForm,
    )
