"""Wagtail admin views for certificates: the list staff read and export, one certificate with
its replacement chain and history, and the retry, revoke and reissue actions.

The views translate HTTP into calls; the rules live in `certificates.lifecycle`.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import registry as log_registry

from certificates.codes import normalise_code
from certificates.lifecycle import (
    REISSUE_ACTION,
    RETRY_ACTION,
    REVOKE_ACTION,
    CertificateActionRefused,
    refusal,
    reissue_certificate,
    replacement_chain,
    retry_certificate,
    revoke_certificate,
)
from certificates.models import Certificate
from courses.admin.exports import neutralise_formula
from courses.admin.filters import status_filter


def short_failure_reason(certificate: Certificate) -> str:
    return Truncator(certificate.failure_reason).chars(60)


class CertificateFilterSet(WagtailFilterSet):
    status = status_filter(Certificate.Status.choices)
    course = django_filters.ChoiceFilter(
        field_name="course_title", label=gettext_lazy("Course"), empty_label=gettext_lazy("All")
    )
    issued = django_filters.DateFromToRangeFilter(
        field_name="issued_at", label=gettext_lazy("Issued"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = ["status", "course", "issued"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The titles certificates state, renamed courses included; one query per request.
        titles = (
            Certificate.objects.order_by("course_title")
            .values_list("course_title", flat=True)
            .distinct()
        )
        self.filters["course"].extra["choices"] = [(title, title) for title in titles]


class CertificateIndexView(IndexView):
    """Certificates as they were stated, in one query for the rows whatever their number."""

    # Only people who may see certificates; Wagtail's default also lets in anyone who may change.
    any_permission_required = ["view"]
    # Names and reasons that people typed; XLSX export already stores formulas as text.
    custom_field_preprocess = {
        field: {IndexView.FORMAT_CSV: neutralise_formula}
        for field in ("learner_name", "course_title", "failure_reason", "revoked_reason")
    }

    def get_base_queryset(self):
        """With each certificate's current expiry date (after any extension)."""
        return super().get_base_queryset().with_validity()

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.user_has_permission("change"):
            buttons.append(
                HeaderButton(
                    gettext_lazy("Extend validity"),
                    url=reverse("certificates:extend"),
                    icon_name="date",
                )
            )
        return buttons

    def search_queryset(self, queryset):
        """By learner name, or by code as people type it (any case, with or without dashes)."""
        if not self.is_searching:
            return queryset
        query = Q(learner_name__icontains=self.search_query)
        if len(code := normalise_code(self.search_query)) >= 4:
            query |= Q(code__contains=code)
        return queryset.filter(query)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy("Kept in the certificate's history."),
    )


class CertificateInspectView(InspectView):
    """One certificate: what it states, where it stands, what replaced what, and its history,
    with the actions its status allows for staff who may change certificates."""

    any_permission_required = ["view"]
    page_title = gettext_lazy("Certificate")
    template_name = "certificates/admin/inspect.html"
    history_url_name = None
    inspect_url_name = None
    action_url_names: dict[str, str] = {}

    def get_object(self, queryset=None):
        return get_object_or_404(
            Certificate.objects.select_related("enrolment__user", "replaced_by"),
            pk=self.pk,
        )

    def get_history_url(self) -> str | None:
        if self.history_url_name:
            return reverse(self.history_url_name, args=(quote(self.object.pk),))
        return None

    def inspect_url(self, certificate: Certificate) -> str:
        return reverse(self.inspect_url_name, args=(quote(certificate.pk),))

    def get_action_forms(self, bound: dict | None = None) -> dict:
        """The actions this person may take on the certificate as it is now."""
        if not self.user_has_permission("change"):
            return {}
        bound = bound or {}
        forms_by_action = {}
        for name, action in (
            ("retry", RETRY_ACTION),
            ("revoke", REVOKE_ACTION),
            ("reissue", REISSUE_ACTION),
        ):
            if refusal(self.object, action) is None:
                forms_by_action[name] = {
                    "url": reverse(self.action_url_names[name], args=(quote(self.object.pk),)),
                    "form": bound.get(name)
                    or (None if name == "retry" else ReasonForm(prefix=name)),
                }
        return forms_by_action

    def get_context_data(self, **kwargs):
        bound_forms = kwargs.pop("bound_forms", None)
        context = super().get_context_data(**kwargs)
        certificate = self.object
        verifiable = certificate.is_verifiable
        context.update(
            certificate=certificate,
            learner=certificate.user,
            status_classname="w-status--primary"
            if certificate.status == Certificate.Status.ISSUED
            else "",
            verification_url=reverse("certificate_verify", args=[certificate.code])
            if verifiable
            else None,
            download_url=reverse("certificate_download", args=[certificate.code])
            if verifiable and certificate.pdf
            else None,
            chain=[
                {"certificate": link, "url": self.inspect_url(link)}
                for link in replacement_chain(certificate)
            ],
            log_entries=log_registry.get_logs_for_instance(certificate)
            .select_related("user")
            .order_by("-timestamp", "-id"),
            actions=self.get_action_forms(bound_forms),
            history_url=self.get_history_url(),
        )
        return context


class CertificateActionView(CertificateInspectView):
    """POST only: take one action, then show the certificate (or its replacement) again.

    A certificate no longer in the state the action needs gets a message and no change,
    whether the page was stale or another member of staff was quicker.
    """

    http_method_names = ["post"]
    permission_required = "change"
    action = ""
    name = ""
    needs_reason = True

    def perform(self, by, reason: str) -> tuple[Certificate, str]:
        raise NotImplementedError

    def post(self, request, *args, **kwargs) -> HttpResponse:
        if (why := refusal(self.object, self.action)) is not None:
            messages.error(request, why)
            return redirect(self.inspect_url(self.object))
        reason = ""
        if self.needs_reason:
            form = ReasonForm(request.POST, prefix=self.name)
            if not form.is_valid():
                messages.error(request, _("Nothing was changed: the form has errors."))
                return self.render_to_response(self.get_context_data(bound_forms={self.name: form}))
            reason = form.cleaned_data["reason"]
        try:
            certificate, message = self.perform(request.user, reason)
        except CertificateActionRefused as refused:
            messages.error(request, str(refused))
            return redirect(self.inspect_url(self.object))
        messages.success(request, message)
        return redirect(self.inspect_url(certificate))


class RetryCertificateView(CertificateActionView):
    action = RETRY_ACTION
    name = "retry"
    needs_reason = False

    def perform(self, by, reason: str) -> tuple[Certificate, str]:
        certificate = retry_certificate(self.object, by)
        return certificate, _("The certificate is pending again and will be issued shortly.")


class RevokeCertificateView(CertificateActionView):
    action = REVOKE_ACTION
    name = "revoke"

    def perform(self, by, reason: str) -> tuple[Certificate, str]:
        certificate = revoke_certificate(self.object, by, reason)
        return certificate, _("The certificate is revoked; its verification page says so.")


class ReissueCertificateView(CertificateActionView):
    action = REISSUE_ACTION
    name = "reissue"

    def perform(self, by, reason: str) -> tuple[Certificate, str]:
        new = reissue_certificate(self.object, by, reason)
        return new, _(
            "A new certificate (%(code)s) replaces %(old)s and will be issued shortly."
        ) % {"code": new.display_code, "old": self.object.display_code}


class CertificateHistoryView(HistoryView):
    """Wagtail's filterable history of one certificate, for anyone who may view it."""

    any_permission_required = ["view"]
    header_buttons = []
    inspect_url_name = None

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if self.inspect_url_name:
            # Between the list and "History": the certificate itself.
            items.insert(
                -1,
                {
                    "url": reverse(self.inspect_url_name, args=(quote(self.object.pk),)),
                    "label": self.get_page_subtitle(),
                },
            )
        return items


class CertificateAdminURLFinder(ModelAdminURLFinder):
    """Certificates are never edited: links from elsewhere in the admin (such as the site
    history report) lead to the certificate's page, for people who may view it."""

    edit_url_name = "certificates:inspect"

    def get_edit_url(self, instance):
        if self.user and not self.user.has_perm("certificates.view_certificate"):
            return None
        return self.construct_edit_url(instance)
