"""Admin for course vocabularies, enrolments and certificates."""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import register_admin_url_finder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses import page_cache
from courses.admin_views import EnrolLearnersView, EnrolmentFilterSet, EnrolmentIndexView
from courses.certificate_admin import (
    CertificateAdminURLFinder,
    CertificateFilterSet,
    CertificateHistoryView,
    CertificateIndexView,
    CertificateInspectView,
    ReissueCertificateView,
    RetryCertificateView,
    RevokeCertificateView,
    short_failure_reason,
)
from courses.certificate_lifecycle import (
    REISSUE_ACTION,
    REPLACEMENT_ACTION,
    RETRY_ACTION,
    REVOKE_ACTION,
)
from courses.filters import CourseFilter
from courses.models import (
    Audience,
    Certificate,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    ModulePage,
    QuizPage,
)


def model_permissions(model, actions: tuple[str, ...]):
    """The permissions of `model` for `actions`, for a read-mostly viewset to register."""
    return Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        codename__in=[get_permission_codename(action, model._meta) for action in actions],
    )


# The catalogue reads its filters and page number from the query string; nothing else.
CATALOGUE_QUERY_PARAMS = frozenset([*CourseFilter.base_filters, "page"])


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """The public course tree may be stored for anonymous visitors (`courses.page_cache`).

    Anonymous visitors see the same catalogue, outline, lesson introduction or quiz
    introduction as each other: enrolment state, places left and quiz attempts are shown to
    logged-in learners only, and those never use the cache.
    """
    if isinstance(page, CourseIndexPage):
        page_cache.allow(request, CATALOGUE_QUERY_PARAMS)
    elif isinstance(page, CoursePage | ModulePage | LessonPage | QuizPage):
        page_cache.allow(request)


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
        return model_permissions(Enrolment, ("view", "add"))


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


class CertificateViewSet(ModelViewSet):
    """Certificates as issued: read, export, and the few things staff may do to one.

    A certificate states what was true when it was earned and is never edited, so there is
    no create, edit, copy or delete view. Its page offers retry (failed), revoke and reissue
    (issued), each kept in its history; the rules are in `courses.certificate_lifecycle`.
    """

    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 212
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    history_view_class = CertificateHistoryView
    filterset_class = CertificateFilterSet
    search_fields = ["learner_name", "code"]
    ordering = "-created_at"
    list_per_page = 50
    list_display = [
        "learner_name",
        Column("course_title", label=_("Course"), sort_key="course_title"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda certificate: certificate.status == Certificate.Status.ISSUED,
        ),
        Column("code", label=_("Code"), accessor="display_code", sort_key="code"),
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
        DateColumn("issued_at", label=_("Issued"), sort_key="issued_at"),
        Column("tries", label=_("Tries"), sort_key="tries"),
        Column("failure_reason", label=_("Failure"), accessor=short_failure_reason),
    ]
    list_export = [
        "learner_name",
        "course_title",
        "get_status_display",
        "display_code",
        "created_at",
        "issued_at",
        "tries",
        "failure_reason",
        "revoked_at",
        "revoked_reason",
    ]
    export_headings = {
        "learner_name": _("Learner"),
        "course_title": _("Course"),
        "get_status_display": _("Status"),
        "display_code": _("Code"),
        "created_at": _("Created"),
        "issued_at": _("Issued"),
        "tries": _("Tries"),
        "failure_reason": _("Failure reason"),
        "revoked_at": _("Revoked"),
        "revoked_reason": _("Revocation reason"),
    }
    export_filename = "certificates"
    inspect_view_fields = [
        "learner_name",
        "course_title",
        "course_phase",
        "completed_at",
        "score",
        "organisation",
        "signatory_name",
        "signatory_title",
        "wording",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            action_url_names={
                name: self.get_url_name(name) for name in ("retry", "revoke", "reissue")
            },
            **kwargs,
        )

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(
            inspect_url_name=self.get_url_name("inspect"), **kwargs
        )

    def action_view(self, view_class):
        return self.construct_view(view_class, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("retry/<int:pk>/", self.action_view(RetryCertificateView), name="retry"),
            path("revoke/<int:pk>/", self.action_view(RevokeCertificateView), name="revoke"),
            path("reissue/<int:pk>/", self.action_view(ReissueCertificateView), name="reissue"),
        ]

    def register_admin_url_finder(self):
        register_admin_url_finder(Certificate, CertificateAdminURLFinder)

    def get_permissions_to_register(self):
        """Groups may be given "view" (the list, exports, each certificate and its history)
        and "change" (retry, revoke, reissue). Certificates are never added or deleted."""
        return model_permissions(Certificate, ("view", "change"))


certificate_viewset = CertificateViewSet("certificates")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


class ReasonLogFormatter(LogFormatter):
    """A certificate action whose log entry keeps the reason staff gave."""

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    @actions.register_action(RETRY_ACTION)
    class RetryFormatter(LogFormatter):
        label = _("Retry certificate")

        def format_message(self, log_entry):
            if reason := log_entry.data.get("failure_reason"):
                return _("Retried issuing after it failed: %(reason)s") % {"reason": reason}
            return _("Retried issuing after it failed")

    @actions.register_action(REVOKE_ACTION)
    class RevokeFormatter(ReasonLogFormatter):
        label = _("Revoke certificate")

        def format_message(self, log_entry):
            return _("Revoked: %(reason)s") % {"reason": log_entry.data.get("reason", "")}

    @actions.register_action(REISSUE_ACTION)
    class ReissueFormatter(ReasonLogFormatter):
        label = _("Reissue certificate")

        def format_message(self, log_entry):
            return _("Replaced by %(code)s: %(reason)s") % {
                "code": log_entry.data.get("replacement", "?"),
                "reason": log_entry.data.get("reason", ""),
            }

    @actions.register_action(REPLACEMENT_ACTION)
    class ReplacementFormatter(ReasonLogFormatter):
        label = _("Replacement certificate")

        def format_message(self, log_entry):
            return _("Created to replace %(code)s: %(reason)s") % {
                "code": log_entry.data.get("replaces", "?"),
                "reason": log_entry.data.get("reason", ""),
            }
