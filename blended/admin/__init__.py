"""The "Blended training" section of the Wagtail admin, registered in `blended.wagtail_hooks`:
programmes, cohorts (with their sessions and facilitators) and participants
(`blended.admin.cohorts`); facilitator qualifications and co-facilitated sessions
(`blended.admin.qualifications`)."""

from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSetGroup

from blended.admin.cohorts import CohortViewSet, ParticipantViewSet, ProgrammeViewSet
from blended.admin.qualifications import CoFacilitationViewSet, FacilitatorQualificationViewSet


class BlendedTrainingGroup(ViewSetGroup):
    menu_label = gettext_lazy("Blended training")
    menu_icon = "calendar"
    menu_order = 213
    items = (
        ProgrammeViewSet("blended_programmes"),
        CohortViewSet("blended_cohorts"),
        ParticipantViewSet("blended_participants"),
        FacilitatorQualificationViewSet("blended_qualifications"),
        CoFacilitationViewSet("blended_co_facilitations"),
    )
