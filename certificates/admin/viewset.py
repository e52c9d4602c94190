"""The certificates section of the Wagtail admin: list, export, inspect, history, actions."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import register_admin_url_finder
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet

from certificates.admin.extensions import extend_view
from certificates.admin.views import (
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
from certificates.models import Certificate
from courses.admin.permissions import model_permissions


class CertificateViewSet(ModelViewSet):
    """Certificates as issued: read, export, and the few things staff may do to one.

    A certificate states what was true when it was earned and is never edited, so there is
    no create, edit, copy or delete view. Its page offers retry (failed), revoke and reissue
    (issued), each kept in its history; the rules are in `certificates.lifecycle`.
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
        DateColumn("current_expires_on", label=_("Expires"), sort_key="current_expires_on"),
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
        "current_expires_on",
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
        "current_expires_on": _("Expires"),
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
        "expires_on",
        "grace_days",
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
            path("extend/", extend_view, name="extend"),
        ]

    def register_admin_url_finder(self):
        register_admin_url_finder(Certificate, CertificateAdminURLFinder)

    def get_permissions_to_register(self):
        """Groups may be given "view" (the list, exports, each certificate and its history)
        and "change" (retry, revoke, reissue). Certificates are never added or deleted."""
        return model_permissions(Certificate, ("view", "change"))
