"""Admin for course vocabularies and enrolments."""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.admin_views import EnrolLearnersView, EnrolmentFilterSet, EnrolmentIndexView
from courses.models import Audience, Enrolment


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = "Audiences"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "description"]
    search_fields = ["name"]


register_snippet(AudienceViewSet)


class EnrolmentViewSet(ModelViewSet):
    """Who is enrolled in what: read and export only.

    Progress is the learners' own, so there is no edit, copy or delete view; enrolling goes
    through "Enrol learners" (a CSV upload), which the list's add button leads to.
    """

    model = Enrolment
    icon = "group"
    menu_label = _("Enrolments")
    menu_order = 210
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = EnrolmentIndexView
    filterset_class = EnrolmentFilterSet
    search_fields = ["user__full_name", "user__email", "user__username"]
    ordering = "-enrolled_at"
    list_per_page = 50
    list_display = [
        Column(
            "learner", label=_("Learner"), accessor="user.display_name", sort_key="user__full_name"
        ),
        Column("email", label=_("Email"), accessor="user.email", sort_key="user__email"),
        Column(
            "organisation",
            label=_("Organisation"),
            accessor="user.organisation",
            sort_key="user__organisation",
        ),
        Column(
            "country", label=_("Country"), accessor="user.country.name", sort_key="user__country"
        ),
        Column("course_title", label=_("Course"), sort_key="course_title"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("enrolled_at", label=_("Enrolled"), sort_key="enrolled_at"),
        DateColumn("last_activity_at", label=_("Last activity"), sort_key="last_activity_at"),
        DateColumn("completed_at", label=_("Completed"), sort_key="completed_at"),
    ]
    list_export = [
        "user.display_name",
        "user.email",
        "user.organisation",
        "user.country.name",
        "course_title",
        "get_status_display",
        "enrolled_at",
        "last_activity_at",
        "completed_at",
    ]
    export_headings = {
        "user.display_name": _("Learner"),
        "user.email": _("Email"),
        "user.organisation": _("Organisation"),
        "user.country.name": _("Country"),
        "course_title": _("Course"),
        "get_status_display": _("Status"),
        "enrolled_at": _("Enrolled"),
        "last_activity_at": _("Last activity"),
        "completed_at": _("Completed"),
    }
    export_filename = "enrolments"

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=self.get_url_name("enrol"),
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    @property
    def enrol_view(self):
        return EnrolLearnersView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("enrol/", self.enrol_view, name="enrol"),
        ]

    def register_admin_url_finder(self):
        """Enrolments have no edit view for the admin to link to."""

    def get_permissions_to_register(self):
        """Groups may be given "view" (the list and its exports) and "add" (enrol learners)."""
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Enrolment),
            codename__in=[
                get_permission_codename(action, Enrolment._meta) for action in ("view", "add")
            ],
        )


enrolment_viewset = EnrolmentViewSet("enrolments")


@hooks.register("register_admin_viewset")
def register_enrolment_viewset():
    return enrolment_viewset


class EnrolLearnersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.add_enrolment")


@hooks.register("register_admin_menu_item")
def register_enrol_learners_menu_item():
    return EnrolLearnersMenuItem(
        _("Enrol learners"),
        reverse_lazy("enrolments:enrol"),
        icon_name="user",
        order=211,
    )
