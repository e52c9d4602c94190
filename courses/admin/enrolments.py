"""The enrolments section of the Wagtail admin: the list staff read and export, filtered by
course, status, organisation and country. Enrolling a cohort is `courses.admin.roster`."""

from __future__ import annotations

import django_filters
from django.db.models import OuterRef
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from courses.admin.exports import neutralise_formula
from courses.admin.filters import status_filter
from courses.admin.permissions import model_permissions
from courses.admin.roster import EnrolLearnersView
from courses.models import CoursePage, Enrolment


def live_course_choices() -> list[tuple[str, str]]:
    """(translation_key, title) of each published course, once per course whatever its
    translations, titled in the lowest locale id as `CoursePage.objects.title_by_key` is."""
    titles: dict[str, str] = {}
    for key, title in (
        CoursePage.objects.live().order_by("locale_id").values_list("translation_key", "title")
    ):
        titles.setdefault(str(key), title)
    return sorted(titles.items(), key=lambda choice: choice[1].casefold())


class EnrolmentFilterSet(WagtailFilterSet):
    course = django_filters.ChoiceFilter(
        field_name="course_key", label=gettext_lazy("Course"), empty_label=gettext_lazy("All")
    )
    status = status_filter(Enrolment.Status.choices)
    organisation = django_filters.CharFilter(
        field_name="user__organisation",
        lookup_expr="icontains",
        label=gettext_lazy("Organisation"),
    )
    country = django_filters.ChoiceFilter(
        field_name="user__country",
        choices=countries,
        label=gettext_lazy("Country"),
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Enrolment
        fields = ["course", "status", "organisation", "country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Courses come and go: read them for each request, in one query.
        self.filters["course"].extra["choices"] = live_course_choices()


class EnrolmentIndexView(IndexView):
    """Enrolments with their learner and course title, in a constant number of queries."""

    # Only people who may see enrolments; Wagtail's default also lets in anyone who may add.
    any_permission_required = ["view"]
    # Text that learners typed themselves; XLSX export already stores formulas as text.
    custom_field_preprocess = {
        field: {IndexView.FORMAT_CSV: neutralise_formula}
        for field in ("user.display_name", "user.email", "user.organisation", "course_title")
    }

    def get_base_queryset(self):
        course_title = CoursePage.objects.title_by_key(OuterRef("course_key"))
        return Enrolment.objects.annotate(course_title=course_title).select_related("user")

    @cached_property
    def add_item_label(self) -> str:
        return _("Enrol learners")


class EnrolmentViewSet(ModelViewSet):
    """Who is enrolled in what: read and export only.

    Progress is the learners' own, so there is no edit, copy or delete view; enrolling goes
    through "Enrol learners" (a CSV upload), which the list's add button leads to.
    """

    model = Enrolment
    icon = "group"
    menu_label = gettext_lazy("Enrolments")
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
            "learner",
            label=gettext_lazy("Learner"),
            accessor="user.display_name",
            sort_key="user__full_name",
        ),
        Column("email", label=gettext_lazy("Email"), accessor="user.email", sort_key="user__email"),
        Column(
            "organisation",
            label=gettext_lazy("Organisation"),
            accessor="user.organisation",
            sort_key="user__organisation",
        ),
        Column(
            "country",
            label=gettext_lazy("Country"),
            accessor="user.country.name",
            sort_key="user__country",
        ),
        Column("course_title", label=gettext_lazy("Course"), sort_key="course_title"),
        Column(
            "status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status"
        ),
        DateColumn("enrolled_at", label=gettext_lazy("Enrolled"), sort_key="enrolled_at"),
        DateColumn(
            "last_activity_at", label=gettext_lazy("Last activity"), sort_key="last_activity_at"
        ),
        DateColumn("completed_at", label=gettext_lazy("Completed"), sort_key="completed_at"),
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
        "user.display_name": gettext_lazy("Learner"),
        "user.email": gettext_lazy("Email"),
        "user.organisation": gettext_lazy("Organisation"),
        "user.country.name": gettext_lazy("Country"),
        "course_title": gettext_lazy("Course"),
        "get_status_display": gettext_lazy("Status"),
        "enrolled_at": gettext_lazy("Enrolled"),
        "last_activity_at": gettext_lazy("Last activity"),
        "completed_at": gettext_lazy("Completed"),
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
        return model_permissions(Enrolment, ("view", "add"))


class EnrolLearnersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.add_enrolment")
