"""Name correction requests in the Wagtail admin: the list (pending first), one request with
its whole audit trail, and the approve and refuse actions.

A request is the audit trail of a correction, so the admin never edits it: there is no add,
edit, copy or delete view, and only `certificates.corrections` writes it. Permissions are the
certificates' own: "view certificates" to see requests, "change certificates" to decide them
(deciding reissues a certificate, which that permission already allows).
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Permission
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder, register_admin_url_finder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import registry as log_registry
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from certificates.corrections import (
    APPROVE_ACTION,
    MESSAGE_MAX_LENGTH,
    REFUSE_ACTION,
    REQUEST_ACTION,
    approve_name_correction,
    decision_refusal,
    refuse_name_correction,
)
from certificates.lifecycle import CertificateActionRefused
from certificates.models import Certificate, NameCorrectionRequest
from courses.admin.filters import status_filter

Status = NameCorrectionRequest.Status

# Requests are seen and decided with the certificates' permissions; registered when this
# module is imported (by wagtail_hooks), before anything asks for the model's policy.
register_permission_policy(NameCorrectionRequest, ModelPermissionPolicy(Certificate))


class NameCorrectionFilterSet(WagtailFilterSet):
    status = status_filter(Status.choices)

    class Meta:
        model = NameCorrectionRequest
        fields = ["status"]


class NameCorrectionIndexView(IndexView):
    """Requests, the ones waiting for a decision first, then the newest."""

    any_permission_required = ["view"]

    def get_base_queryset(self):
        return NameCorrectionRequest.objects.select_related(
            "certificate", "requested_by", "decided_by"
        )

    def order_queryset(self, queryset):
        if self.request.GET.get("ordering") in self.get_valid_orderings():
            return super().order_queryset(queryset)
        waiting_first = Case(
            When(status=Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return queryset.order_by(waiting_first, "-requested_at", "-pk")


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message to the learner"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        help_text=gettext_lazy("The learner reads it on the certificate's correction page."),
    )


class RefusalForm(DecisionForm):
    message = forms.CharField(
        label=gettext_lazy("Message to the learner"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=gettext_lazy("Required: tell the learner why, and what they can do."),
    )


DECISION_FORMS = {"approve": DecisionForm, "refuse": RefusalForm}


class NameCorrectionInspectView(InspectView):
    """One request: who asked, when, for which name and why; who decided, when and what they
    said; the replacement certificate; the log. Pending requests offer approve and refuse
    to staff who may change certificates; decided ones offer nothing."""

    any_permission_required = ["view"]
    page_title = gettext_lazy("Name correction request")
    template_name = "certificates/admin/name_correction_detail.html"
    inspect_url_name = None
    action_url_names: dict[str, str] = {}

    def get_object(self, queryset=None):
        return get_object_or_404(
            NameCorrectionRequest.objects.select_related(
                "certificate__enrolment__user", "requested_by", "decided_by", "replacement"
            ),
            pk=self.pk,
        )

    def detail_url(self) -> str:
        return reverse(self.inspect_url_name, args=(quote(self.object.pk),))

    def get_decision_forms(self, bound: dict | None = None) -> dict:
        if not self.user_has_permission("change") or decision_refusal(self.object) is not None:
            return {}
        bound = bound or {}
        return {
            name: {
                "url": reverse(self.action_url_names[name], args=(quote(self.object.pk),)),
                "form": bound.get(name) or form_class(prefix=name),
            }
            for name, form_class in DECISION_FORMS.items()
        }

    def get_context_data(self, **kwargs):
        bound_forms = kwargs.pop("bound_forms", None)
        context = super().get_context_data(**kwargs)
        correction = self.object
        certificate = correction.certificate
        context.update(
            correction=correction,
            certificate=certificate,
            learner=certificate.user,
            certificate_url=reverse("certificates:inspect", args=(quote(certificate.pk),)),
            verification_url=reverse("certificate_verify", args=[certificate.code])
            if certificate.is_verifiable
            else None,
            replacement_url=reverse(
                "certificates:inspect", args=(quote(correction.replacement_id),)
            )
            if correction.replacement_id
            else None,
            status_classname="w-status--primary" if correction.status == Status.PENDING else "",
            log_entries=log_registry.get_logs_for_instance(correction)
            .select_related("user")
            .order_by("-timestamp", "-id"),
            decisions=self.get_decision_forms(bound_forms),
        )
        return context


class DecisionView(NameCorrectionInspectView):
    """POST only: approve or refuse, then show the request again with the outcome.

    A request already decided (a stale page, or a colleague was quicker) gets a message and
    no change."""

    http_method_names = ["post"]
    permission_required = "change"
    name = ""

    def decide(self, by, message: str) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs) -> HttpResponse:
        if (why := decision_refusal(self.object)) is not None:
            messages.error(request, why)
            return redirect(self.detail_url())
        form = DECISION_FORMS[self.name](request.POST, prefix=self.name)
        if not form.is_valid():
            messages.error(request, _("Nothing was changed: the form has errors."))
            return self.render_to_response(self.get_context_data(bound_forms={self.name: form}))
        try:
            done = self.decide(request.user, form.cleaned_data["message"])
        except CertificateActionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, done)
        return redirect(self.detail_url())


class ApproveView(DecisionView):
    name = "approve"

    def decide(self, by, message: str) -> str:
        replacement = approve_name_correction(self.object, by, message)
        return _(
            "Approved. A new certificate (%(code)s) with the corrected name replaces %(old)s "
            "and will be issued shortly."
        ) % {"code": replacement.display_code, "old": self.object.certificate.display_code}


class RefuseView(DecisionView):
    name = "refuse"

    def decide(self, by, message: str) -> str:
        refuse_name_correction(self.object, by, message)
        return _("Refused. The certificate stays as it is; the learner can read your message.")


class NameCorrectionAdminURLFinder(ModelAdminURLFinder):
    """Requests are never edited: links from elsewhere in the admin lead to the request's
    page, for people who may view certificates."""

    edit_url_name = "name_corrections:inspect"

    def get_edit_url(self, instance):
        if self.user and not self.user.has_perm("certificates.view_certificate"):
            return None
        return self.construct_edit_url(instance)


class NameCorrectionViewSet(ModelViewSet):
    """Learners' requests to correct the name on a certificate: read and decide only."""

    model = NameCorrectionRequest
    icon = "user"
    menu_label = gettext_lazy("Name corrections")
    menu_order = 213
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = NameCorrectionIndexView
    inspect_view_class = NameCorrectionInspectView
    filterset_class = NameCorrectionFilterSet
    list_per_page = 50
    list_display = [
        "requested_name",
        Column("current_name", label=gettext_lazy("Name on the certificate")),
        Column("course", label=gettext_lazy("Course"), accessor="certificate.course_title"),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda correction: correction.status == Status.PENDING,
        ),
        DateColumn("requested_at", label=gettext_lazy("Requested"), sort_key="requested_at"),
        DateColumn("decided_at", label=gettext_lazy("Decided"), sort_key="decided_at"),
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            action_url_names={name: self.get_url_name(name) for name in DECISION_FORMS},
            **kwargs,
        )

    def decision_view(self, view_class):
        return self.construct_view(view_class, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("approve/<int:pk>/", self.decision_view(ApproveView), name="approve"),
            path("refuse/<int:pk>/", self.decision_view(RefuseView), name="refuse"),
        ]

    def register_admin_url_finder(self):
        register_admin_url_finder(NameCorrectionRequest, NameCorrectionAdminURLFinder)

    def get_permissions_to_register(self):
        """None of its own: requests use the certificates' "view" and "change"."""
        return Permission.objects.none()


def register_correction_log_actions(actions) -> None:
    """The wording of name correction entries in Wagtail's logs (a `register_log_actions`
    hook, registered in wagtail_hooks)."""

    @actions.register_action(REQUEST_ACTION)
    class RequestFormatter(LogFormatter):
        label = gettext_lazy("Request name correction")

        def format_message(self, log_entry):
            return _("Asked for the name on %(code)s to be corrected to “%(name)s”") % {
                "code": log_entry.data.get("certificate", "?"),
                "name": log_entry.data.get("requested_name", ""),
            }

    @actions.register_action(APPROVE_ACTION)
    class ApproveFormatter(LogFormatter):
        label = gettext_lazy("Approve name correction")

        def format_message(self, log_entry):
            return _("Approved: %(code)s replaces %(old)s") % {
                "code": log_entry.data.get("replacement", "?"),
                "old": log_entry.data.get("certificate", "?"),
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("message", "")

    @actions.register_action(REFUSE_ACTION)
    class RefuseFormatter(LogFormatter):
        label = gettext_lazy("Refuse name correction")

        def format_message(self, log_entry):
            return _("Refused: %(message)s") % {"message": log_entry.data.get("message", "")}

        def format_comment(self, log_entry):
            return log_entry.data.get("message", "")
