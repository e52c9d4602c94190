"""Facilitator qualifications and co-facilitated sessions in the admin.

Both are history: rows are added, never changed or deleted (the permission policy says no to
"change" and "delete" for everyone, superusers included). Staff add a master trainer with a
reason (`grant_master`); a lead facilitator signs off a co-facilitator's session
(`sign_co_facilitation`), which may make them a certified facilitator. The rules, and their
refusals, are those of `blended.qualifications`; the forms only show them.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from blended.admin.base import BlendedViewSet
from blended.models import (
    CoFacilitation,
    Cohort,
    Facilitator,
    FacilitatorQualification,
    TrainingSession,
)
from blended.qualifications import QualificationRefused, grant_master, sign_co_facilitation

ADD_AND_VIEW = ("add", "view")


class HistoryPermissionPolicy(ModelPermissionPolicy):
    """Rows that are history may be added and viewed, never changed or deleted."""

    def user_has_permission(self, user, action):
        if action in ("change", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(
    FacilitatorQualification, HistoryPermissionPolicy(FacilitatorQualification), exact_class=True
)
register_permission_policy(
    CoFacilitation, HistoryPermissionPolicy(CoFacilitation), exact_class=True
)


class RefusalShownInFormMixin:
    """Runs the domain function in `save_instance`; its refusal becomes a form error beside
    `refusal_field` and nothing is saved."""

    refusal_field = None

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except QualificationRefused as refusal:
            form.add_error(self.refusal_field, str(refusal))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class MasterGrantForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True
        self.fields["reason"].help_text = _("Why this person becomes a master trainer.")


class MasterGrantView(RefusalShownInFormMixin, CreateView):
    """Adding a qualification in the admin is making someone a master trainer."""

    refusal_field = "user"

    def get_page_title(self):
        return _("Make a master trainer")

    def save_instance(self):
        data = self.form.cleaned_data
        granted = grant_master(data["user"], by=self.request.user, reason=data["reason"])
        log(granted, "wagtail.create", user=self.request.user)
        return granted


#: The staff's report of who trained whom (`reports.cascade_views`), named by its URL only:
#: reports read blended, not the other way round.
CASCADE_REPORT_URL = "reports:cascade"
VIEW_REPORTS = "reports.view_reports"


class QualificationIndexView(IndexView):
    add_item_label = gettext_lazy("Make a master trainer")

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm(VIEW_REPORTS):
            report = HeaderButton(
                _("Cascade of trainers"), url=reverse(CASCADE_REPORT_URL), icon_name="group"
            )
            buttons.append(report)
        return buttons

    def get_base_queryset(self):
        return FacilitatorQualification.objects.select_related("user", "trained_in", "granted_by")


class FacilitatorQualificationViewSet(BlendedViewSet):
    """Who holds which facilitator qualification, valid until when, trained in which
    cohort. Staff make master trainers here; the platform grants the other levels."""

    model = FacilitatorQualification
    icon = "tick"
    menu_label = gettext_lazy("Facilitator qualifications")
    actions = ADD_AND_VIEW
    index_view_class = QualificationIndexView
    add_view_class = MasterGrantView
    inspect_view_enabled = True
    list_display = ["user", "level", "valid_until", "granted_at", "trained_in", "granted_by"]
    list_filter = ["level"]
    edit_handler = ObjectList(
        [FieldPanel("user"), FieldPanel("reason")], base_form_class=MasterGrantForm
    )


def sessions_led_by(user) -> QuerySet[TrainingSession]:
    """Sessions of learners' cohorts that `user` leads and that have started."""
    leads = Facilitator.objects.filter(
        cohort=OuterRef("cohort"), user=user, role=Facilitator.Role.LEAD
    )
    return (
        TrainingSession.objects.filter(
            Exists(leads), cohort__kind=Cohort.Kind.LEARNERS, starts_at__lte=timezone.now()
        )
        .select_related("cohort")
        .order_by("-starts_at")
    )


def session_label(session: TrainingSession) -> str:
    """A session with its cohort and day: sessions of many cohorts share titles."""
    return f"{session.cohort} · {session.title} · {session.starts_at:%Y-%m-%d}"


class SignOffForm(WagtailAdminModelForm):
    """A lead picks one of their sessions and one of its cohort's co-facilitators."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        user = self.for_user
        sessions = sessions_led_by(user)
        self.fields["session"].queryset = sessions
        self.fields["session"].label_from_instance = session_label
        co_facilitating = Facilitator.objects.filter(
            user=OuterRef("pk"),
            role=Facilitator.Role.CO_FACILITATOR,
            cohort__in=sessions.values("cohort"),
        )
        self.fields["user"].queryset = (
            self.fields["user"].queryset.filter(Exists(co_facilitating)).exclude(pk=user.pk)
        )


class SignOffView(RefusalShownInFormMixin, CreateView):
    refusal_field = "session"

    def get_page_title(self):
        return _("Sign off a co-facilitated session")

    def save_instance(self):
        data = self.form.cleaned_data
        signed = sign_co_facilitation(data["session"], data["user"], by=self.request.user)
        log(signed, "wagtail.create", user=self.request.user)
        return signed


class CoFacilitationIndexView(IndexView):
    add_item_label = gettext_lazy("Sign off a co-facilitated session")

    def get_base_queryset(self):
        return CoFacilitation.objects.select_related("session__cohort", "user", "signed_off_by")


class CoFacilitationViewSet(BlendedViewSet):
    """Learner sessions that co-facilitators helped run, each signed off by a lead of the
    cohort. A lead signs off here; enough sign-offs make a co-facilitator certified."""

    model = CoFacilitation
    icon = "user"
    menu_label = gettext_lazy("Co-facilitated sessions")
    actions = ADD_AND_VIEW
    index_view_class = CoFacilitationIndexView
    add_view_class = SignOffView
    list_display = ["user", "session", "signed_off_by", "signed_off_at"]
    edit_handler = ObjectList(
        [FieldPanel("session"), FieldPanel("user")], base_form_class=SignOffForm
    )
