"""API tokens in the Wagtail admin (Settings → API tokens): staff with the "add API token"
permission issue one, see its secret once, and revoke it later. A token is never edited
beyond its name: a new scope is a new token."""

from __future__ import annotations

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from api.models import ApiToken
from api.tokens import issue_token, revoke_token


class IssueTokenForm(WagtailAdminModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "organisation", "expires_at"]


class EditTokenForm(WagtailAdminModelForm):
    revoke = forms.BooleanField(
        label=_("Revoke this token"),
        required=False,
        help_text=_("From now on, every request with it is refused. This cannot be undone."),
    )

    class Meta:
        model = ApiToken
        fields = ["name"]


class IssueTokenView(generic.CreateView):
    """Creates the token and shows its secret on the page that follows, once."""

    def save_instance(self) -> ApiToken:
        data = self.form.cleaned_data
        token, self.secret = issue_token(
            data["name"], data["organisation"], self.request.user, data["expires_at"]
        )
        return token

    def save_action(self) -> TemplateResponse:
        return TemplateResponse(
            self.request,
            "api/token_issued.html",
            {
                "token": self.object,
                "secret": self.secret,
                "index_url": self.get_success_url(),
                "page_title": _("API token issued"),
            },
        )


class EditTokenView(generic.EditView):
    def save_instance(self) -> ApiToken:
        token = super().save_instance()
        if self.form.cleaned_data.get("revoke"):
            revoke_token(token)
        return token


class ApiTokenViewSet(ModelViewSet):
    model = ApiToken
    icon = "key"
    menu_label = _("API tokens")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    add_view_class = IssueTokenView
    edit_view_class = EditTokenView
    ordering = "-created_at"
    list_display = [
        "name",
        Column("scope", label=_("Organisation")),
        Column("prefix", label=_("Starts with")),
        DateColumn("created_at", label=_("Created")),
        DateColumn("expires_at", label=_("Expires")),
        DateColumn("last_used_at", label=_("Last used")),
        DateColumn("revoked_at", label=_("Revoked")),
    ]
    search_fields = ["name", "organisation"]

    def get_form_class(self, for_update: bool = False) -> type[WagtailAdminModelForm]:
        return EditTokenForm if for_update else IssueTokenForm
